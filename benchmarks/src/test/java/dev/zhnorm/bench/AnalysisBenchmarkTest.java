package dev.zhnorm.bench;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The benchmark's analyzers do what their names say, so the comparison is like for like. */
class AnalysisBenchmarkTest {
    @Test
    void conversionChainsConvertAndThePlainOneDoesNot() throws IOException {
        String text = "頭髮很長 Lucene";
        assertEquals(List.of("頭", "髮", "很", "長", "lucene"), terms("standard", text));
        assertEquals(List.of("头", "发", "很", "长", "lucene"), terms("zhnorm-charfilter", text));
        assertEquals(List.of("头", "发", "很", "长", "lucene"), terms("icu-transform", text));
        assertEquals(List.of("头", "发", "很", "长", "lucene"), terms("zhnorm-analyzer", text));
    }

    private static List<String> terms(String analyzer, String text) throws IOException {
        List<String> out = new ArrayList<>();
        try (Analyzer a = AnalysisBenchmark.analyzer(analyzer); TokenStream ts = a.tokenStream("f", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        }
        return out;
    }
}
