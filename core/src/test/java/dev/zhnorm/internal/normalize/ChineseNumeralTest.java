package dev.zhnorm.internal.normalize;

import com.ibm.icu.text.RuleBasedNumberFormat;
import com.ibm.icu.util.ULocale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The cardinal grammar of N2a against ICU's Chinese spell-out rules as the reference: every number
 * ICU spells must parse back to itself, and the hand-picked invalid forms must be rejected.
 */
class ChineseNumeralTest {
    private static final RuleBasedNumberFormat ICU = new RuleBasedNumberFormat(ULocale.forLanguageTag("zh"),
            RuleBasedNumberFormat.SPELLOUT);

    static {
        ICU.setDefaultRuleSet("%spellout-cardinal");
    }

    private static ChineseNumeral parse(String s) {
        return ChineseNumeral.parse(s.toCharArray(), 0, s.length());
    }

    @Property(tries = 3000, seed = "31415")
    void parsesWhatIcuSpells(@ForAll @LongRange(min = 1, max = 99_999_999_999L) long n) {
        String spelled;
        synchronized (ICU) {
            spelled = ICU.format(n);
        }
        ChineseNumeral parsed = parse(spelled);
        assertEquals(n, parsed == null ? -1 : parsed.integer(), spelled);
        assertEquals(0, parsed.decimals().length());
    }

    @Property(tries = 500, seed = "27182")
    void decimalsAsIcuSpellsThem(@ForAll @LongRange(min = 0, max = 99_999) long whole, @ForAll @LongRange(min = 1, max = 999) long frac) {
        net.jqwik.api.Assume.that(frac % 10 != 0); // ICU drops trailing zeros of a double
        String digits = whole + "." + frac;
        String spelled;
        synchronized (ICU) {
            spelled = ICU.format(new java.math.BigDecimal(digits).doubleValue());
        }
        ChineseNumeral parsed = parse(spelled);
        assertEquals(digits, parsed.toArabic(), spelled);
    }

    @Test
    void arabicForms() {
        assertEquals("325", parse("三百二十五").toArabic());
        assertEquals("42.9万", parse("四十二点九万").toArabic());
        assertEquals("5000万", parse("五千万").toArabic());
        assertEquals("3.5亿", parse("三亿五千万").toArabic());
        assertEquals("10300", parse("一万零三百").toArabic());
        assertEquals("15", parse("十五").toArabic());
        assertEquals("2000", parse("两千").toArabic());
        assertEquals("2万", parse("两万").toArabic());
        assertEquals("10万", parse("十万").toArabic());
        assertEquals("1.005亿", parse("一亿零五十万").toArabic());
        assertEquals("3.50", parse("三点五零").toArabic());
        assertEquals("0.5", parse("零点五").toArabic());
        assertEquals("123000", parse("十二万三千").toArabic());
        assertEquals("200005", parse("二十万零五").toArabic());
        assertEquals("13亿", parse("十三亿").toArabic());
        assertEquals("10000.5", parse("一万点五").toArabic());
        assertEquals("101000", parse("十万一千").toArabic());
        assertEquals("11000", parse("一万零一千").toArabic());
        assertEquals("1.005亿", parse("一亿五十万").toArabic());
        assertEquals("100005000", parse("一亿零五千").toArabic());
    }

    @Test
    void rejectsWhatIsNotAValidCardinal() {
        for (String s : new String[] {"三四", "二三十", "一两", "两十", "十两", "一千五", "一百五", "一万三百", "百", "千",
                "万", "亿", "点", "三点", "点五", "零", "一零", "五零", "一百零五十", "一万亿", "三点二点一", "两点",
                "三点两", "十十", "一十十", "零零五", "一万二点五万", "一亿五千", "一亿五", "一万五"}) {
            assertNull(parse(s), s);
        }
    }

    @Test
    void spellerMatchesTheSpec() {
        NumberSpeller sp = new NumberSpeller();
        assertEquals("八十八", sp.number("88"));
        assertEquals("四十二点九", sp.number("42.9"));
        assertEquals("零点零五", sp.number("0.05"));
        assertEquals("五千", sp.number("5000"));
        assertEquals("二〇二二", NumberSpeller.year("2022"));
        assertEquals("零五", sp.clockField("05"));
        assertEquals("三十", sp.clockField("30"));
    }
}
