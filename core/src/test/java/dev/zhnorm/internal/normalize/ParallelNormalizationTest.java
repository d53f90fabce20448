package dev.zhnorm.internal.normalize;

import dev.zhnorm.Normalizer;
import dev.zhnorm.Preset;
import dev.zhnorm.internal.BundledData;
import dev.zhnorm.internal.Driver;
import dev.zhnorm.normalize.Indent;
import dev.zhnorm.normalize.Numerals;
import dev.zhnorm.normalize.Spacing;
import dev.zhnorm.normalize.Style;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Normalization through the {@link Driver}'s parallel forms gives the serial result char for char,
 * also when a fenced code block (the one state that crosses lines) spans the cuts between pieces.
 */
class ParallelNormalizationTest {
    private static final ExecutorService POOL = Executors.newFixedThreadPool(3);

    private final NormalizationPipeline engine = NormalizationPipeline.of(BundledData.pipeline(Preset.T2CN), true,
            true, Style.MAINLAND, Numerals.WIDTH_ONLY, Spacing.NONE, Indent.KEEP, List.of());

    @AfterAll
    static void stop() {
        POOL.shutdown();
    }

    /** Lines of prose that normalization changes, fences, code in them, and every terminator. */
    private static String document(Random r, int lines) {
        String[] prose = {"他說,好.", "後來(見下)很好!", "  縮排,行  ", "一百 人", "「引號」,對?", "", "abc, def."};
        String[] terminators = {"\n", "\n", "\r\n", "\r"};
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            int k = r.nextInt(10);
            if (k == 0) {
                sb.append(r.nextBoolean() ? "```" : "~~~~");
            } else if (k == 1) {
                sb.append("code(x, y); // 註釋,不改");
            } else {
                sb.append(prose[r.nextInt(prose.length)]);
            }
            sb.append(terminators[r.nextInt(terminators.length)]);
        }
        return sb.toString();
    }

    @Test
    void piecesOfEverySizeGiveTheSerialResult() {
        Random r = new Random(20261202);
        for (int round = 0; round < 40; round++) {
            String text = document(r, 5 + r.nextInt(120));
            String serial = engine.normalize(text);
            for (int piece : new int[] {1, 5, 17, 64, 400}) {
                assertEquals(serial, Driver.apply(engine, text, POOL, piece), "round " + round + " piece " + piece);
            }
        }
    }

    @Test
    void streamingBlocksOfEverySizeGiveTheSerialResult() throws IOException {
        Random r = new Random(7);
        for (int round = 0; round < 30; round++) {
            String text = document(r, 5 + r.nextInt(120));
            String serial = engine.normalize(text);
            for (int block : new int[] {1, 9, 50, 300}) {
                StringWriter out = new StringWriter();
                Driver.apply(engine, new NormalizerPropertiesTest.ChoppyReader(text, new Random(round), 11), out,
                        POOL, block, 1 + round % 3);
                assertEquals(serial, out.toString(), "round " + round + " block " + block);
            }
        }
    }

    /** The case the carried state exists for: a fence opened in one piece, its prose-looking code in the next. */
    @Test
    void aFenceThatSpansTheCutKeepsItsCodeVerbatim() {
        String text = "他說,好.\n```\n註釋,不改.\n還是代碼,對.\n```\n外面,改.\n";
        String serial = engine.normalize(text);
        assertTrue(serial.contains("註釋,不改.\n還是代碼,對."), serial);
        assertTrue(serial.contains("外面，改。"), serial);
        // Every line its own piece: without the carried fence state the code lines would be normalized.
        assertEquals(serial, Driver.apply(engine, text, POOL, 1));
        assertNotEquals(serial, freshRunsPerLine(text), "the test can see a lost fence state");
    }

    /** Each line through a fresh engine run: what the parallel form would give without the carried state. */
    private String freshRunsPerLine(String text) {
        StringBuilder sb = new StringBuilder();
        for (String line : text.split("(?<=\n)")) {
            sb.append(engine.normalize(line));
        }
        return sb.toString();
    }

    @Test
    void publicParallelFormsEqualTheSerialOnes() throws IOException {
        Normalizer n = Normalizer.defaults();
        StringBuilder sb = new StringBuilder();
        Random r = new Random(3);
        while (sb.length() < 1_200_000) {
            sb.append(document(r, 200));
        }
        String text = sb.toString();
        String serial = n.normalize(text);
        assertEquals(serial, n.normalize(text, POOL));
        StringWriter out = new StringWriter();
        n.normalize(new StringReader(text), out, POOL);
        assertEquals(serial, out.toString());
    }

    @Test
    void quickCheckAgreesWithNormalizing() {
        Normalizer n = Normalizer.defaults();
        Random r = new Random(11);
        for (int round = 0; round < 200; round++) {
            String text = document(r, 1 + r.nextInt(30));
            String once = n.normalize(text);
            assertEquals(once.equals(text), n.isNormalized(text), text);
            assertTrue(n.isNormalized(once), once);
        }
        // A difference at the very end of a long text, past many check chunks.
        String clean = "说，好。\n".repeat(5000);
        assertTrue(n.isNormalized(clean));
        assertFalse(n.isNormalized(clean + "說"));
        assertFalse(n.isNormalized(new StringBuilder(clean).append("好,")));
    }
}
