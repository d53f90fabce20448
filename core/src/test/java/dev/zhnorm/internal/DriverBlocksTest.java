package dev.zhnorm.internal;

import dev.zhnorm.Preset;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * A long text goes through its run in blocks ({@code Driver.applyInBlocks}), and the segmenting
 * levels then cut each block at a char no key holds: the output must be the whole text's walk, with
 * and without newlines, with no safe cut for thousands of chars, and an unchanged String must come
 * back as the same instance.
 */
class DriverBlocksTest {
    private static final List<Preset> PRESETS = List.of(Preset.S2T, Preset.S2TWP, Preset.S2HKP, Preset.S2HK,
            Preset.HK2S, Preset.TW2SP, Preset.T2S, Preset.T2CN);

    private static String longSoup(Random r, Pipeline p, boolean newlines, int chars) {
        List<String> keys = p.chain().stream().flatMap(d -> d.entries().stream()).map(FlatEntry::key)
                .filter(k -> k.length() >= 2).toList();
        StringBuilder sb = new StringBuilder();
        while (sb.length() < chars) {
            String k = keys.get(r.nextInt(keys.size()));
            switch (r.nextInt(8)) {
                case 0 -> sb.append(k.substring(1));
                case 1 -> sb.append(k.charAt(0));
                case 2 -> sb.append(newlines ? "\n" : "，");
                default -> sb.append(k);
            }
        }
        return sb.toString();
    }

    @Test
    void longTextsAsTheWalk() {
        Random r = new Random(20261207);
        for (Preset preset : PRESETS) {
            Pipeline p = BundledData.pipeline(preset);
            for (boolean newlines : new boolean[] {true, false}) {
                String text = longSoup(r, p, newlines, 100_000 + r.nextInt(20_000));
                assertEquals(Driver.explain(p, text, false).output(), Driver.apply(p, text), preset + " " + newlines);
            }
        }
    }

    @Test
    void noSafeCutForLong() {
        // Keys only, no punctuation: a block may hold no char outside every key.
        Random r = new Random(20261208);
        for (Preset preset : List.of(Preset.S2TWP, Preset.HK2S)) {
            Pipeline p = BundledData.pipeline(preset);
            List<String> keys = p.chain().get(0).entries().stream().map(FlatEntry::key).filter(k -> k.length() >= 2).toList();
            StringBuilder sb = new StringBuilder();
            while (sb.length() < 70_000) {
                sb.append(keys.get(r.nextInt(keys.size())));
            }
            String text = sb.toString();
            assertEquals(Driver.explain(p, text, false).output(), Driver.apply(p, text), preset.toString());
        }
    }

    @Test
    void anUnchangedLongStringIsReturnedItself() {
        Pipeline t2s = BundledData.pipeline(Preset.T2S);
        String simplified = "这是一段已经是简体的文字，里面的每个字都不必转换。\n".repeat(3000);
        assertSame(simplified, Driver.apply(t2s, simplified));
        String changed = simplified + "臺";
        assertNotSame(changed, Driver.apply(t2s, changed));
        assertEquals(simplified + "台", Driver.apply(t2s, changed));
        String changedFirst = "臺" + simplified;
        assertEquals("台" + simplified, Driver.apply(t2s, changedFirst));
    }
}
