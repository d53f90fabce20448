package dev.zhnorm.internal.normalize;

import dev.zhnorm.normalize.Indent;

import dev.zhnorm.normalize.Spacing;

import dev.zhnorm.normalize.Numerals;

import dev.zhnorm.normalize.Style;

import dev.zhnorm.Normalizer;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile input never throws and costs linear time: lone surrogates, every control char, a 1 MB
 * single line, and thousands of unbalanced quotes, brackets, backticks, tags and URL-like runs.
 * Time is checked as a ratio (4× the input may take at most 10× the time; quadratic work takes
 * 16×) plus a generous absolute bound, so that a loaded machine does not fail the test.
 */
class AdversarialInputTest {
    private static final Normalizer DEFAULT = Normalizer.defaults();
    private static final List<Normalizer> PROFILES = List.of(DEFAULT,
            Normalizer.builder().numerals(Numerals.QUANTITIES_TO_ARABIC).spacing(Spacing.PANGU).style(Style.TAIWAN).build(),
            Normalizer.builder().numerals(Numerals.ARABIC_TO_CHINESE).indent(Indent.STRIP).protect("好", "ab").build());

    @Test
    void loneSurrogatesAndControlCharsNeverThrow() throws Exception {
        StringBuilder sb = new StringBuilder();
        for (char c = 0; c < 0x100; c++) {
            sb.append(c).append('好');
        }
        sb.append("\uD800好\uDC00,\uDBFF\uD87E\uD87E\uDC00\uDC00\uD840,");
        for (char c = 0xD7F0; c < 0xE010; c++) {
            sb.append(c);
        }
        sb.append('\uD800');
        String text = sb.toString();
        for (Normalizer n : PROFILES) {
            String once = n.normalize(text);
            assertEquals(once, n.normalize(once), "idempotent");
            assertEquals(once, n.explain(text).output());
            StringWriter w = new StringWriter();
            n.normalize(new StringReader(text), w);
            assertEquals(once, w.toString());
            assertTrue(once.indexOf('\u0007') < 0 && once.indexOf('\u0085') < 0, "controls removed");
            assertTrue(once.contains("\uD800好\uDC00"), "lone surrogates kept");
        }
    }

    @Test
    void megabyteSingleLineOfProse() {
        String unit = "習近平總書記多次到吉林考察調研,增長7.7%、8%,見https://x.cn/a?b=1 “好”. ";
        assertLinear(size -> repeat(unit, size), "prose");
    }

    @Test
    void megabyteSingleLineWithoutSpacesOrSentenceEnds() {
        assertLinear(size -> repeat("漢字", size), "Han only");
        assertLinear(size -> repeat("a", size), "one Latin word");
        assertLinear(size -> repeat("1", size), "one number");
    }

    @Test
    void unbalancedQuotesAndBrackets() {
        assertLinear(size -> repeat("他\"", size), "quotes");
        assertLinear(size -> repeat("說(", size), "open parens");
        assertLinear(size -> repeat("說)", size), "close parens");
        assertLinear(size -> repeat("「『（", size), "open corner quotes");
        assertLinear(size -> repeat("他'", size), "single quotes");
        assertLinear(size -> repeat("(((((說", size), "deep nesting");
    }

    @Test
    void spanLikeRuns() {
        assertLinear(size -> repeat("`", size), "one backtick run");
        Random r = new Random(7);
        StringBuilder ticks = new StringBuilder();
        assertLinear(size -> {
            ticks.setLength(0);
            while (ticks.length() < size) {
                ticks.append("`".repeat(1 + r.nextInt(40))).append('字');
            }
            return ticks.toString();
        }, "backtick runs of many lengths");
        assertLinear(size -> repeat("<a", size), "unclosed tags");
        assertLinear(size -> repeat("a.", size), "a.a.a.");
        assertLinear(size -> repeat("a@", size), "a@a@");
        assertLinear(size -> repeat("1,000,", size), "grouped numbers");
        assertLinear(size -> repeat("1:", size), "ratio chain");
        assertLinear(size -> repeat("http:", size), "schemes");
        assertLinear(size -> repeat("/a", size), "one long path");
        assertLinear(size -> repeat("&a", size), "entities without end");
        assertLinear(size -> repeat(". ", size), "dots and spaces");
        assertLinear(size -> repeat("三百二十", size), "one long numeral run");
        assertLinear(size -> repeat(",  ", size), "commas between spaces");
    }

    private static String repeat(String unit, int size) {
        return unit.repeat(Math.max(1, size / unit.length()));
    }

    /** Normalizes 256 K and 1 M chars of the text; the larger may not take over 10× the smaller. */
    private static void assertLinear(IntFunction<String> text, String what) {
        String small = text.apply(1 << 18);
        String large = text.apply(1 << 20);
        for (Normalizer n : PROFILES) {
            n.normalize(small); // warm up
            long ts = best(n, small);
            long tl = best(n, large);
            assertTrue(tl < 10_000_000_000L, what + ": 1 MB took " + tl / 1_000_000 + " ms");
            assertTrue(tl <= Math.max(10 * ts, 200_000_000L),
                    what + ": 4× the input took " + (double) tl / ts + "× the time (" + tl / 1_000_000 + " ms)");
        }
    }

    private static long best(Normalizer n, String s) {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 2; i++) {
            long t0 = System.nanoTime();
            String out = n.normalize(s);
            best = Math.min(best, System.nanoTime() - t0);
            assertEquals(NormalizerPropertiesTest.terminators(s), NormalizerPropertiesTest.terminators(out));
        }
        return best;
    }
}
