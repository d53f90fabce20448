package dev.zhnorm.internal.normalize;

/**
 * Counts the boundaries between Han and ASCII letters or digits (S8), spaced (ASCII spaces or tabs
 * between them) or not, for {@link dev.zhnorm.normalize.Spacing#AUTO}. Feed it text in pieces;
 * a boundary never crosses a line end. Not thread-safe.
 *
 * <p>It may stop after a number of non-blank chars (every char but whitespace): S4 and S6 only
 * delete, insert or replace whitespace, so a text and its normalized form hold the same non-blank
 * chars, and the boundaries among the first N of them are the same boundaries in both, their
 * spaces moved towards the decision (plus those where the decided spacing removed a U+3000 that
 * parted Han from a word, of the decided kind). A limit in chars would not do: normalizing
 * shortens or lengthens the text, and a second run would count other boundaries.
 */
public final class SpacingCounter {
    private static final int NONE = 0;
    private static final int HAN = 1;
    private static final int WORD = 2;

    private final int limit;
    private int counted;
    private int last = NONE;
    private boolean gap;
    private int spaced;
    private int unspaced;

    /** A counter of every boundary it is fed. */
    public SpacingCounter() {
        this(Integer.MAX_VALUE);
    }

    /** @param limit how many non-blank chars to count the boundaries of; the rest is not counted */
    public SpacingCounter(int limit) {
        this.limit = limit;
    }

    /** Counts the boundaries in {@code a[from,to)}, continuing from the previous call. */
    public void add(char[] a, int from, int to) {
        for (int i = from; i < to; i++) {
            char ch = a[i];
            if (ch == ' ' || ch == '\t') {
                gap = true;
                continue;
            }
            if (!CharClasses.isSpace(ch)) {
                if (counted == limit) {
                    return;
                }
                counted++;
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
