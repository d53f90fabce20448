package dev.zhnorm.internal.document;

import dev.zhnorm.Normalizer;
import dev.zhnorm.normalize.Format;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * W2 turns full-width forms into ASCII in text; in a document, the ASCII twin of some of them is
 * markup, which normalizing prose must never write (spec §9). Found by an adversarial pass: an HTML
 * text node's {@code ＜script＞…＜/script＞} came out as a live script element, and Markdown's
 * {@code ＊重点＊} as emphasis. The same text as plain text still takes W2.
 */
class MarkupFromWidthTest {
    private final Normalizer normalizer = Normalizer.defaults();

    @Test
    void htmlTextNodesNeverGainTagsOrEntities() {
        String html = "<p>示例：＜script＞alert(1)＜/script＞和＜img src=x onerror=alert(2)＞，＆lt;好。</p>\n";
        String out = normalizer.normalize(html, Format.HTML);
        assertFalse(out.contains("<script>") || out.contains("<img") || out.contains("&lt;"), out);
        assertTrue(out.contains("＜script＞alert(1)＜/script＞") && out.contains("＆lt;"), out);
        assertEquals(out, normalizer.normalize(out, Format.HTML));
    }

    /**
     * A document read with its byte-order mark (as {@code Files.readString} gives it): the mark stays,
     * and front matter behind it is still front matter, not prose (the parser does not see it
     * behind U+FEFF). Found by the same pass; the command line strips the mark itself.
     */
    @Test
    void aByteOrderMarkStaysAndFrontMatterBehindItIsKept() {
        String md = "\uFEFF---\ntitle: 安裝,配置.\n---\n\n正文,好.\n";
        assertEquals("\uFEFF---\ntitle: 安裝,配置.\n---\n\n正文，好。\n", normalizer.normalize(md, Format.MARKDOWN));
        var explained = normalizer.explain(md, Format.MARKDOWN);
        assertEquals(normalizer.normalize(md, Format.MARKDOWN), explained.output());
        for (var c : explained.changes()) {
            assertEquals(c.before(), md.substring(c.inputStart(), c.inputEnd()));
            assertEquals(c.after(), explained.output().substring(c.outputStart(), c.outputEnd()));
        }
        assertEquals("\uFEFF<p>正文，好。</p>\n", normalizer.normalize("\uFEFF<p>正文,好.</p>\n", Format.HTML));
        String unchanged = "\uFEFF正文。\n";
        assertSame(unchanged, normalizer.normalize(unchanged, Format.MARKDOWN));
    }

    /**
     * Inline HTML in Markdown whose element holds code or raw text stays as written, as it does in an
     * HTML document: the same set of elements (found by the same pass: {@code <script>a="中,文"</script>}
     * came out with its JavaScript's quotes and comma rewritten). Prose around it is normalized.
     */
    @Test
    void codeAndRawTextElementsInsideMarkdownAreKept() {
        String md = "行内<code>print(中文,好)</code>和<kbd>確定,好</kbd>,再<script>a=\"中,文\"</script>.\n";
        String out = normalizer.normalize(md, Format.MARKDOWN);
        assertTrue(out.contains("<code>print(中文,好)</code>") && out.contains("<kbd>確定,好</kbd>")
                && out.contains("<script>a=\"中,文\"</script>"), out);
        assertTrue(out.startsWith("行内") && out.contains("，再"), out);
        String html = "<p>行内<code>print(中文,好)</code>和<kbd>確定,好</kbd>,再<iframe>中,文</iframe>.</p>\n";
        String h = normalizer.normalize(html, Format.HTML);
        assertTrue(h.contains("<code>print(中文,好)</code>") && h.contains("<kbd>確定,好</kbd>")
                && h.contains("<iframe>中,文</iframe>"), h);
        assertEquals(out, normalizer.normalize(out, Format.MARKDOWN));
    }

    @Test
    void markdownProseNeverGainsSyntax() {
        String[][] cases = {
            {"这是＊重点＊内容。\n", "＊重点＊"},
            {"运行｀ls｀命令。\n", "｀ls｀"},
            {"用＜ｂ＞粗体＜/ｂ＞写。\n", "＜"},
            {"见＜https://example.com＞。\n", "＜https"},
            {"＃ 标题\n", "＃"},
            {"＞ 引用的话\n", "＞"},
            {"第一行\n＝＝＝\n", "＝＝＝"},
            {"＊＊＊\n", "＊＊＊"},
            {"－ 项目\n", "－"},
            {"行尾＼\n下一行\n", "＼"},
            {"价格＄５＄元。\n", "＄"},
            {"| 甲 | 乙 |\n|---|---|\n| 是｜否 | 好 |\n", "是｜否"},
            {"使用＿变量＿名。\n", "＿变量＿"},
        };
        for (String[] c : cases) {
            String out = normalizer.normalize(c[0], Format.MARKDOWN);
            assertTrue(out.contains(c[1]), () -> c[0] + " → " + out);
            assertEquals(out, normalizer.normalize(out, Format.MARKDOWN), c[0]);
        }
        // As plain text, W2 applies.
        assertEquals("这是*重点*内容。", normalizer.normalize("这是＊重点＊内容。"));
    }
}
