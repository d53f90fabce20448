package dev.zhnorm.internal.normalize;

import dev.zhnorm.internal.Driver;
import dev.zhnorm.internal.Pipeline;

import java.nio.CharBuffer;

import static dev.zhnorm.internal.normalize.CharClasses.isSpace;

/**
 * Finds lines and their terminators ({@code \n}, {@code \r\n}, {@code \r}) in a window of text, and
 * cuts lines longer than {@link #MAX_PIECE} chars into pieces. Its decisions depend only on the
 * text, never on how much of it the window holds: it asks for more input whenever the next
 * decision could depend on unseen chars. That is why streaming equals the whole-string path.
 *
 * <p>A piece of a long line ends, in order of preference, in the second half of the first
 * {@code MAX_PIECE} chars: at the last place between two plain Han characters (no numeral, no
 * word that numeral rules read) where no conversion match spans the cut, so that no rule sees the cut and a
 * second normalization (which may cut elsewhere) changes nothing; else after the last
 * {@code 。！？；…} (and any closing quotes or brackets right after it); else after the last
 * whitespace; else at {@code MAX_PIECE} chars (never between the two halves of a surrogate pair).
 * Mutable; one per call.
 */
final class LineSplitter {
    /** Longest text normalized as one unit; longer lines are cut into pieces of at most this many chars. */
    static final int MAX_PIECE = 1 << 16;

    /** Context on each side of a cut within which no dictionary match may span it. */
    private static final int CONVERSION_CONTEXT = 24;
    /** Candidate cuts checked against the conversion per piece before falling back. */
    private static final int MAX_SEPARABLE_TRIALS = 256;

    private final int maxPiece;
    private final Pipeline conversion;
    /** End of the piece found by {@link #next}. */
    int pieceEnd;
    /** Where the next piece starts (after the terminator, if any). */
    int nextStart;
    /** Whether the piece ends its line. */
    boolean lineEnd;
    /**
     * For the window start {@link #scanPos}: the text before {@link #scanned} holds no line
     * terminator, so a call with more text at the same start resumes there (a stream that delivers
     * a few chars per read would otherwise rescan the line each time: quadratic).
     */
    private char[] scanArray;
    private int scanPos = -1;
    private int scanned;
    /** Chars examined for terminators, for tests that count work. */
    private long examined;

    LineSplitter(int maxPiece) {
        this(maxPiece, null);
    }

    /** @param conversion the conversion the pieces go through, or null: no match may span a cut */
    LineSplitter(int maxPiece, Pipeline conversion) {
        this.maxPiece = maxPiece;
        this.conversion = conversion;
    }

    /**
     * Finds the next piece starting at {@code pos}.
     *
     * @param eof whether {@code a[pos,limit)} is all the rest of the text
     * @return false when more input is needed to decide, or the text is used up
     */
    boolean next(char[] a, int pos, int limit, boolean eof) {
        int scanLimit = (int) Math.min(limit, (long) pos + maxPiece + 1);
        int t = a == scanArray && pos == scanPos ? Math.max(pos, Math.min(scanned, scanLimit)) : pos;
        int start = t;
        // One compare for nearly every char: neither terminator is above '\r'.
        while (t < scanLimit && (a[t] > '\r' || (a[t] != '\n' && a[t] != '\r'))) {
            t++;
        }
        examined += t - start;
        scanArray = a;
        scanPos = pos;
        scanned = t;
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

    /**
     * The caller moved the unread text of the last {@link #next} call that returned false (which
     * started at {@code pos}) to {@code array} at {@code pos - by}: the scan of it so far carries over.
     */
    void moved(char[] array, int by) {
        scanArray = array;
        scanPos -= by;
        scanned -= by;
    }

    /** @return how many chars were examined for line terminators so far */
    long examined() {
        return examined;
    }

    private int cut(char[] a, int from, int end) {
        int half = from + (end - from) / 2;
        // Best: between two plain Han chars, where no rule looks across the cut, so each piece
        // normalizes as it would inside the whole line, and a second run, which may cut
        // elsewhere, finds nothing left to do.
        // Preferably where every ASCII bracket and quote opened in the piece is closed in it, so
        // that pairing them (P rules) cannot depend on where the cut falls.
        boolean[] balanced = balancedPrefixes(a, from, end);
        int trials = 0; // conversions tried, bounded so that a cut costs O(piece) whatever the text
        for (int pass = 0; pass < 2; pass++) {
            for (int j = end - 1; j > half && trials < MAX_SEPARABLE_TRIALS; j--) {
                if ((pass == 1 || balanced[j - from]) && plainHan(a[j]) && plainHan(a[j - 1])) {
                    trials++;
                    if (separable(a, from, end, j)) {
                        return j;
                    }
                }
            }
        }
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

    /** @return per offset {@code k}, whether {@code a[from, from+k)} leaves no ASCII bracket or quote open */
    private static boolean[] balancedPrefixes(char[] a, int from, int end) {
        boolean[] ok = new boolean[end - from + 1];
        int round = 0;
        int square = 0;
        boolean dq = false;
        boolean sq = false;
        for (int i = from; i <= end; i++) {
            ok[i - from] = round == 0 && square == 0 && !dq && !sq;
            if (i == end) {
                break;
            }
            switch (a[i]) {
                case '(' -> round++;
                case ')' -> round = Math.max(0, round - 1);
                case '[' -> square++;
                case ']' -> square = Math.max(0, square - 1);
                case '"' -> dq = !dq;
                case '\'' -> sq = !sq;
                default -> { }
            }
        }
        return ok;
    }

    /**
     * A Han char that no normalization rule treats as context: not a numeral or a word that
     * numeral rules read (分之, 第, 年月日, 几多余来数), and not punctuation (which is not Han).
     */
    private static boolean plainHan(char c) {
        return CharClasses.isHanBmp(c) && c != '〇' && !ChineseNumeral.isNumeralChar(c)
                && "分之第年月日号时秒几多余来数周初星礼".indexOf(c) < 0;
    }

    /** Whether converting the text around {@code j} in one go equals converting both sides apart. */
    private boolean separable(char[] a, int from, int end, int j) {
        if (conversion == null) {
            return true;
        }
        int lo = Math.max(from, j - CONVERSION_CONTEXT);
        int hi = Math.min(end + 1, j + CONVERSION_CONTEXT);
        String whole = Driver.apply(conversion, CharBuffer.wrap(a, lo, hi - lo));
        return whole.equals(Driver.apply(conversion, CharBuffer.wrap(a, lo, j - lo))
                + Driver.apply(conversion, CharBuffer.wrap(a, j, hi - j)));
    }
}
