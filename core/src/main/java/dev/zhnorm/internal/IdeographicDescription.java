package dev.zhnorm.internal;

/**
 * Ideographic description sequences (IDS) as OpenCC (1.3.2 and later) recognizes them: an operator
 * of U+2FF0–U+2FFF followed by as many operands as its arity (⿾ ⿿ take one, ⿲ ⿳ three, the rest
 * two), each operand any one code point or, recursively, a sequence; at most 16 levels deep and 64
 * code points long. Where no dictionary key matches at an operator and a complete sequence starts
 * there, OpenCC copies the whole sequence unconverted ({@code ⿰糹會} stays, where {@code 會} alone
 * would become {@code 会}); an operator without enough operands is an ordinary character and what
 * follows it converts as usual. U+31EF (a CJK stroke that Unicode 15.1 also made a description
 * character) is not an operator here, as it is not in OpenCC.
 *
 * <p>Stateless; every method is a pure function of its arguments.
 */
public final class IdeographicDescription {
    /** {@link #length} result: the text ends inside what may still become a complete sequence. */
    public static final int NEED_MORE = -1;
    static final int MAX_DEPTH = 16;
    static final int MAX_CODE_POINTS = 64;
    /**
     * The longest a sequence can be in chars (64 code points, each possibly a surrogate pair): a
     * streaming caller never holds back more than this for a sequence.
     */
    public static final int MAX_CHARS = 2 * MAX_CODE_POINTS;

    private static final int INCOMPLETE = -1;
    private static final int INVALID = -2;

    private IdeographicDescription() {
    }

    /** @return whether {@code c} is an ideographic description operator (U+2FF0–U+2FFF) */
    public static boolean isOperator(char c) {
        return (c >>> 4) == 0x2FF;
    }

    /** @return whether {@code a[from,to)} holds an ideographic description operator */
    public static boolean anyOperator(char[] a, int from, int to) {
        for (int i = from; i < to; i++) {
            if (isOperator(a[i])) {
                return true;
            }
        }
        return false;
    }

    /** @return the number of operands the operator {@code cp} takes, 0 when it is no operator */
    public static int arity(int cp) {
        if (cp < 0x2FF0 || cp > 0x2FFF) {
            return 0;
        }
        if (cp == 0x2FF2 || cp == 0x2FF3) {
            return 3;
        }
        return cp >= 0x2FFE ? 1 : 2;
    }

    /**
     * The length of the complete sequence that starts at {@code a[p]}, within {@code a[p,to)}.
     *
     * @param end whether {@code to} is the end of the text (or of the segment); if not, a sequence
     *     cut short by {@code to} may still complete
     * @return its length in chars; 0 when none starts there (no operator, missing operands at the
     *     end, too deep or too long); {@link #NEED_MORE} when {@code end} is false and the answer
     *     depends on text after {@code to}
     */
    public static int length(char[] a, int p, int to, boolean end) {
        if (p >= to || !isOperator(a[p])) {
            return 0;
        }
        int[] codePoints = {0};
        int r = consume(a, p, to, end, MAX_DEPTH, codePoints);
        if (r >= 0) {
            return r - p;
        }
        return r == INCOMPLETE && !end ? NEED_MORE : 0;
    }

    /** @return the index after the sequence or operand at {@code p}, or INCOMPLETE or INVALID */
    private static int consume(char[] a, int p, int to, boolean end, int depthLeft, int[] codePoints) {
        if (p >= to) {
            return INCOMPLETE;
        }
        if (depthLeft == 0 || codePoints[0] >= MAX_CODE_POINTS) {
            return INVALID;
        }
        char c = a[p];
        int cp = c;
        int width = 1;
        if (Character.isHighSurrogate(c)) {
            if (p + 1 < to) {
                if (Character.isLowSurrogate(a[p + 1])) {
                    cp = Character.toCodePoint(c, a[p + 1]);
                    width = 2;
                }
            } else if (!end) {
                return INCOMPLETE; // the low surrogate may be in the next piece of text
            }
        }
        codePoints[0]++;
        int arity = arity(cp);
        int q = p + width;
        for (int i = 0; i < arity; i++) {
            q = consume(a, q, to, end, depthLeft - 1, codePoints);
            if (q < 0) {
                return q;
            }
        }
        return q;
    }
}
