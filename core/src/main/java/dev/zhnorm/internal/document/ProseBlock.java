package dev.zhnorm.internal.document;

import java.util.Arrays;

/**
 * The prose of one block of a document (a paragraph, heading, table cell, list item's text …) as
 * one text: the source's prose runs in order, with {@code \n} where the source changes line, and
 * per char its source offset ({@code -1} for those line ends), its inline nesting depth (inside
 * emphasis or a link: deeper) and whether it is fixed (inline code, a tag, math: verbatim, but seen
 * by its neighbours' rules as a word). Markup between runs (emphasis markers, link destinations)
 * is not in the text: context sees through it. Plain arrays filled run by run, since a document
 * passes through here char by char once per normalization. Not thread-safe.
 */
final class ProseBlock {
    private char[] text = new char[32];
    private int[] source = new int[32];
    private int[] depth = new int[32];
    private boolean[] fixed = new boolean[32];
    private int n;

    /** Appends {@code input[from,to)}, all of it fixed or all of it prose. */
    void append(String input, int from, int to, boolean fix, int nesting) {
        int len = to - from;
        if (len <= 0) {
            return;
        }
        ensure(n + len);
        input.getChars(from, to, text, n);
        for (int i = 0; i < len; i++) {
            source[n + i] = from + i;
        }
        Arrays.fill(depth, n, n + len, nesting);
        Arrays.fill(fixed, n, n + len, fix);
        n += len;
    }

    /** Ends a line of prose (a soft or hard line break, or a line end inside a text node). */
    void newline() {
        if (n > 0 && text[n - 1] != '\n') {
            ensure(n + 1);
            text[n] = '\n';
            source[n] = -1;
            depth[n] = 0;
            fixed[n] = true;
            n++;
        }
    }

    private void ensure(int capacity) {
        if (capacity > text.length) {
            int size = Math.max(capacity, text.length * 2);
            text = Arrays.copyOf(text, size);
            source = Arrays.copyOf(source, size);
            depth = Arrays.copyOf(depth, size);
            fixed = Arrays.copyOf(fixed, size);
        }
    }

    /** Marks {@code text[from,to)} fixed (math, a container marker, a heading attribute …). */
    void fix(int from, int to) {
        Arrays.fill(fixed, from, to, true);
    }

    int length() {
        return n;
    }

    char charAt(int i) {
        return text[i];
    }

    /** @return whether the block holds any prose char (not only fixed ones and line ends) */
    boolean hasProse() {
        for (int i = 0; i < n; i++) {
            if (!fixed[i]) {
                return true;
            }
        }
        return false;
    }

    /** Appends the text to {@code out} and its fixed marks, one per char, to {@code marks} at {@code at}. */
    void copyTo(StringBuilder out, boolean[] marks, int at) {
        out.append(text, 0, n);
        System.arraycopy(fixed, 0, marks, at, n);
    }

    int source(int i) {
        return source[i];
    }

    int depth(int i) {
        return depth[i];
    }
}
