package dev.zhnorm.internal.document;

import dev.zhnorm.Normalizer;
import dev.zhnorm.normalize.Format;
import dev.zhnorm.normalize.Spacing;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Inline code is a word to spacing and kept as it is, in HTML ({@code <code>}, {@code <kbd>},
 * {@code <samp>}) as in Markdown (spec §9: spacing treats an inline element as a word; S6's
 * {@code 代码`code`例子 → 代码 `code` 例子}): the same sentences come out spaced alike in both.
 */
class InlineCodeSpacingTest {
    private static final List<String> SENTENCES = List.of(
            "代码`code`例子",
            "代码 `code` 例子",
            "用`npm install`安装，再用`a,b`。",
            "在`中文`里",
            "按`Ctrl`复制",
            "版本`v1.2`发布");

    @ParameterizedTest
    @EnumSource(value = Spacing.class, names = {"PANGU", "NONE", "KEEP"})
    void htmlSpacesInlineCodeAsMarkdownDoes(Spacing spacing) {
        Normalizer n = Normalizer.builder().spacing(spacing).build();
        for (String md : SENTENCES) {
            for (String tag : List.of("code", "kbd", "samp")) {
                String html = "<p>" + asHtml(md, tag) + "</p>\n";
                String expected = "<p>" + asHtml(n.normalize(md + "\n", Format.MARKDOWN).strip(), tag) + "</p>\n";
                assertEquals(expected, n.normalize(html, Format.HTML), () -> spacing + ": " + html);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = Spacing.class, names = {"PANGU", "NONE"})
    void pangusSpaceGoesOutsideTheElementAndTheCodeIsKept(Spacing spacing) {
        Normalizer n = Normalizer.builder().spacing(spacing).build();
        String html = "<p>代码<code>a,b 中,文</code>例子，<kbd><b>Ctrl</b></kbd>键</p>\n";
        String expected = spacing == Spacing.PANGU
                ? "<p>代码 <code>a,b 中,文</code> 例子，<kbd><b>Ctrl</b></kbd> 键</p>\n"
                : html;
        assertEquals(expected, n.normalize(html, Format.HTML));
    }

    /**
     * Right after the end of another inline element nothing lies between the two in the source but
     * tags: the space goes at the end of the other element, never into the code (an adversarial
     * pass found {@code <code> config.json</code>}); HTML and inline HTML in Markdown alike.
     */
    @ParameterizedTest
    @EnumSource(value = Format.class, names = {"HTML", "MARKDOWN"})
    void noSpaceGoesIntoInlineCode(Format format) {
        Normalizer n = Normalizer.builder().spacing(Spacing.PANGU).build();
        String[][] cases = {
            {"编辑<em>配置</em><code>config.json</code>即可。", "编辑<em>配置 </em><code>config.json</code> 即可。"},
            {"<i>用</i><samp>a,b</samp><i>写</i>", "<i>用 </i><samp>a,b</samp><i> 写</i>"},
            {"请点<b><i>这里</i></b><kbd>Enter</kbd>，好。", "请点<b><i>这里 </i></b><kbd>Enter</kbd>，好。"},
            {"<code>x</code><b><i>写</i></b>", "<code>x</code><b><i> 写</i></b>"},
            {"<code>a</code><code>中</code>", "<code>a</code><code>中</code>"},
        };
        for (String[] c : cases) {
            String in = format == Format.HTML ? "<p>" + c[0] + "</p>\n" : c[0] + "\n";
            String want = format == Format.HTML ? "<p>" + c[1] + "</p>\n" : c[1] + "\n";
            String out = n.normalize(in, format);
            assertEquals(want, out, in);
            assertEquals(out, n.normalize(out, format), "idempotent: " + in);
        }
    }

    /** A space between two elements on one line is a space: spacing sees it and adds no second one. */
    @ParameterizedTest
    @EnumSource(value = Spacing.class, names = {"PANGU", "KEEP"})
    void aSpaceBetweenTwoElementsIsSeen(Spacing spacing) {
        Normalizer n = Normalizer.builder().spacing(spacing).build();
        for (String kept : List.of("<p><b>好</b> <code>x</code>，好。</p>\n",
                "<p>的 <code>说</code> <a href=\"x,y\">中文的 x</a> 汉字</p>\n")) {
            assertEquals(kept, n.normalize(kept, Format.HTML));
        }
    }

    /**
     * Other blank text stays the markup's layout, never prose that S1 or S0 would rewrite: at the end
     * of the file, at the end of a block, inside an element (an adversarial pass found each rewritten).
     */
    @ParameterizedTest
    @EnumSource(value = Spacing.class, names = {"PANGU", "NONE", "KEEP"})
    void otherBlankTextIsLayout(Spacing spacing) {
        Normalizer n = Normalizer.builder().spacing(spacing).build();
        for (String kept : List.of("<html>\n<body>\n<p>中文</p>\n</body>\n</html>  ", "<p>中</p> ", "<p>中<br> ",
                "<p>你好<small>好</small> \t</p>\n", "<p>配置<b>  </b>说</p>\n")) {
            assertEquals(kept, n.normalize(kept, Format.HTML));
        }
    }

    /**
     * In Markdown the tags of inline code may sit at other depths than its text (emphasis inside it,
     * or its tags across emphasis), and a stray closing tag of another element does not end it: its
     * text stays as it is all the same (an adversarial pass found each changed).
     */
    @ParameterizedTest
    @EnumSource(value = Spacing.class, names = {"PANGU", "NONE", "KEEP"})
    void markdownInlineCodeKeepsItsTextWhateverMarkupItHolds(Spacing spacing) {
        Normalizer n = Normalizer.builder().spacing(spacing).build();
        String[][] cases = {
            {"<code>*x*</code><b><i><u>写</u></i></b>\n", "<code>*x*</code>"},
            {"*用<code>臺灣*,好.</code>寫\n", "<code>臺灣*,好.</code>"},
            {"用<code>x</kbd>中,文.</code>写\n", "<code>x</kbd>中,文.</code>"},
            {"用<code>[臺灣](u) `a,b`</code>寫\n", "<code>[臺灣](u) `a,b`</code>"},
        };
        for (String[] c : cases) {
            String out = n.normalize(c[0], Format.MARKDOWN);
            assertTrue(out.contains(c[1]), () -> spacing + ": " + c[0] + " → " + out);
            assertEquals(out, n.normalize(out, Format.MARKDOWN), "idempotent: " + c[0]);
        }
    }

    /** A no-break space beside emphasis markers is a space that makes it emphasis, as an ASCII one is. */
    @ParameterizedTest
    @EnumSource(value = Spacing.class, names = {"PANGU", "NONE", "KEEP"})
    void aNoBreakSpaceBesideMarkupIsNotDeleted(Spacing spacing) {
        Normalizer n = Normalizer.builder().spacing(spacing).build();
        String out = n.normalize("使用 _Go_\u00A0语言，这是一个很长的句子。\n", Format.MARKDOWN);
        assertTrue(out.matches("使用 _Go_[ \u00A0]语言，这是一个很长的句子。\n"), () -> spacing + ": " + out);
    }

    /** {@code `x`} → {@code <tag>x</tag>}. */
    private static String asHtml(String markdown, String tag) {
        return markdown.replaceAll("`([^`]*)`", "<" + tag + ">$1</" + tag + ">");
    }
}
