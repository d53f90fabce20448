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
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    /**
     * A phrase whose value holds a key of the same conversion (s2twp 算法 → 演算法, 虚拟机 → 虛擬機器;
     * tw2sp 奈及利亞 → 尼日利亚, whose 尼日 is Niger) would grow on every round of converting again:
     * the normalizer converts it as the converter does, and never to more. Over every key of two or
     * more chars of every preset's stages.
     */
    @Test
    void aPhraseWhoseValueHoldsAKeyDoesNotGrow() {
        assertEquals("我們用演算法和虛擬機器。",
                Normalizer.builder().conversion(Preset.S2TWP).build().normalize("我们用算法和虚拟机。"));
        Normalizer tw2sp = Normalizer.builder().conversion(Preset.TW2SP).build();
        assertEquals(Converter.of(Preset.TW2SP).convert("奈及利亞和塔吉克"), tw2sp.normalize("奈及利亞和塔吉克"));
        int grew = 0;
        for (Preset p : Preset.values()) {
            Converter converter = Converter.of(p);
            Normalizer n = Normalizer.builder().conversion(p).build();
            for (dev.zhnorm.internal.CompiledDictionary stage : dev.zhnorm.internal.BundledData.pipeline(p).chain()) {
                for (dev.zhnorm.internal.FlatEntry e : stage.entries()) {
                    String key = e.key();
                    if (key.codePointCount(0, key.length()) < 2) {
                        continue;
                    }
                    String once = converter.convert(key);
                    String normalized = n.normalize(key);
                    if (converter.convert(once).length() > once.length()) {
                        grew++;
                    }
                    assertTrue(normalized.length() <= once.length(),
                            () -> p.id() + ": " + key + " → " + once + ", normalized " + normalized);
                    if (normalized.length() < converter.convert(once).length()) {
                        // Explained, the same rounds: the explanation's output is the normalized text.
                        assertEquals(normalized, n.explain(key).output(), () -> p.id() + ", explained: " + key);
                    }
                }
            }
        }
        assertTrue(grew > 0, "no phrase of the bundled data grows when converted again: the test tests nothing");
    }

    @Test
    void userEntriesValuesAreFinalWhenConvertedAgain() {
        Converter withEntries = Converter.builder().preset("t2cn").userEntry("Taiwan", "臺灣").build();
        assertEquals("去臺灣", withEntries.convert("去Taiwan"));
        assertEquals("去臺灣", Normalizer.builder().conversion(withEntries).build().normalize("去Taiwan"));
        assertEquals("去臺灣", Normalizer.builder().conversion(withEntries).build().explain("去Taiwan").output());
        // Entries that map into each other: each value is final, whatever the number of rounds.
        Converter swap = Converter.builder().preset("s2t").userEntry("甲", "乙").userEntry("乙", "甲").build();
        Normalizer n = Normalizer.builder().conversion(swap).build();
        assertEquals("乙甲", n.normalize("甲乙"));
        assertEquals("乙甲", swap.convert("甲乙"));
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
