package dev.zhnorm.internal.normalize;

/**
 * Counts the boundaries between Han and ASCII letters or digits (S8), spaced (ASCII spaces or tabs
 * between them) or not, for {@link dev.zhnorm.normalize.Spacing#AUTO}. Feed it text in pieces;
 * a boundary never crosses a line end. Not thread-safe.
 */
public final class SpacingCounter {
    private static final int NONE = 0;
    private static final int HAN = 1;
    private static final int WORD = 2;

    private int last = NONE;
    private boolean gap;
    private int spaced;
    private int unspaced;

    /** Counts the boundaries in {@code a[from,to)}, continuing from the previous call. */
    public void add(char[] a, int from, int to) {
        for (int i = from; i < to; i++) {
            char ch = a[i];
            if (ch == ' ' || ch == '\t') {
                gap = true;
                continue;
            }
            int cls;
            if (CharClasses.isHanBmp(ch) || (Character.isHighSurrogate(ch) && i + 1 < to
                    && CharClasses.isHan(Character.toCodePoint(ch, a[i + 1])))) {
                cls = HAN;
            } else if (CharClasses.isAsciiAlnum(ch)) {
                cls = WORD;
            } else {
                cls = NONE;
            }
            if ((last == HAN && cls == WORD) || (last == WORD && cls == HAN)) {
                if (gap) {
                    spaced++;
                } else {
                    unspaced++;
                }
            }
            last = cls;
            gap = false;
        }
    }

    /** Ends a run of text: the next {@link #add} does not continue it (e.g. a new prose block). */
    public void cut() {
        last = NONE;
        gap = false;
    }

    public int spaced() {
        return spaced;
    }

    public int unspaced() {
        return unspaced;
    }
}
