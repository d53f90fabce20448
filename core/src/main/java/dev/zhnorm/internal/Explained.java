package dev.zhnorm.internal;

/** A transformed text with the log that aligns it with its input. */
public record Explained(String output, EditLog log) {
}
