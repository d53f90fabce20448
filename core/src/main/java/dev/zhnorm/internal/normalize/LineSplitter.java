package dev.zhnorm.internal.normalize;

import static dev.zhnorm.internal.normalize.CharClasses.isSpace;

/**
 * Finds lines and their terminators ({@code \n}, {@code \r\n}, {@code \r}) in a window of text, and
 * cuts lines longer than {@link #MAX_PIECE} chars into pieces. Its decisions depend only on the
 * text, never on how much of it the window holds: it asks for more input whenever the next
 * decision could depend on unseen chars. That is why streaming equals the whole-string path.
 *
 * <p>A piece of a long line ends, in order of preference: after the last {@code 。！？；…} (and any
 * closing quotes or brackets right after it) in the second half of the first {@code MAX_PIECE}
 * chars; else after the last whitespace there; else at {@code MAX_PIECE} chars (never between the
 * two halves of a surrogate pair). Mutable; one per call.
 */
final class LineSplitter {
    /** Longest text normalized as one unit; longer lines are cut into pieces of at most this many chars. */
    static final int MAX_PIECE = 1 << 16;

    private final int maxPiece;
    /** End of the piece found by {@link #next}. */
    int pieceEnd;
    /** Where the next piece starts (after the terminator, if any). */
    int nextStart;
    /** Whether the piece ends its line. */
    boolean lineEnd;

    LineSplitter(int maxPiece) {
        this.maxPiece = maxPiece;
    }

    /**
     * Finds the next piece starting at {@code pos}.
     *
     * @param eof whether {@code a[pos,limit)} is all the rest of the text
     * @return false when more input is needed to decide, or the text is used up
     */
    boolean next(char[] a, int pos, int limit, boolean eof) {
        int scanLimit = (int) Math.min(limit, (long) pos + maxPiece + 1);
        int t = pos;
        while (t < scanLimit && a[t] != '\n' && a[t] != '\r') {
            t++;
        }
        if (t < scanLimit) {
            int termEnd;
            if (a[t] == '\r') {
                if (t + 1 < limit) {
                    termEnd = a[t + 1] == '\n' ? t + 2 : t + 1;
                } else if (eof) {
                    termEnd = t + 1;
                } else {
                    return false;
                }
            } else {
                termEnd = t + 1;
            }
            pieceEnd = t;
            nextStart = termEnd;
            lineEnd = true;
            return true;
        }
        if (limit - pos > maxPiece) {
            pieceEnd = cut(a, pos, pos + maxPiece);
            nextStart = pieceEnd;
            lineEnd = false;
            return true;
        }
        if (eof && pos < limit) {
            pieceEnd = limit;
            nextStart = limit;
            lineEnd = true;
            return true;
        }
        return false;
    }

    private static int cut(char[] a, int from, int end) {
        int half = from + (end - from) / 2;
        for (int j = end - 1; j >= half; j--) {
            char c = a[j];
            if (c == '。' || c == '！' || c == '？' || c == '；' || c == '…') {
                int k = j + 1;
                while (k < end && CharClasses.isClose(a[k])) {
                    k++;
                }
                return k;
            }
        }
        for (int j = end - 1; j >= half; j--) {
            if (isSpace(a[j])) {
                return j + 1;
            }
        }
        return Character.isHighSurrogate(a[end - 1]) ? end - 1 : end;
    }
}
