package dev.zhnorm.internal.document;

import dev.zhnorm.Normalizer;
import dev.zhnorm.normalize.Format;
import dev.zhnorm.normalize.Spacing;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Our own Markdown and HTML corpus ({@code corpus/}, written for these tests): every file normalized
 * as its extension says keeps its structure and every byte outside prose, keeps its lines, and a
 * second run changes nothing.
 */
class DocumentCorpusTest {
    private static final Normalizer N = Normalizer.defaults();

    static List<String> names() {
        return List.of(read("corpus-files.txt").split("\n"));
    }

    static String read(String resource) {
        try (InputStream in = DocumentCorpusTest.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String normalized(String name) {
        return N.normalize(read("corpus/" + name), name);
    }

    @TestFactory
    Stream<DynamicTest> structureKeptAndIdempotent() {
        return names().stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            String src = read("corpus/" + name);
            String out = N.normalize(src, name);
            assertEquals(DocumentSkeleton.of(src, name), DocumentSkeleton.of(out, name), "structure and markup of " + name);
            assertEquals(lineEnds(src), lineEnds(out), "lines of " + name);
            assertEquals(out, N.normalize(out, name), "second run of " + name);
        }));
    }

    @Test
    void corpusSizeAndMostFilesChange() {
        List<String> names = names();
        assertTrue(names.stream().filter(n -> n.endsWith(".md")).count() >= 30);
        assertTrue(names.stream().filter(n -> n.endsWith(".html")).count() >= 10);
        long changed = names.stream().filter(n -> !normalized(n).equals(read("corpus/" + n))).count();
        assertTrue(changed >= 38, "files changed: " + changed);
    }

    @Test
    void theIssuesExamples() {
        assertTrue(normalized("02-links.md").contains("详见[指南](docs/指南.md)。"));
        assertTrue(normalized("02-links.md").contains("[中文锚点](#中文锚点)，"));
        assertTrue(normalized("03-container-vitepress.md").startsWith("::: tip 注意\n这是一个提示，请注意。\n:::"));
        assertTrue(normalized("04-container-docusaurus.md").contains(":::tip[自定义标题]\n提示内容，很有用。"));
        assertTrue(normalized("11-hard-breaks.md").startsWith("第一行以两个空格结尾，  \n第二行以反斜杠结尾，\\\n"));
        assertTrue(normalized("11-hard-breaks.md").contains("\n  \n上面是只有空白的行。"));
        assertTrue(normalized("14-fenced-code.md").contains("// 注册(对象形式的指令)"));
        assertTrue(normalized("10-html-blocks.md").contains("<p>HTML 块里的文字,不改.</p>"));
        assertTrue(normalized("08-front-matter.md").startsWith("---\ntitle: 标题,不要改.\n"));
        assertTrue(normalized("17-emphasis.md").startsWith("**粗体**，好。*斜体*，也好。"));
        // A space beside markup stays: without it _下划线强调_ would no longer be emphasis.
        assertTrue(normalized("17-emphasis.md").contains("以及 _下划线强调_ 的文字。"));
        assertTrue(normalized("07-math.md").startsWith("行内公式$a,b \\in \\mathbb{R}$和$x^2+y^2=1$，都不变。"));
        assertTrue(normalized("12-headings-anchors.md").contains("## 配置（可选） {#config .tip}"));
        assertTrue(normalized("23-crlf.md").contains("这个文件使用 CRLF，好。\r\n"));
        assertTrue(normalized("20-traditional.md").contains("这个软体可以转换繁体中文，请参阅[说明文件](docs/說明.md)。"));
        assertTrue(normalized("h02-code.html").contains("// 注册(对象形式的指令)"));
        assertTrue(normalized("h02-code.html").contains("<p>行内代码<code>a,b</code>不改，后面的文字，改。</p>"));
        assertTrue(normalized("h01-article.html").contains("<p class=\"note, x\" data-info=\"属性,不改\">属性里的逗号不改，正文里的改。</p>"));
        assertTrue(normalized("h01-article.html").contains("<style>p { margin: 0; } /* 样式,不改 */</style>"));
        assertTrue(normalized("h06-comments.html").contains("<!-- 注释,不改. -->"));
        String xmp = "<p>正文,好.</p><xmp>代码,不改.</xmp><listing>清单,不改.</listing>\n";
        assertEquals(xmp.replace("正文,好.", "正文，好。"), N.normalize(xmp, Format.HTML));
    }

    /** A collapsed or shortcut reference finds its definition by its text: the text stays as written. */
    @Test
    void linksWhoseTextIsTheirLabelKeepIt() {
        String out = normalized("33-reference-links-traditional.md");
        assertTrue(out.contains("参见[臺灣][]与[軟體]，以及[说明][說明文件]。见[Go語言]，图![臺灣][]好。"), out);
        assertTrue(out.contains("完整形式[这个连结][說明文件]的文字可以转换"), out);
        assertTrue(out.contains("行内连结[说明](docs/說明.md)"), out);
        assertTrue(MarkdownProse.textIsLabel("[臺灣]", 0, 4));
        assertTrue(MarkdownProse.textIsLabel("![臺灣][]", 0, 7));
        assertTrue(!MarkdownProse.textIsLabel("[臺灣][a]", 0, 7));
        assertTrue(!MarkdownProse.textIsLabel("[臺灣](a)", 0, 7));
        assertTrue(MarkdownProse.textIsLabel("[a\\[b]", 0, 6), "an escaped bracket is text");
        // pangu spaces a link whose text is kept as the word it starts with, outside the brackets
        assertEquals("见 [Go語言]，好。\n\n[Go語言]: https://go.dev\n", Normalizer.builder().spacing(Spacing.PANGU).build()
                .normalize("見[Go語言],好.\n\n[Go語言]: https://go.dev\n", Format.MARKDOWN));
    }

    /** Spacing puts its space outside an inline HTML element, as it does for emphasis; void elements nest nothing. */
    @Test
    void spacesGoOutsideInlineHtml() {
        Normalizer pangu = Normalizer.builder().spacing(Spacing.PANGU).build();
        String out = pangu.normalize(read("corpus/34-inline-html-spacing.md"), Format.MARKDOWN);
        assertTrue(out.startsWith("按 <kbd>Ctrl</kbd>+<kbd>C</kbd> 复制，用 <span>Rust</span> 写，用 <b>Go</b> 部署。\n"), out);
        assertTrue(out.contains("换行<br>之后用 Go 语言，图<img src=\"a.png\" alt=\"圖,一\">后面。"), out);
        assertEquals(1, HtmlTags.nestingChange("<kbd>"));
        assertEquals(-1, HtmlTags.nestingChange("</kbd>"));
        assertEquals(0, HtmlTags.nestingChange("<br/>"));
        assertEquals(0, HtmlTags.nestingChange("<img src=\"a\">"));
        assertEquals(0, HtmlTags.nestingChange("<!-- 注 -->"));
    }

    /** GFM strikethrough is markup that context sees through, as emphasis is; a single ~ stays text. */
    @Test
    void strikethrough() {
        assertEquals("~~删除~~，好。周一~周五，好。\n", N.normalize("~~刪除~~,好.周一~周五,好.\n", Format.MARKDOWN));
        // at a line's end only the Han inside the markup is context for the comma
        assertEquals("这行删掉了~~删除~~，\n", N.normalize("這行刪掉了~~刪除~~,\n", Format.MARKDOWN));
    }

    /** Hugo's TOML front matter is kept byte for byte; a YAML opening never closed is no front matter. */
    @Test
    void frontMatterOfEveryKind() {
        assertTrue(normalized("35-toml-front-matter.md").startsWith(
                "+++\ntitle = \"標題,測試.\"\ntags = [\"臺灣\",\"軟體\"]\ndraft = false\n+++\n\n正文，好。"));
        assertTrue(normalized("36-unclosed-front-matter.md").startsWith("---\n作者：张三\n\n正文，好。"));
        assertEquals("+++\n正文，好。\n", N.normalize("+++\n正文,好.\n", Format.MARKDOWN), "never closed: prose");
        String crlf = "+++\r\ntitle = \"標題,好\"\r\n+++  \r\n正文,好.\r\n";
        assertEquals(crlf.replace("正文,好.", "正文，好。"), N.normalize(crlf, Format.MARKDOWN));
    }

    @Test
    void spacingFollowsEachDocument() {
        assertTrue(normalized("18-mixed-spacing-pangu.md").contains("用 Docker 部署。"));
        assertTrue(normalized("19-mixed-spacing-none.md").contains("用Docker部署。"));
        assertTrue(normalized("h09-spacing.html").contains("用 Docker 部署。"));
        assertEquals("format markdown, spacing pangu (auto: 16 of 18 Han-word boundaries spaced)",
                N.forDocument("18-mixed-spacing-pangu.md").describe(read("corpus/18-mixed-spacing-pangu.md")));
        // Inline markup is a word: the space goes outside the emphasis.
        assertEquals("在 **Linux** 上运行，在 **macOS** 上开发，用 Vue 写，用 Go 写，用 Redis 做，用 MySQL 存。\n",
                N.normalize("在**Linux**上运行,在 **macOS** 上开发,用 Vue 写,用 Go 写,用 Redis 做,用 MySQL 存.\n",
                        Format.MARKDOWN));
    }

    private static List<String> lineEnds(String s) {
        List<String> ends = new ArrayList<>();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\r') {
                boolean crlf = i + 1 < s.length() && s.charAt(i + 1) == '\n';
                ends.add(crlf ? "CRLF" : "CR");
                if (crlf) {
                    i++;
                }
            } else if (c == '\n') {
                ends.add("LF");
            }
        }
        return ends;
    }
}
