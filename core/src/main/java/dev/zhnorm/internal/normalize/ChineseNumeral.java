package dev.zhnorm.internal.normalize;

import java.math.BigDecimal;

/**
 * The grammar of a valid Chinese cardinal (spec N2a) and its value. Terms are a digit times a
 * power of ten ({@code 三百} = 3×10², {@code 五千万} = 5×10⁷); they must fall strictly, with 零
 * where the standard reading has it (see {@link #validStep}: {@code 一千零五}, {@code 一万零三百},
 * {@code 十万一千}); {@code 十} may stand alone only at the start ({@code 十五}); {@code 两} only
 * before {@code 千 百 万 亿}; an optional {@code 点} and digits form a decimal, which may be followed
 * by {@code 万} or {@code 亿} ({@code 四十二点九万}). Colloquial abbreviations such as {@code 一千五}
 * or {@code 一万三百} are not valid: the spec prefers leaving text alone to guessing.
 *
 * <pre>{@code
 * ChineseNumeral.parse("三百二十五".toCharArray(), 0, 5)   → 325
 * ChineseNumeral.parse("三亿五千万".toCharArray(), 0, 5)   → 350000000, written "3.5亿"
 * ChineseNumeral.parse("三四".toCharArray(), 0, 2)         → null (adjacent digits: an approximation)
 * }</pre>
 *
 * @param integer the integer part
 * @param decimals the digits after 点, as ASCII digits, or "" for none
 * @param magnitude the exponent of the largest of 万 (4) and 亿 (8) in the numeral, or 0
 * @param endsWithBigUnit whether the last char is 万 or 亿
 */
record ChineseNumeral(long integer, String decimals, int magnitude, boolean endsWithBigUnit) {
    private static final int MAX_TERMS = 16;

    /** @return 0–9 for 〇零一…九 (两 is 2), or -1 */
    static int digit(char c) {
        return switch (c) {
            case '〇', '零' -> 0;
            case '一' -> 1;
            case '二', '两' -> 2;
            case '三' -> 3;
            case '四' -> 4;
            case '五' -> 5;
            case '六' -> 6;
            case '七' -> 7;
            case '八' -> 8;
            case '九' -> 9;
            default -> -1;
        };
    }

    static boolean isNumeralChar(char c) {
        return digit(c) >= 0 || c == '十' || c == '百' || c == '千' || c == '万' || c == '亿' || c == '点';
    }

    private static int unitExponent(char c) {
        return switch (c) {
            case '十' -> 1;
            case '百' -> 2;
            case '千' -> 3;
            default -> -1;
        };
    }

    /**
     * Parses exactly {@code s[from,to)}.
     *
     * @return the numeral, or {@code null} when the text is not a valid cardinal
     */
    static ChineseNumeral parse(char[] s, int from, int to) {
        int dot = -1;
        for (int i = from; i < to; i++) {
            if (s[i] == '点') {
                if (dot >= 0) {
                    return null;
                }
                dot = i;
            }
        }
        if (dot < 0) {
            long[] r = integer(s, from, to);
            return r == null ? null : new ChineseNumeral(r[0], "", (int) r[1], isBig(s[to - 1]));
        }
        // integer 点 digits [万|亿]
        int end = to;
        int trailing = 0;
        if (end - 1 > dot && isBig(s[end - 1])) {
            trailing = s[end - 1] == '万' ? 4 : 8;
            end--;
        }
        if (end == dot + 1) {
            return null;
        }
        StringBuilder decimals = new StringBuilder(end - dot - 1);
        for (int i = dot + 1; i < end; i++) {
            char c = s[i];
            if (c == '两' || digit(c) < 0) {
                return null;
            }
            decimals.append((char) ('0' + digit(c)));
        }
        long intPart;
        int magnitude;
        if (dot - from == 1 && digit(s[from]) == 0) {
            intPart = 0;
            magnitude = 0;
        } else {
            long[] r = integer(s, from, dot);
            if (r == null || (r[1] != 0 && trailing != 0)) {
                return null; // 一万二点五万: two big units around the point
            }
            intPart = r[0];
            magnitude = (int) r[1];
        }
        return new ChineseNumeral(intPart, decimals.toString(), Math.max(magnitude, trailing), trailing != 0);
    }

    private static boolean isBig(char c) {
        return c == '万' || c == '亿';
    }

    /** @return {value, magnitude} of an integer numeral, or null */
    private static long[] integer(char[] s, int from, int to) {
        if (from >= to) {
            return null;
        }
        int[] digits = new int[MAX_TERMS];
        int[] exponents = new int[MAX_TERMS];
        boolean[] zeroBefore = new boolean[MAX_TERMS];
        int terms = 0;
        int groupStart = 0;
        int lastBig = 99;
        int magnitude = 0;
        boolean zero = false;
        int i = from;
        while (i < to) {
            char c = s[i];
            int d = digit(c);
            if (d == 0) {
                if (zero || terms == 0) {
                    return null;
                }
                zero = true;
                i++;
                continue;
            }
            if (isBig(c)) {
                int big = c == '万' ? 4 : 8;
                if (terms == groupStart || zero || big >= lastBig) {
                    return null;
                }
                for (int t = groupStart; t < terms; t++) {
                    exponents[t] += big;
                }
                lastBig = big;
                magnitude = Math.max(magnitude, big);
                groupStart = terms;
                i++;
                continue;
            }
            int u;
            boolean liang = c == '两';
            if (d > 0) {
                i++;
                u = i < to ? unitExponent(s[i]) : -1;
                if (u > 0) {
                    i++;
                } else {
                    u = 0;
                }
                // 两 only before 千 百 万 亿
                if (liang && !(u >= 2 || (u == 0 && i < to && isBig(s[i])))) {
                    return null;
                }
            } else if (c == '十' && i == from) {
                d = 1;
                u = 1;
                i++;
            } else {
                return null;
            }
            if (terms == MAX_TERMS) {
                return null;
            }
            digits[terms] = d;
            exponents[terms] = u;
            zeroBefore[terms] = zero;
            zero = false;
            terms++;
            // A units digit ends its group: only 万/亿 or the end may follow.
            if (u == 0 && i < to && !isBig(s[i])) {
                return null;
            }
        }
        if (zero || terms == 0) {
            return null;
        }
        long value = 0;
        for (int t = 0; t < terms; t++) {
            if (t > 0 && !validStep(exponents[t - 1], exponents[t], zeroBefore[t])) {
                return null;
            }
            long p = 1;
            for (int e = 0; e < exponents[t]; e++) {
                p *= 10;
            }
            value += digits[t] * p;
        }
        return new long[] {value, magnitude};
    }

    /**
     * The rule of 零 between two consecutive terms with (absolute) exponents {@code a > b}. In one
     * group of four places the places must follow one another ({@code 三百二十}) unless a 零 marks the
     * gap ({@code 一百零五}). Across groups a 零 is needed when the lower group does not start at its
     * 千 place ({@code 一万零三百}, not {@code 一万三百}) or a whole group is skipped ({@code 一亿零五千});
     * it is tolerated before a full group ({@code 十万零一千}); and below 亿 it may be left out, as
     * ICU's spell-out does ({@code 一亿五十万}).
     */
    private static boolean validStep(int a, int b, boolean zero) {
        if (b >= a) {
            return false;
        }
        if (a / 4 == b / 4) {
            return zero ? a - b >= 2 : a - b == 1;
        }
        boolean needed = b % 4 != 3 || a / 4 - b / 4 >= 2;
        return zero || !needed || (a / 4 == 2 && b / 4 == 1);
    }

    /** @return whether there is no fractional part and no big unit: a plain integer */
    boolean isPlainInteger() {
        return decimals.isEmpty() && magnitude == 0;
    }

    /**
     * The Arabic form: a numeral that ends in 万 or 亿 as a decimal coefficient of the largest of
     * them it contains ({@code 3.5亿}, {@code 5000万}, never {@code 3亿5000万}); else the plain number
     * with its decimals as written, no digit grouping.
     */
    String toArabic() {
        if (endsWithBigUnit) {
            BigDecimal v = decimals.isEmpty() ? BigDecimal.valueOf(integer) : new BigDecimal(integer + "." + decimals);
            if (decimals.isEmpty()) {
                v = v.movePointLeft(magnitude);
            }
            String coefficient = v.stripTrailingZeros().toPlainString();
            return coefficient + (magnitude == 8 ? '亿' : '万');
        }
        return decimals.isEmpty() ? Long.toString(integer) : integer + "." + decimals;
    }
}
