package dev.zhnorm.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Derives {@link CompiledDictionary#precededBy}: one dictionary {@code D'} that converts a text as a
 * code point map {@code N} (every key and value one code point, no chains: the CJK compatibility
 * stage) and then {@code D} would, in one pass. The keys of {@code D'} are the strings that
 * {@code N} maps to keys of {@code D}, each with that key's value, and each key of {@code N} whose
 * image is no key of {@code D}, with that image. Since {@code N} maps code point to code point, the
 * greedy walk of {@code D'} over a text meets, at each position, exactly the preimages of the keys
 * that {@code D} meets in the mapped text, so it makes the same decisions. Both walks copy a
 * description sequence whole where no key matches, and no key of either may hold an operator, so
 * the chars inside one are copied raw either way.
 *
 * <p>Built by copying {@code D}'s trie and inserting the new keys: a few thousand at most for
 * OpenCC's tables (the keys holding one of the thousand compatibility targets, times their
 * preimages), so deriving costs a copy of the tables, not a rebuild.
 */
final class CodePointMapFold {
    /** More keys than this would make deriving costly; such a map is not folded. */
    private static final int MAX_NEW_KEYS = 1 << 17;

    private final CompiledDictionary d;
    private final TrieEditor trie;

    private CodePointMapFold(CompiledDictionary d) {
        this.d = d;
        this.trie = new TrieEditor(d);
    }

    /**
     * @param images whether each key of the map whose image is no key of {@code d} becomes a key
     *     with that image as its value (a conversion stage; not a segmentation, where a key would
     *     cut a segment)
     * @return {@code d} preceded by {@code map}, or {@code null} when {@code map} is no code point
     *     map without chains or operators, or a key of {@code d} holds a description operator
     */
    static CompiledDictionary derive(CompiledDictionary d, CompiledDictionary map, boolean images) {
        return derive(d, map, images, List.of());
    }

    /**
     * {@link #derive(CompiledDictionary, CompiledDictionary, boolean)} whose trie also holds the
     * paths of {@code stops}, with no value: no match changes, but the table loop stops wherever
     * one of them may start, so a caller can look there ({@link ChainShortcut}).
     *
     * @param stops strings of two or more chars, none holding a description operator
     */
    static CompiledDictionary derive(CompiledDictionary d, CompiledDictionary map, boolean images, List<String> stops) {
        Map<Integer, Integer> image = new HashMap<>();
        Map<Integer, String> sourceOf = new HashMap<>();
        for (FlatEntry e : map.entries()) {
            int k = singleCodePoint(e.key());
            int v = singleCodePoint(e.value());
            if (k < 0 || v < 0 || isOperator(k) || isOperator(v)) {
                return null;
            }
            image.put(k, v);
            sourceOf.put(k, e.source());
        }
        Map<Integer, List<Integer>> preimages = new HashMap<>();
        boolean[] special = new boolean[CompiledDictionary.ROOT_SIZE]; // chars of a key or image of the map
        for (Map.Entry<Integer, Integer> e : image.entrySet()) {
            if (image.containsKey(e.getValue())) {
                return null; // a chain: the map applied once is not its own fixed point
            }
            preimages.computeIfAbsent(e.getValue(), v -> new ArrayList<>()).add(e.getKey());
            for (char c : Character.toChars(e.getKey())) {
                special[c] = true;
            }
            for (char c : Character.toChars(e.getValue())) {
                special[c] = true;
            }
        }
        preimages.values().forEach(l -> l.sort(Integer::compare)); // a deterministic table

        CodePointMapFold f = new CodePointMapFold(d);
        List<String> candidates = f.keysTouching(special);
        if (candidates == null) {
            return null;
        }
        List<String> dropped = new ArrayList<>();
        Map<String, Integer> added = new LinkedHashMap<>();
        for (String key : candidates) {
            int id = f.valueId(key);
            if (key.codePoints().anyMatch(image::containsKey)) {
                dropped.add(key); // the map leaves no key here in any text: D never sees it
            } else if (!variants(key, preimages, id, added)) {
                return null;
            }
        }
        // A key of the map whose image D does not change maps to that image.
        Map<String, String> imageValues = new LinkedHashMap<>();
        image.keySet().stream().sorted().forEach(k -> {
            String target = Character.toString(image.get(k));
            if (images && f.valueId(target) < 0) {
                imageValues.put(Character.toString(k), target);
            }
        });
        return f.build(map, dropped, added, imageValues, sourceOf, stops);
    }

    /** @return the one code point {@code s} is, or -1 when it is none or several */
    static int singleCodePoint(String s) {
        return !s.isEmpty() && s.codePointCount(0, s.length()) == 1 ? s.codePointAt(0) : -1;
    }

    private static boolean isOperator(int cp) {
        return cp < CompiledDictionary.ROOT_SIZE && IdeographicDescription.isOperator((char) cp);
    }

    /**
     * Adds every string other than {@code key} that the map sends to it, each with value {@code id}.
     *
     * @return false when there are too many
     */
    private static boolean variants(String key, Map<Integer, List<Integer>> preimages, int id,
                                    Map<String, Integer> added) {
        int[] cps = key.codePoints().toArray();
        int[][] options = new int[cps.length][];
        long combinations = 1;
        for (int i = 0; i < cps.length; i++) {
            List<Integer> pre = preimages.getOrDefault(cps[i], List.of());
            options[i] = new int[pre.size() + 1];
            options[i][0] = cps[i];
            for (int j = 0; j < pre.size(); j++) {
                options[i][j + 1] = pre.get(j);
            }
            combinations *= options[i].length;
            if (combinations > MAX_NEW_KEYS) {
                return false;
            }
        }
        int[] choice = new int[cps.length];
        StringBuilder sb = new StringBuilder();
        for (long n = 1; n < combinations; n++) { // 0 is the key itself
            long rest = n;
            for (int i = cps.length - 1; i >= 0; i--) {
                choice[i] = (int) (rest % options[i].length);
                rest /= options[i].length;
            }
            sb.setLength(0);
            for (int i = 0; i < cps.length; i++) {
                sb.appendCodePoint(options[i][choice[i]]);
            }
            added.put(sb.toString(), id);
        }
        return added.size() <= MAX_NEW_KEYS;
    }

    /**
     * @return every key of the dictionary that holds a {@code special} char, or {@code null} when a
     *     key holds a description operator or the trie's nodes are not numbered parents first
     */
    private List<String> keysTouching(boolean[] special) {
        int oldNodes = d.nodeInfo.length;
        int[] parent = new int[oldNodes];
        char[] last = new char[oldNodes];
        Arrays.fill(parent, -1); // not reached: an inline leaf's former node
        List<String> keys = new ArrayList<>();
        for (int c = 0; c < CompiledDictionary.ROOT_SIZE; c++) {
            int r = d.root[c];
            if (r != 0 && IdeographicDescription.isOperator((char) c)) {
                return null;
            }
            if (r > 0) {
                parent[r] = 0;
                last[r] = (char) c;
            } else if (r < 0 && special[c]) {
                keys.add(String.valueOf((char) c));
            }
        }
        for (long e : d.edges) {
            if (e != 0) {
                int child = (int) (e & ((1L << CompiledDictionary.CHILD_BITS) - 1));
                parent[child] = (int) (e >>> 38);
                last[child] = (char) ((e >>> CompiledDictionary.CHILD_BITS) & 0xFFFF);
                if (IdeographicDescription.isOperator(last[child])) {
                    return null;
                }
            }
        }
        boolean[] touched = new boolean[oldNodes];
        for (int n = 1; n < oldNodes; n++) {
            if (parent[n] < 0) {
                continue;
            }
            if (parent[n] >= n) {
                return null;
            }
            touched[n] = special[last[n]] || touched[parent[n]];
            if (touched[n] && (d.nodeInfo[n] >>> 1) != 0) {
                int length = 0;
                for (int k = n; k != 0; k = parent[k]) {
                    length++;
                }
                char[] key = new char[length]; // not StringBuilder.reverse, which keeps surrogate pairs in order
                for (int k = n; k != 0; k = parent[k]) {
                    key[--length] = last[k];
                }
                keys.add(new String(key));
            }
        }
        return keys;
    }

    /** @return the value id of {@code key} in the original dictionary, or -1 when it is no key there */
    private int valueId(String key) {
        long m = d.match(key.toCharArray(), 0, key.length()); // the longest key within it: itself, if a key
        return m != CompiledDictionary.NO_MATCH && CompiledDictionary.matchLength(m) == key.length()
                ? CompiledDictionary.matchValue(m) : -1;
    }

    private CompiledDictionary build(CompiledDictionary map, List<String> dropped, Map<String, Integer> added,
                                     Map<String, String> imageValues, Map<Integer, String> sourceOf,
                                     List<String> stops) {
        for (String key : dropped) {
            trie.setValue(key, -1, false);
        }
        int maxLength = d.maxKeyLength;
        for (Map.Entry<String, Integer> e : added.entrySet()) {
            trie.setValue(e.getKey(), e.getValue(), true);
            maxLength = Math.max(maxLength, e.getKey().length());
        }
        // New values: the images; their source is the map's.
        for (Map.Entry<String, String> e : imageValues.entrySet()) {
            int id = trie.addValue(e.getValue(), sourceOf.get(e.getKey().codePointAt(0)));
            trie.setValue(e.getKey(), id, true);
            maxLength = Math.max(maxLength, e.getKey().length());
        }
        for (String stop : stops) {
            trie.addPath(stop);
        }
        int size = d.size - dropped.size() + added.size() + imageValues.size();
        return trie.build(d.name + " after " + map.name, maxLength, size);
    }
}
