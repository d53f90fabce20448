package dev.zhnorm.internal;

import dev.zhnorm.Converter;
import dev.zhnorm.Preset;
import dev.zhnorm.SharedCorpus;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Streaming gives exactly the whole-string output, for every chunk size from 1 to 64 and with
 * surrogate pairs and long keys straddling chunk edges, on every bundled preset.
 */
class ConversionStreamingTest {
    private static String sample() throws IOException {
        StringBuilder sb = new StringBuilder();
        if (SharedCorpus.isPresent()) {
            sb.append(SharedCorpus.read(SharedCorpus.ARTICLE), 0, 1500);
            sb.append(SharedCorpus.read(SharedCorpus.ZUOZHUAN_HANT), 0, 600);
            sb.append(SharedCorpus.read(SharedCorpus.ZUOZHUAN), 0, 600);
        } else {
            // Without the corpus, the repository's own text: the head of the t2cn sentence table, Traditional
            // sentences of every region beside their mainland Simplified.
            String table = resource("/dev/zhnorm/t2cn/sentences.tsv");
            sb.append(table, 0, Math.min(table.length(), 5400));
        }
        // Extension B characters, CRLF, compatibility ideographs, long phrase keys.
        sb.append("𠮷野家\r\n𪠽𫝀 第\uF9D1届 中华人民共和国 中華人民共和國 鼠标软件 一目瞭然 乾隆皇帝 著名 着力\r\n");
        return sb.toString();
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = ConversionStreamingTest.class.getResourceAsStream(name)) {
            assertNotNull(in, "resource " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void everyPresetStreamsLikeWholeTextForChunkSizes1To64() throws IOException {
        String text = sample();
        for (Preset p : Preset.values()) {
            Converter c = Converter.of(p);
            String expected = c.convert(text);
            for (int chunk = 1; chunk <= 64; chunk++) {
                StringWriter out = new StringWriter();
                c.convert(new PipelineVersusReferenceTest.ChunkedReader(text, chunk), out);
                assertEquals(expected, out.toString(), p + " chunk " + chunk);
            }
        }
    }
}
