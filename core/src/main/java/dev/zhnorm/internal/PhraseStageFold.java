package dev.zhnorm.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A fused segmented chain's two stages as one dictionary (OpenCC's s2twp, s2hkp: STPhrases with
 * STCharacters, then TWPhrases or HKPhrases with the variants). Segments are the first stage's
 * matches of two or more code points and the runs between them, where only its one-code-point keys
 * act; the phrase stage converts each segment's output on its own. So:
 *
 * <ul>
 * <li>a key {@code k} of the first stage becomes a key with the phrase stage's conversion of its
 *     value (a match of two or more code points is a segment of its own; a one-code-point key's
 *     value is what the phrase stage sees of it inside a run);</li>
 * <li>a run's output is its chars mapped one by one, so each key of two or more code points of the
 *     phrase stage becomes keys for its preimages under that map ({@code 软件} for {@code 軟件}), with
 *     its value: <em>run keys</em>.</li>
 * </ul>
 *
 * <p>The greedy walk of the result then decides as the two stages do, except where a run key would
 * reach past its run's end, which is where the first stage's next segment starts: whether one
 * starts inside it depends on the text after it. Run keys that could never lie in a run are left
 * out (a segment key is a prefix of them or lies inside them); for the others the walk asks
 * ({@link CompiledDictionary#convertFolded}) and, where a segment starts inside, takes the longest
 * key that ends before it. Immutable.
 */
final class PhraseStageFold {
    /** More preimages than this for one phrase would make deriving costly: such a stage is not folded. */
    private static final int MAX_PREIMAGES = 256;

    /** The folded dictionary. */
    final CompiledDictionary dict;
    /**
     * By value id of {@link #dict} less {@link #firstValues} ({@link #runCheck}): for a run key, in
     * the low half a bit for each offset inside it where a segment of the first stage may start and
     * reach past it (the walk asks there), and in the high half a {@linkplain #nextCharBit filter}
     * of the chars that may follow the key in such a segment; 0 for every other key. Most run keys
     * (软件, 数据) are followed by a char no such segment goes on with: the filter settles them
     * without a probe of the first stage.
     */
    private final long[] runChecks;
    /**
     * The first stage's value count: the fold's values below it are the first stage's keys', which
     * are no run keys, so the table above holds only the added values' (a few thousand: 12 KB for
     * s2twp, where one per value id took 800 KB that every stop of the copy loop read from).
     */
    private final int firstValues;
    /** The first stage, whose matches of two or more code points start segments. */
    final CompiledDictionary first;

    private PhraseStageFold(CompiledDictionary dict, long[] runChecks, int firstValues, CompiledDictionary first) {
        this.dict = dict;
        this.runChecks = runChecks;
        this.firstValues = firstValues;
        this.first = first;
    }

    /**
     * @param first a fused first stage (its keys of two or more code points are the segmentation's)
     * @param phrases the chain's second and last stage
     * @return the fold, or {@code null} when it does not apply: a key or value holding a description
     *     operator (segments then matter beyond keys), a one-code-point key of the first stage whose
     *     value is not one code point, or a phrase with too many preimages
     */
    static PhraseStageFold derive(CompiledDictionary first, CompiledDictionary phrases) {
        if (first.keysHoldOperators() || phrases.keysHoldOperators()
                || first.valuesHoldOperators() || phrases.valuesHoldOperators()) {
            return null;
        }
        Map<Integer, Integer> single = singles(first);
        if (single == null) {
            return null; // a run's output would not be its chars mapped one by one
        }
        Map<Integer, List<Integer>> preimages = new HashMap<>();
        single.keySet().stream().sorted()
                .forEach(k -> preimages.computeIfAbsent(single.get(k), x -> new ArrayList<>()).add(k));
        TrieEditor trie = new TrieEditor(first, v -> convert(phrases, v));
        Map<Integer, String> runKeys = new HashMap<>(); // by value id
        int maxLength = first.maxKeyLength();
        int size = first.size();
        for (FlatEntry e : phrases.entries()) {
            int k = CodePointMapFold.singleCodePoint(e.key());
            if (k >= 0) {
                // A char the first stage leaves as it is, which the phrase stage maps.
                if (!single.containsKey(k) && !e.key().equals(e.value())) {
                    trie.setValue(e.key(), trie.addValue(e.value(), e.source()), true);
                    size++;
                }
                continue;
            }
            List<String> keys = preimagesOf(e.key(), single, preimages);
            if (keys == null) {
                return null;
            }
            for (String w : keys) {
                if (mayLieInRun(first, w)) {
                    if (w.length() >= Integer.SIZE) {
                        return null; // no bit for its offsets
                    }
                    int id = trie.addValue(e.value(), e.source());
                    trie.setValue(w, id, true);
                    runKeys.put(id, w);
                    maxLength = Math.max(maxLength, w.length());
                    size++;
                }
            }
        }
        CompiledDictionary d = trie.build(first.name() + ", then " + phrases.name(), maxLength, size);
        if (d == null) {
            return null;
        }
        int firstValues = first.valueCount();
        long[] runChecks = new long[trie.valueCount() - firstValues];
        runKeys.forEach((id, w) -> runChecks[id - firstValues] = offsetsToCheck(first, w));
        addFollowers(first, runKeys, runChecks, firstValues);
        return new PhraseStageFold(d, runChecks, firstValues, first);
    }

    /**
     * @return the first stage's keys of one code point with their values, or {@code null} when a
     *     value is not one code point
     */
    private static Map<Integer, Integer> singles(CompiledDictionary first) {
        Map<Integer, Integer> single = new HashMap<>();
        char[] pair = new char[2];
        for (int c = 0; c < CompiledDictionary.ROOT_SIZE; c++) {
            if (Character.isHighSurrogate((char) c)) {
                if (!first.startsKey((char) c)) {
                    continue;
                }
                pair[0] = (char) c;
                for (char low = Character.MIN_LOW_SURROGATE; low <= Character.MAX_LOW_SURROGATE; low++) {
                    pair[1] = low;
                    long m = first.match(pair, 0, 2);
                    if (m != CompiledDictionary.NO_MATCH && CompiledDictionary.matchLength(m) == 2
                            && !put(single, Character.toCodePoint((char) c, low),
                                    first.value(CompiledDictionary.matchValue(m)))) {
                        return null;
                    }
                }
            } else {
                int id = first.singleValueId((char) c);
                if (id >= 0 && !put(single, c, first.value(id))) {
                    return null;
                }
            }
        }
        return single;
    }

    private static boolean put(Map<Integer, Integer> single, int key, String value) {
        int v = CodePointMapFold.singleCodePoint(value);
        single.put(key, v);
        return v >= 0;
    }

    /** @return the phrase stage's conversion of {@code s} as a text of its own */
    private static String convert(CompiledDictionary phrases, String s) {
        int i = 0;
        while (i < s.length() && !phrases.startsKey(s.charAt(i))) {
            i++;
        }
        if (i == s.length()) {
            return s; // most values: no char of them starts a key there
        }
        char[] a = s.toCharArray();
        CharBuf out = new CharBuf(a.length + 8);
        phrases.convert(a, 0, a.length, true, out);
        return out.toString();
    }

    /**
     * @return the strings that the first stage's one-code-point map sends to {@code key} (a char
     *     that is no key there maps to itself), or {@code null} when there are too many
     */
    private static List<String> preimagesOf(String key, Map<Integer, Integer> single,
                                            Map<Integer, List<Integer>> preimages) {
        List<String> keys = List.of("");
        for (int i = 0; i < key.length(); ) {
            int cp = key.codePointAt(i);
            i += Character.charCount(cp);
            List<Integer> from = new ArrayList<>(preimages.getOrDefault(cp, List.of()));
            if (!single.containsKey(cp)) {
                from.add(cp);
            }
            List<String> longer = new ArrayList<>(keys.size() * from.size());
            for (String w : keys) {
                for (int c : from) {
                    longer.add(w + Character.toString(c));
                }
            }
            if (longer.size() > MAX_PREIMAGES) {
                return null;
            }
            keys = longer;
        }
        return keys;
    }

    /**
     * @return a bit for each offset inside the run key {@code w} where a key of two or more code
     *     points of {@code first} may start and reach past {@code w} (which text after it decides),
     *     with bit 0 always set: a run key, even with nothing to check
     */
    private static int offsetsToCheck(CompiledDictionary first, String w) {
        char[] a = w.toCharArray();
        int checks = 1;
        for (int q = 1; q < a.length; q++) {
            boolean codePointStarts = !(Character.isLowSurrogate(a[q]) && Character.isHighSurrogate(a[q - 1]));
            if (codePointStarts && first.extendsPast(a, q, a.length)) {
                checks |= 1 << q;
            }
        }
        return checks;
    }

    /**
     * @param id a value id of {@link #dict}
     * @return its {@link #runChecks} entry: 0 unless it is a run key's
     */
    long runCheck(int id) {
        int i = id - firstValues;
        return i >= 0 ? runChecks[i] : 0;
    }

    /**
     * @return the bit of {@code c} in the high half of a {@link #runChecks} entry, shifted down: one
     *     of 32, by a hash of the char
     */
    static int nextCharBit(char c) {
        return 1 << ((c * 0x9E3779B1) >>> 27);
    }

    /**
     * Sets the high half of each run key's {@code runChecks} entry: the bits of the chars that
     * continue, in {@code first}'s trie, what follows one of its offsets to check (a segment starting
     * there reaches past the key only through one of them).
     */
    private static void addFollowers(CompiledDictionary first, Map<Integer, String> keys, long[] runChecks,
                                     int firstValues) {
        Map<Integer, List<Integer>> idsByNode = new HashMap<>();
        keys.forEach((id, w) -> {
            char[] a = w.toCharArray();
            for (int checks = (int) runChecks[id - firstValues] & ~1; checks != 0; checks &= checks - 1) {
                int node = first.nodeOf(a, Integer.numberOfTrailingZeros(checks), a.length);
                idsByNode.computeIfAbsent(node, n -> new ArrayList<>()).add(id);
            }
        });
        for (long e : first.edges) {
            List<Integer> ids = e == 0 ? null : idsByNode.get((int) (e >>> 38));
            if (ids != null) {
                long bit = (long) nextCharBit((char) (e >>> CompiledDictionary.CHILD_BITS)) << 32;
                ids.forEach(id -> runChecks[id - firstValues] |= bit);
            }
        }
    }

    /**
     * @return whether {@code w} may lie inside a run: no key of two or more code points of {@code
     *     first} starts inside it and ends inside it too (it would always cut the run there)
     */
    private static boolean mayLieInRun(CompiledDictionary first, String w) {
        char[] a = w.toCharArray();
        for (int q = 0; q < a.length; q += Character.isHighSurrogate(a[q]) && q + 1 < a.length ? 2 : 1) {
            if (first.segmentStartsAt(a, q, a.length)) {
                return false;
            }
        }
        return true;
    }
}
