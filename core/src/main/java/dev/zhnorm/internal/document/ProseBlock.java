package dev.zhnorm.internal.document;

import java.util.Arrays;

/**
 * The prose of one block of a document (a paragraph, heading, table cell, list item's text …) as
 * one text: the source's prose runs in order, with {@code \n} where the source changes line, and
 * per char its source offset ({@code -1} for those line ends), its inline nesting depth (inside
 * emphasis or a link: deeper) and whether it is fixed (inline code, a tag, math: verbatim, but seen
 * by its neighbours' rules as a word). Markup between runs (emphasis markers, link destinations)
 * is not in the text: context sees through it. Not thread-safe.
 */
final class ProseBlock {
    private final StringBuilder text = new StringBuilder();
    private int[] source = new int[32];
    private int[] depth = new int[32];
    private boolean[] fixed = new boolean[32];

    /** Appends {@code input[from,to)}, all of it fixed or all of it prose. */
    void append(String input, int from, int to, boolean fix, int nesting) {
        for (int i = from; i < to; i++) {
            add(input.charAt(i), i, nesting, fix);
        }
    }

    /** Ends a line of prose (a soft or hard line break, or a line end inside a text node). */
    void newline() {
        if (text.length() > 0 && text.charAt(text.length() - 1) != '\n') {
            add('\n', -1, 0, true);
        }
    }

    private void add(char ch, int src, int nesting, boolean fix) {
        int n = text.length();
        if (n == source.length) {
            int size = n * 2;
            source = Arrays.copyOf(source, size);
            depth = Arrays.copyOf(depth, size);
            fixed = Arrays.copyOf(fixed, size);
        }
        text.append(ch);
        source[n] = src;
        depth[n] = nesting;
        fixed[n] = fix;
    }

    /** Marks {@code text[from,to)} fixed (math, a container marker, a heading attribute …). */
    void fix(int from, int to) {
        Arrays.fill(fixed, from, to, true);
    }

    int length() {
        return text.length();
    }

    String text() {
        return text.toString();
    }

    char charAt(int i) {
        return text.charAt(i);
    }

    /** @return whether the block holds any prose char (not only fixed ones and line ends) */
    boolean hasProse() {
        for (int i = 0; i < text.length(); i++) {
            if (!fixed[i]) {
                return true;
            }
        }
        return false;
    }

    /** @return the fixed marks, one per char of {@link #text()} */
    boolean[] fixedMask() {
        return Arrays.copyOf(fixed, text.length());
    }

    int source(int i) {
        return source[i];
    }

    int depth(int i) {
        return depth[i];
    }
}
