package dev.zhnorm.internal.normalize;

import dev.zhnorm.normalize.Style;

import dev.zhnorm.internal.EditLog;

import static dev.zhnorm.internal.normalize.CharClasses.NONE;
import static dev.zhnorm.internal.normalize.CharClasses.isAnyDigit;
import static dev.zhnorm.internal.normalize.CharClasses.isAsciiAlnum;
import static dev.zhnorm.internal.normalize.CharClasses.isAsciiLetter;
import static dev.zhnorm.internal.normalize.CharClasses.isChineseLeft;
import static dev.zhnorm.internal.normalize.CharClasses.isClose;
import static dev.zhnorm.internal.normalize.CharClasses.isHan;
import static dev.zhnorm.internal.normalize.CharClasses.isHanOrCp;
import static dev.zhnorm.internal.normalize.CharClasses.isOpen;
import static dev.zhnorm.internal.normalize.CharClasses.isPercentLike;

/**
 * The P rules (spec §1). In a line with Han: one left-to-right sweep for the rules that look at one
 * char or run (P11, P8, P9, P10, P1–P5), then P6 (parentheses) and P7 (ASCII quotes), which pair
 * their chars first; the stage repeats until nothing changes, at most three passes, so that each
 * rule sees what the others wrote ({@code 他说"好".} → {@code 他说“好”。}). Every rule only turns
 * punctuation into its Chinese form, so the passes converge. In a line without Han only P12 runs.
 * Per-call scratch arrays; not thread-safe.
 */
final class PunctuationRules {
    private static final int MAX_PASSES = 3;

    private static final byte COMMA = 1;
    private static final byte QUESTION = 2;
    private static final byte COLON = 3;
    private static final byte SEMICOLON = 4;
    private static final byte DOT = 5;
    private static final byte CJK_STOP = 6;
    private static final byte ELLIPSIS = 7;
    private static final byte MIDLINE_ELLIPSIS = 8;
    private static final byte HYPHEN = 9;
    private static final byte DOUBLE_DASH_HALF = 10;
    private static final byte TWO_EM_DASH = 11;
    private static final byte INTERPUNCT = 12;
    private static final byte CORNER_QUOTE = 13;
    private static final byte CURLY_QUOTE = 14;
    private static final byte PAREN = 15;
    private static final byte ASCII_QUOTE = 16;

    private static final byte[] KIND = new byte[1 << 16];
    /** A range of chars without a kind (checked when the table is built), Han among them. */
    private static final char NO_KIND_FROM = '\u3100';
    private static final char NO_KIND_TO = '\uFF00';

    static {
        KIND[','] = COMMA;
        KIND['?'] = QUESTION;
        KIND['!'] = QUESTION;
        KIND[':'] = COLON;
        KIND[';'] = SEMICOLON;
        KIND['.'] = DOT;
        KIND['。'] = CJK_STOP;
        KIND['…'] = ELLIPSIS;
        KIND['⋯'] = MIDLINE_ELLIPSIS;
        KIND['-'] = HYPHEN;
        KIND['―'] = DOUBLE_DASH_HALF; // U+2015, written twice for a dash
        KIND['─'] = DOUBLE_DASH_HALF; // U+2500
        KIND['⸺'] = TWO_EM_DASH;
        for (char c : "‧・•･∙⋅．".toCharArray()) {
            KIND[c] = INTERPUNCT;
        }
        for (char c : "「」『』".toCharArray()) {
            KIND[c] = CORNER_QUOTE;
        }
        for (char c : "“”‘’".toCharArray()) {
            KIND[c] = CURLY_QUOTE;
        }
        KIND['('] = PAREN;
        KIND[')'] = PAREN;
        KIND['"'] = ASCII_QUOTE;
        KIND['\''] = ASCII_QUOTE;
        for (int c = NO_KIND_FROM; c < NO_KIND_TO; c++) {
            if (KIND[c] != 0) {
                throw new AssertionError("a kind inside the range the char sweep skips: U+" + Integer.toHexString(c));
            }
        }
    }

    private final Style style;
    private int[] pair = new int[0];
    private int[] hanBefore = new int[1];
    private byte[] decision = new byte[0];
    /** Convertible punctuation left unconverted by the last sweep: another pass may convert it. */
    private int pending;
    private boolean hasParens;
    private boolean hasQuotes;
    /**
     * Per-line facts of the char sweep, each computed by a scan of the line the first time a char
     * needs it (most lines have no quote mark of P11 and no {@code ．}, and the profile showed the
     * three up-front scans as a third of the sweep): {@link #UNKNOWN}, or 0/1.
     * P11: whether each quote family alternates open/close (else its marks stay as they are).
     */
    private int doublesPaired;
    private int singlesPaired;
    /** P10 per line: whether {@code ．} is the line's clause or sentence stop (old editions). */
    private int fullwidthStops;
    private static final int UNKNOWN = -1;
    /** P10: the end of the name run last decided, and whether its separators change. */
    private int nameEnd;
    private boolean nameConverts;

    private final Sweep charSweep = this::charSweep;
    private final Sweep parenSweep = this::parenSweep;
    private final Sweep quoteSweep = this::quoteSweep;
    private final Sweep latinSweep = this::latinSweep;

    PunctuationRules(Style style) {
        this.style = style;
    }

    /** Runs the P stage on a line with Han; the result ends in {@code lines.current()}. */
    boolean applyHan(LineWork lines) {
        boolean changed = false;
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            pending = 0;
            hasParens = false;
            hasQuotes = false;
            boolean passChanged = lines.run(charSweep);
            if (hasParens) {
                passChanged |= lines.run(parenSweep);
            }
            if (hasQuotes) {
                passChanged |= lines.run(quoteSweep);
            }
            changed |= passChanged;
            if (!passChanged || pending == 0) {
                break;
            }
        }
        return changed;
    }

    /** P12 on a line without Han. */
    boolean applyLatin(LineWork lines) {
        return lines.run(latinSweep);
    }

    // ---- P11, P8, P9, P10, P1–P5 ----------------------------------------------------------------

    private boolean charSweep(Line src, Line dst, LineEditor ed, EditLog log) {
        ed.begin(src, dst, log);
        char[] c = src.c;
        int n = src.n;
        boolean corner = style.cornerQuotes();
        doublesPaired = UNKNOWN;
        singlesPaired = UNKNOWN;
        fullwidthStops = UNKNOWN;
        nameEnd = -1;
        for (int i = 0; i < n; i++) {
            char ch = c[i];
            // Han, kana and the rest of [NO_KIND_FROM, NO_KIND_TO) have no kind: most chars of a
            // line are skipped on two compares, without a load from the 64 KB table.
            if (ch >= NO_KIND_FROM && ch < NO_KIND_TO) {
                continue;
            }
            byte kind = KIND[ch];
            if (kind == 0 || !src.free(i)) {
                continue;
            }
            switch (kind) {
                case CORNER_QUOTE -> {
                    if (!corner && paired(src, ch == '「' || ch == '」')) {
                        ed.replace(i, i + 1, "“”‘’".charAt("「」『』".indexOf(ch)), Rule.P11);
                    }
                }
                case CURLY_QUOTE -> {
                    // Never an apostrophe between Latin letters (don’t).
                    if (corner && paired(src, ch == '“' || ch == '”') && !apostrophe(src, i)) {
                        ed.replace(i, i + 1, "「」『』".charAt("“”‘’".indexOf(ch)), Rule.P11);
                    }
                }
                case COMMA -> {
                    if ((chineseLeft(ed.prevNonSpace(i)) || chineseRight(src.nextNonSpace(i + 1)))
                            && !(isAnyDigit(ed.prevChar(i)) && i + 1 < n && isAnyDigit(c[i + 1]))) {
                        ed.replace(i, i + 1, '，', Rule.P1);
                    } else {
                        pending++;
                    }
                }
                case QUESTION -> {
                    if (chineseLeft(ed.prevNonSpace(i))) {
                        ed.replace(i, i + 1, ch == '?' ? '？' : '！', Rule.P2);
                    } else {
                        pending++;
                    }
                }
                case COLON -> {
                    if (chineseLeft(ed.prevNonSpace(i)) && !(isAnyDigit(ed.prevChar(i)) && i + 1 < n && isAnyDigit(c[i + 1]))) {
                        ed.replace(i, i + 1, '：', Rule.P3);
                    } else {
                        pending++;
                    }
                }
                case SEMICOLON -> {
                    int next = src.nextNonSpace(i + 1);
                    if (chineseLeft(ed.prevNonSpace(i)) && (next == NONE || chineseRight(next))) {
                        ed.replace(i, i + 1, '；', Rule.P4);
                    } else {
                        pending++;
                    }
                }
                case DOT -> {
                    int r = run(src, i, '.');
                    if (r >= 3) {
                        ellipsis(src, ed, i, i + r);
                    } else if (r == 1) {
                        fullStop(src, ed, i);
                    }
                    i += r - 1;
                }
                case CJK_STOP -> {
                    // Only a run of three or more is an ellipsis; a lone 。 (every sentence) is left at once.
                    if (i + 1 < n && c[i + 1] == '。') {
                        int r = run(src, i, '。');
                        if (r >= 3) {
                            ellipsis(src, ed, i, i + r);
                        }
                        i += r - 1;
                    }
                }
                case ELLIPSIS -> {
                    int r = run(src, i, '…');
                    if (r == 1) {
                        ellipsis(src, ed, i, i + 1);
                    }
                    i += r - 1;
                }
                case MIDLINE_ELLIPSIS -> {
                    int r = run(src, i, '⋯');
                    if (r <= 2) {
                        ellipsis(src, ed, i, i + r);
                    }
                    i += r - 1;
                }
                case HYPHEN -> {
                    int r = run(src, i, '-');
                    if (r == 2 || r == 3) {
                        dash(src, ed, i, i + r);
                    }
                    i += r - 1;
                }
                case DOUBLE_DASH_HALF -> {
                    int r = run(src, i, ch);
                    if (r == 2) {
                        dash(src, ed, i, i + r);
                    }
                    i += r - 1;
                }
                case TWO_EM_DASH -> {
                    int r = run(src, i, ch);
                    if (r == 1) {
                        dash(src, ed, i, i + 1);
                    }
                    i += r - 1;
                }
                case INTERPUNCT -> {
                    if (ch == '．') {
                        fullwidthDot(src, ed, i);
                    } else if (nameSeparatorConverts(src, i)) {
                        // P10 between two Han characters (clreq); all separators of one name together.
                        ed.replace(i, i + 1, '·', Rule.P10);
                    } else {
                        pending++;
                    }
                }
                case PAREN -> hasParens = true;
                case ASCII_QUOTE -> hasQuotes = true;
                default -> throw new IllegalStateException("kind " + kind);
            }
        }
        return ed.finish();
    }

    /** @return whether the line's double (else single) quote marks that P11 converts alternate */
    private boolean paired(Line src, boolean doubles) {
        boolean corner = style.cornerQuotes();
        if (doubles) {
            if (doublesPaired == UNKNOWN) {
                doublesPaired = (corner ? alternates(src, '“', '”') : alternates(src, '「', '」')) ? 1 : 0;
            }
            return doublesPaired == 1;
        }
        if (singlesPaired == UNKNOWN) {
            singlesPaired = (corner ? alternates(src, '‘', '’') : alternates(src, '『', '』')) ? 1 : 0;
        }
        return singlesPaired == 1;
    }

    /** Never an apostrophe between Latin letters (don’t). */
    private static boolean apostrophe(Line src, int i) {
        return src.c[i] == '’' && i > 0 && isAsciiLetter(src.c[i - 1]) && i + 1 < src.n && isAsciiLetter(src.c[i + 1]);
    }

    /**
     * P7/P11 v2: whether the free marks {@code open}/{@code close} of one quote family on the line
     * alternate, starting either way; two marks of one direction in a row ({@code ”你好”}) mean the
     * line's quotes cannot be paired, and converting them would produce doubled closing forms.
     */
    private static boolean alternates(Line src, char open, char close) {
        int last = 0;
        for (int i = 0; i < src.n; i++) {
            char ch = src.c[i];
            if ((ch != open && ch != close) || !src.free(i) || apostrophe(src, i)) {
                continue;
            }
            int dir = ch == open ? 1 : -1;
            if (dir == last) {
                return false;
            }
            last = dir;
        }
        return true;
    }

    private static boolean separator(char ch) {
        return KIND[ch] == INTERPUNCT && ch != '．' || ch == '·';
    }

    private static boolean nameChar(Line src, int i) {
        char ch = src.c[i];
        return src.free(i) && (CharClasses.isHanBmp(ch) || isAsciiLetter(ch));
    }

    /**
     * P10 v2: one name, one separator. A name is a run of Han or Latin letters joined by separators
     * ({@code M•奈特•沙马兰}); when one of its separators stands between two Han characters, all change.
     */
    private boolean nameSeparatorConverts(Line src, int i) {
        if (i < nameEnd) {
            return nameConverts;
        }
        int n = src.n;
        if (i == 0 || i + 1 >= n || !nameChar(src, i - 1) || !nameChar(src, i + 1)) {
            nameEnd = i + 1;
            nameConverts = false;
            return false;
        }
        int start = i;
        while (start > 0 && (nameChar(src, start - 1) || (separator(src.c[start - 1]) && src.free(start - 1)
                && start - 2 >= 0 && nameChar(src, start - 2)))) {
            start--;
        }
        int end = i + 1;
        while (end < n && (nameChar(src, end) || (separator(src.c[end]) && src.free(end) && end + 1 < n
                && nameChar(src, end + 1)))) {
            end++;
        }
        boolean converts = false;
        for (int j = start + 1; j < end - 1; j++) {
            if (separator(src.c[j]) && src.c[j] != '·' && CharClasses.isHanBmp(src.c[j - 1])
                    && CharClasses.isHanBmp(src.c[j + 1])) {
                converts = true;
                break;
            }
        }
        nameEnd = end;
        nameConverts = converts;
        return converts;
    }

    /**
     * P10 v2: whether {@code ．} is the line's stop (old Bible and classical editions): it recurs on a
     * line without {@code 。}, or one is followed by a clause of five or more Han characters.
     */
    private static boolean fullwidthStopLine(Line src) {
        int dots = 0;
        boolean stop = false;
        for (int i = 0; i < src.n; i++) {
            char ch = src.c[i];
            if (ch == '。') {
                stop = true;
            }
            if (ch == '．' && src.free(i) && i > 0 && isHan(src.contextAt(i - 1))) {
                dots++;
                int h = 0;
                while (i + 1 + h < src.n && CharClasses.isHanBmp(src.c[i + 1 + h]) && src.free(i + 1 + h)) {
                    h++;
                }
                if (h >= 5) {
                    return true;
                }
            }
        }
        return dots >= 2 && !stop;
    }

    /** P10 v2 for {@code ．} after Han: a stop becomes {@code 。}; a dot in a short transliterated name {@code ·}. */
    private void fullwidthDot(Line src, LineEditor ed, int i) {
        int prev = ed.prevCodePoint(i);
        if (!isHan(prev)) {
            return; // W4 or N1 decided it already
        }
        if (fullwidthStops == UNKNOWN) {
            fullwidthStops = fullwidthStopLine(src) ? 1 : 0;
        }
        if (fullwidthStops == 1) {
            ed.replace(i, i + 1, '。', Rule.P10);
            return;
        }
        int left = 0;
        while (i - 1 - left >= 0 && CharClasses.isHanBmp(src.c[i - 1 - left]) && src.free(i - 1 - left)) {
            left++;
        }
        int right = 0;
        while (i + 1 + right < src.n && CharClasses.isHanBmp(src.c[i + 1 + right]) && src.free(i + 1 + right)) {
            right++;
        }
        if (left >= 1 && left <= 4 && right >= 1 && right <= 4 && nameEdge(src, i - 1 - left)
                && nameEdge(src, i + 1 + right)) {
            ed.replace(i, i + 1, '·', Rule.P10);
        }
    }

    /**
     * @return whether index {@code j} bounds a name's Han run: a line edge or anything but a letter,
     *     digit or supplementary character (whitespace and punctuation, including ASCII punctuation
     *     that another rule of this pass may make Chinese)
     */
    private static boolean nameEdge(Line src, int j) {
        if (j < 0 || j >= src.n) {
            return true;
        }
        char ch = src.c[j];
        return ch != '．' && !CharClasses.isAnyLetter(ch) && !CharClasses.isAnyDigit(ch) && !Character.isSurrogate(ch);
    }

    /** CL: H ∪ CLOSE ∪ {@code 。，、；：？！…}, or {@code % ‰ ℃ ％} (this sweep only sees lines with Han). */
    private static boolean chineseLeft(int prev) {
        return isChineseLeft(prev) || isPercentLike(prev);
    }

    /** CR: H ∪ OPEN. */
    private static boolean chineseRight(int next) {
        return isHan(next) || isOpen(next);
    }

    /** @return the length of the run of free {@code ch} starting at {@code i} */
    private static int run(Line src, int i, char ch) {
        int j = i;
        while (j < src.n && src.c[j] == ch && src.free(j)) {
            j++;
        }
        return j - i;
    }

    /** P5. */
    private void fullStop(Line src, LineEditor ed, int i) {
        int prev = ed.prevNonSpace(i);
        int next = src.nextNonSpace(i + 1);
        boolean chineseBefore = isHan(prev) || isClose(prev) || isPercentLike(prev);
        boolean sentenceAfter = next == NONE || isHan(next) || isOpen(next) || isClose(next);
        if ((chineseBefore && sentenceAfter) || (next == NONE && isAnyDigit(prev))) {
            ed.replace(i, i + 1, '。', Rule.P5);
        } else {
            pending++;
        }
    }

    /** P8. */
    private void ellipsis(Line src, LineEditor ed, int from, int to) {
        if (isHanOrCp(ed.prevNonSpace(from)) || isHan(src.nextNonSpace(to))) {
            ed.replace(from, to, "……", Rule.P8);
        } else {
            pending++;
        }
    }

    /** P9. */
    private void dash(Line src, LineEditor ed, int from, int to) {
        if (isHanOrCp(ed.prevNonSpace(from)) && isHanOrCp(src.nextNonSpace(to))) {
            ed.replace(from, to, "——", Rule.P9);
        } else {
            pending++;
        }
    }

    // ---- P6 -------------------------------------------------------------------------------------

    private void prepare(Line src) {
        int n = src.n;
        if (pair.length < n) {
            pair = new int[n];
            decision = new byte[n];
            hanBefore = new int[n + 1];
        }
        int count = 0;
        hanBefore[0] = 0;
        for (int i = 0; i < n; i++) {
            char ch = src.c[i];
            if ((CharClasses.isHanBmp(ch) || Character.isHighSurrogate(ch)) && !src.opaque(i)
                    && isHan(CharClasses.codePointAt(src.c, i, n))) {
                count++;
            }
            hanBefore[i + 1] = count;
        }
    }

    private boolean contentHasHan(int open, int close) {
        return hanBefore[close] - hanBefore[open + 1] > 0;
    }

    /** P6: matched ASCII parentheses around or beside Chinese become full-width. */
    private boolean parenSweep(Line src, Line dst, LineEditor ed, EditLog log) {
        prepare(src);
        char[] c = src.c;
        int n = src.n;
        // Match pairs with a stack kept in `pair` itself: pair[i] = matching index or -1.
        int top = -1; // index of the innermost open '(' not yet matched, chained through pair[]
        for (int i = 0; i < n; i++) {
            pair[i] = -1;
            decision[i] = 0;
            if (!src.free(i)) {
                continue;
            }
            if (c[i] == '(') {
                pair[i] = -2 - top; // remember the enclosing open paren
                top = i;
            } else if (c[i] == ')' && top >= 0) {
                int open = top;
                top = -2 - pair[open];
                pair[open] = i;
                pair[i] = open;
            }
        }
        while (top >= 0) { // unmatched '(' left on the stack
            int open = top;
            top = -2 - pair[open];
            pair[open] = -1;
        }
        ed.begin(src, dst, log);
        for (int i = 0; i < n; i++) {
            if (!src.free(i) || pair[i] < 0) {
                continue;
            }
            if (c[i] == '(') {
                int close = pair[i];
                int prev = ed.prevNonSpace(i);
                boolean convert = contentHasHan(i, close) || isHanOrCp(prev)
                        || (prev == NONE && isHan(src.nextNonSpace(close + 1)));
                if (!convert) {
                    pending++;
                    continue;
                }
                decision[close] = 1;
                if (isHan(prev)) {
                    ed.delete(spaceStart(src, ed, i), i, Rule.P6);
                }
                ed.replace(i, i + 1, '（', Rule.P6);
                int after = src.skipSpaces(i + 1);
                if (after > i + 1 && after < n && isHan(src.contextAt(after))) {
                    ed.delete(i + 1, after, Rule.P6);
                }
            } else if (decision[i] == 1) {
                if (isHan(ed.prevNonSpace(i))) {
                    ed.delete(spaceStart(src, ed, i), i, Rule.P6);
                }
                ed.replace(i, i + 1, '）', Rule.P6);
                int after = src.skipSpaces(i + 1);
                if (after > i + 1 && after < n && isHan(src.contextAt(after))) {
                    ed.delete(i + 1, after, Rule.P6);
                }
            }
        }
        return ed.finish();
    }

    /** @return the start of the run of free spaces that ends at {@code i}, not before the editor's position */
    private static int spaceStart(Line src, LineEditor ed, int i) {
        int s = i;
        while (s > ed.position() && CharClasses.isSpace(src.c[s - 1]) && src.free(s - 1)) {
            s--;
        }
        return s;
    }

    // ---- P7 -------------------------------------------------------------------------------------

    /** P7: ASCII quotes paired left to right per line. */
    private boolean quoteSweep(Line src, Line dst, LineEditor ed, EditLog log) {
        prepare(src);
        char[] c = src.c;
        int n = src.n;
        int openDouble = -1;
        int openSingle = -1;
        for (int i = 0; i < n; i++) {
            pair[i] = -1;
            decision[i] = 0;
            if (!src.free(i)) {
                continue;
            }
            if (c[i] == '"') {
                if (openDouble < 0) {
                    openDouble = i;
                } else {
                    pair[openDouble] = i;
                    pair[i] = openDouble;
                    openDouble = -1;
                }
            } else if (c[i] == '\'' && !(i > 0 && i + 1 < n && isAsciiAlnum(c[i - 1]) && isAsciiAlnum(c[i + 1]))) {
                if (openSingle < 0) {
                    openSingle = i;
                } else {
                    pair[openSingle] = i;
                    pair[i] = openSingle;
                    openSingle = -1;
                }
            }
        }
        boolean corner = style.cornerQuotes();
        ed.begin(src, dst, log);
        for (int i = 0; i < n; i++) {
            int other = pair[i];
            if (other < 0 || !src.free(i)) {
                continue;
            }
            boolean isDouble = c[i] == '"';
            if (other > i) {
                boolean convert = contentHasHan(i, other);
                if (isDouble && pathLike(src, i + 1, other)) {
                    pending++;
                    continue; // v2: a quoted path or code-like token keeps its ASCII quotes
                }
                if (!convert && isDouble) {
                    int next = src.nextNonSpace(other + 1);
                    convert = isHanOrCp(ed.prevNonSpace(i)) && (next == NONE || isHanOrCp(next));
                }
                if (!convert) {
                    pending++;
                    continue;
                }
                decision[other] = 1;
                char open = isDouble ? (corner ? '「' : '“') : (corner ? '『' : '‘');
                ed.replace(i, i + 1, open, Rule.P7);
            } else if (decision[i] == 1) {
                char close = isDouble ? (corner ? '」' : '”') : (corner ? '』' : '’');
                ed.replace(i, i + 1, close, Rule.P7);
            }
        }
        return ed.finish();
    }

    /** @return whether {@code src[from,to)} is one token without Han that holds {@code /} or {@code \\} */
    private static boolean pathLike(Line src, int from, int to) {
        boolean slash = false;
        for (int j = from; j < to; j++) {
            char ch = src.c[j];
            if (CharClasses.isSpace(ch) || CharClasses.isHanBmp(ch) || Character.isSurrogate(ch)) {
                return false;
            }
            slash |= ch == '/' || ch == '\\';
        }
        return slash;
    }

    // ---- P12 ------------------------------------------------------------------------------------

    /**
     * P12: in a line without Han and with at least two Latin words, full-width punctuation to ASCII,
     * and full-width brackets around English to ASCII with one space outside. v2: never in a
     * code-like line ({@code { } = ;}) or inside an ASCII string literal ({@code "#{vars.join("，")}"}).
     */
    private boolean latinSweep(Line src, Line dst, LineEditor ed, EditLog log) {
        char[] c = src.c;
        int n = src.n;
        if (latinWords(src) < 2 || codeLike(src)) {
            return false;
        }
        ed.begin(src, dst, log);
        boolean inString = false;
        for (int i = 0; i < n; i++) {
            if (!src.free(i)) {
                continue;
            }
            char ch = c[i];
            if (ch == '"') {
                inString = !inString;
                continue;
            }
            if (inString) {
                continue;
            }
            int b = "（【".indexOf(ch);
            if (b >= 0) {
                char ascii = "([".charAt(b);
                ed.replace(i, i + 1, isAsciiAlnum(ed.prevChar(i)) ? " " + ascii : String.valueOf(ascii), Rule.P12);
                continue;
            }
            b = "）】".indexOf(ch);
            if (b >= 0) {
                char ascii = ")]".charAt(b);
                ed.replace(i, i + 1, i + 1 < n && isAsciiAlnum(c[i + 1]) ? ascii + " " : String.valueOf(ascii), Rule.P12);
                continue;
            }
            int k = "，。！？：；".indexOf(ch);
            if (k < 0) {
                continue;
            }
            // Between digits it is a number's separator (N1's business), not sentence punctuation.
            if (isAnyDigit(ed.prevChar(i)) && i + 1 < n && isAnyDigit(c[i + 1])) {
                continue;
            }
            char ascii = ",.!?:;".charAt(k);
            if (i + 1 < n && isAsciiAlnum(c[i + 1])) {
                ed.replace(i, i + 1, ascii + " ", Rule.P12);
            } else {
                ed.replace(i, i + 1, ascii, Rule.P12);
            }
        }
        return ed.finish();
    }

    /** A line shaped like code: braces, an assignment or a statement end outside protected spans. */
    private static boolean codeLike(Line src) {
        for (int i = 0; i < src.n; i++) {
            char ch = src.c[i];
            if ((ch == '{' || ch == '}' || ch == '=' || ch == ';') && src.free(i)) {
                return true;
            }
        }
        return false;
    }

    private static int latinWords(Line src) {
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < src.n; i++) {
            boolean letter = isAsciiLetter(src.c[i]) && src.free(i);
            if (letter && !inWord) {
                words++;
                if (words >= 2) {
                    return words;
                }
            }
            inWord = letter;
        }
        return words;
    }
}
