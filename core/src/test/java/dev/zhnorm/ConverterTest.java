package dev.zhnorm;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The public conversion API: presets, caching, zero-copy, appendable and streaming forms, user entries, explain. */
class ConverterTest {
    @Test
    void presetsConvertTheirDirection() {
        assertEquals("汉字转换", Converter.of("t2s").convert("漢字轉換"));
        assertEquals("漢字轉換", Converter.of("s2t").convert("汉字转换"));
        assertEquals("滑鼠", Converter.of(Preset.S2TWP).convert("鼠标"));
        assertEquals("头发", Converter.of(Preset.TW2S).convert("頭髮"));
    }

    @Test
    void everyPresetLoadsAndIsCached() {
        for (Preset p : Preset.values()) {
            Converter c = Converter.of(p);
            assertSame(c, Converter.of(p.id()));
            assertEquals(p.id(), c.name());
            assertEquals(p, c.preset().orElseThrow());
            assertEquals("", c.convert(""));
        }
    }

    @Test
    void textThatNothingChangesIsReturnedAsIs() {
        String ascii = "plain ASCII text, nothing to convert 123";
        assertSame(ascii, Converter.of("t2s").convert(ascii));
        String simplified = "这是简体";
        assertSame(simplified, Converter.of("t2s").convert(simplified));
    }

    @Test
    void appendableAndCharSequenceFormsAgree() {
        Converter c = Converter.of("s2twp");
        String in = "鼠标和软件，头发很长";
        StringBuilder sb = new StringBuilder("> ");
        c.convert(new StringBuilder(in), sb);
        assertEquals("> " + c.convert(in), sb.toString());
        StringWriter w = new StringWriter();
        c.convert(in, w);
        assertEquals(c.convert(in), w.toString());
    }

    @Test
    void userEntriesTakePrecedenceAndAreFinal() {
        Converter c = Converter.builder().preset(Preset.T2S).userEntry("乾隆", "乾隆").userEntry("頭髮", "頭發").build();
        assertEquals("乾隆年间，頭發", c.convert("乾隆年間，頭髮"));
        assertTrue(c.preset().isEmpty());
        assertEquals("t2s", c.name());
    }

    @Test
    void builderWithoutPresetBuildsT2cn() {
        assertSame(Converter.of(Preset.T2CN), Converter.builder().build());
        assertSame(Converter.of(Preset.T2CN), Converter.toSimplified());
    }

    @Test
    void explainReportsEveryReplacementWithConsistentOffsets() {
        Converter c = Converter.of(Preset.S2TWP);
        String in = "他用鼠标打开软件，头发很长。𠮷野家";
        Explanation e = c.explain(in);
        assertEquals(c.convert(in), e.output());
        StringBuilder rebuilt = new StringBuilder();
        int pos = 0;
        for (Change ch : e.changes()) {
            assertEquals(in.substring(ch.inputStart(), ch.inputEnd()), ch.before());
            assertEquals(e.output().substring(ch.outputStart(), ch.outputEnd()), ch.after());
            assertTrue(!ch.rule().isEmpty());
            rebuilt.append(in, pos, ch.inputStart()).append(ch.after());
            pos = ch.inputEnd();
        }
        rebuilt.append(in.substring(pos));
        assertEquals(e.output(), rebuilt.toString(), "applying the changes to the input gives the output");
        int last = 0;
        for (int i = 0; i <= e.output().length(); i++) {
            int o = e.offsets().toInput(i);
            assertTrue(o >= last && o <= in.length(), "monotonic at " + i);
            last = o;
        }
        assertEquals(in.length(), e.offsets().toInput(e.output().length()));
    }

    @Test
    void explainNamesTheDictionary() {
        Explanation e = Converter.of("s2twp").explain("鼠标");
        assertEquals(1, e.changes().size());
        assertTrue(e.changes().get(0).rule().contains("TWPhrases"), e.changes().get(0).rule());
        Explanation u = Converter.builder().preset(Preset.T2S).userEntry("頭髮", "頭發").build().explain("頭髮");
        assertEquals("user entries", u.changes().get(0).rule());
    }

    @Test
    void sameBehaviourUnderATurkishDefaultLocale(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws IOException {
        java.util.Locale saved = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.forLanguageTag("tr-TR"));
            // Dotted/dotless i: short_circuit must not become short_cırcuıt, nor T2CN's id anything else.
            assertEquals("short_circuit", dev.zhnorm.dict.MatchPolicy.SHORT_CIRCUIT.id());
            assertEquals(Preset.T2CN, Preset.fromId("t2cn").orElseThrow());
            java.nio.file.Files.writeString(dir.resolve("d.txt"), "I\tİ\n");
            java.nio.file.Files.writeString(dir.resolve("c.json"), "{\"conversion_chain\":[{\"dict\":{\"type\":\"group\","
                    + "\"match_policy\":\"union\",\"dicts\":[{\"type\":\"text\",\"file\":\"d.txt\"}]}}]}");
            assertEquals("İi", Converter.fromOpenccConfig(dir.resolve("c.json")).convert("Ii"));
            assertEquals("汉字", Converter.of("t2s").convert("漢字"));
        } finally {
            java.util.Locale.setDefault(saved);
        }
    }

    @Test
    void convertersAreSafeToShareBetweenThreads() throws Exception {
        Converter c = Converter.of(Preset.S2TW);
        String text = "汉字转换，头发很长，后来干杯。".repeat(200);
        String expected = c.convert(text);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                results.add(pool.submit(() -> {
                    StringWriter w = new StringWriter();
                    c.convert(new java.io.StringReader(text), w);
                    return c.convert(text) + w;
                }));
            }
            for (Future<String> f : results) {
                assertEquals(expected + expected, f.get());
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void streamingConvertsLargeInputsLikeWholeText() throws IOException {
        Converter c = Converter.of(Preset.T2S);
        String text = "頭髮很長，後來乾杯。\n".repeat(20_000);
        StringWriter w = new StringWriter();
        c.convert(new java.io.StringReader(text), w);
        assertEquals(c.convert(text), w.toString());
    }

    @Test
    void optionsThatCannotApplyToABundledPresetThrowInsteadOfBeingIgnored() {
        IllegalStateException tofu = assertThrows(IllegalStateException.class,
                () -> Converter.builder().preset(Preset.T2S).tofu(dev.zhnorm.config.TofuPolicy.EXCLUDE).build());
        assertTrue(tofu.getMessage().contains("tofu(EXCLUDE)") && tofu.getMessage().contains("t2s"), tofu.getMessage());
        IllegalStateException folder = assertThrows(IllegalStateException.class,
                () -> Converter.builder().preset(Preset.T2S).dataFolder(java.nio.file.Path.of("x")).build());
        assertTrue(folder.getMessage().contains("dataFolder"), folder.getMessage());
        assertThrows(IllegalStateException.class,
                () -> Converter.builder().tofu(dev.zhnorm.config.TofuPolicy.INCLUDE).build()); // default preset t2cn
        assertSame(Converter.of(Preset.T2S), Converter.builder().preset(Preset.T2S).build());
    }
}
