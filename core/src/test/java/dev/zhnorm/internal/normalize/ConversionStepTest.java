package dev.zhnorm.internal.normalize;

import dev.zhnorm.Preset;
import dev.zhnorm.internal.BundledData;
import dev.zhnorm.internal.FlatEntry;
import dev.zhnorm.internal.Pipeline;
import dev.zhnorm.normalize.Indent;
import dev.zhnorm.normalize.Numerals;
import dev.zhnorm.normalize.Spacing;
import dev.zhnorm.normalize.Style;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConversionStepTest {
    /**
     * The conversion step runs a line without Cleanup's trigger bit through its pipeline less the
     * normalization stages, which is the same conversion only while those stages start keys at
     * such chars alone; the step checks it at run time, and this test that the bundled data keeps
     * the fast way open.
     */
    @Test
    void bundledNormalizationStagesStartKeysOnlyAtCleanupTriggers() {
        for (Preset preset : Preset.values()) {
            Pipeline p = BundledData.pipeline(preset).forNormalization();
            assertTrue(p.everyNormalizationStarter(c -> CharClasses.triggers((char) c, CharClasses.T_CLEAN)), preset.id());
            assertTrue(p.withoutNormalization().normalization().isEmpty(), preset.id());
            assertTrue(p.withoutNormalization().chain().equals(p.chain()), preset.id());
        }
    }

    /**
     * t2cn's chain shortcut is derived in the middle of a text once its pipeline's callers have
     * converted {@link Pipeline#SHORTCUT_AFTER_CHARS} chars (here all but a few of them before the
     * text): the same block of lines twice comes out the same twice, the first time through the
     * two stages and then through the shortcut, and again in a call that takes the shortcut from
     * its first line.
     */
    @Test
    void theChainShortcutNormalizesAsTheTwoStages() {
        NormalizationPipeline engine = engineOfItsOwn();
        Pipeline light = engine.lightConversion();
        String block = block(light);
        String first = engine.normalize(block);
        assertNull(light.chainShortcutIfDerived(), "one block converts too few chars to derive it");
        assertNull(light.chainShortcutAfter(Pipeline.SHORTCUT_AFTER_CHARS - 5_000 - block.length()));
        String twice = engine.normalize(block + block);
        assertNotNull(light.chainShortcutIfDerived(), "the chars of the first block derive it");
        assertEquals(first + first, twice);
        assertEquals(first, engine.normalize(block));
    }

    /** Short texts count together towards deriving the shortcut, as a search index's documents would. */
    @Test
    void manyShortTextsDeriveTheChainShortcut() {
        NormalizationPipeline engine = engineOfItsOwn();
        Pipeline light = engine.lightConversion();
        List<String> lines = block(light).lines().toList();
        List<String> before = lines.stream().map(engine::normalize).toList();
        assertNull(light.chainShortcutIfDerived());
        assertNull(light.chainShortcutAfter(Pipeline.SHORTCUT_AFTER_CHARS - 200_000));
        List<String> again = lines.stream().map(engine::normalize).toList();
        assertNull(light.chainShortcutIfDerived(), "not yet: fewer chars than the block has converted");
        assertEquals(before, again);
        for (int round = 0; round < 4 && light.chainShortcutIfDerived() == null; round++) {
            assertEquals(before, lines.stream().map(engine::normalize).toList());
        }
        assertNotNull(light.chainShortcutIfDerived(), "the block's lines, a few times over");
        assertEquals(before, lines.stream().map(engine::normalize).toList());
    }

    /** Four threads share one engine while one of their calls derives the shortcut: every output stays the same. */
    @Test
    void threadsSharingAnEngineAgreeWhileTheShortcutIsDerived() throws Exception {
        NormalizationPipeline engine = engineOfItsOwn();
        Pipeline light = engine.lightConversion();
        List<String> lines = block(light).lines().toList();
        List<String> expected = lines.stream().map(engine::normalize).toList();
        assertNull(light.chainShortcutAfter(Pipeline.SHORTCUT_AFTER_CHARS - 100_000));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                results.add(pool.submit(() -> lines.stream().map(engine::normalize).toList()));
            }
            for (Future<List<String>> f : results) {
                assertEquals(expected, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertNotNull(light.chainShortcutIfDerived(), "four passes over the block's lines reach the count");
    }

    /** The count of chars towards the shortcut, across calls and threads. */
    @Test
    void theShortcutIsDerivedAfterItsCountOfChars() throws Exception {
        Pipeline bundled = BundledData.pipeline(Preset.T2CN).forNormalization().withoutNormalization();
        Pipeline p = new Pipeline(null, List.of(), null, bundled.chain());
        int each = Pipeline.SHORTCUT_AFTER_CHARS / 4000 - 1;
        AtomicInteger early = new AtomicInteger();
        Thread[] threads = new Thread[4];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = new Thread(() -> {
                for (int i = 0; i < 1000; i++) {
                    if (p.chainShortcutAfter(each) != null) {
                        early.incrementAndGet();
                    }
                }
            });
            threads[t].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(0, early.get(), "derived before its count");
        assertNull(p.chainShortcutIfDerived());
        assertNull(p.chainShortcutAfter(Pipeline.SHORTCUT_AFTER_CHARS - 4000 * each - 1), "one char short");
        assertNotNull(p.chainShortcutAfter(1), "the last char of the count");
        assertNotNull(p.chainShortcutIfDerived());
        Pipeline withUser = new Pipeline(bundled.chain().get(1), List.of(), null, bundled.chain());
        assertNull(withUser.chainShortcutAfter(Pipeline.SHORTCUT_AFTER_CHARS), "user entries: no shortcut");
    }

    /** t2cn over a pipeline of its own, so no other test has derived its shortcut yet. */
    private static NormalizationPipeline engineOfItsOwn() {
        Pipeline bundled = BundledData.pipeline(Preset.T2CN);
        Pipeline conversion = new Pipeline(null, bundled.normalization(), null, bundled.chain());
        NormalizationPipeline engine = NormalizationPipeline.of(conversion, true, true, Style.MAINLAND,
                Numerals.WIDTH_ONLY, Spacing.NONE, Indent.KEEP, List.of());
        assertNotNull(engine.lightConversion());
        assertNull(engine.lightConversion().chainShortcutIfDerived());
        return engine;
    }

    /**
     * About 70,000 chars of lines: mostly chars (the first stage's, the second's, punctuation), now
     * and then a phrase of the first stage, so most lines take the shortcut and some hold a phrase
     * that it refuses.
     */
    private static String block(Pipeline light) {
        List<String> chars = new ArrayList<>(List.of("的", "了", "，", ",", "。", "(", ")", " ", "2024", "ＡＢ", "：",
                "?", "「", "」", "\uF900", "著", "名"));
        List<String> phrases = new ArrayList<>();
        for (FlatEntry e : light.chain().get(0).entries()) {
            (e.key().codePointCount(0, e.key().length()) == 1 ? chars : phrases).add(e.key());
        }
        light.chain().get(1).entries().stream().map(FlatEntry::key).filter(k -> k.length() == 1).limit(2000)
                .forEach(chars::add);
        Random r = new Random(20261203);
        StringBuilder block = new StringBuilder();
        while (block.length() < 70_000) {
            for (int k = 1 + r.nextInt(30); k > 0; k--) {
                List<String> from = r.nextInt(40) == 0 ? phrases : chars;
                block.append(from.get(r.nextInt(from.size())));
            }
            block.append('\n');
        }
        return block.toString();
    }
}
