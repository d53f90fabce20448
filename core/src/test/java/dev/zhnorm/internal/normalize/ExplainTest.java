package dev.zhnorm.internal.normalize;

import dev.zhnorm.normalize.Indent;

import dev.zhnorm.normalize.Spacing;

import dev.zhnorm.normalize.Numerals;

import dev.zhnorm.Change;
import dev.zhnorm.Explanation;
import dev.zhnorm.Normalizer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Explanations name the rule of each change, with exact input and output ranges. */
class ExplainTest {
    private final Normalizer n = Normalizer.builder().spacing(Spacing.NONE).build(); // S4 changes in the expectations below

    private static List<String> rules(Explanation e) {
        return e.changes().stream().map(Change::rule).collect(Collectors.toList());
    }

    @Test
    void eachChangeNamesItsRule() {
        Explanation e = n.explain("他说,好.");
        assertEquals("他说，好。", e.output());
        assertEquals(List.of(new Change(2, 3, 2, 3, ",", "，", "P1"), new Change(4, 5, 4, 5, ".", "。", "P5")), e.changes());
    }

    @Test
    void conversionChangesNameTheirDictionary() {
        Explanation e = n.explain("後來,");
        assertEquals("后来，", e.output());
        List<Change> c = e.changes();
        assertEquals("後來,", c.stream().map(Change::before).collect(Collectors.joining()), c.toString());
        assertEquals("后来，", c.stream().map(Change::after).collect(Collectors.joining()), c.toString());
        for (Change conversion : c.subList(0, c.size() - 1)) {
            assertTrue(conversion.rule().contains(".txt") || conversion.rule().contains("("), conversion.rule());
        }
        assertEquals("P1", c.get(c.size() - 1).rule());
    }

    @Test
    void rangesAndOffsetsAreExact() {
        Explanation e = n.explain("由\u00A020萬人 , 走吧...");
        assertEquals("由20万人，走吧……", e.output());
        for (Change c : e.changes()) {
            assertEquals(c.before(), e.input().substring(c.inputStart(), c.inputEnd()));
            assertEquals(c.after(), e.output().substring(c.outputStart(), c.outputEnd()));
        }
        assertTrue(rules(e).stream().anyMatch(r -> r.contains("S0") && r.contains("S4")), rules(e).toString());
        assertTrue(rules(e).contains("P8"), rules(e).toString());
        // Output offset of 万 maps to the input offset of 萬.
        assertEquals(e.input().indexOf('萬'), e.offsets().toInput(e.output().indexOf('万')));
        assertEquals(e.input().length(), e.offsets().toInput(e.output().length()));
    }

    @Test
    void stackedChangesNameAllTheirRules() {
        Explanation e = n.explain("＂你好＂");
        assertEquals("“你好”", e.output());
        assertEquals(List.of("W2 > P7", "W2 > P7"), rules(e));
    }

    @Test
    void ruleIdsOfEveryGroup() {
        assertEquals(List.of("U1"), rules(n.explain("人民\u200B网")));
        assertEquals(List.of("U2"), rules(Normalizer.builder().noConversion().build().explain("第\uF9D1届")));
        assertEquals(List.of("U3"), rules(n.explain("\u2EE2上")));
        assertEquals(List.of("W1"), rules(n.explain("Ａ")));
        assertEquals(List.of("W3"), rules(n.explain("工作﹔二是")));
        assertEquals(List.of("W4"), rules(n.explain("Ａ．Ｂ")).subList(1, 2));
        assertEquals(List.of("N1", "N1", "N1", "N1"), rules(n.explain("２０２２年")));
        assertEquals(List.of("N2a"), rules(Normalizer.builder().numerals(Numerals.QUANTITIES_TO_ARABIC).build()
                .explain("三百二十五人")));
        assertEquals(List.of("N3"), rules(Normalizer.builder().numerals(Numerals.ARABIC_TO_CHINESE).build()
                .explain("88个")));
        assertEquals(List.of("S1"), rules(n.explain("实践。 ")));
        assertEquals(List.of("S2"), rules(Normalizer.builder().indent(Indent.STRIP).build().explain("\u3000\u3000春")));
        assertEquals(List.of("S3"), rules(n.explain("你好， 世界")));
        assertEquals(List.of("S5"), rules(n.explain("我们 今天出发。")));
        assertEquals(List.of("S6", "S6"), rules(Normalizer.builder().spacing(Spacing.PANGU).build().explain("于3月")));
        assertEquals(List.of("P11", "P11"), rules(n.explain("「两个」")));
        assertEquals(List.of("P12", "P12"), rules(n.explain("Hello，world！")));
    }

    @Test
    void unchangedTextHasNoChanges() {
        Explanation e = n.explain("没有变化。");
        assertEquals(List.of(), e.changes());
        assertEquals(3, e.offsets().toInput(3));
    }
}
