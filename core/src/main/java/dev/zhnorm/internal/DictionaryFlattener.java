package dev.zhnorm.internal;

import dev.zhnorm.dict.Dictionary;
import dev.zhnorm.dict.DictionaryEntry;
import dev.zhnorm.dict.DictionaryGroup;
import dev.zhnorm.dict.TextDictionary;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a dictionary tree (text dictionaries nested in groups) into one flat key→value table whose
 * plain longest-prefix match gives exactly the tree's OpenCC match:
 * <ul>
 *   <li>{@code union}: all keys; on equal keys the earlier child wins. Longest match over the merged
 *       table is then the union's "longest across children, ties to the earlier".</li>
 *   <li>{@code short_circuit}: a key of a later child is dropped when a key of any earlier child is a
 *       prefix of it (or equal). Whenever such a key matches, the earlier child matches too and wins,
 *       so the key can never be chosen. A surviving key that matches either is the only kind of match
 *       at that position, or is a proper prefix of a longer match of an earlier child, which wins
 *       under both rules; so plain longest match equals "first child with any match wins".</li>
 *   <li>A text dictionary contributes the first candidate of each entry.</li>
 * </ul>
 */
public final class DictionaryFlattener {
    private DictionaryFlattener() {
    }

    /**
     * @param dictionary the tree
     * @return unique-key entries, in a deterministic order
     */
    public static List<FlatEntry> flatten(Dictionary dictionary) {
        return new ArrayList<>(flattenToMap(dictionary).values());
    }

    private static Map<String, FlatEntry> flattenToMap(Dictionary dictionary) {
        if (dictionary instanceof TextDictionary text) {
            Map<String, FlatEntry> map = new LinkedHashMap<>(text.size() * 2);
            for (DictionaryEntry e : text.entries()) {
                map.putIfAbsent(e.key(), new FlatEntry(e.key(), e.value(), text.name()));
            }
            return map;
        }
        DictionaryGroup group = (DictionaryGroup) dictionary;
        Map<String, FlatEntry> merged = new LinkedHashMap<>();
        switch (group.policy()) {
            case UNION -> {
                for (Dictionary child : group.children()) {
                    flattenToMap(child).forEach(merged::putIfAbsent);
                }
            }
            case SHORT_CIRCUIT -> {
                Set<String> earlierKeys = new HashSet<>();
                for (Dictionary child : group.children()) {
                    Map<String, FlatEntry> childMap = flattenToMap(child);
                    for (FlatEntry e : childMap.values()) {
                        if (!hasPrefixIn(e.key(), earlierKeys)) {
                            merged.put(e.key(), e);
                        }
                    }
                    earlierKeys.addAll(childMap.keySet());
                }
            }
        }
        return merged;
    }

    /** Whether some prefix of {@code key} (including the key itself) is in {@code keys}. */
    private static boolean hasPrefixIn(String key, Set<String> keys) {
        if (keys.isEmpty()) {
            return false;
        }
        for (int end = key.length(); end > 0; end--) {
            if (end < key.length() && Character.isLowSurrogate(key.charAt(end))) {
                continue; // never split a surrogate pair
            }
            if (keys.contains(key.substring(0, end))) {
                return true;
            }
        }
        return false;
    }
}
