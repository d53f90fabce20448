package dev.zhnorm.internal;

import dev.zhnorm.Converter;
import dev.zhnorm.Preset;
import dev.zhnorm.SharedCorpus;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Streaming gives exactly the whole-string output, for every chunk size from 1 to 64 and with
 * surrogate pairs and long keys straddling chunk edges, on every bundled preset.
 */
class ConversionStreamingTest {
    private static String sample() throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append(SharedCorpus.read(SharedCorpus.ARTICLE), 0, 1500);
        sb.append(SharedCorpus.read(SharedCorpus.ZUOZHUAN_HANT), 0, 600);
        sb.append(SharedCorpus.read(SharedCorpus.ZUOZHUAN), 0, 600);
        // Extension B characters, CRLF, compatibility ideographs, long phrase keys.
        sb.append("𠮷野家\r\n𪠽𫝀 第\uF9D1届 中华人民共和国 中華人民共和國 鼠标软件 一目瞭然 乾隆皇帝 著名 着力\r\n");
        return sb.toString();
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
