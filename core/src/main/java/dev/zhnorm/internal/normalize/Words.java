package dev.zhnorm.internal.normalize;

/**
 * The spacing unit of S4/S6 (spec v2): a word is a maximal run of characters that are neither
 * whitespace, an object ({@link ProseMarks#OBJECT}), Han nor Chinese punctuation, spaced as one unit
 * together with the symbols attached to it ({@code C++ C# -5 +886 $100 @user Yahoo! vs. 25% *.log}). Only a run that holds an ASCII letter
 * or digit, a percent-like sign or a protected span (URL, path, code …) counts: {@code >>} or
 * {@code |} between Han are not words and keep whatever spacing they have. Stateless.
 */
final class Words {
    /** Honorifics before which Chinese Bible editions leave a deliberate U+3000 (S5 v2). */
    private static final String[] HONORIFICS = {"神", "上帝", "主", "耶稣", "耶穌", "基督", "圣灵", "聖靈", "天父"};

    private Words() {
    }

    private static boolean boundary(Line src, int i) {
        char ch = src.c[i];
        if (CharClasses.isSpace(ch) || ch == ProseMarks.OBJECT) {
            return true; // an object (an image) is no part of the word beside it
        }
        if (src.opaque(i)) {
            return false;
        }
        int cp = CharClasses.codePointAt(src.c, i, src.n);
        if (Character.isLowSurrogate(ch) && i > 0) {
            cp = CharClasses.codePointEndingAt(src.c, i, 0);
        }
        return CharClasses.isHan(cp) || CharClasses.isCp(cp);
    }

    private static boolean qualifies(Line src, int i) {
        char ch = src.c[i];
        return CharClasses.isAsciiAlnum(ch) || ch == '%' || ch == '‰' || ch == '℃' || ch == '°' || ch == '％'
                || src.opaque(i);
    }

    /** @return whether {@code src} holds a word that counts for spacing: else S4 and S6 have nothing to space */
    static boolean anyQualifies(Line src) {
        for (int i = 0; i < src.n; i++) {
            if (qualifies(src, i)) {
                return true;
            }
        }
        return false;
    }

    /** @return whether a word that counts for spacing starts at {@code i} */
    static boolean startsWord(Line src, int i) {
        for (int j = i; j < src.n && !boundary(src, j); j++) {
            if (qualifies(src, j)) {
                return true;
            }
        }
        return false;
    }

    /** @return whether a word that counts for spacing ends at {@code i} (inclusive) */
    static boolean endsWord(Line src, int i) {
        for (int j = i; j >= 0 && !boundary(src, j); j--) {
            if (qualifies(src, j)) {
                return true;
            }
        }
        return false;
    }

    /**
     * @return whether the word ending at {@code i} is a path that starts the line and runs straight
     *     into Han ({@code /wiki/hello网页}): one path word, never cut by a space
     */
    static boolean pathRunsIntoHan(Line src, int i) {
        if (SpanKind.of(src.k[i]) != SpanKind.PATH) {
            return false;
        }
        int j = i;
        while (j > 0 && !boundary(src, j - 1)) {
            j--;
        }
        return j == 0;
    }

    /** @return whether one of the honorifics of S5 v2 starts at {@code i} */
    static boolean honorificAt(Line src, int i) {
        for (String h : HONORIFICS) {
            if (i + h.length() <= src.n) {
                boolean match = true;
                for (int k = 0; k < h.length(); k++) {
                    if (src.c[i + k] != h.charAt(k)) {
                        match = false;
                        break;
                    }
                }
                if (match) {
                    return true;
                }
            }
        }
        return false;
    }
}
