package dev.zhnorm.lucene;

import dev.zhnorm.Converter;
import dev.zhnorm.Normalizer;
import dev.zhnorm.TextTransform;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.miscellaneous.SetKeywordMarkerFilter;
import org.apache.lucene.tests.analysis.BaseTokenStreamTestCase;
import org.apache.lucene.tests.analysis.MockTokenizer;

import java.io.IOException;
import java.util.List;
import java.util.Set;

/** {@link ZhnormTokenFilter}: whole-token conversion, keepBoth at one position, keywords untouched. */
public class ZhnormTokenFilterTest extends BaseTokenStreamTestCase {
    private static final Converter T2S = Converter.of("t2s");

    static Analyzer analyzer(TextTransform t, boolean keepBoth) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new MockTokenizer(MockTokenizer.WHITESPACE, false);
                return new TokenStreamComponents(source, new ZhnormTokenFilter(source, t, keepBoth));
            }
        };
    }

    public void testConvertsEachToken() throws IOException {
        try (Analyzer a = analyzer(T2S, false)) {
            assertAnalyzesTo(a, "頭髮 汉字 手機 abc", new String[] {"头发", "汉字", "手机", "abc"},
                    new int[] {0, 3, 6, 9}, new int[] {2, 5, 8, 12}, new int[] {1, 1, 1, 1});
        }
    }

    /** Both forms at one position, only for tokens that change; original first, same offsets. */
    public void testKeepBoth() throws IOException {
        try (Analyzer a = analyzer(T2S, true)) {
            assertAnalyzesTo(a, "頭髮 汉字 𠁞 abc", new String[] {"頭髮", "头发", "汉字", "𠁞", "𠀾", "abc"},
                    new int[] {0, 0, 3, 6, 6, 9}, new int[] {2, 2, 5, 8, 8, 12}, new int[] {1, 0, 1, 1, 0, 1});
        }
    }

    /** A phrase inside a token converts as a phrase: s2twp turns 互联网 into 網際網路 in one token. */
    public void testPhraseInsideAToken() throws IOException {
        try (Analyzer a = analyzer(Converter.of("s2twp"), true)) {
            assertAnalyzesTo(a, "互联网", new String[] {"互联网", "網際網路"}, new int[] {0, 0}, new int[] {3, 3},
                    new int[] {1, 0});
        }
    }

    public void testKeywordsAreLeftAlone() throws IOException {
        try (Analyzer a = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new MockTokenizer(MockTokenizer.WHITESPACE, false);
                TokenStream marked = new SetKeywordMarkerFilter(source, new CharArraySet(Set.of("乾隆"), false));
                return new TokenStreamComponents(source, new ZhnormTokenFilter(marked, Converter.of("t2s"), true));
            }
        }) {
            assertAnalyzesTo(a, "乾隆 乾燥", new String[] {"乾隆", "乾燥", "干燥"}, new int[] {1, 1, 0});
        }
    }

    public void testNormalizingTokens() throws IOException {
        try (Analyzer a = analyzer(Normalizer.defaults(), false)) {
            assertAnalyzesTo(a, "２０２２年 ＧＤＰ 後來", new String[] {"2022年", "GDP", "后来"});
        }
    }

    public void testRandomData() throws IOException {
        for (TextTransform t : List.of(T2S, Converter.of("s2twp"), Normalizer.defaults())) {
            for (boolean keepBoth : new boolean[] {false, true}) {
                try (Analyzer a = analyzer(t, keepBoth)) {
                    checkRandomData(random(), a, 200 * RANDOM_MULTIPLIER);
                    ZhnormCharFilterTest.checkChinese(a, 100);
                }
            }
        }
    }
}
