package dev.zhnorm.internal.normalize;

import dev.zhnorm.normalize.Indent;

import dev.zhnorm.normalize.Spacing;

import dev.zhnorm.normalize.Numerals;

import dev.zhnorm.normalize.Style;

import dev.zhnorm.Normalizer;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile input never throws and costs linear time: lone surrogates, every control char, a 1 MB
 * single line, and thousands of unbalanced quotes, brackets, backticks, tags and URL-like runs.
 * Time is the test thread's own CPU time ({@link ThreadMXBean}), not wall-clock time, so that other
 * processes on a busy machine cannot fail the test; it is checked as a ratio (4× the input may take at
 * most 10× the CPU time; quadratic work takes 16×) with a floor for inputs too fast to time, and a
 * failed ratio is measured once more before it counts.
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

    /** Normalizes 256 K and 1 M chars of the text; the larger may not take over 10× the CPU time of the smaller. */
    private static void assertLinear(IntFunction<String> text, String what) {
        String small = text.apply(1 << 18);
        String large = text.apply(1 << 20);
        for (Normalizer n : PROFILES) {
            n.normalize(small); // warm up
            long ts = 0;
            long tl = 0;
            for (int attempt = 0; attempt < 2; attempt++) {
                ts = bestCpuNanos(n, small);
                tl = bestCpuNanos(n, large);
                if (withinLinearBound(ts, tl)) {
                    break;
                }
            }
            assertTrue(tl < 10_000_000_000L, what + ": 1 MB took " + tl / 1_000_000 + " ms of CPU time");
            assertTrue(withinLinearBound(ts, tl), what + ": 4× the input took " + (double) tl / ts
                    + "× the CPU time (" + ts / 1_000_000 + " ms, then " + tl / 1_000_000 + " ms)");
        }
    }

    private static boolean withinLinearBound(long smallNanos, long largeNanos) {
        return largeNanos <= Math.max(10 * smallNanos, 200_000_000L);
    }

    /** The least CPU time of the current thread over three runs (GC and JIT threads not counted). */
    private static long bestCpuNanos(Normalizer n, String s) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        assertTrue(threads.isCurrentThreadCpuTimeSupported(), "this JVM measures per-thread CPU time");
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long t0 = threads.getCurrentThreadCpuTime();
            String out = n.normalize(s);
            best = Math.min(best, threads.getCurrentThreadCpuTime() - t0);
            assertEquals(NormalizerPropertiesTest.terminators(s), NormalizerPropertiesTest.terminators(out));
        }
        return best;
    }
}
