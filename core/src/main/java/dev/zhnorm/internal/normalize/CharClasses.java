package dev.zhnorm.internal.normalize;

/**
 * The character classes of the spec (§0) and the trigger bits that let a line skip every stage it
 * cannot need. All tables are built once and never written afterwards.
 */
final class CharClasses {
    /** Code point returned by context look-ups for "no character" (start or end of line). */
    static final int NONE = -1;
    /**
     * Stand-in code point for a character inside a URL, e-mail, code, HTML or path span: to every
     * context test such a character is an ordinary Latin letter, neither Han nor Chinese punctuation.
     */
    static final int OPAQUE = 'x';

    // Trigger bits of a line: which stages can possibly change it.
    /** U1–U3, S0 (exotic spaces) and W1–W4 candidates. */
    static final int T_CLEAN = 1;
    /** Whitespace: ASCII space, tab, U+3000 and the S0 spaces. */
    static final int T_SPACE = 1 << 1;
    /** A BMP Han character (H). */
    static final int T_HAN = 1 << 2;
    /** A surrogate: maybe a supplementary Han character, needs a precise look. */
    static final int T_SURROGATE = 1 << 3;
    /** Punctuation that some P rule (P1–P11) rewrites in a line with Han. */
    static final int T_PUNCT = 1 << 4;
    /** Full-width Chinese punctuation that P12 rewrites in a line without Han. */
    static final int T_P12 = 1 << 5;
    /** N1 candidates: full-width digits, ％, ．, ：. */
    static final int T_N1 = 1 << 6;
    /** Chinese numeral characters (N2). */
    static final int T_CNUM = 1 << 7;
    /** ASCII digits. */
    static final int T_DIGIT = 1 << 8;
    /** ASCII letters. */
    static final int T_LETTER = 1 << 9;
    /** Characters that only occur in protected spans next to letters or digits: {@code : / \ @ < & ` . , + * = > ^ - ~}. */
    static final int T_SPAN = 1 << 10;
    /** An ideographic description operator (U+2FF0–U+2FFF): a description sequence may start here. */
    static final int T_IDS = 1 << 11;
    /** 年: the 〇 fix of N1 needs it. */
    static final int T_YEAR = 1 << 12;
    /** Look-alikes of 〇 that the 〇 fix of N1 repairs in years: {@code ○ ◯ Ｏ O ０ 0}. */
    static final int T_LOOKALIKE = 1 << 13;
    /** {@code @}: an e-mail address is possible. */
    static final int T_AT = 1 << 14;
    /** {@code :} or {@code w}/{@code W}: a URL ({@code scheme://}, {@code www.}) or Windows path is possible. */
    static final int T_URL = 1 << 15;
    /** Chars that start a non-alphanumeric span: {@code ` < & /}. */
    static final int T_SPAN_START = 1 << 16;

    private static final int[] BITS = new int[1 << 16];

    /** Chinese punctuation (CP). */
    private static final String CP = "，。、；：？！“”‘’「」『』（）《》〈〉【】〔〕〖〗…—·";
    private static final String OPEN = "“‘「『（《〈【〔〖";
    private static final String CLOSE = "”’」』）》〉】〕〗";
    /** Chinese left context besides H and CLOSE. */
    private static final String CL_PUNCT = "。，、；：？！…";
    private static final String PERCENTS = "%‰℃％";

    private static final byte F_CP = 1;
    private static final byte F_OPEN = 2;
    private static final byte F_CLOSE = 4;
    private static final byte F_CL = 8;
    private static final byte F_WS = 16;
    private static final byte F_PERCENT = 32;
    private static final byte[] FLAGS = new byte[1 << 16];

    static {
        for (int c = 0; c < 0x10000; c++) {
            if (isHanBmp((char) c)) {
                BITS[c] |= T_HAN;
            }
        }
        for (int c = 0xD800; c <= 0xDFFF; c++) {
            BITS[c] |= T_SURROGATE;
        }
        for (int c = 0x2FF0; c <= 0x2FFF; c++) {
            BITS[c] |= T_IDS;
        }
        set(CP, F_CP);
        set(OPEN, F_OPEN);
        set(CLOSE, F_CLOSE);
        set(CLOSE, F_CL);
        set(CL_PUNCT, F_CL);
        set(PERCENTS, F_PERCENT);
        set(" \t\u3000\u00A0\u202F\u205F", F_WS);
        for (char c = '\u2000'; c <= '\u200A'; c++) {
            FLAGS[c] |= F_WS;
        }
        for (int c = 0; c < 0x10000; c++) {
            if ((FLAGS[c] & F_WS) != 0) {
                BITS[c] |= T_SPACE;
            }
        }
        bits(",.:;?!()\"'-…⋯。―─⸺‧・•･∙⋅．「」『』“”‘’", T_PUNCT);
        bits("，。！？：；（）【】", T_P12);
        bits("０１２３４５６７８９％．：", T_N1);
        bits("○◯ＯO０0", T_LOOKALIKE);
        // Traditional forms too, so that the mask of the unconverted line already covers them.
        bits("〇零一二三四五六七八九两十百千万亿点兩萬億點", T_CNUM);
        bits("@", T_AT);
        bits(":wW", T_URL);
        bits("`<&/", T_SPAN_START);
        bits("0123456789", T_DIGIT);
        bits("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", T_LETTER);
        bits(":/\\@<&`.,+*=>^-~", T_SPAN);
        bits("年", T_YEAR);
        // A superset of what Cleanup changes; Cleanup decides exactly.
        range(0x00, 0x1F, T_CLEAN);
        range(0x7F, 0xA0, T_CLEAN);
        bits("\u00AD\u200B\u200E\u200F\u2060\uFEFF\u202F\u205F", T_CLEAN);
        range(0x2000, 0x200A, T_CLEAN);
        range(0xF900, 0xFAFF, T_CLEAN);
        range(0xD87E, 0xD87E, T_CLEAN);
        range(0x2F00, 0x2FD5, T_CLEAN);
        range(0x2E80, 0x2EF3, T_CLEAN);
        range(0xFE10, 0xFE6F, T_CLEAN);
        range(0xFF21, 0xFF3A, T_CLEAN);
        range(0xFF41, 0xFF5A, T_CLEAN);
        range(0xFF61, 0xFF65, T_CLEAN);
        bits("＂＃＄＆＇＊＋－／＜＝＞＠＼＾＿｀｜．", T_CLEAN);
        BITS['\t'] &= ~T_CLEAN;
    }

    private static void range(int from, int to, int bit) {
        for (int c = from; c <= to; c++) {
            BITS[c] |= bit;
        }
    }

    private CharClasses() {
    }

    private static void set(String chars, byte flag) {
        for (int i = 0; i < chars.length(); i++) {
            FLAGS[chars.charAt(i)] |= flag;
        }
    }

    private static void bits(String chars, int bit) {
        for (int i = 0; i < chars.length(); i++) {
            BITS[chars.charAt(i)] |= bit;
        }
    }

    /** @return whether {@code c} has one of the trigger bits {@code mask} */
    static boolean triggers(char c, int mask) {
        return (BITS[c] & mask) != 0;
    }

    /** @return the trigger bits of {@code a[from,to)} OR-ed together */
    static int classify(char[] a, int from, int to) {
        int mask = 0;
        for (int i = from; i < to; i++) {
            mask |= BITS[a[i]];
        }
        return mask;
    }

    /** H for a BMP char: U+3400–4DBF, U+4E00–9FFF and 〇 U+3007. */
    static boolean isHanBmp(char c) {
        return (c >= '\u4E00' && c <= '\u9FFF') || (c >= '\u3400' && c <= '\u4DBF') || c == '\u3007';
    }

    /** H: U+3400–4DBF, U+4E00–9FFF, U+20000–3134F and 〇 U+3007. */
    static boolean isHan(int cp) {
        if (cp < 0x10000) {
            return cp >= 0 && isHanBmp((char) cp);
        }
        return cp >= 0x20000 && cp <= 0x3134F;
    }

    /** CP: Chinese punctuation {@code ，。、；：？！“”‘’「」『』（）《》〈〉【】〔〕〖〗…—·}. */
    static boolean isCp(int cp) {
        return cp >= 0 && cp < 0x10000 && (FLAGS[cp] & F_CP) != 0;
    }

    static boolean isOpen(int cp) {
        return cp >= 0 && cp < 0x10000 && (FLAGS[cp] & F_OPEN) != 0;
    }

    static boolean isClose(int cp) {
        return cp >= 0 && cp < 0x10000 && (FLAGS[cp] & F_CLOSE) != 0;
    }

    static boolean isHanOrCp(int cp) {
        return isHan(cp) || isCp(cp);
    }

    /** CL without its Han-line percent case: H ∪ CLOSE ∪ {@code 。，、；：？！…}. */
    static boolean isChineseLeft(int cp) {
        return isHan(cp) || (cp >= 0 && cp < 0x10000 && (FLAGS[cp] & F_CL) != 0);
    }

    /** {@code % ‰ ℃ ％}: Chinese left context in a line with Han. */
    static boolean isPercentLike(int cp) {
        return cp >= 0 && cp < 0x10000 && (FLAGS[cp] & F_PERCENT) != 0;
    }

    /** Whitespace for the S rules and for prev/next: space, tab, U+3000 and the S0 spaces. */
    static boolean isSpace(char c) {
        return (FLAGS[c] & F_WS) != 0;
    }

    static boolean isAsciiDigit(int c) {
        return c >= '0' && c <= '9';
    }

    /** An ASCII or full-width digit. */
    static boolean isAnyDigit(int c) {
        return (c >= '0' && c <= '9') || (c >= '０' && c <= '９');
    }

    static boolean isAsciiLetter(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean isAsciiAlnum(int c) {
        return isAsciiDigit(c) || isAsciiLetter(c);
    }

    /** An ASCII or full-width Latin letter. */
    static boolean isAnyLetter(int c) {
        return isAsciiLetter(c) || (c >= 'Ａ' && c <= 'Ｚ') || (c >= 'ａ' && c <= 'ｚ');
    }

    /** @return the code point at {@code a[i]}, joining a surrogate pair that starts there */
    static int codePointAt(char[] a, int i, int limit) {
        char c = a[i];
        if (Character.isHighSurrogate(c) && i + 1 < limit && Character.isLowSurrogate(a[i + 1])) {
            return Character.toCodePoint(c, a[i + 1]);
        }
        return c;
    }

    /** @return the code point ending at {@code a[i]}, joining a surrogate pair that ends there */
    static int codePointEndingAt(char[] a, int i, int floor) {
        char c = a[i];
        if (Character.isLowSurrogate(c) && i - 1 >= floor && Character.isHighSurrogate(a[i - 1])) {
            return Character.toCodePoint(a[i - 1], c);
        }
        return c;
    }
}
