package dev.zhnorm.internal.normalize;

import dev.zhnorm.Converter;
import dev.zhnorm.Normalizer;
import dev.zhnorm.Preset;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * OpenCC's data has one-step chains (t2s: 薴 → 苧 → 苎, 鏇 → 镟 → 旋; tw2s: 麼 → 么 → 幺): a
 * conversion applied twice changes text again. The converters keep that (it is OpenCC's behaviour),
 * the normalizer must not: for every preset, every char whose conversion is itself convertible is
 * normalized once and for all, alone and among others.
 */
class ConversionChainIdempotenceTest {
    /** @return the BMP Han chars whose conversion by {@code c} changes again when converted */
    private static List<String> chainChars(Converter c) {
        List<String> chains = new ArrayList<>();
        for (int cp = 0x3400; cp <= 0x9FFF; cp++) {
            String s = String.valueOf((char) cp);
            String once = c.convert(s);
            if (!c.convert(once).equals(once)) {
                chains.add(s);
            }
        }
        return chains;
    }

    @Test
    void everyPresetsChainsAreNormalizedOnceAndForAll() {
        Random random = new Random(20261202L);
        for (Preset p : Preset.values()) {
            Converter converter = Converter.of(p);
            Normalizer n = Normalizer.builder().conversion(p).build();
            List<String> chains = chainChars(converter);
            StringBuilder mixed = new StringBuilder();
            for (String c : chains) {
                for (String text : List.of(c, "他說" + c + "了", c + c)) {
                    String once = n.normalize(text);
                    assertEquals(once, n.normalize(once), p.id() + ": " + text);
                }
                mixed.append(c).append("的後來萬里".charAt(random.nextInt(5)));
            }
            String once = n.normalize(mixed);
            assertEquals(once, n.normalize(once), p.id() + ", seed 20261202: " + mixed);
        }
    }

    @Test
    void theIssuesExamples() {
        Normalizer t2s = Normalizer.builder().conversion(Preset.T2S).build();
        assertEquals("苎", t2s.normalize("薴"));
        assertEquals("旋", t2s.normalize("鏇"));
        Normalizer tw2s = Normalizer.builder().conversion(Preset.TW2S).build();
        // The later stage's 么 is final: the earlier stage's 么 → 幺 does not take it for input.
        assertEquals("什么", tw2s.normalize("什麼"));
        assertEquals("什么", tw2s.normalize("什么"));
        assertEquals("苎", Normalizer.defaults().normalize("薴"));
        // The converters keep OpenCC's one step per run.
        assertEquals("苧", Converter.of(Preset.T2S).convert("薴"));
        assertEquals("什幺", Converter.of(Preset.TW2S).convert("什么"));
        assertFalse(chainChars(Converter.of(Preset.T2S)).isEmpty());
    }
}
