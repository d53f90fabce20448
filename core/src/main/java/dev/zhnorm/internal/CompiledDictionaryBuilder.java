package dev.zhnorm.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link CompiledDictionary}'s arrays from flattened entries. Entries are inserted in a
 * deterministic order, so equal input gives equal arrays (and byte-identical bundled tables).
 */
final class CompiledDictionaryBuilder {
    private final String name;
    private final List<FlatEntry> entries;
    private final CompiledDictionary.Purpose purpose;

    CompiledDictionaryBuilder(String name, List<FlatEntry> entries, CompiledDictionary.Purpose purpose) {
        this.name = name;
        this.entries = entries;
        this.purpose = purpose;
    }

    CompiledDictionary build() {
        List<FlatEntry> kept = new ArrayList<>(entries.size());
        for (FlatEntry e : entries) {
            // An identity entry for a description operator is kept: its match stops the sequence.
            boolean identityChar = e.key().length() == 1 && e.key().equals(e.value())
                    && !IdeographicDescription.isOperator(e.key().charAt(0));
            if (!(purpose == CompiledDictionary.Purpose.CONVERSION && identityChar)) {
                kept.add(e);
            }
        }
        // Single-char keys first, so their value ids are small enough to be stored inline.
        kept.sort((x, y) -> {
            int c = Integer.compare(x.key().length(), y.key().length());
            return c != 0 ? c : x.key().compareTo(y.key());
        });
        Map<String, Integer> sourceIds = new LinkedHashMap<>();
        int[] root = new int[CompiledDictionary.ROOT_SIZE];
        List<Integer> info = new ArrayList<>();
        info.add(0); // node 0 unused
        Map<Long, Integer> edgeMap = new HashMap<>();
        StringBuilder chars = new StringBuilder();
        int[] offsets = new int[kept.size() + 1];
        short[] valueSource = new short[kept.size()];
        int maxLen = 0;
        for (int id = 0; id < kept.size(); id++) {
            FlatEntry e = kept.get(id);
            String key = e.key();
            maxLen = Math.max(maxLen, key.length());
            offsets[id] = chars.length();
            chars.append(e.value());
            int src = sourceIds.computeIfAbsent(e.source(), s -> sourceIds.size());
            if (src > Short.MAX_VALUE) {
                throw new IllegalArgumentException("too many source dictionaries");
            }
            valueSource[id] = (short) src;
            int node = root[key.charAt(0)];
            if (node == 0) {
                node = info.size();
                info.add(0);
                root[key.charAt(0)] = node;
            }
            for (int i = 1; i < key.length(); i++) {
                info.set(node, info.get(node) | 1);
                long edgeKey = ((long) node << 16) | key.charAt(i);
                Integer child = edgeMap.get(edgeKey);
                if (child == null) {
                    child = info.size();
                    info.add(0);
                    edgeMap.put(edgeKey, child);
                }
                node = child;
            }
            if ((info.get(node) >>> 1) != 0) {
                throw new IllegalArgumentException(name + ": duplicate key '" + key + "'");
            }
            info.set(node, info.get(node) | ((id + 1) << 1));
        }
        offsets[kept.size()] = chars.length();
        if (info.size() > CompiledDictionary.MAX_NODES) {
            throw new IllegalArgumentException(name + ": dictionary too large (" + info.size() + " trie nodes)");
        }
        int[] nodeInfo = info.stream().mapToInt(Integer::intValue).toArray();
        // Inline leaves: one BMP char mapping to one BMP char, starting no longer key.
        for (int c = 0; c < CompiledDictionary.ROOT_SIZE; c++) {
            int node = root[c];
            if (node > 0 && (nodeInfo[node] & 1) == 0) {
                int id = (nodeInfo[node] >>> 1) - 1;
                if (id >= 0 && id <= CompiledDictionary.MAX_INLINE_VALUE_ID && offsets[id + 1] - offsets[id] == 1
                        && !Character.isSurrogate((char) c)) {
                    root[c] = CompiledDictionary.SIMPLE_FLAG | (id << 16) | chars.charAt(offsets[id]);
                }
            }
        }
        // Load factor between 0.3 and 0.6: probes stay short, and the table stays small enough to load fast.
        int capacity = Math.max(4, Integer.highestOneBit(Math.max(1, edgeMap.size() * 5 / 3)) << 1);
        long[] edges = new long[capacity];
        int shift = 64 - Integer.numberOfTrailingZeros(capacity);
        edgeMap.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(en -> {
            long key = en.getKey();
            int h = (int) ((key * 0x9E3779B97F4A7C15L) >>> shift);
            while (edges[h] != 0) {
                h = (h + 1) & (capacity - 1);
            }
            edges[h] = (key << CompiledDictionary.CHILD_BITS) | en.getValue();
        });
        char[] valueChars = chars.toString().toCharArray();
        return new CompiledDictionary(name, root, nodeInfo, edges, valueChars, offsets, valueSource,
                sourceIds.keySet().toArray(String[]::new), maxLen, kept.size());
    }
}
