package dev.zhnorm.lucene;

import dev.zhnorm.Converter;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.tests.analysis.BaseTokenStreamTestCase;
import org.apache.lucene.util.QueryBuilder;

import java.io.IOException;

/** {@link ZhnormAnalyzer}, and highlighting the original text through the char filter's offsets. */
public class ZhnormAnalyzerTest extends BaseTokenStreamTestCase {

    public void testTraditionalSimplifiedAndMixed() throws IOException {
        try (Analyzer a = new ZhnormAnalyzer()) {
            assertAnalyzesTo(a, "頭髮很長", new String[] {"头", "发", "很", "长"},
                    new int[] {0, 1, 2, 3}, new int[] {1, 2, 3, 4});
            assertAnalyzesTo(a, "头发很长", new String[] {"头", "发", "很", "长"},
                    new int[] {0, 1, 2, 3}, new int[] {1, 2, 3, 4});
            assertAnalyzesTo(a, "用Lucene搜尋漢字,ＧＤＰ增長２０２２", new String[] {"用", "lucene", "搜", "寻", "汉", "字",
                "gdp", "增", "长", "2022"}, new int[] {0, 1, 7, 8, 9, 10, 12, 15, 16, 17}, new int[] {1, 7, 8, 9, 10, 11, 15, 16, 17, 21});
            assertEquals("汉字", a.normalize("f", "漢字").utf8ToString());
        }
    }

    public void testRandomData() throws IOException {
        try (Analyzer a = new ZhnormAnalyzer()) {
            checkRandomData(random(), a, 300 * RANDOM_MULTIPLIER);
            checkRandomData(random(), a, 10 * RANDOM_MULTIPLIER, 8192);
            ZhnormCharFilterTest.checkChinese(a, 200);
        }
    }

    /**
     * Index Traditional text; a Simplified query and a Traditional query find the same document, and
     * UnifiedHighlighter marks the original Traditional text, with offsets in the postings and with
     * offsets from re-analysis.
     */
    public void testHighlightingReturnsTheOriginalTraditionalSnippet() throws IOException {
        String doc = "我們的頭髮很長，隨著時代變化。";
        try (Analyzer a = new ZhnormAnalyzer()) {
            for (boolean offsetsInPostings : new boolean[] {true, false}) {
                String[] simplified = highlight(a, doc, "头发", offsetsInPostings);
                String[] traditional = highlight(a, doc, "頭髮", offsetsInPostings);
                assertEquals(1, simplified.length);
                assertEquals("我們的<b>頭髮</b>很長，隨著時代變化。", simplified[0]);
                assertArrayEquals(simplified, traditional);
                assertEquals("我們的頭髮很長，<b>隨著</b>時代變化。", highlight(a, doc, "随着", offsetsInPostings)[0]);
            }
        }
    }

    /** A phrase that changes length (tw2sp: 網際網路 → 互联网) highlights the whole original phrase. */
    public void testHighlightingALengthChangingPhrase() throws IOException {
        try (Analyzer a = new ZhnormAnalyzer(Converter.of("tw2sp"))) {
            String doc = "透過網際網路查資料";
            assertEquals("透過<b>網際網路</b>查資料", highlight(a, doc, "互联网", true)[0]);
            assertEquals("透過<b>網際網路</b>查資料", highlight(a, doc, "網際網路", false)[0]);
        }
        try (Analyzer a = CustomAnalyzer.builder().addCharFilter("zhnormConvert", "preset", "s2twp")
                .withTokenizer("standard").build()) {
            assertEquals("用<b>互联网</b>查", highlight(a, "用互联网查", "網際網路", true)[0]);
        }
    }

    private static String[] highlight(Analyzer a, String text, String query, boolean offsetsInPostings)
            throws IOException {
        FieldType type = new FieldType(TextField.TYPE_STORED);
        if (offsetsInPostings) {
            type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        }
        type.freeze();
        try (Directory dir = new ByteBuffersDirectory()) {
            try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(a))) {
                Document d = new Document();
                d.add(new Field("body", text, type));
                w.addDocument(d);
                Document other = new Document();
                other.add(new Field("body", "今天天氣很好", type));
                w.addDocument(other);
            }
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                Query q = new QueryBuilder(a).createPhraseQuery("body", query);
                TopDocs hits = searcher.search(q, 10);
                assertEquals("hits for " + query, 1, hits.totalHits.value);
                return UnifiedHighlighter.builder(searcher, a).build().highlight("body", q, hits);
            }
        }
    }
}
