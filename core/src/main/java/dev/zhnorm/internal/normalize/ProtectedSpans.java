package dev.zhnorm.internal.normalize;

import java.util.Arrays;

import static dev.zhnorm.internal.normalize.CharClasses.isAsciiAlnum;
import static dev.zhnorm.internal.normalize.CharClasses.isAsciiDigit;
import static dev.zhnorm.internal.normalize.CharClasses.isAsciiLetter;

/**
 * Finds the protected spans of a line (spec §6), after U and W and before conversion: URLs, e-mail
 * addresses, inline code, HTML/XML tags and entities, file paths, times and ratios, decimals,
 * grouped numbers, versions, ASCII dates and ASCII expressions. Their chars get a {@link SpanKind}
 * and come through verbatim. Left to right; at each word start the longest pattern wins (ties in
 * the order just listed), and a pattern never starts inside a run of ASCII letters and digits.
 * Linear time: a failed scan is never repeated over the same text.
 */
final class ProtectedSpans {
    private ProtectedSpans() {
    }

    /**
     * @param mask the line's trigger bits ({@link CharClasses#classify}): patterns whose key char
     *     the line lacks are not tried
     * @return whether any span was found
     */
    static boolean detect(Line line, int mask) {
        boolean tryUrl = (mask & CharClasses.T_URL) != 0;
        boolean tryEmail = (mask & CharClasses.T_AT) != 0;
        char[] c = line.c;
        byte[] k = line.k;
        int n = line.n;
        boolean any = false;
        int urlFailedUntil = -1;   // a scheme scan from inside [.., until) would fail the same way
        int emailFailedUntil = -1;
        int codeFailedLengths = 0; // backtick run lengths known to have no closing run further on
        int i = 0;
        while (i < n) {
            // No pattern starts at a non-ASCII char, protected or not: skip them on one load each.
            while (c[i] >= 0x80) {
                if (++i == n) {
                    return any;
                }
            }
            if (k[i] != 0) {
                i++;
                continue;
            }
            char ch = c[i];
            int end = -1;
            SpanKind kind = null;
            if (ch == '`') {
                int run = run(c, i, n, '`');
                if (run < 32 && (codeFailedLengths & (1 << run)) == 0) {
                    end = codeSpan(c, k, i, run, n);
                    if (end < 0) {
                        codeFailedLengths |= 1 << run;
                    }
                }
                if (end < 0) {
                    i += run;
                    continue;
                }
                kind = SpanKind.CODE;
            } else if (ch == '<') {
                end = htmlTag(c, k, i, n);
                kind = SpanKind.HTML;
            } else if (ch == '&') {
                end = entity(c, i, n);
                kind = SpanKind.ENTITY;
            } else if (ch == '/') {
                if (i == 0 || !pathChar(c[i - 1])) {
                    end = unixPath(c, k, i, n);
                }
                kind = SpanKind.PATH;
            } else if (isAsciiAlnum(ch)) {
                // Full-width digits count as word chars: N1 makes them ASCII later, and the next run must agree.
                if (i > 0 && (isAsciiAlnum(c[i - 1]) || CharClasses.isAnyDigit(c[i - 1]))) {
                    i++;
                    continue;
                }
                // Every pattern goes on past the word's letters and digits with ASCII punctuation
                // (www. scheme: local@ C:\ 2022-10 1.2.3 10:00 1,000 7.7 x=1): a word followed by
                // anything else (2022年, GDP增速) starts no span and is passed over untried; the
                // profile showed the nine pattern scans per number as most of the detection.
                int wordEnd = i + 1;
                while (wordEnd < n && isAsciiAlnum(c[wordEnd])) {
                    wordEnd++;
                }
                char after = wordEnd < n ? c[wordEnd] : ' ';
                // The longest candidate wins; of equally long ones, the first tried. A pattern
                // that cannot go on with the char after the word is not tried (it would fail).
                long best = NO_SPAN;
                if (after > ' ' && after < 0x7F) {
                    if (tryUrl && i >= urlFailedUntil && (after == ':' || after == '+' || after == '.' || after == '-')) {
                        int scheme = schemeEnd(c, i, n);
                        int u = url(c, k, i, scheme, n);
                        if (u < 0 && scheme > i) {
                            urlFailedUntil = scheme;
                        }
                        best = longer(best, u, SpanKind.URL);
                    }
                    if (tryEmail && i >= emailFailedUntil && (after == '@' || after == '.' || after == '_' || after == '%'
                            || after == '+' || after == '-')) {
                        int local = emailLocalEnd(c, i, n);
                        int e = email(c, k, i, local, n);
                        if (e < 0) {
                            emailFailedUntil = local;
                        }
                        best = longer(best, e, SpanKind.EMAIL);
                    }
                    if (after == ':') {
                        best = longer(best, tryUrl ? windowsPath(c, k, i, n) : -1, SpanKind.PATH);
                    }
                    if (after == '-' || after == '/' || after == '.') {
                        best = longer(best, date(c, i, n), SpanKind.DATE);
                    }
                    if (after == '.') {
                        best = longer(best, version(c, i, n), SpanKind.VERSION);
                    }
                    if (after == ':') {
                        best = longer(best, timeOrRatio(c, i, n), SpanKind.TIME);
                    }
                    if (after == ',') {
                        best = longer(best, groupedNumber(c, i, n), SpanKind.GROUPED_NUMBER);
                    }
                    if (after == '.') {
                        best = longer(best, decimal(c, i, n), SpanKind.DECIMAL);
                    }
                    if (operator(after)) {
                        best = longer(best, expression(c, i, n), SpanKind.EXPRESSION);
                    }
                }
                if (spanEnd(best) < 0) {
                    while (i < n && (isAsciiAlnum(c[i]) || CharClasses.isAnyDigit(c[i]))) {
                        i++;
                    }
                    continue;
                }
                end = spanEnd(best);
                kind = KINDS[(int) (best & 0xFF)];
            }
            if (end > i) {
                // A span never swallows a user-protected term.
                int stop = i;
                while (stop < end && k[stop] == 0) {
                    stop++;
                }
                Arrays.fill(k, i, stop, kind.code());
                k[i] |= SpanKind.START;
                any = true;
                i = stop;
            } else {
                i++;
            }
        }
        return any;
    }

    /** A candidate span packed into a long: its end (or -1) above, its kind's ordinal in the low byte. */
    private static final long NO_SPAN = -1L << 8;
    private static final SpanKind[] KINDS = SpanKind.values();

    private static long longer(long best, int end, SpanKind kind) {
        return end > spanEnd(best) ? (long) end << 8 | kind.ordinal() : best;
    }

    private static int spanEnd(long candidate) {
        return (int) (candidate >> 8);
    }

    private static int run(char[] c, int i, int n, char ch) {
        int j = i;
        while (j < n && c[j] == ch) {
            j++;
        }
        return j - i;
    }

    /** Inline code: a run of r backticks up to the next run of exactly r backticks. */
    private static int codeSpan(char[] c, byte[] k, int i, int r, int n) {
        int j = i + r;
        while (j < n) {
            if (k[j] != 0) {
                return -1;
            }
            if (c[j] == '`') {
                int len = run(c, j, n, '`');
                if (len == r) {
                    return j + r;
                }
                j += len;
            } else {
                j++;
            }
        }
        return -1;
    }

    /** {@code <tag ...>}, {@code </tag>}, {@code <!-- ... -->}, {@code <?xml ...?>} on one line. */
    private static int htmlTag(char[] c, byte[] k, int i, int n) {
        if (i + 2 >= n) {
            return -1;
        }
        char d = c[i + 1];
        boolean ok = isAsciiLetter(d) || d == '!' || d == '?' || (d == '/' && isAsciiLetter(c[i + 2]));
        if (!ok) {
            return -1;
        }
        for (int j = i + 1; j < n; j++) {
            if (k[j] != 0 || c[j] == '<') {
                return -1;
            }
            if (c[j] == '>') {
                return j + 1;
            }
        }
        return -1;
    }

    /** {@code &name;}, {@code &#123;}, {@code &#x1F;}. */
    private static int entity(char[] c, int i, int n) {
        int j = i + 1;
        if (j < n && c[j] == '#') {
            j++;
            boolean hex = j < n && (c[j] == 'x' || c[j] == 'X');
            if (hex) {
                j++;
            }
            int start = j;
            while (j < n && j - start < 8 && (isAsciiDigit(c[j]) || (hex && isHexLetter(c[j])))) {
                j++;
            }
            return j > start && j < n && c[j] == ';' ? j + 1 : -1;
        }
        int start = j;
        while (j < n && j - start < 32 && isAsciiAlnum(c[j])) {
            j++;
        }
        return j > start && isAsciiLetter(c[start]) && j < n && c[j] == ';' ? j + 1 : -1;
    }

    private static boolean isHexLetter(char ch) {
        return (ch >= 'a' && ch <= 'f') || (ch >= 'A' && ch <= 'F');
    }

    private static boolean pathChar(char ch) {
        return isAsciiAlnum(ch) || CharClasses.isAnyDigit(ch) || ch == '.' || ch == '_' || ch == '~' || ch == '-' || ch == '/';
    }

    private static boolean segmentChar(char ch) {
        return isAsciiAlnum(ch) || ch == '.' || ch == '_' || ch == '~' || ch == '-' || ch == '+';
    }

    /**
     * {@code /seg/seg...}: at least two segments, e.g. {@code /usr/local/bin/}. Segments are ASCII,
     * unless a segment with Han is closed by a slash ({@code /home/用户/文档}): then the names are
     * Chinese and every segment takes Han, the last one up to whitespace or Chinese punctuation, as
     * a Windows path does. Otherwise Han ends the path ({@code /etc/passwd文件}).
     */
    private static int unixPath(char[] c, byte[] k, int i, int n) {
        boolean hanNames = hasHanSegment(c, k, i, n);
        int j = i;
        int segments = 0;
        while (j < n && c[j] == '/' && k[j] == 0) {
            int s = j + 1;
            int e = s;
            while (e < n && k[e] == 0 && (segmentChar(c[e]) || (hanNames && CharClasses.isHanBmp(c[e])))) {
                e++;
            }
            if (e == s) {
                break;
            }
            segments++;
            j = e;
        }
        if (segments < 2) {
            return -1;
        }
        if (j < n && c[j] == '/' && k[j] == 0) {
            j++;
        }
        return j;
    }

    /**
     * @return whether the path-like run at {@code i} (a slash) starts with an ASCII segment holding a
     *     letter ({@code /home}) and has a later segment holding Han that a slash closes; a slash
     *     between Chinese words is "or" ({@code 是/否}, {@code /或/}), not a path
     */
    private static boolean hasHanSegment(char[] c, byte[] k, int i, int n) {
        int segment = 0;
        boolean letter = false;
        boolean han = false;
        for (int j = i + 1; j < n && k[j] == 0; j++) {
            char ch = c[j];
            if (ch == '/') {
                if (segment == 0 && !letter) {
                    return false;
                }
                if (segment > 0 && han) {
                    return true;
                }
                segment++;
                han = false;
            } else if (CharClasses.isHanBmp(ch)) {
                if (segment == 0) {
                    return false;
                }
                han = true;
            } else if (segmentChar(ch)) {
                letter |= isAsciiLetter(ch);
            } else {
                return false;
            }
        }
        return false;
    }

    /** {@code C:\...} up to whitespace, Chinese punctuation or a char Windows forbids in names. */
    private static int windowsPath(char[] c, byte[] k, int i, int n) {
        if (i + 2 >= n || !isAsciiLetter(c[i]) || c[i + 1] != ':' || c[i + 2] != '\\') {
            return -1;
        }
        int j = i + 3;
        while (j < n && k[j] == 0 && !urlStop(c[j]) && c[j] != '|' && c[j] != '*' && c[j] != '?') {
            j++;
        }
        return j;
    }

    /** @return the end of {@code [A-Za-z][A-Za-z0-9+.-]*} at i (i itself when i is not a letter) */
    private static int schemeEnd(char[] c, int i, int n) {
        if (!isAsciiLetter(c[i])) {
            return i;
        }
        int j = i;
        while (j < n && (isAsciiAlnum(c[j]) || c[j] == '+' || c[j] == '.' || c[j] == '-')) {
            j++;
        }
        return j;
    }

    /** {@code scheme://...} or {@code www....}. */
    private static int url(char[] c, byte[] k, int i, int scheme, int n) {
        if (scheme > i && scheme + 3 < n && c[scheme] == ':' && c[scheme + 1] == '/' && c[scheme + 2] == '/') {
            return urlBody(c, k, scheme + 3, n);
        }
        if (i + 4 < n && lower(c[i]) == 'w' && lower(c[i + 1]) == 'w' && lower(c[i + 2]) == 'w' && c[i + 3] == '.'
                && isAsciiAlnum(c[i + 4])) {
            return urlBody(c, k, i + 4, n);
        }
        return -1;
    }

    private static char lower(char ch) {
        return ch >= 'A' && ch <= 'Z' ? (char) (ch + 32) : ch;
    }

    private static boolean urlStop(char ch) {
        return ch < 0x21 || CharClasses.isSpace(ch) || CharClasses.isCp(ch) || ch == '<' || ch == '>' || ch == '"'
                || ch == '`' || ch == ')' || ch == ']' || ch == '}' || ch == '\u007F';
    }

    /**
     * Up to whitespace, Chinese punctuation or a closing bracket; after an ASCII host, non-ASCII only
     * once the path has begun (so {@code /wiki/臺灣} is kept but {@code https://x.cn了解} stops at the
     * host). Trailing sentence punctuation is left out.
     */
    private static int urlBody(char[] c, byte[] k, int j, int n) {
        int start = j;
        // An internationalized host (http://例子.cn) has no ASCII part to end at: allow non-ASCII throughout.
        boolean path = j < n && c[j] >= 0x80;
        while (j < n && k[j] == 0) {
            char ch = c[j];
            if (urlStop(ch) || (ch >= 0x80 && !path)) {
                break;
            }
            if (ch == '/' || ch == '?' || ch == '#') {
                path = true;
            }
            j++;
        }
        while (j > start && ".,:;!?'".indexOf(c[j - 1]) >= 0) {
            j--;
        }
        return j > start ? j : -1;
    }

    private static boolean localChar(char ch) {
        return isAsciiAlnum(ch) || ch == '.' || ch == '_' || ch == '%' || ch == '+' || ch == '-';
    }

    private static int emailLocalEnd(char[] c, int i, int n) {
        int j = i;
        while (j < n && localChar(c[j])) {
            j++;
        }
        return j;
    }

    /** {@code local@domain.tld}, the top-level label at least two letters. */
    private static int email(char[] c, byte[] k, int i, int local, int n) {
        if (local >= n || c[local] != '@' || k[local] != 0) {
            return -1;
        }
        int d = local + 1;
        while (d < n && k[d] == 0 && (isAsciiAlnum(c[d]) || c[d] == '-' || c[d] == '.')) {
            d++;
        }
        while (d > local + 1 && (c[d - 1] == '.' || c[d - 1] == '-')) {
            d--;
        }
        int dot = -1;
        for (int j = d - 1; j > local + 1; j--) {
            if (c[j] == '.') {
                dot = j;
                break;
            }
        }
        if (dot < 0 || d - dot - 1 < 2) {
            return -1;
        }
        for (int j = dot + 1; j < d; j++) {
            if (!isAsciiLetter(c[j])) {
                return -1;
            }
        }
        return d;
    }

    private static int digits(char[] c, int j, int n) {
        while (j < n && isAsciiDigit(c[j])) {
            j++;
        }
        return j;
    }

    /** {@code \d{4}[-/.]\d{1,2}[-/.]\d{1,2}} with one separator, not followed by a digit. */
    private static int date(char[] c, int i, int n) {
        int j = digits(c, i, n);
        if (j - i != 4 || j >= n) {
            return -1;
        }
        char sep = c[j];
        if (sep != '-' && sep != '/' && sep != '.') {
            return -1;
        }
        int m = digits(c, j + 1, n);
        if (m - j - 1 < 1 || m - j - 1 > 2 || m >= n || c[m] != sep) {
            return -1;
        }
        int d = digits(c, m + 1, n);
        if (d - m - 1 < 1 || d - m - 1 > 2) {
            return -1;
        }
        return d;
    }

    /** {@code v?\d+(\.\d+){2,}}. */
    private static int version(char[] c, int i, int n) {
        int j = i;
        if (c[j] == 'v' || c[j] == 'V') {
            j++;
        }
        int e = digits(c, j, n);
        if (e == j) {
            return -1;
        }
        int parts = 1;
        while (e + 1 < n && c[e] == '.' && isAsciiDigit(c[e + 1])) {
            e = digits(c, e + 1, n);
            parts++;
        }
        return parts >= 3 ? e : -1;
    }

    /** {@code \d+(:\d+)+}: times such as 10:00 and 8:30:15, ratios and scores such as 1:500. */
    private static int timeOrRatio(char[] c, int i, int n) {
        int e = digits(c, i, n);
        if (e == i) {
            return -1;
        }
        int parts = 1;
        while (e + 1 < n && c[e] == ':' && isAsciiDigit(c[e + 1])) {
            e = digits(c, e + 1, n);
            parts++;
        }
        return parts >= 2 ? e : -1;
    }

    /** {@code \d{1,3}(,\d{3})+(\.\d+)?}, not followed by a digit. */
    private static int groupedNumber(char[] c, int i, int n) {
        int e = digits(c, i, n);
        if (e == i || e - i > 3) {
            return -1;
        }
        int groups = 0;
        int end = e;
        while (end + 4 <= n && c[end] == ',' && isAsciiDigit(c[end + 1]) && isAsciiDigit(c[end + 2])
                && isAsciiDigit(c[end + 3])) {
            end += 4;
            groups++;
        }
        // A trailing fourth digit means the last group was not a group: back off one.
        while (groups > 0 && end < n && isAsciiDigit(c[end])) {
            end -= 4;
            groups--;
        }
        if (groups == 0) {
            return -1;
        }
        if (end + 1 < n && c[end] == '.' && isAsciiDigit(c[end + 1])) {
            end = digits(c, end + 1, n);
        }
        return end;
    }

    /** {@code \d+\.\d+}. */
    private static int decimal(char[] c, int i, int n) {
        int e = digits(c, i, n);
        if (e == i || e + 1 >= n || c[e] != '.' || !isAsciiDigit(c[e + 1])) {
            return -1;
        }
        return digits(c, e + 1, n);
    }

    private static boolean operator(char ch) {
        return ch == '+' || ch == '*' || ch == '/' || ch == '=' || ch == '<' || ch == '>' || ch == '^' || ch == '-';
    }

    /** {@code [A-Za-z0-9]+([+*\/=<>^-][A-Za-z0-9]+)+}: 2+2, x=1, A/B. */
    private static int expression(char[] c, int i, int n) {
        int e = i;
        while (e < n && isAsciiAlnum(c[e])) {
            e++;
        }
        int terms = 1;
        while (e + 1 < n && operator(c[e]) && isAsciiAlnum(c[e + 1])) {
            e++;
            while (e < n && isAsciiAlnum(c[e])) {
                e++;
            }
            terms++;
        }
        return terms >= 2 ? e : -1;
    }
}
