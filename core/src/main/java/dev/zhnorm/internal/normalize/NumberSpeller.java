package dev.zhnorm.internal.normalize;

import com.ibm.icu.text.RuleBasedNumberFormat;
import com.ibm.icu.util.ULocale;

/**
 * Spells numbers in Chinese for N3 with ICU's {@code %spellout-cardinal} rules ({@code 88} →
 * {@code 八十八}, {@code 10300} → {@code 一万零三百}). ICU's formatter is not thread-safe and costs
 * milliseconds to build, so one instance is shared and used under its lock.
 */
final class NumberSpeller {
    private static final String DIGITS = "零一二三四五六七八九";
    private static final String YEAR_DIGITS = "〇一二三四五六七八九";

    private final RuleBasedNumberFormat format;

    NumberSpeller() {
        format = new RuleBasedNumberFormat(ULocale.forLanguageTag("zh"), RuleBasedNumberFormat.SPELLOUT);
        format.setDefaultRuleSet("%spellout-cardinal");
    }

    /** @return the cardinal, e.g. 25396 → 二万五千三百九十六 */
    String cardinal(long value) {
        synchronized (format) {
            return format.format(value);
        }
    }

    /**
     * @param number ASCII digits with an optional fraction, e.g. {@code 42.9}
     * @return its spelling, e.g. 四十二点九; the fraction digit by digit
     */
    String number(String number) {
        int dot = number.indexOf('.');
        if (dot < 0) {
            return cardinal(Long.parseLong(number));
        }
        StringBuilder sb = new StringBuilder(cardinal(Long.parseLong(number.substring(0, dot)))).append('点');
        for (int i = dot + 1; i < number.length(); i++) {
            sb.append(DIGITS.charAt(number.charAt(i) - '0'));
        }
        return sb.toString();
    }

    /** @return a year digit by digit with 〇, e.g. 2022 → 二〇二二 */
    static String year(CharSequence digits) {
        StringBuilder sb = new StringBuilder(digits.length());
        for (int i = 0; i < digits.length(); i++) {
            sb.append(YEAR_DIGITS.charAt(digits.charAt(i) - '0'));
        }
        return sb.toString();
    }

    /** @return minutes or seconds as written on a clock: 30 → 三十, 05 → 零五 */
    String clockField(String digits) {
        if (digits.length() == 2 && digits.charAt(0) == '0') {
            return "零" + DIGITS.charAt(digits.charAt(1) - '0');
        }
        return cardinal(Long.parseLong(digits));
    }
}
