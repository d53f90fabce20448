package dev.zhnorm.internal.document;

import dev.zhnorm.internal.normalize.ProseMarks;

import java.util.Arrays;

/**
 * The prose of one block of a document (a paragraph, heading, table cell, list item's text …) as
 * one text: the source's prose runs in order, with {@code \n} where the source changes line (or a
 * line break or nested block ends one) and {@link #OBJECT} for an image or form control, and per
 * char its source offset ({@code -1} for those line ends and objects), its inline nesting depth (inside
 * emphasis or a link: deeper) and whether it is fixed (inline code, a tag, math: verbatim, but seen
 * by its neighbours' rules as a word). Markup between runs (emphasis markers, link destinations)
 * is not in the text: context sees through it. Plain arrays filled run by run, since a document
 * passes through here char by char once per normalization. Not thread-safe.
 */
final class ProseBlock {
    private char[] text = new char[32];
    private int[] source = new int[32];
    private int[] depth = new int[32];
    private byte[] marks = new byte[32];
    /** Per char: inside an element whose text must not change (HTML inline code): nothing is inserted there. */
    private boolean[] sealed = new boolean[32];
    private int n;

    /** Appends {@code input[from,to)}, all of it with one {@link ProseMarks mark}. */
    void append(String input, int from, int to, byte mark, int nesting) {
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
        Arrays.fill(marks, n, n + len, mark);
        Arrays.fill(sealed, n, n + len, false);
        n += len;
    }

    /**
     * Appends {@code input[from,to)} as text of an element that must stay as it is (HTML's
     * {@code <code>}): a word to its neighbours' rules, and no space goes into it (a space beside it
     * goes outside the element, {@code 用 <code>npm</code> 写}).
     */
    void appendSealed(String input, int from, int to, int nesting) {
        int at = n;
        append(input, from, to, ProseMarks.WORD, nesting);
        Arrays.fill(sealed, at, n, true);
    }

    /** Ends a line of prose (a soft or hard line break, or a line end inside a text node). */
    void newline() {
        if (n > 0 && text[n - 1] != '\n') {
            ensure(n + 1);
            text[n] = '\n';
            source[n] = -1;
            depth[n] = 0;
            marks[n] = ProseMarks.WORD;
            sealed[n] = false;
            n++;
        }
    }

    /**
     * Appends an object of the line (an image, a form control): U+FFFC OBJECT REPLACEMENT CHARACTER,
     * kept, and so neither Han nor a word to its neighbours' rules; it has no source, like a line end.
     */
    void object() {
        ensure(n + 1);
        text[n] = OBJECT;
        source[n] = -1;
        depth[n] = 0;
        marks[n] = ProseMarks.KEPT;
        sealed[n] = false;
        n++;
    }

    /** What {@link #object()} puts in the text. */
    static final char OBJECT = ProseMarks.OBJECT;

    private void ensure(int capacity) {
        if (capacity > text.length) {
            int size = Math.max(capacity, text.length * 2);
            text = Arrays.copyOf(text, size);
            source = Arrays.copyOf(source, size);
            depth = Arrays.copyOf(depth, size);
            marks = Arrays.copyOf(marks, size);
            sealed = Arrays.copyOf(sealed, size);
        }
    }

    /** Marks {@code text[from,to)} fixed (math, a container marker, a heading attribute …). */
    void fix(int from, int to) {
        Arrays.fill(marks, from, to, ProseMarks.WORD);
    }

    /**
     * Keeps verbatim (but seen by its neighbours as itself) every prose char listed in {@code chars}:
     * a full-width form whose ASCII twin is markup in the document's format, which W2 would create.
     */
    void keepEach(String chars) {
        for (int i = 0; i < n; i++) {
            if (marks[i] == ProseMarks.FREE && chars.indexOf(text[i]) >= 0) {
                marks[i] = ProseMarks.KEPT;
            }
        }
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
            if (marks[i] == ProseMarks.FREE) {
                return true;
            }
        }
        return false;
    }

    /** Appends the text to {@code out} and its marks, one per char, to {@code to} at {@code at}. */
    void copyTo(StringBuilder out, byte[] to, int at) {
        out.append(text, 0, n);
        System.arraycopy(marks, 0, to, at, n);
    }

    int source(int i) {
        return source[i];
    }

    int depth(int i) {
        return depth[i];
    }

    /** @return whether char {@code i} is text of an element nothing may be inserted into ({@link #appendSealed}) */
    boolean sealed(int i) {
        return sealed[i];
    }
}
