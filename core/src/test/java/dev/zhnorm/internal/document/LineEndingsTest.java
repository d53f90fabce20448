package dev.zhnorm.internal.document;

import dev.zhnorm.Normalizer;
import dev.zhnorm.normalize.Format;
import dev.zhnorm.normalize.Spacing;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A document normalizes the same whatever its line ends: with {@code \r\n} or a lone {@code \r}
 * (old Mac files) the output is the {@code \n} output, line end for line end. The spaces before a
 * source line's end are the markup's, not prose, under every line end.
 */
class LineEndingsTest {
    private static final List<String> HTML = List.of(
            "<p>你好 \nworld 测试 \n好的.</p>\n",
            "<p>Hello world \nthis is fine \nokay.</p>\n",
            "<p>用 Vue 写 \n用 Go 写.</p>\n",
            "<pre>a \nb</pre>\n<p>一 \n二</p>\n",
            "<div>\n  <p>甲 \n    乙,丙. \n  </p>\n</div>\n",
            "<p>臺灣,\t\n軟體.</p>\n\n<p>第二段 \n</p>");
    private static final List<String> MARKDOWN = List.of(
            "你好 \nworld 测试 \n好的.\n",
            "硬换行,  \n下一行.\n\n第二段\n",
            "<p>用 Vue 写 \n用 Go 写.</p>\n\n正文 \n");

    @ParameterizedTest
    @CsvSource({"html, auto", "html, pangu", "html, none", "markdown, auto", "markdown, pangu"})
    void crAndCrLfComeOutAsLf(String format, String spacing) {
        Format f = Format.fromId(format).orElseThrow();
        Normalizer n = Normalizer.builder().spacing(Spacing.fromId(spacing).orElseThrow()).build();
        for (String doc : f == Format.HTML ? HTML : MARKDOWN) {
            String lf = n.normalize(doc, f);
            assertEquals(lf.replace("\n", "\r\n"), n.normalize(doc.replace("\n", "\r\n"), f), () -> "CRLF: " + doc);
            assertEquals(lf.replace("\n", "\r"), n.normalize(doc.replace("\n", "\r"), f), () -> "CR: " + doc);
        }
    }
}
