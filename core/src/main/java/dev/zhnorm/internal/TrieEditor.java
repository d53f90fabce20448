package dev.zhnorm.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A copy of a {@link CompiledDictionary}'s trie and values that keys can be added to and values
 * set on, built into a new dictionary: the derivations that keep most of a large dictionary's
 * keys ({@link CodePointMapFold}, {@link PhraseStageFold}) cost a copy of its tables and the new
 * keys' nodes, not a rebuild from its entries (which takes hundreds of milliseconds for
 * STPhrases). Not thread-safe; one per derivation.
 */
final class TrieEditor {
    private final CompiledDictionary d;
    private final int[] root;
    private int[] info;
    private int nodes;
    private final int oldNodes;
    private final Map<Long, Integer> newEdges = new HashMap<>();
    private final StringBuilder chars;
    private int[] offsets;
    private short[] valueSource;
    private final List<String> sources;
    private int values;

    /** A copy of {@code d}, its values as they are. */
    TrieEditor(CompiledDictionary d) {
        this(d, null);
    }

    /**
     * A copy of {@code d} with each value replaced by {@code newValue} of it (same ids and sources).
     *
     * @param newValue the new value of each value, or {@code null} to keep them
     */
    TrieEditor(CompiledDictionary d, UnaryOperator<String> newValue) {
        this.d = d;
        this.root = d.root.clone();
        this.info = Arrays.copyOf(d.nodeInfo, d.nodeInfo.length + 1024);
        this.nodes = d.nodeInfo.length;
        this.oldNodes = d.nodeInfo.length;
        this.values = d.valueOffsets.length - 1;
        this.offsets = Arrays.copyOf(d.valueOffsets, values + 1 + 1024);
        this.valueSource = Arrays.copyOf(d.valueSource, values + 1024);
        this.sources = new ArrayList<>(Arrays.asList(d.sources));
        if (newValue == null) {
            this.chars = new StringBuilder(d.valueChars.length + 1024).append(d.valueChars);
            return;
        }
        this.chars = new StringBuilder(d.valueChars.length + 1024);
        for (int id = 0; id < values; id++) {
            chars.append(newValue.apply(d.value(id)));
            offsets[id + 1] = chars.length();
        }
        for (int c = 0; c < CompiledDictionary.ROOT_SIZE; c++) {
            int r = root[c];
            if (r < 0) { // an inline leaf holds its value's char: the new value's, or a node if it has none
                int id = (r >>> 16) & CompiledDictionary.MAX_INLINE_VALUE_ID;
                if (offsets[id + 1] - offsets[id] == 1 && !Character.isSurrogate(chars.charAt(offsets[id]))) {
                    root[c] = (r & ~0xFFFF) | chars.charAt(offsets[id]);
                } else {
                    root[c] = newNode((id + 1) << 1);
                }
            }
        }
    }

    /** @return the id of a new value, {@code value} from the dictionary named {@code source} */
    int addValue(String value, String source) {
        if (values + 1 == offsets.length) {
            offsets = Arrays.copyOf(offsets, offsets.length * 2);
            valueSource = Arrays.copyOf(valueSource, valueSource.length * 2);
        }
        chars.append(value);
        offsets[values + 1] = chars.length();
        int s = sources.indexOf(source);
        if (s < 0) {
            s = sources.size();
            sources.add(source);
        }
        valueSource[values] = (short) s;
        return values++;
    }

    /** @return how many values there are so far (the next new value's id) */
    int valueCount() {
        return values;
    }

    /** Sets the value of {@code key} ({@code -1}: none), creating its nodes when {@code create}. */
    void setValue(String key, int id, boolean create) {
        int node = path(key, create);
        if (node != 0) {
            info[node] = (info[node] & 1) | ((id + 1) << 1);
        }
    }

    /** Creates the nodes of {@code key} that are missing, leaving every value as it is. */
    void addPath(String key) {
        path(key, true);
    }

    /**
     * @return the dictionary, or {@code null} when it has too many nodes or sources
     */
    CompiledDictionary build(String name, int maxLength, int size) {
        if (nodes > CompiledDictionary.MAX_NODES || sources.size() > Short.MAX_VALUE) {
            return null;
        }
        return new CompiledDictionary(name, root, Arrays.copyOf(info, nodes), edges(),
                chars.toString().toCharArray(), Arrays.copyOf(offsets, values + 1), Arrays.copyOf(valueSource, values),
                sources.toArray(String[]::new), maxLength, size);
    }

    /** @return the node of {@code key}, its missing nodes created when {@code create}, else 0 when one is missing */
    private int path(String key, boolean create) {
        char first = key.charAt(0);
        int node = root[first];
        if (node < 0) {
            if (!create) {
                if (key.length() == 1) {
                    root[first] = 0; // an inline leaf's value removed
                }
                return 0;
            }
            int inlineId = (node >>> 16) & CompiledDictionary.MAX_INLINE_VALUE_ID;
            node = newNode((inlineId + 1) << 1); // an inline leaf becomes a node that can take children
            root[first] = node;
        } else if (node == 0) {
            if (!create) {
                return 0;
            }
            node = newNode(0);
            root[first] = node;
        }
        for (int i = 1; i < key.length(); i++) {
            char c = key.charAt(i);
            int child = child(node, c);
            if (child == 0) {
                if (!create) {
                    return 0;
                }
                info[node] |= 1;
                child = newNode(0);
                newEdges.put(((long) node << 16) | c, child);
            }
            node = child;
        }
        return node;
    }

    private int child(int node, char c) {
        Integer n = newEdges.get(((long) node << 16) | c);
        if (n != null) {
            return n;
        }
        return node < oldNodes ? d.child(node, c) : 0;
    }

    private int newNode(int nodeInfo) {
        if (nodes == info.length) {
            info = Arrays.copyOf(info, info.length * 2);
        }
        info[nodes] = nodeInfo;
        return nodes++;
    }

    /** The edge table with the new edges, sized as the builder sizes it. */
    private long[] edges() {
        int count = newEdges.size();
        for (long e : d.edges) {
            if (e != 0) {
                count++;
            }
        }
        int capacity = Math.max(4, Integer.highestOneBit(Math.max(1, count * 5 / 3)) << 1);
        long[] table = new long[capacity];
        int shift = 64 - Integer.numberOfTrailingZeros(capacity);
        for (long e : d.edges) {
            if (e != 0) {
                put(table, shift, e);
            }
        }
        newEdges.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(en ->
                put(table, shift, (en.getKey() << CompiledDictionary.CHILD_BITS) | en.getValue()));
        return table;
    }

    private static void put(long[] table, int shift, long edge) {
        long key = edge >>> CompiledDictionary.CHILD_BITS;
        int h = (int) ((key * 0x9E3779B97F4A7C15L) >>> shift);
        while (table[h] != 0) {
            h = (h + 1) & (table.length - 1);
        }
        table[h] = edge;
    }
}
