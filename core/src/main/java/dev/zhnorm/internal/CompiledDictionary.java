package dev.zhnorm.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A flattened dictionary compiled into arrays for longest-prefix matching: a character trie whose
 * first level is a direct {@code int[65536]} table and whose deeper edges live in one
 * open-addressing {@code long[]} table (parent node, char, child node packed in one word, so an edge
 * probe touches one cache line and never allocates). Single characters that map to a single BMP
 * character and start no longer key are stored inline in the first-level table, so the common case
 * costs one array read. Keys are matched as UTF-16 code units; because keys are well-formed, a match
 * never ends inside a surrogate pair, which gives OpenCC's code-point semantics.
 *
 * <p>Immutable and thread-safe.
 */
public final class CompiledDictionary {
    /** Match result meaning "no key is a prefix of the text here". */
    public static final long NO_MATCH = -1L;

    /**
     * @param match a result of {@link #match} other than {@link #NO_MATCH}
     * @return the length in chars of the matched key
     */
    public static int matchLength(long match) {
        return (int) (match >>> 32);
    }

    /**
     * @param match a result of {@link #match} other than {@link #NO_MATCH}
     * @return the id of the matched key's value, for {@link #appendValue}, {@link #value} and {@link #source}
     */
    public static int matchValue(long match) {
        return (int) match;
    }

    static final int ROOT_SIZE = 1 << 16;
    static final int SIMPLE_FLAG = 0x8000_0000;
    static final int MAX_INLINE_VALUE_ID = 0x7FFF;
    static final int CHILD_BITS = 22;
    private static final long CHILD_MASK = (1L << CHILD_BITS) - 1;
    static final int MAX_NODES = (1 << CHILD_BITS) - 1;

    final String name;
    /** 0: no key starts here; &gt;0: node id; &lt;0: inline leaf, bits 16..30 value id, bits 0..15 the char. */
    final int[] root;
    /** Per node: ((valueId + 1) &lt;&lt; 1) | hasChildren. */
    final int[] nodeInfo;
    /** Edge table: 0 empty, else (parent &lt;&lt; 38) | (char &lt;&lt; 22) | child. */
    final long[] edges;
    private final int edgeShift;
    final char[] valueChars;
    final int[] valueOffsets;
    final short[] valueSource;
    final String[] sources;
    final int maxKeyLength;
    final int size;
    /**
     * Derived at load time for dense dictionaries ({@link #denseStarters}), else {@code null}: per
     * char, in the low half its result when no key of two or more chars matches (the one-char
     * mapping or the char itself), bit 16 set when it starts such a key (the pair filter decides),
     * or -1 when the trie must decide anyway (a value of several chars, a description operator).
     * One load per char where there were two tables.
     */
    private final int[] dense;
    /**
     * Derived at load time: a bit per hashed (first char, second char) pair that begins a key of two
     * or more chars. A clear bit proves that only a one-char key can match here, so most positions
     * skip the trie entirely; a set bit may be a false positive and is checked by the walk.
     */
    private final long[] pairs;
    private final int pairShift;
    /**
     * Derived at load time: the trie's first two levels as one open-addressing table of four ints
     * per slot: the pair {@code (first << 16) | second}, the node it leads to (0 marks an empty
     * slot), that node's value id + 1 (0: the pair alone is no key), and a 32-bit filter of the
     * chars that continue a key from it (bit {@code c & 31}; 0 for a leaf). The profile of s2t on
     * classical text put most of the time in probes of the big edge table (2 MB for STPhrases, a
     * cache miss each), most for a second char, then for a third char that continues nothing; one
     * probe of this table answers both in one cache line.
     */
    private final int[] pairSlots;
    private final int pairSlotShift;

    private static final char COMPLEX = '\uFFFF';
    /**
     * Whether so many chars start longer keys (OpenCC's s2t phrases: three quarters of the positions
     * in running text) that the hot loop should test the pair filter for every char without
     * branching on whether it starts a key; otherwise a tight loop copies chars that start none.
     */
    private final boolean denseStarters;
    /**
     * Whether the table loops stop at every ideographic description operator and a walk never
     * passes over one: no key holds an operator (none of OpenCC's does), so {@link #dense} and
     * {@link #grouped} mark each operator as a char the trie must decide.
     */
    private final boolean operatorsStop;
    /**
     * The range of chars that start a key, for {@link #firstStarter}: the CJK compatibility stage's
     * (U+D87E to U+FAFF) lies above every common Han char, so its scan of a whole text for
     * nothing needs no load of the 256 KB {@link #root} per char.
     */
    private final char lowestStarter;
    private final char starterSpan;
    private static final int DENSE_STARTERS = 2000;
    /**
     * Derived at load time for sparse dictionaries with phrases (not {@link #denseStarters}), in
     * place of the pair filter and {@link #dense}: per char, in the low half its result when no key
     * of two or more chars matches, and in bits 16–30 the {@linkplain #secondBit groups} of the
     * chars that follow it as the second char of such a key (-1, all bits, when the trie must
     * decide anyway). With {@link #nextBit}, a clear bit proves that only a one-char key can match,
     * so the hot loop is two loads and no branch but the exit. The profile of t2cn on 左传 put its
     * time in the exit branch of a one-table loop: its stages start phrases at 13–22% of the
     * positions, and nearly every one of those is followed by a char that continues nothing.
     * Null where {@link #wideGrouped} takes its place.
     */
    private final int[] grouped;
    /**
     * Derived with {@link #grouped}: per char, the mask to test in the previous char's entry, the bit
     * of its {@linkplain #secondBit group} when it is the second char of some key of two or more
     * chars, else bit 31, which only -1 has. Most chars of running text continue no phrase: they
     * never send the loop to the trie, which a hash of every char into 16 groups did for 3% of 左传's
     * positions in t2cn's first stage (t2cn 1.3× faster again for 64 KB per sparse dictionary).
     * Masks, not bit numbers: a byte per char (64 KB, not 256 KB) made the loop shift by a variable,
     * which C2 (JDK 17) compiles to a multi-uop {@code shr r, cl}; the masks made hk2t 1.3×, t2s and
     * hk2s 1.16× faster on 左传 for 2.9 MB more heap over the 17 presets.
     */
    private final int[] nextBit;
    /**
     * {@link #grouped} with 47 groups in bits 16–62 (and {@link #wideNextBit} its masks, bit 63 for
     * no group), for a dictionary with more than {@link #WIDE_SECONDS} second chars: there 15 groups
     * hold so many chars each that a char that begins some key sends the loop to the trie wherever
     * the next char shares a group with one of its keys' second chars. tw2sp's first stage (606
     * second chars) did so at 74,236 positions of the synthetic corpus, 10,876 with 47 groups: tw2sp
     * 1.15–1.20× faster, t2cn 1.06–1.18× (its first stage has 732). Twice the memory per char: with
     * every sparse dictionary wide, hk2s read 0.90–1.00× on 左传, where its two dictionaries (56 and
     * 357 second chars) gain nothing.
     */
    private final long[] wideGrouped;
    /** {@link #nextBit} of {@link #wideGrouped}. */
    private final long[] wideNextBit;
    /** Groups of second chars in {@link #grouped} (an int's bits 16–30) and in {@link #wideGrouped} (a long's 16–62). */
    private static final int GROUPS = 15;
    private static final int WIDE_GROUPS = 47;
    /** Second chars above which a sparse dictionary takes {@link #wideGrouped}: 32 per group of {@link #GROUPS}. */
    private static final int WIDE_SECONDS = 32 * GROUPS;
    /**
     * For a sparse dictionary without phrases (a char map, {@link #copyMapped}): per char its result,
     * or -1 where the trie must decide.
     */
    private final int[] mapped;
    /**
     * For dense dictionaries, the filters of {@link #convertSkipping}, derived when {@link
     * #worthDeriving} says so (deriving them costs about 40 ms in a fresh JVM, which one short text
     * would not win back); until then {@code null}. Immutable once set: a race derives the same
     * filters twice.
     */
    private volatile PhraseFilters phraseFilters;
    /** Whether some value holds an ideographic description operator: 1 yes, 0 no, -1 not looked yet. */
    private volatile int valuesHoldOperators = -1;
    /** {@link #mayContinue}'s filter, derived on first use; immutable once set. */
    private volatile PhraseFilters.PairFilter innerPairs;
    private static final int SKIP_MIN_CHARS = 4096;
    /**
     * Chars that texts shorter than {@link #SKIP_MIN_CHARS} convert here before the tables derived
     * for long texts ({@link #phraseFilters}, {@link #followedBy}) serve them too: 4 M chars, about
     * what the walk at each stop loses against the skipping loop while deriving costs 20-40 ms (rent
     * or buy). Without it a stream of short texts (search fields, table rows) never took them:
     * s2t, s2hk, s2twp ran 1.5-1.9x HanLP on the synthetic corpus's 1 KB text against 3-4x on 10 MB.
     */
    static final int SHORT_TEXTS_DERIVE_AFTER = 1 << 22;
    /** Chars of short texts converted here without the tables derived for long texts. */
    private final Demand shortTexts = new Demand(SHORT_TEXTS_DERIVE_AFTER);

    /**
     * @return the bit in {@link #grouped} (15 groups) or {@link #wideGrouped} (47) of {@code c}'s
     *     group as a second char, by a multiplicative hash
     */
    private static int secondBit(char c, int groups) {
        return 16 + (int) ((((c * 0x9E3779B1) & 0xFFFF_FFFFL) * groups) >>> 32);
    }

    CompiledDictionary(String name, int[] root, int[] nodeInfo, long[] edges, char[] valueChars,
                               int[] valueOffsets, short[] valueSource, String[] sources, int maxKeyLength, int size) {
        this.name = name;
        this.root = root;
        this.nodeInfo = nodeInfo;
        this.edges = edges;
        this.edgeShift = 64 - Integer.numberOfTrailingZeros(edges.length);
        this.valueChars = valueChars;
        this.valueOffsets = valueOffsets;
        this.valueSource = valueSource;
        this.sources = sources;
        this.maxKeyLength = maxKeyLength;
        this.size = size;
        // Two passes over the chars, one fewer than before the packed tables: start-up runs them interpreted.
        char[] oneIfNoPair = new char[ROOT_SIZE];
        boolean[] longer = new boolean[ROOT_SIZE];
        int starters = deriveSingle(oneIfNoPair, longer);
        this.denseStarters = starters > DENSE_STARTERS;
        int lo = 0;
        while (lo < ROOT_SIZE - 1 && root[lo] == 0) {
            lo++;
        }
        int hi = ROOT_SIZE - 1;
        while (hi > lo && root[hi] == 0) {
            hi--;
        }
        // Without any key: U+FFFF alone, which no key starts, so every char is passed.
        this.lowestStarter = (char) lo;
        this.starterSpan = (char) (hi - lo);
        int[] rootCharOfNode = new int[nodeInfo.length];
        Arrays.fill(rootCharOfNode, -1);
        for (int c = 0; c < ROOT_SIZE; c++) {
            if (root[c] > 0) {
                rootCharOfNode[root[c]] = c;
            }
        }
        int pairCount = 0;
        boolean beyondCodePoint = false;
        // Low surrogates after a high one are left out: no other char precedes them in text.
        BitSet seconds = new BitSet(ROOT_SIZE);
        for (long e : edges) {
            int first = e == 0 ? -1 : rootCharOfNode[(int) (e >>> 38)];
            if (first >= 0) {
                pairCount++;
                beyondCodePoint |= !Character.isHighSurrogate((char) first)
                        || (nodeInfo[(int) (e & CHILD_MASK)] & 1) != 0;
                if (!Character.isHighSurrogate((char) first)) {
                    seconds.set((int) ((e >>> CHILD_BITS) & 0xFFFF));
                }
            }
        }
        // Without a key of two or more code points, a sparse dictionary is a plain char map.
        boolean phrases = beyondCodePoint;
        boolean wide = !denseStarters && phrases && seconds.cardinality() > WIDE_SECONDS;
        // Each loop keeps only its own table.
        this.dense = denseStarters ? new int[ROOT_SIZE] : null;
        this.grouped = denseStarters || !phrases || wide ? null : new int[ROOT_SIZE];
        this.nextBit = grouped == null ? null : new int[ROOT_SIZE];
        this.wideGrouped = wide ? new long[ROOT_SIZE] : null;
        this.wideNextBit = wide ? new long[ROOT_SIZE] : null;
        this.mapped = denseStarters || phrases ? null : new int[ROOT_SIZE];
        for (int c = 0; c < ROOT_SIZE; c++) {
            char m = oneIfNoPair[c];
            // A surrogate pair that starts a key goes to the trie: a key of one supplementary
            // code point (the CJK compatibility stage's, folded into a char map) is no phrase.
            boolean trie = m == COMPLEX || longer[c] && Character.isHighSurrogate((char) c);
            if (denseStarters) {
                dense[c] = m == COMPLEX ? -1 : longer[c] ? 0x1_0000 | m : m;
            } else if (grouped != null) {
                grouped[c] = trie ? -1 : m;
            } else if (wide) {
                wideGrouped[c] = trie ? -1 : m;
            } else {
                mapped[c] = trie ? -1 : m;
            }
        }
        boolean keysHoldOperators = false;
        for (int c = 0x2FF0; c <= 0x2FFF; c++) {
            keysHoldOperators |= IdeographicDescription.isOperator((char) c) && root[c] != 0;
        }
        for (long e : edges) {
            keysHoldOperators |= e != 0 && IdeographicDescription.isOperator((char) ((e >>> CHILD_BITS) & 0xFFFF));
        }
        this.operatorsStop = !keysHoldOperators;
        if (nextBit != null) {
            Arrays.fill(nextBit, 1 << 31);
        }
        if (wide) {
            Arrays.fill(wideNextBit, 1L << 63);
        }
        // About 32 bits per pair: a false positive costs one trie probe, and the table stays in L2.
        int bits = Math.max(6, Math.min(21, 32 - Integer.numberOfLeadingZeros(Math.max(1, pairCount * 32 - 1))));
        this.pairShift = 32 - bits;
        this.pairs = new long[1 << (bits - 6)];
        for (long e : edges) {
            if (e != 0) {
                int first = rootCharOfNode[(int) (e >>> 38)];
                if (first >= 0) {
                    int h = pairHash((char) first, (char) ((e >>> CHILD_BITS) & 0xFFFF), pairShift);
                    pairs[h >>> 6] |= 1L << h;
                    char second = (char) ((e >>> CHILD_BITS) & 0xFFFF);
                    if (grouped != null) {
                        grouped[first] |= 1 << secondBit(second, GROUPS);
                        nextBit[second] = 1 << secondBit(second, GROUPS);
                    } else if (wide) {
                        wideGrouped[first] |= 1L << secondBit(second, WIDE_GROUPS);
                        wideNextBit[second] = 1L << secondBit(second, WIDE_GROUPS);
                    }
                }
            }
        }
        // About three quarters full at most: a probe rarely reaches a second slot, and the table stays small.
        int slotBits = Math.max(2, 32 - Integer.numberOfLeadingZeros(Math.max(1, pairCount * 4 / 3 - 1)));
        this.pairSlotShift = 32 - slotBits;
        this.pairSlots = new int[4 << slotBits];
        int slotMask = (1 << slotBits) - 1;
        int[] slotOfNode = new int[nodeInfo.length];
        Arrays.fill(slotOfNode, -1);
        for (long e : edges) {
            if (e != 0) {
                int first = rootCharOfNode[(int) (e >>> 38)];
                if (first >= 0) {
                    int pair = (first << 16) | (int) ((e >>> CHILD_BITS) & 0xFFFF);
                    int h = (pair * 0x9E3779B1) >>> pairSlotShift;
                    while (pairSlots[4 * h + 1] != 0) {
                        h = (h + 1) & slotMask;
                    }
                    int child = (int) (e & CHILD_MASK);
                    pairSlots[4 * h] = pair;
                    pairSlots[4 * h + 1] = child;
                    pairSlots[4 * h + 2] = nodeInfo[child] >>> 1;
                    slotOfNode[child] = 4 * h;
                }
            }
        }
        for (long e : edges) {
            if (e != 0) {
                int s = slotOfNode[(int) (e >>> 38)];
                if (s >= 0) { // an edge out of a depth-two node: its char enters the filter
                    pairSlots[s + 3] |= 1 << ((e >>> CHILD_BITS) & 31);
                }
            }
        }
    }

    /** @return the index of the pair's slot in {@link #pairSlots}, or -1 when no key starts with it */
    private int pairSlot(char first, char second) {
        final int[] t = pairSlots;
        int pair = (first << 16) | second;
        int mask = (t.length >>> 2) - 1;
        int h = (pair * 0x9E3779B1) >>> pairSlotShift;
        while (true) {
            int s = 4 * h;
            if (t[s + 1] == 0) {
                return -1;
            }
            if (t[s] == pair) {
                return s;
            }
            h = (h + 1) & mask;
        }
    }

    private static int pairHash(char first, char second, int shift) {
        return (((first << 16) | second) * 0x9E3779B1) >>> shift;
    }

    /**
     * Fills {@code t} with each char's result when no key of two or more chars matches (the
     * one-char mapping or the char itself, else {@link #COMPLEX}) and {@code longer} with whether
     * such a key starts with it.
     *
     * @return how many chars start a longer key or are {@link #COMPLEX} anyway
     */
    private int deriveSingle(char[] t, boolean[] longer) {
        int starters = 0;
        for (int c = 0; c < ROOT_SIZE; c++) {
            int r = root[c];
            if (IdeographicDescription.isOperator((char) c) && r >= 0) {
                t[c] = COMPLEX; // unless a key matches, a description sequence may start here: walk() decides
            } else if (r == 0) {
                t[c] = (char) c;
            } else if (r < 0) {
                t[c] = (char) r;
            } else {
                int id = (nodeInfo[r] >>> 1) - 1;
                if (id < 0) {
                    t[c] = (char) c;
                } else if (valueOffsets[id + 1] - valueOffsets[id] == 1) {
                    t[c] = valueChars[valueOffsets[id]];
                } else {
                    t[c] = COMPLEX;
                }
            }
            longer[c] = r > 0 && (nodeInfo[r] & 1) != 0;
            if (longer[c] || t[c] == COMPLEX) {
                starters++;
            }
        }
        return starters;
    }


    /** What a compiled dictionary is used for; conversion drops entries that cannot change text. */
    public enum Purpose {
        /**
         * Keys and values: identity single-character entries are dropped (copying gives the same
         * result), except for ideographic description operators, where a match means no sequence.
         */
        CONVERSION,
        /** Keys only matter: every key is kept, a matched single character still forms its own segment. */
        SEGMENTATION
    }

    /**
     * Compiles flattened entries (unique keys).
     *
     * @param name name for diagnostics
     * @param entries the entries; keys must be unique and well-formed
     * @param purpose conversion or segmentation
     * @return the compiled dictionary
     */
    public static CompiledDictionary compile(String name, List<FlatEntry> entries, Purpose purpose) {
        return new CompiledDictionaryBuilder(name, entries, purpose).build();
    }

    /** @return whether {@link #convert} without a log may skip the keys that change nothing (dense dictionaries) */
    public boolean skipsUnchangingKeys() {
        return denseStarters;
    }

    /** @return whether some key holds an ideographic description operator (none of OpenCC's do) */
    boolean keysHoldOperators() {
        return !operatorsStop;
    }

    /** @return whether some value holds an ideographic description operator (none of OpenCC's do) */
    public boolean valuesHoldOperators() {
        int v = valuesHoldOperators;
        if (v < 0) {
            v = 0;
            for (char c : valueChars) {
                if (IdeographicDescription.isOperator(c)) {
                    v = 1;
                    break;
                }
            }
            valuesHoldOperators = v;
        }
        return v == 1;
    }

    /**
     * @return whether some key may hold {@code first} followed by {@code second}; {@code false}
     *     proves that no match spans the boundary between them
     */
    public boolean mayContinue(char first, char second) {
        return innerPairs().mayContain(first, second);
    }

    PhraseFilters.PairFilter innerPairs() {
        PhraseFilters.PairFilter f = innerPairs;
        if (f == null) {
            f = PhraseFilters.innerPairs(this);
            innerPairs = f;
        }
        return f;
    }

    /**
     * @return whether a text of {@code chars} chars may take the tables derived for long texts: a
     *     long text at once, short ones once {@link #SHORT_TEXTS_DERIVE_AFTER} of their chars have
     *     gone through without them (each call counts its text)
     */
    private boolean worthDeriving(int chars) {
        return chars >= SKIP_MIN_CHARS || shortTexts.add(chars);
    }

    /** @return whether the skipping loop takes a text of {@code chars} chars (deriving its filters if due) */
    private boolean skips(int chars) {
        return denseStarters && (phraseFilters != null || worthDeriving(chars));
    }

    /** @return the filters of a dense dictionary's plain conversion, derived now if not yet */
    PhraseFilters phraseFilters() {
        PhraseFilters f = phraseFilters;
        if (f == null) {
            f = PhraseFilters.derive(this, dense, innerPairs);
            innerPairs = f.inner(); // derived with the rest, it serves mayContinue too
            phraseFilters = f;
        }
        return f;
    }

    /** @return the name for diagnostics */
    public String name() {
        return name;
    }

    /** @return the length in chars of the longest key, 0 when empty */
    public int maxKeyLength() {
        return maxKeyLength;
    }

    /** @return the number of keys that can produce a match */
    public int size() {
        return size;
    }

    /**
     * @return {@code derived}, a dictionary that converts in this one's place, counting the short
     *     texts this one has converted as its own: they take its skipping loop as they would have
     *     taken this one's, not after as many chars again
     */
    private CompiledDictionary inheritingDemand(CompiledDictionary derived) {
        if (derived != null) {
            derived.shortTexts.addAll(shortTexts);
        }
        return derived;
    }

    /** @return whether {@link #phraseFilters} are derived (for tests) */
    boolean hasPhraseFilters() {
        return phraseFilters != null;
    }

    /** @return whether the sparse table loop runs on {@link #wideGrouped}'s 47 groups (for tests) */
    boolean wideGroups() {
        return wideGrouped != null;
    }

    /** @return whether some key starts with this char (after dropping entries that cannot change text) */
    public boolean startsKey(char c) {
        return root[c] != 0;
    }

    /** @return the index of the first char in {@code a[from,to)} that starts a key, or {@code to} */
    public int firstStarter(char[] a, int from, int to) {
        final int[] r = root;
        final char lo = lowestStarter;
        final char span = starterSpan;
        int i = from;
        while (i < to) {
            char c = a[i];
            if ((char) (c - lo) <= span && r[c] != 0) { // below lo wraps around above span
                break;
            }
            i++;
        }
        return i;
    }

    /**
     * Where {@link #convert} must start on {@code a[from,to)}: everything before it copies unchanged.
     * That is the first char that starts a key, or an earlier ideographic description operator close
     * enough to it (or to {@code to}, where the text may go on) that its sequence may reach a char
     * that would otherwise convert. Operators are rare, so the scan looks for them only in the
     * window behind the first starter.
     *
     * @return that index, or {@code to}
     */
    public int firstStop(char[] a, int from, int to) {
        int first = firstStarter(a, from, to);
        int stop = first;
        for (int i = first - 1, low = Math.max(from, first - IdeographicDescription.MAX_CHARS); i >= low; i--) {
            if (IdeographicDescription.isOperator(a[i])) {
                stop = i;
            }
        }
        return stop;
    }

    /**
     * Longest key that is a prefix of {@code a[p,end)}.
     *
     * @return the match, packed in a long so the hot loops allocate nothing (read it with
     *     {@link #matchLength} and {@link #matchValue}), or {@link #NO_MATCH}
     */
    public long match(char[] a, int p, int end) {
        char c = a[p];
        int r = root[c];
        if (r == 0) {
            return NO_MATCH;
        }
        if (r < 0) {
            return (1L << 32) | ((r >>> 16) & MAX_INLINE_VALUE_ID);
        }
        int node = r;
        int info = nodeInfo[node];
        int bestLen = 0;
        int bestVal = -1;
        if ((info >>> 1) != 0) {
            bestLen = 1;
            bestVal = (info >>> 1) - 1;
        }
        if (p + 1 >= end || (info & 1) == 0) {
            return bestVal < 0 ? NO_MATCH : (1L << 32) | bestVal;
        }
        final int[] t = pairSlots;
        int s = pairSlot(c, a[p + 1]);
        if (s < 0) {
            // No key of two or more chars starts with this pair.
            return bestVal < 0 ? NO_MATCH : (1L << 32) | bestVal;
        }
        if (t[s + 2] != 0) {
            bestLen = 2;
            bestVal = t[s + 2] - 1;
        }
        if (p + 2 >= end || (t[s + 3] & (1 << a[p + 2])) == 0) {
            return bestVal < 0 ? NO_MATCH : ((long) bestLen << 32) | bestVal; // no longer key goes on
        }
        long longer = longestFromPair(a, p, end, s);
        return longer != NO_MATCH ? longer : bestVal < 0 ? NO_MATCH : ((long) bestLen << 32) | bestVal;
    }

    /**
     * The longest key of two or more chars that is a prefix of {@code a[p,end)}, given the slot
     * {@code s} of its first two chars: the walk on from the slot's node, without the root's and
     * the pair's loads again.
     *
     * @return the match, as {@link #match} packs it, or {@link #NO_MATCH} when only a one-char key
     *     (or none) matches
     */
    private long longestFromPair(char[] a, int p, int end, int s) {
        final int[] t = pairSlots;
        int bestLen = 0;
        int bestVal = -1;
        if (t[s + 2] != 0) {
            bestLen = 2;
            bestVal = t[s + 2] - 1;
        }
        int node = t[s + 1];
        int info = nodeInfo[node];
        int i = p + 2;
        while ((info & 1) != 0 && i < end) {
            int child = child(node, a[i]);
            if (child == 0) {
                break;
            }
            node = child;
            info = nodeInfo[node];
            i++;
            if ((info >>> 1) != 0) {
                bestLen = i - p;
                bestVal = (info >>> 1) - 1;
            }
        }
        return bestVal < 0 ? NO_MATCH : ((long) bestLen << 32) | bestVal;
    }

    int child(int node, char c) {
        long key = ((long) node << 16) | c;
        long[] e = edges;
        int mask = e.length - 1;
        int h = (int) ((key * 0x9E3779B97F4A7C15L) >>> edgeShift);
        while (true) {
            long v = e[h];
            if (v == 0) {
                return 0;
            }
            if ((v >>> CHILD_BITS) == key) {
                return (int) (v & CHILD_MASK);
            }
            h = (h + 1) & mask;
        }
    }

    /**
     * Greedy conversion of {@code a[from,to)} into {@code out}: at each position the longest key is
     * replaced by its value, otherwise a complete ideographic description sequence (OpenCC keeps
     * those whole) or one char is copied. Unless {@code end}, stops at the first position whose
     * longest match could reach beyond {@code to} (fewer than {@link #maxKeyLength()} chars left), or
     * whose description sequence the text after {@code to} decides, so that a caller can append more
     * text and continue.
     *
     * @return the index up to which input was consumed ({@code to} when {@code end})
     */
    public int convert(char[] a, int from, int to, boolean end, CharBuf out) {
        // Dispatched here, not in the recording form below, which every sparse stage runs: its
        // bytecode stays as small as the JIT's inlining of its loops wants it.
        if (skips(to - from)) {
            return convertSkipping(a, from, to, end, out, phraseFilters(), null, false, null);
        }
        return convert(a, from, to, end, out, null, 0, 0);
    }

    /**
     * {@link #convert(char[], int, int, boolean, CharBuf)} that also records its matches in a lean
     * log, as {@code [p + srcShift, ...) → [out.len + dstShift, ...)}: the same edits as a
     * match-by-match walk, less those the lean log drops anyway (a one-char key with a one-char
     * value, which is all the single-char tables replace), so recording costs nothing on them.
     *
     * @param log a lean log, or {@code null}
     * @return the index up to which input was consumed ({@code to} when {@code end})
     */
    public int convert(char[] a, int from, int to, boolean end, CharBuf out, EditLog log, int srcShift, int dstShift) {
        int limit = end ? to : Math.min(to, to - maxKeyLength + 1);
        int p = from;
        out.ensureSpare(to - from);
        final int tight = Math.min(limit, to - 1);
        while (p < limit) {
            // Runs of chars that only a one-char key can match go through a table loop; the trie
            // decides the rest.
            p = copyRun(a, p, tight, out);
            if (p >= limit) {
                break;
            }
            if (p == to - 1 && end) {
                // The text's last char: only a one-char key can match, and the table holds its
                // one-char result unless the trie must decide (-1). A normalizer converts line by
                // line, so this spared a walk per line and stage, a quarter of all walks.
                int e = singleResult(a[p]);
                if (e >= 0) {
                    out.buf[out.len++] = (char) e;
                    return to;
                }
            }
            int next = walk(a, p, to, end, out, log, srcShift, dstShift);
            if (next == p) {
                return p; // a description sequence that the rest of the text decides
            }
            p = next;
        }
        return p;
    }

    /**
     * {@link #convert(char[], int, int, boolean, CharBuf)} of the whole text {@code a[from,to)},
     * unless a key of {@code guard} starts at some position outside a description sequence. This
     * dictionary must hold the paths of {@code guard}'s keys ({@link ChainShortcut}), so the table
     * loop stops wherever one may start; the positions inside a match are looked at after it.
     *
     * @return whether it converted; {@code false} when a key of {@code guard} starts, with part of
     *     the output written
     */
    boolean convertUnless(CompiledDictionary guard, char[] a, int from, int to, CharBuf out) {
        int p = from;
        out.ensureSpare(to - from);
        final int tight = to - 1;
        while (p < to) {
            p = copyRun(a, p, tight, out);
            if (p >= to) {
                break;
            }
            if (guard.match(a, p, to) != NO_MATCH) {
                return false;
            }
            if (p == tight) {
                int e = singleResult(a[p]);
                if (e >= 0) {
                    out.buf[out.len++] = (char) e;
                    return true;
                }
            }
            int next = walk(a, p, to, true, out, null, 0, 0);
            if (!IdeographicDescription.isOperator(a[p])) { // else a description sequence, copied whole
                for (int q = p + 1; q < next; q++) {
                    if (guard.match(a, q, to) != NO_MATCH) {
                        return false;
                    }
                }
            }
            p = next;
        }
        return true;
    }

    /**
     * The whole of {@code a[from,to)} converted as {@link #convert} does, for a dense dictionary
     * whose {@linkplain #skipsUnchangingKeys skipping} loop applies, noting every value of another
     * length than its key in {@code resizes}: a caller that must know where the walk's segments are
     * (s2twp's second stage) can then ask {@link SegmentBoundaries} through that map. Where an
     * ideographic description operator stands in the text, segments matter beyond where keys match,
     * and it gives up (found at the loop's stops where {@link #operatorsStop}).
     *
     * @return whether it converted; {@code false} when the loop does not apply (not dense, or a text
     *     too short to derive its filters for), with nothing written, or where an operator stands,
     *     with part of the output written
     */
    boolean convertWhole(char[] a, int from, int to, CharBuf out, PositionMap resizes) {
        if (!skips(to - from) || !operatorsStop && IdeographicDescription.anyOperator(a, from, to)) {
            return false;
        }
        return convertSkipping(a, from, to, true, out, phraseFilters(), resizes, operatorsStop, null) != OPERATOR_MET;
    }

    /** What {@link #convertUnlessOperator} returns where a description operator stands. */
    static final int OPERATOR_MET = -1;

    /**
     * {@link #convert(char[], int, int, boolean, CharBuf)}, unless an ideographic description
     * operator stands in {@code a[from,to)}: a segmenting caller must then convert segment by
     * segment. Where the skipping loop applies and stops at every operator ({@link #operatorsStop}),
     * its stops find them, with no pass over the text of their own (that pass was 5% of s2hk's time
     * on 左传).
     *
     * @return the index up to which input was consumed, or {@link #OPERATOR_MET} with part of the
     *     output written
     */
    int convertUnlessOperator(char[] a, int from, int to, boolean end, CharBuf out) {
        if (!operatorsStop) {
            return IdeographicDescription.anyOperator(a, from, to) ? OPERATOR_MET : convert(a, from, to, end, out);
        }
        if (!skips(to - from)) { // counted once: the table loop, not convert's question again
            return IdeographicDescription.anyOperator(a, from, to) ? OPERATOR_MET : convert(a, from, to, end, out, null, 0, 0);
        }
        int p = convertSkipping(a, from, to, end, out, phraseFilters(), null, true, null);
        // The loop leaves the text's last chars to the caller's next call, which finds its own.
        return p == OPERATOR_MET || IdeographicDescription.anyOperator(a, p, to) ? OPERATOR_MET : p;
    }

    /** Where the segments of a text end: what {@link #convertWithin} asks. */
    @FunctionalInterface
    interface Boundaries {
        /**
         * @return the first segment boundary in {@code (at, limit)}, or {@code limit} when there is none
         */
        int firstAfter(int at, int limit);
    }

    /**
     * Greedy conversion of the whole of {@code b[from,to)} as if each segment given by {@code
     * segments} were converted on its own (a key matches only within one segment), in one pass:
     * where a key of two or more code points matches, the boundaries inside it are asked for, and
     * the walk takes the longest key that ends at or before the first. For text without ideographic
     * description operators; a segment's end then changes nothing but where keys may end.
     *
     * @param resizes where each value of another length than its key is noted, or null
     * @param unlessOperator whether to give up where an ideographic description operator stands
     * @return whether it converted; {@code false}, with part of the output written, where it gave up
     */
    boolean convertWithin(char[] b, int from, int to, CharBuf out, Boundaries segments, PositionMap resizes,
                          boolean unlessOperator) {
        if (unlessOperator && !operatorsStop && IdeographicDescription.anyOperator(b, from, to)) {
            return false;
        }
        final boolean atStops = unlessOperator && operatorsStop; // every operator stops the table loop
        int p = from;
        out.ensureSpare(to - from);
        final int tight = to - 1;
        while (p < to) {
            p = copyRun(b, p, tight, out);
            if (p >= to) {
                break;
            }
            if (atStops && IdeographicDescription.isOperator(b[p])) {
                return false;
            }
            long m = match(b, p, to);
            if (m != NO_MATCH) {
                int len = matchLength(m);
                if (len > 2 || (len == 2 && !Character.isHighSurrogate(b[p]))) {
                    int cut = segments.firstAfter(p, p + len);
                    if (cut < p + len) {
                        m = match(b, p, cut);
                    }
                }
            }
            if (m == NO_MATCH) {
                out.buf[out.len++] = b[p++];
                continue;
            }
            int len = matchLength(m);
            int id = matchValue(m);
            int vs = valueOffsets[id];
            int vl = valueOffsets[id + 1] - vs;
            out.ensureSpare(vl + (to - p - len));
            System.arraycopy(valueChars, vs, out.buf, out.len, vl);
            out.len += vl;
            if (vl != len && resizes != null) {
                resizes.resized(out.len - vl, out.len, p, p + len);
            }
            p += len;
        }
        return true;
    }

    /**
     * {@link #convert} for a dense dictionary, recording nothing: the same output as the greedy walk
     * at every position, which {@link PhraseFilters} describes. Chars are copied through their
     * one-char results until a pair that a key whose value differs from that may hold where the loop
     * tests it (2.0% of the positions of 左传 for STPhrases, against 8.4% that begin some key), or a
     * char the trie must decide; then back to the last position no key can span, whose copied chars
     * are taken back, and the walk goes from there past the stop. Stopping short of {@code to}, it
     * returns such a position too, so that the caller's next call starts at a segment start.
     */
    private int convertSkipping(char[] a, int from, int to, boolean end, CharBuf out, PhraseFilters f,
                                PositionMap resizes, boolean operatorsAbort, PhraseStageFold fold) {
        int limit = end ? to : Math.min(to, to - maxKeyLength + 1);
        int p = from;
        out.ensureSpare(to - from);
        final int tight = Math.min(limit, to - 1);
        final int[] t = f.dense();
        final long[] changing = f.changing().bits();
        while (p < limit) {
            int runStart = p;
            int runOut = out.len;
            // The dense loop with the filter of the keys that change their chars. Its shift is a
            // constant, which C2 (JDK 17) folds into the inlined loop: a shift by a variable is a
            // multi-uop shr r, cl on every char (s2t 1.04-1.12x faster with the constant).
            p = copyDense(a, p, tight, out, t, changing, PhraseFilters.CHANGING_SHIFT, PhraseFilters.TESTED_SHIFT);
            // A stop where no changing key starts, here or at the char before, is a char like the
            // others: copied, and the run goes on.
            while (p < limit && p + 1 < to && t[a[p]] != -1 && !f.mayChangeAt(a, p, to, runStart)) {
                out.buf[out.len++] = (char) t[a[p]];
                p = copyDense(a, p + 1, tight, out, t, changing, PhraseFilters.CHANGING_SHIFT,
                        PhraseFilters.TESTED_SHIFT);
            }
            if (p >= limit) {
                // Not the end of the text (there limit == to > tight): the caller goes on from here.
                int r = segmentStartBefore(f, a, runStart, p);
                out.len = runOut + (r - runStart);
                return r;
            }
            if (operatorsAbort && IdeographicDescription.isOperator(a[p])) {
                return OPERATOR_MET; // every operator stops the loop: none before p
            }
            if (p == to - 1 && end) {
                int e = t[a[p]];
                if (e >= 0) {
                    // A key spanning it converts it as its one-char result, and so does a key of its own.
                    out.buf[out.len++] = (char) e;
                    return to;
                }
            }
            int x = segmentStartBefore(f, a, runStart, p);
            out.len = runOut + (x - runStart);
            while (x <= p && x < limit) {
                int before = out.len;
                int next = walkDense(a, x, to, end, out, t, fold);
                if (resizes != null && out.len - before != next - x) {
                    resizes.resized(before, out.len, x, next);
                }
                if (next == x) {
                    return x; // a description sequence that the rest of the text decides
                }
                x = next;
            }
            p = x;
        }
        return p;
    }

    /**
     * {@link #walk} without a log for a dense dictionary, answered from the tables the copy loop
     * has just read where it can: a char that starts no longer key, or whose pair begins none, is
     * its {@link #dense} result; a two-char key that no third char continues is read from its pair
     * slot. The trie's root and node tables are read only for the rest (longer keys, chars the trie
     * must decide): the stops of s2t's copy loop spend their time in such dependent loads.
     *
     * @param singles the dense table the copy loop reads ({@link PhraseFilters#dense()})
     * @param fold the fold whose dictionary this is ({@link #walkFolded} checks its run keys), or
     *     {@code null}
     */
    private int walkDense(char[] a, int p, int to, boolean end, CharBuf out, int[] singles, PhraseStageFold fold) {
        char c = a[p];
        int e = singles[c];
        if (e >= 0) {
            int s;
            if ((e & 0x1_0000) == 0 || p + 1 >= to || (s = pairSlot(c, a[p + 1])) < 0) {
                out.buf[out.len++] = (char) e;
                return p + 1;
            }
            final int[] t = pairSlots;
            long m;
            if (p + 2 >= to || (t[s + 3] & (1 << a[p + 2])) == 0) {
                int id = t[s + 2] - 1;
                if (id < 0) {
                    out.buf[out.len++] = (char) e; // the pair begins longer keys only, none of which matches
                    return p + 1;
                }
                if (fold == null || fold.runCheck(id) == 0) {
                    int vs = valueOffsets[id];
                    int vl = valueOffsets[id + 1] - vs;
                    out.ensureSpare(vl + (to - p - 2));
                    appendValue(vs, vl, out);
                    return p + 2;
                }
                m = (2L << 32) | id; // a run key: where does its run end?
            } else {
                m = longestFromPair(a, p, to, s);
                if (m == NO_MATCH) {
                    out.buf[out.len++] = (char) e; // as above: its one-char result
                    return p + 1;
                }
            }
            return fold == null ? emit(a, p, to, end, out, null, 0, 0, m) : emitFolded(a, p, to, end, out, fold, m);
        }
        return fold == null ? walk(a, p, to, end, out, null, 0, 0) : walkFolded(a, p, to, end, out, fold);
    }

    /**
     * Appends the value's chars, which {@code out} has room for: most values are one to four chars,
     * which a loop copies without the call of {@code System.arraycopy}'s stub.
     */
    private void appendValue(int vs, int vl, CharBuf out) {
        char[] o = out.buf;
        int ol = out.len;
        if (vl <= 4) {
            final char[] v = valueChars;
            for (int i = 0; i < vl; i++) {
                o[ol + i] = v[vs + i];
            }
        } else {
            System.arraycopy(valueChars, vs, o, ol, vl);
        }
        out.len = ol + vl;
    }

    /**
     * @return the last position in {@code (lo, q]} that no key can span (the pair across it continues
     *     no key), else {@code lo}: a segment start of the greedy walk when {@code lo} is one and no
     *     description operator stands in {@code [lo, q)}
     */
    private static int segmentStartBefore(PhraseFilters f, char[] a, int lo, int q) {
        for (int r = q; r > lo; r--) {
            if (!f.mayContinue(a[r - 1], a[r])) {
                return r;
            }
        }
        return lo;
    }

    /**
     * {@link #walk} of a {@link PhraseStageFold}'s dictionary: a run key holds only inside a run of
     * the first stage, so where one of the first stage's segments starts inside it, the walk takes
     * the longest key that ends before that start (within the run, only run keys and one-code-point
     * keys match).
     *
     * @return the position after the match, or {@code p} when text after {@code to} decides
     */
    private int walkFolded(char[] a, int p, int to, boolean end, CharBuf out, PhraseStageFold fold) {
        return emitFolded(a, p, to, end, out, fold, match(a, p, to));
    }

    /** {@link #walkFolded} with the match at {@code p} already found: {@code m}. */
    private int emitFolded(char[] a, int p, int to, boolean end, CharBuf out, PhraseStageFold fold, long m) {
        long run = m == NO_MATCH ? 0 : fold.runCheck(matchValue(m));
        int checks = (int) run & ~1;
        if (checks != 0) {
            int after = p + matchLength(m);
            if (after < to && ((int) (run >>> 32) & PhraseStageFold.nextCharBit(a[after])) == 0) {
                checks = 0; // no segment that starts inside goes on with the char after the key
            }
        }
        // Where a segment may start inside the run key and reach past it, in ascending order.
        for (; checks != 0; checks &= checks - 1) {
            int q = p + Integer.numberOfTrailingZeros(checks);
            if (!end && q + fold.first.maxKeyLength > to) {
                return p; // a segment starting here may reach past the text so far
            }
            if (fold.first.segmentStartsAt(a, q, to)) {
                m = match(a, p, q);
                break;
            }
        }
        return emit(a, p, to, end, out, null, 0, 0, m);
    }

    /**
     * @return whether some key is longer than {@code a[from,to)} and starts with it (its chars all
     *     there, and more); {@code false} proves that no match starting at {@code from} reaches past {@code to}
     */
    boolean extendsPast(char[] a, int from, int to) {
        int node = nodeOf(a, from, to);
        return node > 0 && (nodeInfo[node] & 1) != 0;
    }

    /** @return how many values the dictionary holds: their ids are {@code 0} to this less one */
    int valueCount() {
        return valueOffsets.length - 1;
    }

    /** @return the trie node that {@code a[from,to)} leads to, or 0 (or less) when no key starts with it */
    int nodeOf(char[] a, int from, int to) {
        int node = root[a[from]];
        for (int i = from + 1; i < to && node > 0; i++) {
            node = child(node, a[i]);
        }
        return node;
    }

    /**
     * @return whether a key of two or more code points matches at {@code p} in {@code a[p,to)}: a
     *     segment of a fused segmentation starts there
     */
    boolean segmentStartsAt(char[] a, int p, int to) {
        if (!mayStartLonger(a, p, to)) {
            return false;
        }
        long m = match(a, p, to);
        int len = m == NO_MATCH ? 0 : matchLength(m);
        return len > 2 || (len == 2 && !Character.isHighSurrogate(a[p]));
    }

    /**
     * {@link #convertUnlessOperator} with this dictionary, {@link PhraseStageFold#dict} of {@code
     * fold}: the output of the fold's two stages over their segments.
     *
     * @return the index up to which input was consumed, or {@link #OPERATOR_MET} with part of the
     *     output written
     */
    int convertFolded(char[] a, int from, int to, boolean end, CharBuf out, PhraseStageFold fold) {
        if (!operatorsStop) {
            return OPERATOR_MET; // not derived so (PhraseStageFold.derive): no key holds an operator
        }
        int p = skips(to - from)
                ? convertSkipping(a, from, to, end, out, phraseFilters(), null, true, fold)
                : convertWalking(a, from, to, end, out, fold);
        return p == OPERATOR_MET || IdeographicDescription.anyOperator(a, p, to) ? OPERATOR_MET : p;
    }

    /** {@link #convertFolded} by the table loop and a walk at each of its stops. */
    private int convertWalking(char[] a, int from, int to, boolean end, CharBuf out, PhraseStageFold fold) {
        int limit = end ? to : Math.min(to, to - maxKeyLength + 1);
        int p = from;
        out.ensureSpare(to - from);
        final int tight = Math.min(limit, to - 1);
        while (p < limit) {
            p = copyRun(a, p, tight, out);
            if (p >= limit) {
                break;
            }
            if (IdeographicDescription.isOperator(a[p])) {
                return OPERATOR_MET; // every operator stops the loop (operatorsStop): none before p
            }
            int next = walkFolded(a, p, to, end, out, fold);
            if (next == p) {
                return p;
            }
            p = next;
        }
        return p;
    }

    /**
     * Converts {@code a[p,limit)} as long as only keys of one code point match, and stops at the
     * first position where a key of two or more code points matches (keys may extend to {@code to}).
     * The segmentation fused into a first stage uses it: those positions start segments. A complete
     * ideographic description sequence where no key matches is copied whole.
     *
     * @param end whether {@code to} ends the text, which decides description sequences cut short by it
     * @param found where the match at the returned position goes ({@code found[0]}, {@link #NO_MATCH}
     *     when none), so that the caller does not walk the trie there a second time; {@code found[1]}
     *     becomes 1 when an ideographic description operator was seen, else 0
     * @param log a lean log of the one-code-point replacements, as {@code [p + srcShift, ...) →
     *     [out.len + dstShift, ...)} (one-char keys with one-char values, which a lean log drops, are
     *     not offered), or {@code null}
     * @return that position, a position where no key matches but a description sequence may start
     *     that text after {@code to} decides, or {@code limit} (or beyond, after a sequence)
     */
    public int convertSingles(char[] a, int p, int limit, int to, boolean end, CharBuf out, long[] found,
                              EditLog log, int srcShift, int dstShift) {
        found[0] = NO_MATCH;
        found[1] = 0;
        out.ensureSpare(limit - p);
        final int tight = Math.min(limit, to - 1);
        while (p < limit) {
            p = copyRun(a, p, tight, out);
            if (p >= limit) {
                break;
            }
            char[] o = out.buf;
            int ol = out.len;
            if (IdeographicDescription.isOperator(a[p])) {
                // A first stage fuses only when no key holds an operator (Pipeline.segmentationFuses),
                // so copyRun never copies one: every operator comes here.
                found[1] = 1;
            }
            long m = match(a, p, to);
            if (m == NO_MATCH) {
                int ids = IdeographicDescription.length(a, p, to, end);
                if (ids == IdeographicDescription.NEED_MORE) {
                    break; // no key matches here: the caller waits for more text
                }
                if (ids > 0) {
                    out.ensureSpare(ids + (limit - p));
                    System.arraycopy(a, p, out.buf, out.len, ids);
                    out.len += ids;
                    p += ids;
                    continue;
                }
                o[ol++] = a[p++];
                out.len = ol;
                continue;
            }
            int len = matchLength(m);
            if (len > 2 || (len == 2 && !Character.isHighSurrogate(a[p]))) {
                found[0] = m;
                break; // a key of two or more code points: a segment starts here
            }
            int id = matchValue(m);
            int vs = valueOffsets[id];
            int vl = valueOffsets[id + 1] - vs;
            out.ensureSpare(vl + (limit - p));
            int outStart = out.len;
            System.arraycopy(valueChars, vs, out.buf, out.len, vl);
            out.len += vl;
            if (log != null) {
                log.add(p + srcShift, p + len + srcShift, outStart + dstShift, out.len + dstShift, null);
            }
            p += len;
        }
        return p;
    }

    /**
     * From {@code p} (below {@code tight}, which leaves room to read the next char), appends each
     * char's one-char result while only a one-char key can match there and the char needs no trie
     * walk, with the loop that suits the dictionary.
     *
     * @return where it stopped
     */
    private int copyRun(char[] a, int p, int tight, CharBuf out) {
        return denseStarters ? copySingles(a, p, tight, out)
                : grouped != null ? copyGrouped(a, p, tight, out)
                : wideGrouped != null ? copyWide(a, p, tight, out) : copyMapped(a, p, tight, out);
    }

    /**
     * The branch-free run of the dense loop: from {@code p} (below {@code tight}, which leaves room
     * to read the next char) appends each char's one-char result while neither the char nor the pair
     * it starts calls for the trie; the only branch is that rare exit.
     *
     * @return where it stopped
     */
    private int copySingles(char[] a, int p, int tight, CharBuf out) {
        return copyDense(a, p, tight, out, dense, pairs, pairShift, 16);
    }

    /**
     * {@link #copySingles} with a pair filter of the caller's: {@code pairBits}, hashed by
     * {@link #pairHash} with {@code shift}.
     *
     * @param t the dense table: this dictionary's, or its {@linkplain PhraseFilters#dense() filters'}
     * @param gate where {@code t}'s entries hold the bit of the chars to test the filter at (and -1's
     *     bit above it): 16 (a char that starts a key of two or more chars) or {@link
     *     PhraseFilters#TESTED_SHIFT}
     * @return where it stopped
     */
    private int copyDense(char[] a, int p, int tight, CharBuf out, int[] t, long[] pairBits, int shift, int gate) {
        char[] o = out.buf;
        int ol = out.len;
        if (p >= tight) {
            return p;
        }
        char c = a[p];
        while (p < tight) {
            char next = a[p + 1]; // the next round's char: one load per char, not two
            int e = t[c];
            int h = pairHash(c, next, shift);
            // Exits on -1 (bit gate + 1) or on a char to test (bit gate) whose pair is in the filter.
            if (((e >>> gate) & ((int) (pairBits[h >>> 6] >>> h) & 1 | 2)) != 0) {
                break;
            }
            o[ol++] = (char) e;
            p++;
            c = next;
        }
        out.len = ol;
        return p;
    }

    /**
     * {@link #copyGrouped} for a dictionary of one-char keys only (hk, tw, jp): no next char to test.
     *
     * @return where it stopped
     */
    private int copyMapped(char[] a, int p, int tight, CharBuf out) {
        final int[] t = mapped;
        char[] o = out.buf;
        int ol = out.len;
        while (p < tight) {
            int e = t[a[p]];
            if (e < 0) {
                break;
            }
            o[ol++] = (char) e;
            p++;
        }
        out.len = ol;
        return p;
    }

    /**
     * {@link #copySingles} for sparse dictionaries, with {@link #grouped} in place of the hashed
     * pair filter: a table map with one more load per char, and no branch but the exit.
     *
     * @return where it stopped
     */
    private int copyGrouped(char[] a, int p, int tight, CharBuf out) {
        final int[] t = grouped;
        final int[] nb = nextBit;
        char[] o = out.buf;
        int ol = out.len;
        if (p >= tight) {
            return p;
        }
        char c = a[p];
        while (p < tight) {
            char next = a[p + 1]; // carried into the next round: one load of the text per char
            int e = t[c];
            if ((e & nb[next]) != 0) {
                break;
            }
            o[ol++] = (char) e;
            p++;
            c = next;
        }
        out.len = ol;
        return p;
    }

    /**
     * {@link #copyGrouped} with {@link #wideGrouped}'s 47 groups.
     *
     * @return where it stopped
     */
    private int copyWide(char[] a, int p, int tight, CharBuf out) {
        final long[] t = wideGrouped;
        final long[] nb = wideNextBit;
        char[] o = out.buf;
        int ol = out.len;
        if (p >= tight) {
            return p;
        }
        char c = a[p];
        while (p < tight) {
            char next = a[p + 1]; // carried into the next round: one load of the text per char
            long e = t[c];
            if ((e & nb[next]) != 0) {
                break;
            }
            o[ol++] = (char) e;
            p++;
            c = next;
        }
        out.len = ol;
        return p;
    }

    /**
     * @return the first position in {@code a[p,limit)} where some key may match or an ideographic
     *     description operator stands (every position where one does is returned; a few where none
     *     does may be), or {@code limit}; keys may extend to {@code to}
     */
    public int nextCandidate(char[] a, int p, int limit, int to) {
        final int[] rt = root;
        final int[] info = nodeInfo;
        final long[] pairBits = pairs;
        final int shift = pairShift;
        for (; p < limit; p++) {
            char c = a[p];
            int r = rt[c];
            if (r == 0) {
                if (IdeographicDescription.isOperator(c)) {
                    return p; // a description sequence may start here
                }
                continue;
            }
            if (r < 0 || (info[r] >>> 1) != 0 || p + 1 >= to) {
                return p; // a one-char key, or the trie must look
            }
            int h = pairHash(c, a[p + 1], shift);
            if ((pairBits[h >>> 6] & (1L << h)) != 0 || IdeographicDescription.isOperator(c)) {
                return p;
            }
        }
        return limit;
    }

    /**
     * @return whether a key of two or more chars may start at {@code a[p]} (keys may extend to
     *     {@code to}): {@code false} proves that only a key of one char (or none) matches there, from
     *     the root table and the pair filter, with no probe of the trie below them
     */
    boolean mayStartLonger(char[] a, int p, int to) {
        char c = a[p];
        int r = root[c];
        if (r <= 0 || (nodeInfo[r] & 1) == 0 || p + 1 >= to) {
            return false;
        }
        int h = pairHash(c, a[p + 1], pairShift);
        return (pairs[h >>> 6] & (1L << h)) != 0;
    }

    /** Marks every char that occurs anywhere in a key. */
    public void markKeyChars(boolean[] used) {
        for (int c = 0; c < ROOT_SIZE; c++) {
            if (root[c] != 0) {
                used[c] = true;
            }
        }
        for (long e : edges) {
            if (e != 0) {
                used[(int) ((e >>> CHILD_BITS) & 0xFFFF)] = true;
            }
        }
    }

    /**
     * The general case: walks the trie from {@code p}, appends the longest match's value (or, with
     * no match, a complete ideographic description sequence or the char) to {@code out}, keeping
     * room for one output char per remaining input char, and returns the position after it; returns
     * {@code p} itself when no key matches and text after {@code to} decides a description sequence.
     */
    private int walk(char[] a, int p, int to, boolean end, CharBuf out, EditLog log, int srcShift, int dstShift) {
        return emit(a, p, to, end, out, log, srcShift, dstShift, match(a, p, to));
    }

    /** {@link #walk} with the match at {@code p} already found: {@code m}. */
    private int emit(char[] a, int p, int to, boolean end, CharBuf out, EditLog log, int srcShift, int dstShift,
                     long m) {
        if (m == NO_MATCH) {
            int ids = IdeographicDescription.length(a, p, to, end);
            if (ids == IdeographicDescription.NEED_MORE) {
                return p;
            }
            if (ids > 0) {
                out.ensureSpare(to - p);
                System.arraycopy(a, p, out.buf, out.len, ids);
                out.len += ids;
                return p + ids;
            }
            out.buf[out.len++] = a[p];
            return p + 1;
        }
        int len = matchLength(m);
        int id = matchValue(m);
        int vs = valueOffsets[id];
        int vl = valueOffsets[id + 1] - vs;
        int next = p + len;
        out.ensureSpare(vl + (to - next));
        int outStart = out.len;
        appendValue(vs, vl, out);
        if (log != null) {
            log.add(p + srcShift, next + srcShift, outStart + dstShift, out.len + dstShift, null);
        }
        return next;
    }

    /**
     * @return {@code c}'s one-char result from the table loop's table, or -1 when the trie must decide
     */
    private int singleResult(char c) {
        if (denseStarters) {
            int e = dense[c];
            return e < 0 ? -1 : (char) e;
        }
        if (grouped != null) {
            return grouped[c] == -1 ? -1 : (char) grouped[c];
        }
        return wideGrouped != null ? (wideGrouped[c] == -1 ? -1 : (char) wideGrouped[c]) : mapped[c];
    }

    /** @return the id of the value of the one-char key {@code c}, or -1 when {@code c} alone is no key */
    int singleValueId(char c) {
        int r = root[c];
        if (r < 0) {
            return (r >>> 16) & MAX_INLINE_VALUE_ID;
        }
        return r == 0 ? -1 : (nodeInfo[r] >>> 1) - 1;
    }

    /** @return the one-char value of the one-char key {@code c} when it changes {@code c}, else -1 */
    private int singleChange(char c) {
        int id = singleValueId(c);
        if (id < 0 || valueOffsets[id + 1] - valueOffsets[id] != 1) {
            return -1;
        }
        char v = valueChars[valueOffsets[id]];
        return v == c ? -1 : v;
    }

    /** Marks every char that is the one-char value of a one-char key it changes. */
    public void markSingleOutputs(boolean[] outputs) {
        for (int c = 0; c < ROOT_SIZE; c++) {
            int v = Character.isSurrogate((char) c) ? -1 : singleChange((char) c);
            if (v >= 0) {
                outputs[v] = true;
            }
        }
    }

    /**
     * This dictionary with its one-char chains closed and some one-char keys dropped, so that
     * converting twice changes nothing more than converting once (what a normalizer promises). A
     * key whose one-char value is itself a key with a one-char value ({@code 薴 → 苧}, {@code 苧 → 苎})
     * maps straight to the end of the chain ({@code 薴 → 苎}); a key in {@code dropKeys} (a char
     * that a later stage outputs, such as tw2s's {@code 么} from {@code 麼}) no longer converts
     * alone, since in a second run it would be taken for input. Phrase keys are untouched.
     *
     * @return the new dictionary, or this one when nothing changes
     */
    public CompiledDictionary closedForNormalization(boolean[] dropKeys) {
        int[] r = null;
        int[] info = null;
        for (int c = 0; c < ROOT_SIZE; c++) {
            char ch = (char) c;
            if (Character.isSurrogate(ch) || root[c] == 0) {
                continue;
            }
            int first = singleChange(ch);
            if (first < 0) {
                continue;
            }
            int newId;
            if (dropKeys[c]) {
                newId = -1;
            } else {
                int id = -1;
                int w = first;
                for (int steps = 0; steps < 8; steps++) {
                    int next = singleChange((char) w);
                    if (next < 0 || next == c) {
                        break;
                    }
                    id = singleValueId((char) w);
                    w = next;
                }
                if (id < 0) {
                    continue; // no chain
                }
                newId = id;
            }
            if (r == null) {
                r = root.clone();
                info = nodeInfo.clone();
            }
            if (r[c] < 0) {
                if (newId < 0) {
                    r[c] = 0;
                } else if (newId <= MAX_INLINE_VALUE_ID) {
                    r[c] = SIMPLE_FLAG | (newId << 16) | valueChars[valueOffsets[newId]];
                }
            } else {
                info[r[c]] = (info[r[c]] & 1) | ((newId + 1) << 1);
            }
        }
        if (r == null) {
            return this;
        }
        return new CompiledDictionary(name, r, info, edges, valueChars, valueOffsets, valueSource, sources,
                maxKeyLength, size);
    }

    /** The {@link #followedBy} results so far, each with the map it was derived for; replaced, never changed. */
    private volatile List<Derived> followedBy = List.of();

    /** A dictionary derived from this one and {@code map} for {@code purpose}. */
    private record Derived(CompiledDictionary map, Purpose purpose, CompiledDictionary result) {
    }

    /**
     * This dictionary with a char map applied to its output: every value, and every char that is
     * no key here, mapped char by char through {@code charMap}, whose keys and values must all be
     * single BMP chars (OpenCC's HKVariants, TWVariants). The keys, and so the greedy walk and its
     * segments, stay the same; for text without ideographic description operators (which the map's
     * own walk would keep whole), converting with the result equals converting with this dictionary
     * and then with {@code charMap}, in one pass instead of two. Derived when {@link #worthDeriving}
     * says so (one short text would not win back the few milliseconds it takes in a fresh JVM) and
     * kept for each map asked for (s2hk and s2tw share their first stage).
     *
     * @param textLength the length of the text to convert
     * @return the combined dictionary, or {@code null} when {@code charMap} is not such a map or it
     *     is not derived yet
     */
    public CompiledDictionary followedBy(CompiledDictionary charMap, int textLength) {
        List<Derived> known = followedBy;
        for (Derived f : known) {
            if (f.map() == charMap) {
                return f.result();
            }
        }
        if (textLength < SKIP_MIN_CHARS && !shortTexts.reached()) {
            return null; // not counted here: the conversion that follows without it counts the text
        }
        Derived f = new Derived(charMap, Purpose.CONVERSION, inheritingDemand(deriveFollowedBy(charMap)));
        List<Derived> more = new ArrayList<>(known);
        more.add(f);
        followedBy = List.copyOf(more); // a race loses a derivation, never a wrong one
        return f.result();
    }

    private CompiledDictionary deriveFollowedBy(CompiledDictionary charMap) {
        if (charMap.maxKeyLength > 1) {
            return null;
        }
        char[] map = new char[ROOT_SIZE];
        int added = 0;
        for (int c = 0; c < ROOT_SIZE; c++) {
            map[c] = (char) c;
            int id = charMap.singleValueId((char) c);
            if (id >= 0) {
                int vs = charMap.valueOffsets[id];
                char v = charMap.valueChars[vs];
                if (charMap.valueOffsets[id + 1] - vs != 1 || Character.isSurrogate(v)) {
                    return null;
                }
                map[c] = v;
                if (v != c && singleValueId((char) c) < 0) {
                    added++; // no key of its own here: it gets one, whose value is the map's
                }
            }
        }
        int[] offsets = Arrays.copyOf(valueOffsets, valueOffsets.length + added);
        char[] chars = Arrays.copyOf(valueChars, valueChars.length + added);
        short[] source = Arrays.copyOf(valueSource, valueSource.length + added);
        for (int i = 0; i < valueChars.length; i++) {
            chars[i] = map[chars[i]]; // surrogates are no keys of the map: they stay
        }
        int[] r = root.clone();
        int[] info = Arrays.copyOf(nodeInfo, nodeInfo.length + added);
        int nodes = nodeInfo.length;
        int id = valueOffsets.length - 1;
        for (int c = 0; c < ROOT_SIZE; c++) {
            if (r[c] < 0) {
                r[c] = (r[c] & ~0xFFFF) | map[r[c] & 0xFFFF]; // an inline leaf holds its value's char
            } else if (map[c] != c && singleValueId((char) c) < 0) {
                chars[offsets[id]] = map[c];
                offsets[id + 1] = offsets[id] + 1;
                if (r[c] > 0) {
                    info[r[c]] |= (id + 1) << 1; // a prefix of longer keys, now a key itself
                } else if (id <= MAX_INLINE_VALUE_ID) {
                    r[c] = SIMPLE_FLAG | (id << 16) | map[c];
                } else {
                    info[nodes] = (id + 1) << 1;
                    r[c] = nodes++;
                }
                id++;
            }
        }
        CompiledDictionary d = new CompiledDictionary(name + "+" + charMap.name, r, Arrays.copyOf(info, nodes), edges,
                chars, offsets, source, sources, maxKeyLength, id);
        d.innerPairs = innerPairs; // the same keys: the same pairs inside them (256 KB for STPhrases, when derived)
        return d;
    }

    /** The {@link #foldedWith} results so far, each with its phrase stage; replaced, never changed. */
    private volatile List<Folded> foldedWith = List.of();

    /** A {@link PhraseStageFold} of this first stage with {@code phrases}, or {@code null} where none applies. */
    private record Folded(CompiledDictionary phrases, PhraseStageFold fold) {
    }

    /** Chars converted through a phrase stage after this one before {@link #foldedWith} derived its fold. */
    private final Demand foldDemand = new Demand(FOLD_AFTER_CHARS);

    /**
     * Chars that callers of {@link #foldedWith} convert before the fold is derived. Deriving it for
     * STPhrases and TWPhrases takes 40-70 ms (about 200 in a fresh JVM, and 7.5 MB) and makes s2twp
     * 1.2-1.4x faster from then on; 16 M chars take 0.2-0.4 s through the two stages, so by then the time lost
     * without it is about what deriving costs (rent or buy, as {@link Pipeline#SHORTCUT_AFTER_CHARS}).
     */
    static final int FOLD_AFTER_CHARS = 1 << 24;

    /**
     * This fused first stage and the phrase stage after it as one dictionary ({@link
     * PhraseStageFold}), derived once callers have converted {@link #FOLD_AFTER_CHARS} chars without
     * it, in one text or in many, and kept for each phrase stage asked for.
     *
     * @param chars the chars about to be converted
     * @return the fold, or {@code null} when it does not apply or is not derived yet
     */
    PhraseStageFold foldedWith(CompiledDictionary phrases, int chars) {
        List<Folded> known = foldedWith;
        for (Folded f : known) {
            if (f.phrases() == phrases) {
                return f.fold();
            }
        }
        return foldDemand.add(chars) ? foldedWith(phrases) : null;
    }

    /** {@link #foldedWith(CompiledDictionary, int)} derived now if it is not yet. */
    PhraseStageFold foldedWith(CompiledDictionary phrases) {
        List<Folded> known = foldedWith;
        for (Folded f : known) {
            if (f.phrases() == phrases) {
                return f.fold();
            }
        }
        PhraseStageFold fold = PhraseStageFold.derive(this, phrases);
        if (fold != null) {
            inheritingDemand(fold.dict);
        }
        Folded f = new Folded(phrases, fold);
        List<Folded> more = new ArrayList<>(known);
        more.add(f);
        foldedWith = List.copyOf(more); // a race derives twice, never wrongly
        return f.fold();
    }

    /** The {@link #precededBy} results so far; replaced, never changed. */
    private volatile List<Derived> precededBy = List.of();

    /**
     * This dictionary after a code point map, as one dictionary: converting (or segmenting) with the
     * result equals converting with {@code codePointMap} (whose keys and values must all be single
     * code points, none a description operator, no value a key: the CJK compatibility stage) and
     * then with this one, in one pass instead of two and with no scan of the text for the map's
     * keys. Derived on first use (a copy of the tables and the new keys inserted) and kept for each
     * map asked for, so presets that share this stage share the result.
     *
     * @param purpose what this dictionary is for: a segmentation dictionary gets no key of its own
     *     for the map's keys (a key is a segment of its own; a char no key matches joins its run)
     * @return the combined dictionary, or {@code null} when {@code codePointMap} is no such map or a
     *     key here holds a description operator
     */
    public CompiledDictionary precededBy(CompiledDictionary codePointMap, Purpose purpose) {
        List<Derived> known = precededBy;
        for (Derived f : known) {
            if (f.map() == codePointMap && f.purpose() == purpose) {
                return f.result();
            }
        }
        Derived f = new Derived(codePointMap, purpose,
                CodePointMapFold.derive(this, codePointMap, purpose == Purpose.CONVERSION));
        List<Derived> more = new ArrayList<>(known);
        more.add(f);
        precededBy = List.copyOf(more); // a race derives twice, never wrongly
        return f.result();
    }

    /** @return the value with this id */
    public String value(int valueId) {
        int s = valueOffsets[valueId];
        return new String(valueChars, s, valueOffsets[valueId + 1] - s);
    }

    /** Appends the value with this id to {@code out}. */
    public void appendValue(int valueId, CharBuf out) {
        int s = valueOffsets[valueId];
        out.append(valueChars, s, valueOffsets[valueId + 1]);
    }

    /** @return the dictionary the value with this id came from */
    public String source(int valueId) {
        return sources[valueSource[valueId]];
    }

    /** @return every key with its value and source, in no particular order (for tests and tools) */
    public List<FlatEntry> entries() {
        List<FlatEntry> list = new ArrayList<>(size);
        StringBuilder key = new StringBuilder();
        Map<Integer, List<int[]>> children = childrenByParent();
        for (int c = 0; c < ROOT_SIZE; c++) {
            int r = root[c];
            if (r < 0) {
                int id = (r >>> 16) & MAX_INLINE_VALUE_ID;
                list.add(new FlatEntry(String.valueOf((char) c), value(id), source(id)));
            } else if (r > 0) {
                key.setLength(0);
                key.append((char) c);
                collect(r, key, children, list);
            }
        }
        return list;
    }

    private void collect(int node, StringBuilder key, Map<Integer, List<int[]>> children, List<FlatEntry> list) {
        int info = nodeInfo[node];
        if ((info >>> 1) != 0) {
            int id = (info >>> 1) - 1;
            list.add(new FlatEntry(key.toString(), value(id), source(id)));
        }
        for (int[] edge : children.getOrDefault(node, List.of())) {
            key.append((char) edge[0]);
            collect(edge[1], key, children, list);
            key.setLength(key.length() - 1);
        }
    }

    private Map<Integer, List<int[]>> childrenByParent() {
        Map<Integer, List<int[]>> map = new HashMap<>();
        for (long e : edges) {
            if (e != 0) {
                int parent = (int) (e >>> 38);
                int c = (int) ((e >>> CHILD_BITS) & 0xFFFF);
                map.computeIfAbsent(parent, k -> new ArrayList<>()).add(new int[] {c, (int) (e & CHILD_MASK)});
            }
        }
        return map;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CompiledDictionary d && name.equals(d.name) && maxKeyLength == d.maxKeyLength
                && size == d.size && Arrays.equals(root, d.root) && Arrays.equals(nodeInfo, d.nodeInfo)
                && Arrays.equals(edges, d.edges) && Arrays.equals(valueChars, d.valueChars)
                && Arrays.equals(valueOffsets, d.valueOffsets) && Arrays.equals(valueSource, d.valueSource)
                && Arrays.equals(sources, d.sources);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + size;
    }

    @Override
    public String toString() {
        return "CompiledDictionary[" + name + ", " + size + " keys, max length " + maxKeyLength + "]";
    }
}
