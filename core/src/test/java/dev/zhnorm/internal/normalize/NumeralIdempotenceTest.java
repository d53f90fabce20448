package dev.zhnorm.internal.normalize;

import dev.zhnorm.Normalizer;
import dev.zhnorm.normalize.Numerals;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** N2 must leave nothing for a second run: digits it writes never join their neighbours'. */
class NumeralIdempotenceTest {
    private final Normalizer n = Normalizer.builder().numerals(Numerals.QUANTITIES_TO_ARABIC).build();

    private void once(String input, String expected) {
        String out = n.normalize(input);
        assertEquals(expected, out, input);
        assertEquals(out, n.normalize(out), "second run of " + input);
    }

    @Test
    void aNumeralAfterDigitsAndASeparatorStaysChinese() {
        once("2．十五人", "2．十五人"); // 2.15人 would be another number
        once("2：百分之七", "2：百分之七");
        once("他说2，十五人到了", "他说2，十五人到了");
        once("共3十五人", "共3十五人");
        once("十五人：2", "15人：2");
        once("增长百分之七：2", "增长百分之七：2");
    }

    @Test
    void consecutivePercentagesConvertInOneRun() {
        once("百分之七点七百分之七点七", "7.7%7.7%");
        once("增长百分之五百分之六", "增长5%6%");
        once("百分之三百", "300%");
    }

    @Test
    void aLineThatLosesItsLastHanIsFinishedAsALineWithoutHan() {
        once("百分之七", "7%");
        once("百分之七, 百分之八", n.normalize(n.normalize("百分之七, 百分之八")));
    }
}
