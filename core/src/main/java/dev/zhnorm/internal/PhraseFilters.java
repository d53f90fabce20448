package dev.zhnorm.internal;

/**
 * Filters derived from a dense dictionary (OpenCC's STPhrases: most chars of running text
 * start some phrase) for its plain conversion loop. Four fifths of STPhrases' keys convert exactly
 * as their chars do one by one (发展 → 發展, 一向 → 一向; 干净 → 乾淨 does not): such a key
 * changes no output where it matches, only where the next match may start. So the loop copies char
 * by char until a pair that a key whose value differs holds ({@link #mayChange}: a key of two
 * chars, its pair; a longer key, its first pair or its second and third chars), then finds the
 * last position before it that no key can span ({@link #mayContinue} false for the pair across
 * it), which is a segment start of the greedy walk, and walks from there: the output is the walk's.
 * Where no such key starts at the stop or the char before it after all ({@link #mayChangeAt}
 * false), the loop goes on without the step back and the walk. Immutable.
 *
 * <p>A longer key stops the loop at whichever of those two pairs fewer of the dictionary's phrases
 * hold ({@link PairCounts}): the first two chars of many of STPhrases' longer changing keys are
 * common words (中国 of 中国制造, 经济 of 经济体制, 新闻 of 新闻发布会) which, as the first pair,
 * stopped the loop wherever they stood, only for the third char to rule the key out; their second
 * and third (国制, 济体, 闻发) stand rarely anywhere else. s2t's loop stops 225,000 times on the
 * synthetic corpus where it stopped 335,000 times, 12,600 on 左传 where 18,900.
 */
final class PhraseFilters {
    private final PairFilter changing;
    private final PairFilter inner;
    /**
     * A bit per hashed start of a key whose value differs from its chars': its first two chars and
     * its third ({@link #NO_THIRD} for a key of two). Asked only where the copy loop stopped
     * ({@link #mayChangeAt}): where no such key starts there or at the char before after all (a
     * filter's false positive, or a pair that such keys hold with other chars around it), it
     * answers without the pair slot's probe and a walk.
     */
    private final long[] starts;
    /**
     * The dictionary's dense table (per char its one-char result, bit 16 when it starts a key of two
     * or more chars, -1 when the trie must decide) with {@link #TESTED} on each char that begins a
     * pair of {@link #changing}: the copy loop tests the filter there only, so the filter's false
     * positives cost no stop at the other chars (punctuation among them). The loop and its walks
     * read this table in place of the dictionary's, which one load per char of one table wants.
     */
    private final int[] dense;
    /**
     * The bit of {@link #dense} on the chars at which the copy loop tests {@link #changing}: bit 18,
     * so that -1 (every bit) is still told apart by the next one up, which no other entry has.
     */
    static final int TESTED = 1 << 18;
    /** Where the copy loop finds {@link #TESTED}: {@code (e >>> TESTED_SHIFT) & 1}, and -1 by bit 1 of that. */
    static final int TESTED_SHIFT = 18;
    private static final int NO_THIRD = 0x1_0000;
    private static final int INNER_BITS_DENSE = 20;
    /** 2^18 bits, 32 KB: beside the changing filter, small enough to leave the L2 to the walks (see CHANGING_BITS). */
    private static final int STARTS_BITS = 18;

    private PhraseFilters(PairFilter changing, PairFilter inner, long[] starts, int[] dense) {
        this.changing = changing;
        this.inner = inner;
        this.starts = starts;
        this.dense = dense;
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
        int[] changingPairs = new int[Math.max(16, edgeCount)];
        int[] laterPairs = new int[changingPairs.length];
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
                    if (changingCount == changingPairs.length) {
                        changingPairs = java.util.Arrays.copyOf(changingPairs, 2 * changingCount);
                        laterPairs = java.util.Arrays.copyOf(laterPairs, 2 * changingCount);
                    }
                    // A longer key by its first pair or by its second and third chars: chosen below.
                    changingPairs[changingCount] = (path[0] << 16) | path[1];
                    laterPairs[changingCount++] = depth == 2 ? (path[0] << 16) | path[1] : (path[1] << 16) | path[2];
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
        PairCounts inKeys = new PairCounts(changingPairs, laterPairs, changingCount);
        inKeys.countEdges(d, into);
        for (int i = 0; i < changingCount; i++) {
            if (inKeys.of(laterPairs[i]) < inKeys.of(changingPairs[i])) {
                changingPairs[i] = laterPairs[i]; // the rarer of the two
            }
        }
        // Every false positive here is a stop of the copy loop; the starts filter answers most of
        // them without a walk (CHANGING_BITS says why the size is what it is).
        int changingBits = CHANGING_BITS;
        long[] changing = new long[1 << (changingBits - 6)];
        for (int i = 0; i < changingCount; i++) {
            int pair = changingPairs[i];
            set(changing, hash((char) (pair >>> 16), (char) pair, 32 - changingBits));
        }
        int[] tested = dense.clone();
        for (int i = 0; i < changingCount; i++) {
            int first = changingPairs[i] >>> 16;
            if (tested[first] != -1) {
                tested[first] |= TESTED;
            }
        }
        return new PhraseFilters(new PairFilter(changing, 32 - changingBits),
                inner != null ? inner : innerPairs(d, into), starts, tested);
    }

    /**
     * How many of a dictionary's key prefixes end in each of some pairs of chars: the pairs that many
     * phrases hold are common words of running text (中国 of 中国制造, 没有 of 从来没有), and a pair
     * few phrases hold is rare there too (国制). This is how {@link #derive} tells which pair of a
     * long key the copy loop should stop at. An open-addressing table of the pairs asked about, filled
     * by one pass over the trie's edges (a sort of every edge's pair took 27 ms in a fresh JVM).
     */
    private static final class PairCounts {
        private final int[] pairs;
        private final int[] counts;
        private final boolean[] used;
        private final int shift;

        /** The table of the pairs {@code a[0,n)} and {@code b[0,n)}, each counted 0 so far. */
        PairCounts(int[] a, int[] b, int n) {
            int bits = Math.max(4, 32 - Integer.numberOfLeadingZeros(4 * n)); // at most half full
            this.pairs = new int[1 << bits];
            this.counts = new int[1 << bits];
            this.used = new boolean[1 << bits];
            this.shift = 32 - bits;
            for (int i = 0; i < n; i++) {
                add(a[i]);
                add(b[i]);
            }
        }

        private void add(int pair) {
            int s = slot(pair);
            used[s] = true;
            pairs[s] = pair;
        }

        /** @return the pair's slot, or the empty one where it would go */
        private int slot(int pair) {
            int mask = pairs.length - 1;
            int s = (pair * 0x9E3779B1) >>> shift;
            while (used[s] && pairs[s] != pair) {
                s = (s + 1) & mask;
            }
            return s;
        }

        /** Counts every edge of {@code d}'s trie whose pair (its parent's char, its own) is in the table. */
        void countEdges(CompiledDictionary d, char[] into) {
            for (long e : d.edges) {
                if (e != 0) {
                    int s = slot((into[parent(e)] << 16) | edgeChar(e));
                    if (used[s]) {
                        counts[s]++;
                    }
                }
            }
        }

        /** @return how many key prefixes end in {@code pair} ({@code (first << 16) | second}), one of the table's */
        int of(int pair) {
            return counts[slot(pair)];
        }
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
     * Asked where the copy loop stopped at {@code a[p]}, which must have a char after it: whether a
     * key whose value differs from its chars' one-char results may be the reason: one starting at
     * {@code p} (of two chars, or longer and stopping the loop at its first pair), or a longer one
     * starting at {@code p - 1} (stopping it at its second and third chars). {@code false} proves
     * that none is.
     *
     * @param to the end of the text: no longer key starting at {@code p} ends beyond it
     * @param runStart where the loop's run of copied chars began: a key starting before it is no
     *     reason (the walk before the run has passed its start)
     */
    boolean mayChangeAt(char[] a, int p, int to, int runStart) {
        int pair = (a[p] << 16) | a[p + 1];
        int h = startHash(pair, NO_THIRD);
        if ((starts[h >>> 6] & (1L << h)) != 0) {
            return true;
        }
        if (p + 2 < to) {
            h = startHash(pair, a[p + 2]);
            if ((starts[h >>> 6] & (1L << h)) != 0) {
                return true;
            }
        }
        if (p == runStart) {
            return false;
        }
        h = startHash((a[p - 1] << 16) | a[p], a[p + 1]);
        return (starts[h >>> 6] & (1L << h)) != 0;
    }

    /**
     * @return whether a key whose value differs from its chars' one-char results may hold this pair
     *     where the copy loop tests it: as a key of two chars, or as the first pair or the second
     *     and third chars of a longer key
     */
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

    /** @return the dense table with {@link #TESTED} bits, which the copy loop and its walks read */
    int[] dense() {
        return dense;
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
