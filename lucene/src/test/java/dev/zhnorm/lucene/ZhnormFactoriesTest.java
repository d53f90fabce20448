package dev.zhnorm.lucene;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharFilterFactory;
import org.apache.lucene.analysis.TokenFilterFactory;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.tests.analysis.BaseTokenStreamTestCase;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** The SPI names, their parameters, and their errors, as CustomAnalyzer and Solr use them. */
public class ZhnormFactoriesTest extends BaseTokenStreamTestCase {

    public void testRegisteredUnderTheirSpiNames() {
        assertTrue(CharFilterFactory.availableCharFilters().contains("zhnormConvert"));
        assertTrue(CharFilterFactory.availableCharFilters().contains("zhnormNormalize"));
        assertTrue(TokenFilterFactory.availableTokenFilters().contains("zhnormConvert"));
        assertTrue(TokenFilterFactory.availableTokenFilters().contains("zhnormNormalize"));
        assertEquals(ZhnormConvertCharFilterFactory.class, CharFilterFactory.lookupClass("zhnormConvert"));
        assertEquals(ZhnormNormalizeTokenFilterFactory.class, TokenFilterFactory.lookupClass("zhnormNormalize"));
        expectThrows(UnsupportedOperationException.class, ZhnormConvertCharFilterFactory::new);
        expectThrows(UnsupportedOperationException.class, ZhnormNormalizeTokenFilterFactory::new);
    }

    public void testConvertCharFilterByName() throws IOException {
        try (Analyzer a = CustomAnalyzer.builder().addCharFilter("zhnormConvert", "preset", "tw2sp")
                .withTokenizer("standard").build()) {
            assertAnalyzesTo(a, "網際網路", new String[] {"互", "联", "网"}, new int[] {0, 1, 2}, new int[] {1, 2, 4});
            assertEquals(new BytesRef("互联网"), a.normalize("f", "網際網路"));
        }
        // The default preset is t2cn: 著 as zhe becomes 着, 著作 keeps 著.
        try (Analyzer a = CustomAnalyzer.builder().addCharFilter("zhnormConvert").withTokenizer("whitespace").build()) {
            assertAnalyzesTo(a, "隨著 著作", new String[] {"随着", "著作"});
        }
    }

    public void testNormalizeCharFilterByName() throws IOException {
        try (Analyzer a = CustomAnalyzer.builder()
                .addCharFilter("zhnormNormalize", "style", "taiwan", "numerals", "quantities-to-arabic",
                        "spacing", "keep", "indent", "strip", "preset", "none")
                .withTokenizer("whitespace").build()) {
            assertAnalyzesTo(a, "  他說\"三百二十五人\"", new String[] {"他說「325人」"}, new int[] {2}, new int[] {12});
        }
    }

    public void testTokenFiltersByName() throws IOException {
        try (Analyzer a = CustomAnalyzer.builder().withTokenizer("whitespace")
                .addTokenFilter("zhnormConvert", "preset", "s2t", "keepBoth", "true").build()) {
            assertAnalyzesTo(a, "头发 頭髮", new String[] {"头发", "頭髮", "頭髮"}, new int[] {0, 0, 3},
                    new int[] {2, 2, 5}, new int[] {1, 0, 1});
        }
        try (Analyzer a = CustomAnalyzer.builder().withTokenizer("whitespace")
                .addTokenFilter("zhnormNormalize", "numerals", "keep").build()) {
            assertAnalyzesTo(a, "２０２２年 後來", new String[] {"２０２２年", "后来"});
        }
    }

    public void testOpenccConfigPath() throws IOException {
        Path dir = createTempDir("opencc");
        Files.writeString(dir.resolve("d.txt"), "甲\t乙\n", StandardCharsets.UTF_8);
        Path config = dir.resolve("mine.json");
        Files.writeString(config, "{\"name\":\"mine\",\"conversion_chain\":[{\"dict\":{\"type\":\"text\",\"file\":\"d.txt\"}}]}",
                StandardCharsets.UTF_8);
        try (Analyzer a = CustomAnalyzer.builder().addCharFilter("zhnormConvert", "preset", config.toString())
                .withTokenizer("whitespace").build()) {
            assertAnalyzesTo(a, "甲丙", new String[] {"乙丙"});
        }
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"conversion_chain\": [", StandardCharsets.UTF_8);
        IllegalArgumentException e = expectThrows(IllegalArgumentException.class,
                () -> new ZhnormConvertCharFilterFactory(args("preset", bad.toString())));
        assertTrue(e.getMessage(), e.getMessage().startsWith("parameter 'preset': bad OpenCC config " + bad));
    }

    public void testBadParametersFailClearly() {
        assertError("parameter 'preset': unknown preset 'x2y' and no OpenCC config file at that path; valid presets: s2t, ",
                () -> new ZhnormConvertCharFilterFactory(args("preset", "x2y")));
        assertError("parameter 'preset': unknown preset 'nope.json'",
                () -> new ZhnormConvertTokenFilterFactory(args("preset", "nope.json")));
        assertError("zhnormConvert: unknown parameters [convert_type]; valid parameters: preset",
                () -> new ZhnormConvertCharFilterFactory(args("convert_type", "t2s")));
        assertError("zhnormNormalize: unknown parameters [keepBoth]; valid parameters: preset, style, numerals, spacing, indent",
                () -> new ZhnormNormalizeCharFilterFactory(args("keepBoth", "true")));
        assertError("parameter 'style': unknown value 'mainlnd'; expected one of: mainland, taiwan, hongkong",
                () -> new ZhnormNormalizeCharFilterFactory(args("style", "mainlnd")));
        assertError("parameter 'numerals': unknown value 'arabic'; expected one of: keep, width-only, "
                        + "quantities-to-arabic, arabic-to-chinese",
                () -> new ZhnormNormalizeTokenFilterFactory(args("numerals", "arabic")));
        assertError("parameter 'spacing': unknown value 'wide'; expected one of: auto, none, pangu, keep",
                () -> new ZhnormNormalizeCharFilterFactory(args("spacing", "wide")));
        assertError("parameter 'indent': unknown value 'trim'; expected one of: keep, strip",
                () -> new ZhnormNormalizeCharFilterFactory(args("indent", "trim")));
        assertError("parameter 'keepBoth': expected true or false, found 'yes'",
                () -> new ZhnormConvertTokenFilterFactory(args("keepBoth", "yes")));
        // The same through the SPI, as a Solr schema would reach it.
        assertError("parameter 'preset': unknown preset 'x2y'",
                () -> CustomAnalyzer.builder().addCharFilter("zhnormConvert", "preset", "x2y"));
    }

    public void testRandomDataThroughEveryFactory() throws IOException {
        Analyzer[] analyzers = {
            CustomAnalyzer.builder().addCharFilter("zhnormConvert", "preset", "s2twp").withTokenizer("standard").build(),
            CustomAnalyzer.builder().addCharFilter("zhnormNormalize", "spacing", "pangu").withTokenizer("standard").build(),
            CustomAnalyzer.builder().withTokenizer("whitespace").addTokenFilter("zhnormConvert", "keepBoth", "true").build(),
            CustomAnalyzer.builder().withTokenizer("whitespace").addTokenFilter("zhnormNormalize").build(),
        };
        for (Analyzer a : analyzers) {
            try (a) {
                checkRandomData(random(), a, 200 * RANDOM_MULTIPLIER);
                ZhnormCharFilterTest.checkChinese(a, 100);
            }
        }
    }

    private static void assertError(String expectedStart, ThrowingRunnable r) {
        IllegalArgumentException e = expectThrows(IllegalArgumentException.class, r);
        assertTrue("expected a message starting with: " + expectedStart + "\nbut was: " + e.getMessage(),
                e.getMessage().startsWith(expectedStart));
    }

    private static Map<String, String> args(String... kv) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }
}
