package dev.zhnorm.internal.normalize;

import dev.zhnorm.internal.EditLog;

/**
 * The first sweep over a line: Unicode cleanup (U1–U3), exotic spaces to ASCII (S0, first part),
 * width (W1–W4) and, unless numerals are kept, the width part of N1 (full-width digits and ％, and
 * ． ： between digits), one table look-up per char. N1 runs this early, not after P as the spec
 * lists it, so that protected spans are found on the same digits as in a second run (１０：００ is
 * then the time 10:00 at once); P treats full-width and ASCII digits alike, so nothing else moves.
 * Never NFKC or ICU's Fullwidth-Halfwidth wholesale: they would turn {@code ，：（）} into ASCII and
 * {@code ①} into {@code 1} (spec W5, U4).
 */
final class Cleanup {
    private static final byte KEEP = 0;
    private static final byte DELETE = 1;
    private static final byte MAP = 2;
    private static final byte SPACE = 3;
    private static final byte FULLWIDTH_STOP = 4;
    private static final byte SUPPLEMENT = 5;
    private static final byte NUMERAL_WIDTH = 6;
    private static final byte FULLWIDTH_COLON = 7;
    private static final byte FULLWIDTH_HYPHEN = 8;
    /** A compatibility ideograph or radical (U2, U3) in the BMP: its target is looked up when met. */
    private static final byte IDEOGRAPH_VARIANT = 9;

    private static final byte[] ACTION = new byte[1 << 16];
    /** The end of the range after U+3000 whose chars all keep. */
    private static final char NO_ACTION_TO = '\uD800';
    /** The replacement for MAP: a char, or a code point above the BMP. */
    private static final int[] TARGET = new int[1 << 16];
    private static final Rule[] RULE = new Rule[1 << 16];

    static {
        for (int c = 0; c < 0x20; c++) {
            if (c != '\t' && c != '\n' && c != '\r') {
                set(c, DELETE, 0, Rule.U1);
            }
        }
        for (int c = 0x80; c <= 0x9F; c++) {
            set(c, DELETE, 0, Rule.U1);
        }
        for (char c : "\u200B\u2060\uFEFF\u00AD\u200E\u200F".toCharArray()) {
            set(c, DELETE, 0, Rule.U1);
        }
        // Looked up when met, not here: the tables come from ICU's normalization data, which a text
        // without such characters (and the command line's start-up) then never loads.
        for (int c = 0xF900; c < 0xFB00; c++) {
            set(c, IDEOGRAPH_VARIANT, 0, Rule.U2);
        }
        set(0xD87E, SUPPLEMENT, 0, Rule.U2); // high surrogate of U+2F800–2FBFF
        for (int c = 0x2E80; c < 0x2FE0; c++) {
            set(c, IDEOGRAPH_VARIANT, 0, Rule.U3);
        }
        set(0x00A0, SPACE, ' ', Rule.S0);
        set(0x202F, SPACE, ' ', Rule.S0);
        set(0x205F, SPACE, ' ', Rule.S0);
        for (int c = 0x2000; c <= 0x200A; c++) {
            set(c, SPACE, ' ', Rule.S0);
        }
        for (int c = 'Ａ'; c <= 'Ｚ'; c++) {
            set(c, MAP, c - 'Ａ' + 'A', Rule.W1);
        }
        for (int c = 'ａ'; c <= 'ｚ'; c++) {
            set(c, MAP, c - 'ａ' + 'a', Rule.W1);
        }
        for (char c : "＂＃＄＆＇＊＋－／＜＝＞＠＼＾＿｀｜".toCharArray()) {
            set(c, MAP, c - 0xFEE0, Rule.W2);
        }
        // Small, halfwidth and vertical forms of Chinese punctuation to the canonical full-width form.
        // The spec's list, plus the vertical quotes and brackets (﹁﹂﹃﹄︗︘︹︺︿﹀) a copy editor treats alike.
        pairs("﹐，﹑、﹔；﹕：﹖？﹗！﹙（﹚）﹝〔﹞〕｡。｢「｣」､、･·"
                + "︐，︑、︒。︓：︔；︕！︖？︵（︶）︽《︾》︻【︼】"
                + "﹁「﹂」﹃『﹄』︗〖︘〗︹〔︺〕︿〈﹀〉", Rule.W3);
        set('．', FULLWIDTH_STOP, '.', Rule.W4);
        set('－', FULLWIDTH_HYPHEN, '-', Rule.W2);
        // N1's width part, applied here (when numerals are not kept) so that protected spans are
        // found on the same digits that a second run will see.
        for (int c = '０'; c <= '９'; c++) {
            set(c, NUMERAL_WIDTH, c - '０' + '0', Rule.N1);
        }
        set('％', NUMERAL_WIDTH, '%', Rule.N1);
        set('：', FULLWIDTH_COLON, ':', Rule.N1);
        for (int c = '\u3001'; c < NO_ACTION_TO; c++) {
            if (ACTION[c] != KEEP || CharClasses.isSpace((char) c)) {
                throw new AssertionError("Cleanup skips U+" + Integer.toHexString(c) + " as a kept non-space");
            }
        }
    }

    private Cleanup() {
    }

    private static void set(int c, byte action, int target, Rule rule) {
        ACTION[c] = action;
        TARGET[c] = target;
        RULE[c] = rule;
    }

    private static void pairs(String s, Rule rule) {
        for (int i = 0; i < s.length(); i += 2) {
            set(s.charAt(i), MAP, s.charAt(i + 1), rule);
        }
    }

    /**
     * @param keepIndent whether line-leading whitespace stays exactly as it is (indent=keep, first piece)
     * @param numeralWidth whether N1's width rules apply (numerals other than keep)
     * @return whether anything changed (the result then in {@code dst})
     */
    static boolean apply(Line src, Line dst, LineEditor ed, EditLog log, boolean keepIndent, boolean numeralWidth) {
        ed.begin(src, dst, log);
        boolean leading = keepIndent;
        char[] c = src.c;
        int n = src.n;
        for (int i = 0; i < n; i++) {
            char ch = c[i];
            if (ch > '\u3000' && ch < NO_ACTION_TO) {
                // Han and the rest of (U+3000, NO_ACTION_TO) keep (checked when the table is
                // built), and none is whitespace: no table load for most of a line.
                leading = false;
                continue;
            }
            byte action = ACTION[ch];
            if (action == KEEP || !src.free(i)) {
                if (leading && !CharClasses.isSpace(ch)) {
                    leading = false;
                }
                continue;
            }
            switch (action) {
                case DELETE -> ed.delete(i, i + 1, RULE[ch]);
                case SPACE -> {
                    if (!leading) {
                        ed.replace(i, i + 1, ' ', RULE[ch]);
                    }
                }
                case MAP -> {
                    leading = false;
                    int t = TARGET[ch];
                    if (t < 0x10000) {
                        ed.replace(i, i + 1, (char) t, RULE[ch]);
                    } else {
                        ed.replace(i, i + 1, new String(Character.toChars(t)), RULE[ch]);
                    }
                }
                case FULLWIDTH_STOP -> {
                    leading = false;
                    int prev = ed.prevChar(i);
                    int next = nextKept(src, i + 1, false);
                    // W4 between Latin letters and/or digits, one side a letter; digit.digit is N1's.
                    if ((CharClasses.isAnyLetter(prev) && alnum(next)) || (alnum(prev) && CharClasses.isAnyLetter(next))) {
                        ed.replace(i, i + 1, '.', Rule.W4);
                    } else if (numeralWidth && CharClasses.isAnyDigit(prev) && CharClasses.isAnyDigit(next)) {
                        ed.replace(i, i + 1, '.', Rule.N1);
                    }
                }
                case NUMERAL_WIDTH -> {
                    leading = false;
                    if (numeralWidth) {
                        ed.replace(i, i + 1, (char) TARGET[ch], Rule.N1);
                    }
                }
                case FULLWIDTH_HYPHEN -> {
                    leading = false;
                    // W2 v2: a single － with Han on both sides (spaces allowed) is a dash, not a hyphen.
                    boolean single = (i == 0 || c[i - 1] != '－') && (i + 1 >= n || c[i + 1] != '－');
                    boolean dash = single && CharClasses.isHan(ed.prevNonSpace(i))
                            && CharClasses.isHan(nextKept(src, i + 1, true));
                    ed.replace(i, i + 1, dash ? '—' : '-', Rule.W2);
                }
                case FULLWIDTH_COLON -> {
                    leading = false;
                    // Spaces do not count: S3 would delete them around the full-width colon, leaving digit：digit.
                    if (numeralWidth && CharClasses.isAnyDigit(ed.prevNonSpace(i)) && CharClasses.isAnyDigit(nextKept(src, i + 1, true))) {
                        ed.replace(i, i + 1, ':', Rule.N1);
                    }
                }
                case IDEOGRAPH_VARIANT -> {
                    leading = false;
                    int t = RULE[ch] == Rule.U2 ? IdeographVariants.compatibility(ch) : IdeographVariants.radical(ch);
                    if (t > 0xFFFF) {
                        ed.replace(i, i + 1, new String(Character.toChars(t)), RULE[ch]); // e.g. U+FA6C
                    } else if (t != 0) {
                        ed.replace(i, i + 1, (char) t, RULE[ch]);
                    }
                }
                case SUPPLEMENT -> {
                    leading = false;
                    int cp = CharClasses.codePointAt(c, i, n);
                    int t = IdeographVariants.compatibility(cp);
                    if (cp > 0xFFFF && t != 0) {
                        ed.replace(i, i + 2, new String(Character.toChars(t)), Rule.U2);
                        i++;
                    }
                }
                default -> throw new IllegalStateException("action " + action);
            }
        }
        return ed.finish();
    }

    /** @return the next char at or after {@code i} that this sweep keeps (U1 deletes the others), or NONE */
    private static int nextKept(Line src, int i, boolean skipSpaces) {
        while (i < src.n && src.free(i) && (ACTION[src.c[i]] == DELETE || (skipSpaces && CharClasses.isSpace(src.c[i])))) {
            i++;
        }
        return i < src.n ? src.c[i] : CharClasses.NONE;
    }

    private static boolean alnum(int c) {
        return CharClasses.isAnyLetter(c) || CharClasses.isAnyDigit(c);
    }
}
