package dev.zhnorm.lucene;

import dev.zhnorm.Converter;
import dev.zhnorm.Explanation;
import dev.zhnorm.Normalizer;
import dev.zhnorm.OffsetMap;
import dev.zhnorm.Preset;
import dev.zhnorm.TextTransform;
import dev.zhnorm.normalize.Numerals;
import dev.zhnorm.normalize.Spacing;
import dev.zhnorm.normalize.Style;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.tests.analysis.BaseTokenStreamTestCase;
import org.apache.lucene.tests.analysis.MockTokenizer;
import org.apache.lucene.tests.util.TestUtil;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/** Exact tokens and offsets through {@link ZhnormCharFilter}, and its offsets against the transform's own map. */
public class ZhnormCharFilterTest extends BaseTokenStreamTestCase {
    private static final Converter T2S = Converter.of("t2s");

    /** The char filter, then a whitespace tokenizer (whole words keep multi-char phrases together). */
    static Analyzer whitespace(TextTransform transform) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                return new TokenStreamComponents(new MockTokenizer(MockTokenizer.WHITESPACE, false));
            }

            @Override
            protected Reader initReader(String field, Reader reader) {
                return new ZhnormCharFilter(reader, transform);
            }
        };
    }

    /** The char filter, then StandardTokenizer (one token per Han character). */
    static Analyzer standard(TextTransform transform) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer t = new StandardTokenizer();
                return new TokenStreamComponents(t);
            }

            @Override
            protected Reader initReader(String field, Reader reader) {
                return new ZhnormCharFilter(reader, transform);
            }
        };
    }

    public void testTraditionalBecomesSimplifiedWithOriginalOffsets() throws IOException {
        try (Analyzer a = whitespace(T2S)) {
            assertAnalyzesTo(a, "頭髮 很長", new String[] {"头发", "很长"}, new int[] {0, 3}, new int[] {2, 5});
        }
        try (Analyzer a = standard(T2S)) {
            assertAnalyzesTo(a, "頭髮很長", new String[] {"头", "发", "很", "长"},
                    new int[] {0, 1, 2, 3}, new int[] {1, 2, 3, 4});
        }
    }

    public void testSimplifiedPassesThrough() throws IOException {
        try (Analyzer a = whitespace(T2S)) {
            assertAnalyzesTo(a, "头发 很长", new String[] {"头发", "很长"}, new int[] {0, 3}, new int[] {2, 5});
        }
    }

    public void testMixedScripts() throws IOException {
        try (Analyzer a = whitespace(T2S)) {
            assertAnalyzesTo(a, "漢字 汉字 Lucene 後來", new String[] {"汉字", "汉字", "Lucene", "后来"},
                    new int[] {0, 3, 6, 13}, new int[] {2, 5, 12, 15});
        }
    }

    /** s2twp: 互联网 (3 chars) becomes 網際網路 (4), 主板 (2) becomes 主機板 (3). */
    public void testPhrasesThatGrow() throws IOException {
        Converter s2twp = Converter.of("s2twp");
        try (Analyzer a = whitespace(s2twp)) {
            assertAnalyzesTo(a, "互联网 主板", new String[] {"網際網路", "主機板"}, new int[] {0, 4}, new int[] {3, 6});
        }
        // Inside a grown phrase, output chars past the input's length map to the input phrase's end.
        try (Analyzer a = standard(s2twp)) {
            assertAnalyzesTo(a, "互联网好", new String[] {"網", "際", "網", "路", "好"},
                    new int[] {0, 1, 2, 3, 3}, new int[] {1, 2, 3, 3, 4});
        }
    }

    /** tw2sp: 網際網路 (4 chars) becomes 互联网 (3). */
    public void testPhrasesThatShrink() throws IOException {
        Converter tw2sp = Converter.of("tw2sp");
        try (Analyzer a = whitespace(tw2sp)) {
            assertAnalyzesTo(a, "上網際網路 查", new String[] {"上互联网", "查"}, new int[] {0, 6}, new int[] {5, 7});
        }
        try (Analyzer a = standard(tw2sp)) {
            assertAnalyzesTo(a, "網際網路好", new String[] {"互", "联", "网", "好"},
                    new int[] {0, 1, 2, 4}, new int[] {1, 2, 4, 5});
        }
    }

    /** Extension B and beyond: 𠁞 → 𠀾 (a pair to a pair), 㑮 → 𫝈 (one char to a pair). */
    public void testSurrogatePairs() throws IOException {
        try (Analyzer a = whitespace(T2S)) {
            assertAnalyzesTo(a, "𠁞字 漢𠁞 㑮a b", new String[] {"𠀾字", "汉𠀾", "𫝈a", "b"},
                    new int[] {0, 4, 8, 11}, new int[] {3, 7, 10, 12});
        }
    }

    /** Normalization changes lengths too: pangu spacing inserts, an ellipsis of dots shrinks. */
    public void testNormalization() throws IOException {
        Normalizer pangu = Normalizer.builder().spacing(Spacing.PANGU).build();
        try (Analyzer a = whitespace(pangu)) {
            assertAnalyzesTo(a, "使用Python編寫", new String[] {"使用", "Python", "编写"},
                    new int[] {0, 2, 8}, new int[] {2, 8, 10});
        }
        try (Analyzer a = whitespace(Normalizer.defaults())) {
            assertAnalyzesTo(a, "走吧...\n來源:人民網", new String[] {"走吧……", "来源：人民网"},
                    new int[] {0, 6}, new int[] {5, 12});
        }
    }

    /**
     * The filter's offsets are the transform's offsets: for random lines of Traditional, Simplified,
     * length-changing phrases, surrogate pairs and punctuation, read in random pieces, the output
     * equals {@code apply} of the whole text and every output offset corrects to what
     * {@code explain(whole).offsets()} gives.
     */
    public void testOffsetsEqualTheTransformsOwnMap() throws IOException {
        List<TextTransform> transforms = List.of(T2S, Converter.of("s2twp"), Converter.of("tw2sp"),
                Converter.of("t2cn"), Normalizer.defaults(), Normalizer.builder().spacing(Spacing.PANGU).build());
        Random random = random();
        int rounds = atLeast(150);
        for (int round = 0; round < rounds; round++) {
            TextTransform t = transforms.get(random.nextInt(transforms.size()));
            // Sometimes mostly unchanged lines, so that changed lines are explained one by one.
            String text = ChineseText.random(random, 1 + random.nextInt(16), 60, random.nextBoolean() ? 0.9 : 0);
            int piece = 1 + random.nextInt(random.nextBoolean() ? 40 : 400);
            ZhnormCharFilter filter = new ZhnormCharFilter(new StringReader(text), t, piece);
            String out = readAll(filter, random);
            String context = t.name() + ", piece " + piece + ": " + visible(text);
            assertEquals(context, t.apply(text), out);
            Explanation whole = t.explain(text);
            for (int i = 0; i <= out.length(); i++) {
                assertEquals(context + " at output offset " + i, whole.offsets().toInput(i), filter.correctOffset(i));
            }
        }
    }

    /**
     * Every preset and several normalizer profiles (pangu inserts, ellipses shrink, numerals and
     * quotes change): the filter's corrected offsets, from the transforms' length-changing edits,
     * equal {@code explain(whole).offsets()} at every output offset, read in random pieces.
     */
    public void testOffsetsEqualExplainForEveryPresetAndProfile() throws IOException {
        List<TextTransform> transforms = new ArrayList<>();
        for (Preset p : Preset.values()) {
            transforms.add(Converter.of(p));
        }
        transforms.add(Converter.builder().preset(Preset.S2TWP).userEntry("互联网", "因特网").userEntry("漢字", "漢字字").build());
        transforms.add(Normalizer.builder().spacing(Spacing.NONE).numerals(Numerals.QUANTITIES_TO_ARABIC).build());
        transforms.add(Normalizer.builder().spacing(Spacing.KEEP).numerals(Numerals.ARABIC_TO_CHINESE).build());
        transforms.add(Normalizer.builder().conversion(Preset.S2TWP).style(Style.TAIWAN).build());
        Random random = random();
        for (TextTransform t : transforms) {
            for (int round = 0; round < atLeast(5); round++) {
                String text = ChineseText.random(random, 1 + random.nextInt(12), 80);
                int piece = 1 + random.nextInt(200);
                assertOffsetsEqualExplain(t, text, new ZhnormCharFilter(new StringReader(text), t, piece));
            }
        }
    }

    /** 左传 through the filter in pieces of the default size: t2cn, tw2sp and the default normalizer, s2twp on the Simplified edition. */
    public void testZuozhuanOffsetsEqualExplain() throws IOException {
        Optional<String> hant = SharedCorpus.read(SharedCorpus.ZUOZHUAN_HANT);
        assumeTrue(SharedCorpus.ABSENT, hant.isPresent());
        for (TextTransform t : List.of(Converter.of("t2cn"), Converter.of("tw2sp"), Normalizer.defaults())) {
            assertOffsetsEqualExplain(t, hant.get(), new ZhnormCharFilter(new StringReader(hant.get()), t));
        }
        String hans = SharedCorpus.read(SharedCorpus.ZUOZHUAN).orElseThrow();
        Converter s2twp = Converter.of("s2twp");
        assertOffsetsEqualExplain(s2twp, hans, new ZhnormCharFilter(new StringReader(hans), s2twp));
    }

    private static void assertOffsetsEqualExplain(TextTransform t, String text, ZhnormCharFilter filter) throws IOException {
        String out = readAll(filter, random());
        String context = t.name() + ", " + text.length() + " chars";
        assertEquals(context, t.apply(text), out);
        OffsetMap whole = t.explain(text).offsets();
        for (int i = 0; i <= out.length(); i++) {
            int expected = whole.toInput(i);
            if (expected != filter.correctOffset(i)) {
                fail(context + " at output offset " + i + ": expected " + expected + ", corrected " + filter.correctOffset(i));
            }
        }
        // The filter searches from its last answer: offsets asked out of order must come out the same.
        Random random = random();
        for (int k = 0; k < 2000; k++) {
            int i = random.nextInt(out.length() + 1);
            if (random.nextBoolean()) {
                i = Math.max(0, Math.min(out.length(), i + random.nextInt(64) - 32));
            }
            assertEquals(context + " at output offset " + i + ", asked out of order", whole.toInput(i), filter.correctOffset(i));
        }
    }

    /** Long texts with sparse edits, in pieces of the default size. */
    public void testSparseEditsInLongTextsAreNarrowedExactly() throws IOException {
        List<TextTransform> transforms = List.of(T2S, Converter.of("s2twp"), Normalizer.defaults());
        Random random = random();
        for (int round = 0; round < atLeast(20); round++) {
            TextTransform t = transforms.get(random.nextInt(transforms.size()));
            String text = ChineseText.random(random, 100 + random.nextInt(400), 60, 0.8 + 0.2 * random.nextDouble());
            ZhnormCharFilter filter = new ZhnormCharFilter(new StringReader(text), t);
            String out = readAll(filter, random);
            assertEquals(t.apply(text), out);
            Explanation whole = t.explain(text);
            for (int i = 0; i <= out.length(); i++) {
                assertEquals(t.name() + " at output offset " + i, whole.offsets().toInput(i), filter.correctOffset(i));
            }
        }
    }

    /** Tiny reads, between the halves of surrogate pairs too: the whole text's output and offsets. */
    public void testTinyReadsGiveTheWholeTextsOffsets() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            sb.append(i % 7 == 0 ? "頭髮很長 " : "𠁞");
        }
        String text = sb.toString();
        ZhnormCharFilter filter = new ZhnormCharFilter(new StringReader(text), T2S, 8);
        String out = readAll(filter, random());
        assertEquals(T2S.apply(text), out);
        Explanation whole = T2S.explain(text);
        for (int i = 0; i <= out.length(); i++) {
            assertEquals("offset " + i, whole.offsets().toInput(i), filter.correctOffset(i));
        }
        String pairs = "𠁞".repeat(100);
        assertEquals("𠀾".repeat(100), readAll(new ZhnormCharFilter(new StringReader(pairs), T2S, 3), random()));
    }

    /** A fenced code block stays verbatim under normalization, also when it arrives in reads of three chars. */
    public void testFencedCodeUnderNormalization() throws IOException {
        String text = "漢字,測試\n```\n漢字,測試\n```\n漢字,測試\n~~~\nx,y\n";
        Normalizer n = Normalizer.defaults();
        ZhnormCharFilter filter = new ZhnormCharFilter(new StringReader(text), n, 3);
        String out = readAll(filter, random());
        assertEquals("汉字，测试\n```\n漢字,測試\n```\n汉字，测试\n~~~\nx,y\n", out);
        assertEquals(n.apply(text), out);
        Explanation whole = n.explain(text);
        for (int i = 0; i <= out.length(); i++) {
            assertEquals("offset " + i, whole.offsets().toInput(i), filter.correctOffset(i));
        }
    }

    public void testEmptyInput() throws IOException {
        try (Analyzer a = whitespace(T2S)) {
            assertAnalyzesTo(a, "", new String[0]);
        }
        assertEquals(-1, new ZhnormCharFilter(new StringReader(""), T2S).read(new char[4], 0, 4));
    }

    public void testRandomDataConversion() throws IOException {
        for (TextTransform t : List.of(T2S, Converter.of("s2twp"), Converter.of("t2cn"))) {
            try (Analyzer a = whitespace(t)) {
                checkRandomData(random(), a, 300 * RANDOM_MULTIPLIER);
                checkRandomData(random(), a, 10 * RANDOM_MULTIPLIER, 8192);
                checkChinese(a, 200);
            }
        }
    }

    public void testRandomDataNormalization() throws IOException {
        for (TextTransform t : List.of(Normalizer.defaults(), Normalizer.builder().spacing(Spacing.PANGU).build())) {
            try (Analyzer a = standard(t)) {
                checkRandomData(random(), a, 300 * RANDOM_MULTIPLIER);
                checkRandomData(random(), a, 10 * RANDOM_MULTIPLIER, 8192);
                checkChinese(a, 200);
            }
        }
    }

    /** Small pieces: random text through the cuts, with Lucene's consistency checks. */
    public void testRandomDataSmallPieces() throws IOException {
        int piece = TestUtil.nextInt(random(), 1, 50);
        try (Analyzer a = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                return new TokenStreamComponents(new StandardTokenizer());
            }

            @Override
            protected Reader initReader(String field, Reader reader) {
                return new ZhnormCharFilter(reader, Converter.of("s2twp"), piece);
            }
        }) {
            checkRandomData(random(), a, 200 * RANDOM_MULTIPLIER, 1024);
            checkChinese(a, 200);
        }
    }

    /** Lucene's consistency check (offsets, positions, reuse) on Chinese-heavy random text. */
    static void checkChinese(Analyzer a, int iterations) throws IOException {
        Random random = random();
        for (int i = 0; i < iterations; i++) {
            checkAnalysisConsistency(random, a, random.nextBoolean(), ChineseText.random(random, 1 + random.nextInt(5), 80));
        }
    }

    private static String readAll(Reader r, Random random) throws IOException {
        StringBuilder sb = new StringBuilder();
        char[] buf = new char[64];
        int n;
        while ((n = r.read(buf, 0, 1 + random.nextInt(buf.length))) >= 0) {
            sb.append(buf, 0, n);
        }
        return sb.toString();
    }

    private static String visible(String s) {
        return s.replace("\n", "\\n").replace("\r", "\\r");
    }
}
