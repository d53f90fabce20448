package dev.zhnorm.internal;

import dev.zhnorm.Converter;
import dev.zhnorm.Preset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Parallel conversion cuts only at barriers and gives exactly the serial result. */
class ParallelConversionTest {
    private static ExecutorService pool;

    @BeforeAll
    static void start() {
        pool = Executors.newFixedThreadPool(3);
    }

    @AfterAll
    static void stop() {
        pool.shutdown();
    }

    @Test
    void newlineIsABarrierForEveryBundledPreset() {
        for (Preset p : Preset.values()) {
            assertTrue(BundledData.pipeline(p).isBarrier('\n'), p.id());
        }
        assertFalse(BundledData.pipeline(Preset.T2S).isBarrier('漢'));
    }

    @Test
    void parallelEqualsSerialOnEveryPreset() {
        StringBuilder sb = new StringBuilder();
        Random r = new Random(7);
        String[] lines = {"頭髮很長，後來乾杯。", "汉字转换，头发很长", "鼠标和软件", "𠮷野家 𪠽", "", "中华人民共和国成立了", "第\uF9D1届"};
        while (sb.length() < 1_400_000) {
            sb.append(lines[r.nextInt(lines.length)]).append(r.nextInt(5) == 0 ? "\r\n" : "\n");
        }
        String text = sb.toString();
        for (Preset p : new Preset[] {Preset.T2S, Preset.S2TWP, Preset.T2CN, Preset.HK2S}) {
            Converter c = Converter.of(p);
            assertEquals(c.convert(text), c.convert(text, pool), p.id());
        }
    }

    @Test
    void parallelStreamingEqualsSerialForEveryBlockSize() throws java.io.IOException {
        String text = "頭髮很長，後來乾杯。\n𠮷野家 中华人民共和国\r\n".repeat(400) + "長行無換行".repeat(300) + "\n尾";
        for (Preset p : new Preset[] {Preset.T2S, Preset.S2TWP, Preset.T2CN}) {
            Pipeline pipeline = BundledData.pipeline(p);
            String expected = Driver.apply(pipeline, text);
            for (int block : new int[] {1, 2, 7, 64, 999, 100_000}) {
                java.io.StringWriter out = new java.io.StringWriter();
                Driver.apply(pipeline, new PipelineVersusReferenceTest.ChunkedReader(text, 13), out, pool, block, 3);
                assertEquals(expected, out.toString(), p + " block " + block);
            }
        }
        java.io.StringWriter out = new java.io.StringWriter();
        Converter.of(Preset.T2S).convert(new java.io.StringReader(text), out, pool);
        assertEquals(Converter.of(Preset.T2S).convert(text), out.toString());
    }

    @Test
    void parallelStreamingFallsBackToOneThreadWithoutABarrier() throws java.io.IOException {
        Pipeline pipeline = BundledData.pipeline(Preset.S2T);
        String text = "头发".repeat(5000);
        java.io.StringWriter out = new java.io.StringWriter();
        Driver.apply(pipeline, new java.io.StringReader(text), out, pool, 100, 2);
        assertEquals(Driver.apply(pipeline, text), out.toString());
    }

    @Test
    void textWithoutNewlinesIsCutAtOtherBarriersOrNotAtAll() {
        Converter c = Converter.of(Preset.S2T);
        String noNewlines = "汉字转换，头发很长。".repeat(100_000);
        assertEquals(c.convert(noNewlines), c.convert(noNewlines, pool));
        String noBarrier = "头发".repeat(400_000);
        assertEquals(c.convert(noBarrier), c.convert(noBarrier, pool));
    }

    @Test
    void randomConfigsCutOnlyWhereSafe() {
        for (int round = 0; round < 40; round++) {
            Random r = new Random(99L + round);
            Pipeline p = PipelineVersusReferenceTest.compile(PipelineVersusReferenceTest.randomConfig(r));
            StringBuilder sb = new StringBuilder();
            while (sb.length() < 3000) {
                sb.append(PipelineVersusReferenceTest.randomText(r, 1 + r.nextInt(6))).append(r.nextBoolean() ? "\n" : "");
            }
            String text = sb.toString();
            assertEquals(Driver.apply(p, text), Driver.apply(p, text, pool, 37), "seed " + (99L + round));
        }
    }
}
