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
     * t2cn's chain shortcut is derived in the middle of a long text (after
     * {@link ConversionStep#SHORTCUT_AFTER_CHARS} converted chars): the same block of lines twice
     * comes out the same twice, the first time through the two stages and then through the
     * shortcut, and again in a call that takes the shortcut from its first line.
     */
    @Test
    void theChainShortcutNormalizesAsTheTwoStages() {
        Pipeline bundled = BundledData.pipeline(Preset.T2CN);
        // A pipeline of its own, so no other test has derived its shortcut yet.
        Pipeline conversion = new Pipeline(null, bundled.normalization(), null, bundled.chain());
        NormalizationPipeline engine = NormalizationPipeline.of(conversion, true, true, Style.MAINLAND,
                Numerals.WIDTH_ONLY, Spacing.NONE, Indent.KEEP, List.of());
        Pipeline light = engine.lightConversion();
        assertNotNull(light);

        // Mostly chars (the first stage's, the second's, punctuation), now and then a phrase of
        // the first stage: most lines take the shortcut, some hold a phrase that it refuses.
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
        while (block.length() < ConversionStep.SHORTCUT_AFTER_CHARS + 1000) {
            for (int k = 1 + r.nextInt(30); k > 0; k--) {
                List<String> from = r.nextInt(40) == 0 ? phrases : chars;
                block.append(from.get(r.nextInt(from.size())));
            }
            block.append('\n');
        }
        String first = engine.normalize(block.toString());
        assertNull(light.chainShortcutIfDerived(), "one block is too short to derive it");
        String twice = engine.normalize(block.toString() + block);
        assertNotNull(light.chainShortcutIfDerived(), "two blocks derive it");
        assertEquals(first + first, twice);
        assertEquals(first, engine.normalize(block.toString()));
    }
}
