package dev.zhnorm.internal;

/**
 * One key of a flattened dictionary: the first candidate value and the name of the dictionary it
 * came from (for explanations).
 */
public record FlatEntry(String key, String value, String source) {
}
