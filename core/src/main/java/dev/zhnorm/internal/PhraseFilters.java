package dev.zhnorm.internal;

/**
 * Filters derived from a dense dictionary (OpenCC's STPhrases: most chars of running text
 * start some phrase) for its plain conversion loop. Four fifths of STPhrases' keys convert exactly
 * as their chars do one by one (发展 → 發展, 一向 → 一向; 干净 → 乾淨 does not): such a key
 * changes no output where it matches, only where the next match may start. So the loop copies char
 * by char until a pair that begins a key whose value differs ({@link #mayChange}), then finds the
 * last position before it that no key can span ({@link #mayContinue} false for the pair across it),
 * which is a segment start of the greedy walk, and walks from there: the output is the walk's.
 * Where the pair begins only longer such keys, none of which the next char continues
 * ({@link #mayStartChange} false), the loop goes on without the step back and the walk. Immutable.
 */
final class PhraseFilters {
    private final PairFilter changing;
    private final PairFilter inner;
    /**
     * A bit per hashed start of a key whose value differs from its chars': its first two chars and
     * its third ({@link #NO_THIRD} for a key of two). Asked only where the copy loop stopped, at a
     * pair that may begin a changing key: where none starts there after all (the pair begins only
     * longer ones, which the third char does not continue), it answers without the pair slot's
     * probe and a walk. On STPhrases it answers 11,319 of 左传's 13,659 stops and 140,504 of the
     * synthetic corpus's 313,169.
     */
    private final long[] starts;
    private static final int NO_THIRD = 0x1_0000;
    private static final int INNER_BITS_DENSE = 20;
    /** 2^18 bits, 32 KB: beside the changing filter, small enough to leave the L2 to the walks (see CHANGING_BITS). */
    private static final int STARTS_BITS = 18;

    private PhraseFilters(PairFilter changing, PairFilter inner, long[] starts) {
        this.changing = changing;
        this.inner = inner;
        this.starts = starts;
    }

    /**
     * A bit per hashed pair of chars, about 32 bits per pair: a clear bit proves the pair absent.
     *
     * @param bits the bits, tested as {@code (bits[h >>> 6] >>> h) & 1} for a {@link #hash} {@code h}
     * @param shift the shift of {@link #hash} for this size
     */
    record PairFilter(long[] bits, int shift) {
        boolean mayContain(char first, char second) {
            int h = hash(first, second, shift);
            return (bits[h >>> 6] & (1L << h)) != 0;
        }
    }

    /**
     * @param dense the dictionary's dense table: per char, its result when no longer key matches in
     *     the low half, or -1 when the trie must decide anyway
     * @param inner the dictionary's {@link #innerPairs} when already derived, else {@code null}
     */
    static PhraseFilters derive(CompiledDictionary d, int[] dense, PairFilter inner) {
        int nodes = d.nodeInfo.length;
        char[] into = leadingChars(d);
        int[] childCount = new int[nodes + 1];
        int edgeCount = 0;
        for (long e : d.edges) {
            if (e != 0) {
                childCount[parent(e) + 1]++;
                edgeCount++;
            }
        }
        for (int i = 0; i < nodes; i++) {
            childCount[i + 1] += childCount[i];
        }
        int[] children = new int[edgeCount];
        int[] fill = childCount.clone();
        for (long e : d.edges) {
            if (e != 0) {
                children[fill[parent(e)]++] = child(e);
            }
        }
        // Depth-first over the keys, with whether their prefix so far converts as its chars do.
        int[] changingFirst = new int[Math.max(16, edgeCount)];
        int changingCount = 0;
        long[] starts = new long[1 << (STARTS_BITS - 6)];
        int[] stack = new int[nodes];
        int[] depthOf = new int[nodes];
        char[] path = new char[Math.max(1, d.maxKeyLength)];
        boolean[] plain = new boolean[nodes];
        int top = 0;
        for (int c = 0; c < CompiledDictionary.ROOT_SIZE; c++) {
            int r = d.root[c];
            if (r > 0) {
                depthOf[r] = 1;
                plain[r] = dense[c] != -1 && !Character.isSurrogate((char) c);
                stack[top++] = r;
            }
        }
        while (top > 0) {
            int node = stack[--top];
            int depth = depthOf[node];
            path[depth - 1] = into[node];
            if (depth >= 2) {
                int id = (d.nodeInfo[node] >>> 1) - 1;
                if (id >= 0 && !(plain[node] && sameAsSingles(d, id, path, depth, dense))) {
                    if (changingCount == changingFirst.length) {
                        changingFirst = java.util.Arrays.copyOf(changingFirst, 2 * changingCount);
                    }
                    changingFirst[changingCount++] = (path[0] << 16) | path[1];
                    set(starts, startHash((path[0] << 16) | path[1], depth == 2 ? NO_THIRD : path[2]));
                }
            }
            for (int k = childCount[node]; k < childCount[node + 1]; k++) {
                int ch = children[k];
                char x = into[ch];
                depthOf[ch] = depth + 1;
                plain[ch] = plain[node] && dense[x] != -1 && !Character.isSurrogate(x);
                stack[top++] = ch;
            }
        }
        // Every false positive here is a stop of the copy loop; the starts filter answers most of
        // them without a walk (CHANGING_BITS says why the size is what it is).
        int changingBits = CHANGING_BITS;
        long[] changing = new long[1 << (changingBits - 6)];
        for (int i = 0; i < changingCount; i++) {
            int pair = changingFirst[i];
            set(changing, hash((char) (pair >>> 16), (char) pair, 32 - changingBits));
        }
        return new PhraseFilters(new PairFilter(changing, 32 - changingBits),
                inner != null ? inner : innerPairs(d, into), starts);
    }

    /** @return per node, the char of the edge that leads into it */
    private static char[] leadingChars(CompiledDictionary d) {
        char[] into = new char[d.nodeInfo.length];
        for (int c = 0; c < CompiledDictionary.ROOT_SIZE; c++) {
            if (d.root[c] > 0) {
                into[d.root[c]] = (char) c;
            }
        }
        for (long e : d.edges) {
            if (e != 0) {
                into[child(e)] = edgeChar(e);
            }
        }
        return into;
    }

    /**
     * @return a filter of every pair of consecutive chars inside some key of {@code d}: a pair it
     *     does not contain proves that no match spans the boundary between its chars
     */
    static PairFilter innerPairs(CompiledDictionary d) {
        return innerPairs(d, leadingChars(d));
    }

    private static PairFilter innerPairs(CompiledDictionary d, char[] into) {
        int edgeCount = 0;
        for (long e : d.edges) {
            if (e != 0) {
                edgeCount++;
            }
        }
        // A dense dictionary's copy loop asks at every stop: 128 KB at most (STPhrases' edges at 32
        // bits each would take 512 KB, this machine's whole L2 per core).
        int innerBits = d.skipsUnchangingKeys() ? Math.min(INNER_BITS_DENSE, bits(edgeCount)) : bits(edgeCount);
        long[] inner = new long[1 << (innerBits - 6)];
        for (long e : d.edges) {
            if (e != 0) {
                set(inner, hash(into[parent(e)], edgeChar(e), 32 - innerBits));
            }
        }
        return new PairFilter(inner, 32 - innerBits);
    }

    /** Whether the value {@code id} is the chars of {@code path[0,depth)}, each its one-char result. */
    private static boolean sameAsSingles(CompiledDictionary d, int id, char[] path, int depth, int[] dense) {
        int vs = d.valueOffsets[id];
        if (d.valueOffsets[id + 1] - vs != depth) {
            return false;
        }
        for (int i = 0; i < depth; i++) {
            if (d.valueChars[vs + i] != (char) dense[path[i]]) {
                return false;
            }
        }
        return true;
    }

    private static int startHash(int pair, int third) {
        return (int) (((((long) pair << 17) | third) * 0x9E3779B97F4A7C15L) >>> (64 - STARTS_BITS));
    }

    /**
     * @return whether a key whose value differs from its chars' one-char results may start at
     *     {@code a[p]}, which must have two chars after it: {@code false} proves that none does
     */
    boolean mayStartChange(char[] a, int p) {
        int pair = (a[p] << 16) | a[p + 1];
        int h2 = startHash(pair, NO_THIRD);
        int h3 = startHash(pair, a[p + 2]);
        return (starts[h2 >>> 6] & (1L << h2)) != 0 || (starts[h3 >>> 6] & (1L << h3)) != 0;
    }

    /** @return whether a key whose value differs from its chars' one-char results may begin with this pair */
    boolean mayChange(char first, char second) {
        return changing.mayContain(first, second);
    }

    /** @return whether some key may hold {@code first} followed by {@code second}: a clear answer proves no match spans them */
    boolean mayContinue(char first, char second) {
        return inner.mayContain(first, second);
    }

    /** @return the filter of {@link #mayContinue}, which is also the dictionary's */
    PairFilter inner() {
        return inner;
    }

    /** @return the filter of {@link #mayChange}, whose bits the copy loop tests inline */
    PairFilter changing() {
        return changing;
    }

    /**
     * The size of the {@link #changing} filter, fixed so that the copy loop's hash shifts by a
     * constant ({@link #CHANGING_SHIFT}): C2 (JDK 17) compiles a shift by a variable to
     * {@code shr r, cl}, several uops on every char. 2^19 bits (64 KB) is 32 bits per pair for
     * STPhrases' 8,381 pairs. Before the starts filter answered false stops without a walk, 128 bits
     * per pair (256 KB) made s2t on 左传 1.13x faster than 32; since, and on a core with a 512 KB L2
     * (AMD EPYC), 64 KB here and 32 KB of starts (from 256 and 128) read 1.03-1.13x in one order and
     * 1.02-1.14x in the other (ConverterAB, 21 rounds, s2t, s2hk, s2twp on both corpora); 32 KB and
     * 16 KB read 0.85-0.98x.
     */
    static final int CHANGING_BITS = 19;
    static final int CHANGING_SHIFT = 32 - CHANGING_BITS;

    static int hash(char first, char second, int shift) {
        return (((first << 16) | second) * 0x9E3779B1) >>> shift;
    }

    /** About 32 bits per pair (per unit of {@code pairs}): few false positives, and small enough to stay in cache. */
    private static int bits(int pairs) {
        return Math.max(6, Math.min(22, 32 - Integer.numberOfLeadingZeros(Math.max(1, pairs * 32 - 1))));
    }

    private static void set(long[] bits, int h) {
        bits[h >>> 6] |= 1L << h;
    }

    private static int parent(long e) {
        return (int) (e >>> 38);
    }

    private static int child(long e) {
        return (int) (e & ((1L << CompiledDictionary.CHILD_BITS) - 1));
    }

    private static char edgeChar(long e) {
        return (char) ((e >>> CompiledDictionary.CHILD_BITS) & 0xFFFF);
    }
}
