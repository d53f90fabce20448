package dev.zhnorm.dict;

import java.util.List;

/**
 * One line of an OpenCC dictionary: a key and its candidate values. Conversion uses the first
 * candidate, as OpenCC does.
 *
 * @param key the text to match, non-empty
 * @param values the candidates, at least one, none empty
 */
public record DictionaryEntry(String key, List<String> values) {
    /**
     * Validates and copies the values.
     *
     * @param key the text to match, non-empty
     * @param values the candidates, at least one, none empty
     * @throws IllegalArgumentException if the key or a value is empty, or there is no value
     */
    public DictionaryEntry {
        if (key.isEmpty()) {
            throw new IllegalArgumentException("empty dictionary key");
        }
        values = List.copyOf(values);
        if (values.isEmpty() || values.stream().anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException("dictionary entry '" + key + "' needs non-empty values");
        }
    }

    /** @return the candidate conversion uses: the first one */
    public String value() {
        return values.get(0);
    }
}
