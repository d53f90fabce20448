package dev.zhnorm.internal.normalize;

import dev.zhnorm.normalize.Numerals;

import dev.zhnorm.internal.EditLog;

import static dev.zhnorm.internal.normalize.CharClasses.isAnyDigit;
import static dev.zhnorm.internal.normalize.CharClasses.isAnyLetter;
import static dev.zhnorm.internal.normalize.CharClasses.isAsciiAlnum;
import static dev.zhnorm.internal.normalize.CharClasses.isAsciiDigit;

/**
 * The N rules (spec §2). N1 runs in every mode but {@link Numerals#KEEP} (its width part in
 * {@link Cleanup}, its 〇 fix here); then either N2
 * (Chinese quantities, percentages, dates and clock times to Arabic) or N3 (the reverse). Only
 * numbers in those contexts change: list markers, ordinals, approximations, fractions, set phrases
 * and anything not followed by a unit stay as written. Per-call scratch; not thread-safe.
 */
final class NumeralRules {
    private static final String CHINESE_DIGITS = "〇零一二三四五六七八九";
    private static final String YEAR_LOOKALIKES = "○◯ＯO０0";

    private final Numerals mode;
    private final NumberSpeller speller;
    private boolean[] lexicon = new boolean[64];

    private final Sweep zeroFix = this::zeroFix;
    private final Sweep toArabic = this::toArabic;
    private final Sweep toChinese = this::toChinese;

    /** @param speller the speller for N3, or {@code null} in other modes */
    NumeralRules(Numerals mode, NumberSpeller speller) {
        this.mode = mode;
        this.speller = speller;
    }

    boolean apply(LineWork lines, int mask, boolean hasHan) {
        if (mode == Numerals.KEEP) {
            return false;
        }
        boolean changed = false;
        if ((mask & CharClasses.T_YEAR) != 0 && (mask & CharClasses.T_LOOKALIKE) != 0) {
            changed |= lines.run(zeroFix);
        }
        if (hasHan && mode == Numerals.QUANTITIES_TO_ARABIC && (mask & CharClasses.T_CNUM) != 0) {
            changed |= lines.run(toArabic);
        }
        if (hasHan && mode == Numerals.ARABIC_TO_CHINESE && (mask & (CharClasses.T_DIGIT | CharClasses.T_N1)) != 0
                && lines.run(toChinese)) {
            changed = true;
            // N3 may spell the digit that completes a year for the 〇 fix (民国一○2年 → 一○二年 → 一〇二年),
            // which a second normalization would otherwise be the first to apply.
            if ((mask & CharClasses.T_YEAR) != 0 && (mask & CharClasses.T_LOOKALIKE) != 0) {
                lines.run(zeroFix);
            }
        }
        return changed;
    }

    // ---- N1 -------------------------------------------------------------------------------------

    private static boolean yearChar(char c) {
        return CHINESE_DIGITS.indexOf(c) >= 0 || YEAR_LOOKALIKES.indexOf(c) >= 0;
    }

    /** N1, the 〇 fix: in a run of Chinese digits before 年, look-alikes of 〇 become 〇 (二○二二年). */
    private boolean zeroFix(Line src, Line dst, LineEditor ed, EditLog log) {
        ed.begin(src, dst, log);
        char[] c = src.c;
        for (int y = 0; y < src.n; y++) {
            if (c[y] != '年' || !src.free(y)) {
                continue;
            }
            int j = y;
            while (j > 0 && src.free(j - 1) && yearChar(c[j - 1])) {
                j--;
            }
            if (y - j < 2 || j < ed.position() || (j > 0 && (isAnyLetter(c[j - 1]) || isAnyDigit(c[j - 1])))) {
                continue;
            }
            boolean genuine = false;
            boolean lookalike = false;
            for (int m = j; m < y; m++) {
                if (CHINESE_DIGITS.indexOf(c[m]) >= 0) {
                    genuine = true;
                } else {
                    lookalike = true;
                }
            }
            if (!genuine || !lookalike) {
                continue;
            }
            for (int m = j; m < y; m++) {
                if (YEAR_LOOKALIKES.indexOf(c[m]) >= 0) {
                    ed.replace(m, m + 1, '〇', Rule.N1);
                }
            }
        }
        return ed.finish();
    }

    // ---- shared context tests -------------------------------------------------------------------

    private static boolean at(Line src, int i, char ch) {
        return i >= 0 && i < src.n && src.c[i] == ch && src.free(i);
    }

    private static boolean atText(Line src, int i, String s) {
        if (i < 0 || i + s.length() > src.n) {
            return false;
        }
        for (int j = 0; j < s.length(); j++) {
            if (src.c[i + j] != s.charAt(j) || !src.free(i + j)) {
                return false;
            }
        }
        return true;
    }

    /** Ordinals and calendar words: 第 初 周 星期 礼拜 right before. */
    private static boolean ordinalBefore(Line src, int i) {
        return at(src, i - 1, '第') || at(src, i - 1, '初') || at(src, i - 1, '周')
                || atText(src, i - 2, "星期") || atText(src, i - 2, "礼拜");
    }

    /** Lunar dates: 农历 阴历 夏历 旧历 right before. */
    private static boolean lunarBefore(Line src, int i) {
        return atText(src, i - 2, "农历") || atText(src, i - 2, "阴历") || atText(src, i - 2, "夏历")
                || atText(src, i - 2, "旧历");
    }

    // ---- N2 -------------------------------------------------------------------------------------

    private static int numeralRunEnd(Line src, int i) {
        while (i < src.n && src.free(i) && ChineseNumeral.isNumeralChar(src.c[i])) {
            i++;
        }
        return i;
    }

    private static int asciiDigitsEnd(Line src, int i) {
        while (i < src.n && src.free(i) && isAsciiDigit(src.c[i])) {
            i++;
        }
        return i;
    }

    /** @return the value of a plain Chinese integer in [min, max] written at [from, to), or -1 */
    private static int smallValue(Line src, int from, int to, int min, int max) {
        if (from >= to) {
            return -1;
        }
        ChineseNumeral num = ChineseNumeral.parse(src.c, from, to);
        if (num == null || !num.isPlainInteger() || num.integer() < min || num.integer() > max) {
            return -1;
        }
        return (int) num.integer();
    }

    /** @return the value of 1–2 ASCII digits in [min, max] at [from, to), or -1 */
    private static int asciiValue(Line src, int from, int to, int min, int max) {
        if (to - from < 1 || to - from > 2) {
            return -1;
        }
        int v = Integer.parseInt(new String(src.c, from, to - from));
        return v >= min && v <= max ? v : -1;
    }

    private boolean toArabic(Line src, Line dst, LineEditor ed, EditLog log) {
        int n = src.n;
        if (lexicon.length < n) {
            lexicon = new boolean[n];
        }
        QuantityWords.markLexicon(src, lexicon);
        ed.begin(src, dst, log);
        int i = 0;
        while (i < n) {
            if (!src.free(i) || !ChineseNumeral.isNumeralChar(src.c[i])) {
                i++;
                continue;
            }
            int re = numeralRunEnd(src, i);
            boolean protectedPhrase = false;
            for (int j = i; j < re && !protectedPhrase; j++) {
                protectedPhrase = lexicon[j];
            }
            int left = atText(src, i - 3, "百分之") ? i - 3 : i;
            if (digitsAround(src, left, re)) {
                i = re; // Arabic digits here would join the neighbours' (2．十五人 is not 2.15人)
                continue;
            }
            i = protectedPhrase || i < ed.position() ? re : Math.max(re, convertRun(src, ed, i, re));
        }
        return ed.finish();
    }

    /** Separators that would make digits on both sides read as one number (2．15, 2:7, 1,5, 3/4). */
    private static boolean joiningSeparator(char c) {
        return ".．:：,，/／".indexOf(c) >= 0;
    }

    /**
     * Whether digits sit right before {@code [from,to)} or right after it, directly or across one
     * joining separator: Arabic digits there would read as one number with them, and the next
     * run's punctuation rules would take the separator for part of it (2：百分之七 → 2：7% → 2:7%).
     */
    private static boolean digitsAround(Line src, int from, int to) {
        char[] c = src.c;
        if (from > 0 && (isAnyDigit(c[from - 1])
                || (from > 1 && joiningSeparator(c[from - 1]) && isAnyDigit(c[from - 2])))) {
            return true;
        }
        return to < src.n && (isAnyDigit(c[to])
                || (to + 1 < src.n && joiningSeparator(c[to]) && isAnyDigit(c[to + 1])));
    }

    /** Tries N2b, N2c, N2d, N2a on the numeral run [rs, re). @return where to continue */
    private int convertRun(Line src, LineEditor ed, int rs, int re) {
        char[] c = src.c;
        if (atText(src, rs - 3, "百分之") && rs - 3 >= ed.position()) {
            if (re - rs >= 2 && c[re - 1] == '百' && atText(src, re, "分之")) {
                re--; // 百分之七点七百分之…: the 百 starts the next percentage
            }
            ChineseNumeral num = ChineseNumeral.parse(c, rs, re);
            boolean approximate = at(src, re, '几') || at(src, re, '多') || at(src, re, '余') || at(src, re, '来');
            // 百分之七点七万里: the 万 belongs to what follows (a 7.7万% would be no percentage)
            if (num != null && !approximate && !(num.endsWithBigUnit() && num.decimals() != null && !num.decimals().isEmpty())) {
                ed.replace(rs - 3, re, num.toArabic() + "%", Rule.N2b);
            }
            return re;
        }
        if (re - rs == 4 && at(src, re, '年') && yearDigits(c, rs, re)) {
            return dateFromYear(src, ed, rs, re, true);
        }
        if (arabicYearBefore(src, rs)) {
            int end = monthDay(src, ed, rs, re, false);
            if (end >= 0) {
                return end;
            }
        }
        int end = monthDay(src, ed, rs, re, true);
        if (end >= 0) {
            return end;
        }
        end = dayAfterArabicMonth(src, ed, rs, re);
        if (end >= 0) {
            return end;
        }
        end = clock(src, ed, rs, re);
        if (end >= 0) {
            return end;
        }
        quantity(src, ed, rs, re);
        return re;
    }

    private static boolean yearDigits(char[] c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (CHINESE_DIGITS.indexOf(c[i]) < 0) {
                return false;
            }
        }
        return true;
    }

    /** Four ASCII digits and 年 right before {@code i}, e.g. the month in 2022年十月. */
    private static boolean arabicYearBefore(Line src, int i) {
        if (!at(src, i - 1, '年') || i - 5 < 0) {
            return false;
        }
        for (int j = i - 5; j < i - 1; j++) {
            if (!isAsciiDigit(src.c[j])) {
                return false;
            }
        }
        return i - 6 < 0 || !isAsciiAlnum(src.c[i - 6]);
    }

    /** N2c from a Chinese year {@code [ys, ye)} (年 at ye): the year, and a month and day after it. */
    private int dateFromYear(Line src, LineEditor ed, int ys, int ye, boolean chineseYear) {
        if (lunarBefore(src, ys) || atText(src, ye + 1, "正月") || atText(src, ye + 1, "腊月")) {
            return ye;
        }
        int ms = ye + 1;
        int me = numeralRunEnd(src, ms);
        boolean month = at(src, me, '月') && smallValue(src, ms, me, 1, 12) > 0;
        if (month && (at(src, me + 1, '初') || at(src, me + 1, '廿'))) {
            return me;
        }
        if (chineseYear) {
            StringBuilder digits = new StringBuilder(4);
            for (int i = ys; i < ye; i++) {
                digits.append((char) ('0' + ChineseNumeral.digit(src.c[i])));
            }
            ed.replace(ys, ye, digits, Rule.N2c);
        }
        if (!month) {
            return ye;
        }
        return monthDay(src, ed, ms, me, false);
    }

    /**
     * N2c: a Chinese month {@code [ms, me)} (月 at me) and an optional day after it.
     *
     * @param needDay whether the month converts only with a day (no year before it)
     * @return where to continue, or -1 when this is no date
     */
    private int monthDay(Line src, LineEditor ed, int ms, int me, boolean needDay) {
        int month = at(src, me, '月') ? smallValue(src, ms, me, 1, 12) : -1;
        if (month < 0 || at(src, me + 1, '初') || at(src, me + 1, '廿') || lunarBefore(src, ms)) {
            return -1;
        }
        int ds = me + 1;
        int de = numeralRunEnd(src, ds);
        int day = de > ds && (at(src, de, '日') || at(src, de, '号')) ? smallValue(src, ds, de, 1, 31) : -1;
        if (needDay && day < 0) {
            int ae = asciiDigitsEnd(src, ds);
            boolean arabicDay = (at(src, ae, '日') || at(src, ae, '号')) && asciiValue(src, ds, ae, 1, 31) > 0;
            if (!arabicDay) {
                return -1;
            }
        }
        ed.replace(ms, me, Integer.toString(month), Rule.N2c);
        if (day > 0) {
            ed.replace(ds, de, Integer.toString(day), Rule.N2c);
            return de;
        }
        return me;
    }

    /** N2c: a Chinese day after an Arabic month, 10月十二日. */
    private int dayAfterArabicMonth(Line src, LineEditor ed, int ds, int de) {
        if (!at(src, ds - 1, '月') || !(at(src, de, '日') || at(src, de, '号'))) {
            return -1;
        }
        int ms = ds - 1;
        while (ms > 0 && isAsciiDigit(src.c[ms - 1]) && src.free(ms - 1)) {
            ms--;
        }
        if (asciiValue(src, ms, ds - 1, 1, 12) < 0 || (ms > 0 && isAsciiAlnum(src.c[ms - 1])) || lunarBefore(src, ms)) {
            return -1;
        }
        int day = smallValue(src, ds, de, 1, 31);
        if (day < 0) {
            return -1;
        }
        ed.replace(ds, de, Integer.toString(day), Rule.N2c);
        return de;
    }

    /** N2d: hour 点|时 minute 分 [second 秒], the minute present. */
    private int clock(Line src, LineEditor ed, int rs, int re) {
        int hourEnd = -1;
        int ms;
        int me;
        for (int i = rs; i < re; i++) {
            if (src.c[i] == '点') {
                hourEnd = i;
                break;
            }
        }
        if (hourEnd > rs) {
            ms = hourEnd + 1;
            me = re;
        } else if (hourEnd < 0 && at(src, re, '时')) {
            hourEnd = re;
            ms = re + 1;
            me = numeralRunEnd(src, ms);
        } else {
            return -1;
        }
        // 分 of a clock, not 分钟 (a duration) or 分之 (a fraction)
        if (ms >= me || !at(src, me, '分') || at(src, me + 1, '钟') || at(src, me + 1, '之')) {
            return -1;
        }
        int hour = clockHour(src, rs, hourEnd);
        String minute = clockField(src, ms, me);
        if (hour < 0 || minute == null) {
            return -1;
        }
        int ss = me + 1;
        int se = numeralRunEnd(src, ss);
        String second = se > ss && at(src, se, '秒') ? clockField(src, ss, se) : null;
        ed.replace(rs, hourEnd, Integer.toString(hour), Rule.N2d);
        ed.replace(ms, me, minute, Rule.N2d);
        if (second != null) {
            ed.replace(ss, se, second, Rule.N2d);
            return se;
        }
        return me;
    }

    private static int clockHour(Line src, int from, int to) {
        if (to - from == 1 && (src.c[from] == '两' || src.c[from] == '零' || src.c[from] == '〇')) {
            return ChineseNumeral.digit(src.c[from]);
        }
        return smallValue(src, from, to, 0, 24);
    }

    /** @return minutes or seconds in Arabic (零五 → 05), or null */
    private static String clockField(Line src, int from, int to) {
        char[] c = src.c;
        if (to - from == 2 && ChineseNumeral.digit(c[from]) == 0 && c[from + 1] != '两'
                && ChineseNumeral.digit(c[from + 1]) > 0) {
            return "0" + ChineseNumeral.digit(c[from + 1]);
        }
        int v = smallValue(src, from, to, 0, 59);
        return v < 0 ? null : Integer.toString(v);
    }

    /** N2a: a valid cardinal of two or more chars, led by 一…九, 十 or 两, right before a unit. */
    private static void quantity(Line src, LineEditor ed, int rs, int re) {
        char first = src.c[rs];
        if (re - rs < 2 || !(first == '十' || ChineseNumeral.digit(first) > 0)) {
            return;
        }
        if (ordinalBefore(src, rs) || at(src, rs - 1, '几') || at(src, rs - 1, '数') || at(src, rs - 1, '之')
                || QuantityWords.unitAt(src, re) == 0) {
            return;
        }
        ChineseNumeral num = ChineseNumeral.parse(src.c, rs, re);
        if (num != null) {
            ed.replace(rs, re, num.toArabic(), Rule.N2a);
        }
    }

    // ---- N3 -------------------------------------------------------------------------------------

    private static int spanEnd(Line src, int i) {
        int j = i + 1;
        while (j < src.n && src.k[j] != 0 && (src.k[j] & SpanKind.START) == 0) {
            j++;
        }
        return j;
    }

    private static boolean numberStart(Line src, int i) {
        if (i == 0) {
            return true;
        }
        char p = src.c[i - 1];
        return !isAsciiAlnum(p) && ".-+_/:,#@$".indexOf(p) < 0;
    }

    /** N3: Arabic numbers in the contexts of N2 spelled in Chinese. */
    private boolean toChinese(Line src, Line dst, LineEditor ed, EditLog log) {
        ed.begin(src, dst, log);
        char[] c = src.c;
        int n = src.n;
        int i = 0;
        while (i < n) {
            if (!isAsciiDigit(c[i])) {
                i++;
                continue;
            }
            SpanKind kind = SpanKind.of(src.k[i]);
            int te;
            if (kind == null) {
                te = asciiDigitsEnd(src, i);
            } else if ((kind == SpanKind.DECIMAL || kind == SpanKind.GROUPED_NUMBER) && (src.k[i] & SpanKind.START) != 0) {
                te = spanEnd(src, i);
            } else {
                i = spanEnd(src, i);
                continue;
            }
            if (!numberStart(src, i) || i < ed.position() || te - i > 15) {
                i = te;
                continue;
            }
            i = Math.max(te, spell(src, ed, i, te));
        }
        return ed.finish();
    }

    /** Spells the Arabic number at [ts, te) if its context is one of N2's. @return where to continue */
    private int spell(Line src, LineEditor ed, int ts, int te) {
        StringBuilder token = new StringBuilder(te - ts);
        for (int i = ts; i < te; i++) {
            if (src.c[i] != ',') {
                token.append(src.c[i]);
            }
        }
        String number = token.toString();
        boolean integer = number.indexOf('.') < 0;
        if (integer && number.length() > 1 && number.charAt(0) == '0') {
            return te; // a code or ID, not a quantity
        }
        if (integer && number.length() == 4 && at(src, te, '年')) {
            if (lunarBefore(src, ts)) {
                return te;
            }
            ed.replace(ts, te, NumberSpeller.year(number), Rule.N3);
            int ms = te + 1;
            int me = asciiDigitsEnd(src, ms);
            if (at(src, me, '月') && asciiValue(src, ms, me, 1, 12) > 0) {
                return spellMonthDay(src, ed, ms, me);
            }
            return te;
        }
        int value = integer && number.length() <= 2 ? Integer.parseInt(number) : -1;
        if (value >= 1 && value <= 12 && at(src, te, '月') && !lunarBefore(src, ts)) {
            int ds = te + 1;
            int de = asciiDigitsEnd(src, ds);
            boolean day = (at(src, de, '日') || at(src, de, '号')) && asciiValue(src, ds, de, 1, 31) > 0;
            if (day || at(src, ts - 1, '年')) {
                return spellMonthDay(src, ed, ts, te);
            }
        }
        if (value >= 0 && value <= 24 && (at(src, te, '点') || at(src, te, '时'))) {
            int ms = te + 1;
            int me = asciiDigitsEnd(src, ms);
            if (me - ms >= 1 && me - ms <= 2 && at(src, me, '分') && !at(src, me + 1, '钟') && !at(src, me + 1, '之')
                    && asciiValue(src, ms, me, 0, 59) >= 0) {
                ed.replace(ts, te, speller.cardinal(value), Rule.N3);
                ed.replace(ms, me, speller.clockField(new String(src.c, ms, me - ms)), Rule.N3);
                int ss = me + 1;
                int se = asciiDigitsEnd(src, ss);
                if (se - ss >= 1 && se - ss <= 2 && at(src, se, '秒') && asciiValue(src, ss, se, 0, 59) >= 0) {
                    ed.replace(ss, se, speller.clockField(new String(src.c, ss, se - ss)), Rule.N3);
                    return se;
                }
                return me;
            }
        }
        if (at(src, te, '%')) {
            ed.replace(ts, te + 1, "百分之" + speller.number(number), Rule.N3);
            return te + 1;
        }
        int unit = at(src, te, '万') || at(src, te, '亿') ? te + 1 : te;
        if (QuantityWords.unitAt(src, unit) > 0 && !ordinalBefore(src, ts)) {
            ed.replace(ts, te, speller.number(number), Rule.N3);
        }
        return te;
    }

    /** N3 for an Arabic month at [ms, me) (月 at me) and an Arabic day after it. */
    private int spellMonthDay(Line src, LineEditor ed, int ms, int me) {
        ed.replace(ms, me, speller.cardinal(Integer.parseInt(new String(src.c, ms, me - ms))), Rule.N3);
        int ds = me + 1;
        int de = asciiDigitsEnd(src, ds);
        if ((at(src, de, '日') || at(src, de, '号')) && asciiValue(src, ds, de, 1, 31) > 0) {
            ed.replace(ds, de, speller.cardinal(Integer.parseInt(new String(src.c, ds, de - ds))), Rule.N3);
            return de;
        }
        return me;
    }
}
