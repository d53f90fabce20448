package dev.zhnorm.internal.document;

import dev.zhnorm.Normalizer;
import dev.zhnorm.normalize.Format;
import dev.zhnorm.normalize.Spacing;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Random Markdown documents built from the constructs of spec §9 (with prose that every rule
 * wants to change) keep their structure and every byte outside prose, and normalizing twice changes
 * nothing. Seeds are fixed so that a failure reproduces.
 */
class MarkdownPropertiesTest {
    private static final List<String> PROSE = List.of("你好,世界.", "使用 Vue 的组件", "用Go写后端", "他说\"好\"",
            "走吧...", "(责编:马俊华)", "增长5%,创新高", "C++的程序", "見[指南](docs/指南.md),好", "**粗体**,好",
            "_强调_ 的文字", "`code`例子", "$a,b$和", "繁體中文,測試", "　　缩进,好", "ＧＤＰ增长", "我们 今天出发.",
            "<b>粗体</b>,好", "脚注[^1],好", "<https://x.cn/a,b>,好", "\\*不是强调\\*,好", "English text, here.",
            "見[臺灣][]與[軟體],好", "[說明][臺灣]的文字", "用<kbd>Ctrl</kbd>複製", "換行<br>之後用Go");
    private static final List<String> BLOCKS = List.of(
            "# %s {#锚点}", "## %s", "%s\n%s", "%s  \n%s", "%s\\\n%s", "> %s\n> %s", "- %s\n- %s\n  - %s",
            "1. %s\n2. %s", "| 列,一 | %s |\n|---|:-:|\n| %s | `a,b` |", "::: tip %s\n%s\n:::", ":::note[%s]\n%s\n:::",
            "```js\n// 注册(%s)\n```", "~~~\n%s\n~~~", "    缩进代码,%s", "<div>\n%s\n</div>", "<!-- %s -->",
            "$$\nx,%s\n$$", "[ref]: https://x.cn/%s \"标题,%s\"", "[^1]: %s", "***", "  \t", "- %s\n\n  ```\n  %s\n  ```",
            "![%s](img/图,1.png \"%s\")", "%s\n===", "%s\n---", "[臺灣]: https://a.tw/%s", "[軟體]: ./軟體.md");

    @Provide
    Arbitrary<String> document() {
        Arbitrary<String> block = Arbitraries.of(BLOCKS).flatMap(b -> Arbitraries.of(PROSE).list().ofSize(3)
                .map(p -> String.format(b, p.get(0), p.get(1), p.get(2))));
        Arbitrary<String> sep = Arbitraries.of("\n\n", "\n", "\r\n\r\n", "\n\n\n");
        return block.list().ofMinSize(1).ofMaxSize(8).flatMap(bs -> sep.list().ofSize(bs.size()).map(ss -> {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < bs.size(); i++) {
                sb.append(bs.get(i)).append(ss.get(i));
            }
            return "---\ntitle: 标题,不改\n---\n\n" + sb;
        }));
    }

    @Provide
    Arbitrary<Normalizer> normalizer() {
        return Arbitraries.of(Spacing.values()).map(s -> Normalizer.builder().spacing(s).format(Format.MARKDOWN).build());
    }

    @Property(tries = 400, seed = "20261202")
    void structureIsAlwaysKept(@ForAll("document") String doc, @ForAll("normalizer") Normalizer n) {
        String out = n.normalize(doc);
        assertEquals(DocumentSkeleton.markdown(doc), DocumentSkeleton.markdown(out), doc);
        assertEquals(doc.chars().filter(c -> c == '\n').count(), out.chars().filter(c -> c == '\n').count());
    }

    @Property(tries = 300, seed = "20261203")
    void idempotent(@ForAll("document") String doc, @ForAll("normalizer") Normalizer n) {
        String once = n.normalize(doc);
        assertEquals(once, n.normalize(once), doc);
    }

    @Property(tries = 200, seed = "20261204")
    void explainReplaysToTheOutput(@ForAll("document") String doc) {
        var e = Normalizer.defaults().explain(doc, Format.MARKDOWN);
        assertEquals(Normalizer.defaults().normalize(doc, Format.MARKDOWN), e.output());
        StringBuilder replay = new StringBuilder();
        int pos = 0;
        for (var c : e.changes()) {
            replay.append(doc, pos, c.inputStart()).append(c.after());
            pos = c.inputEnd();
        }
        assertEquals(e.output(), replay.append(doc.substring(pos)).toString());
    }
}
