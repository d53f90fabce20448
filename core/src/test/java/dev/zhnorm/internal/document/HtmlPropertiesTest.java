package dev.zhnorm.internal.document;

import dev.zhnorm.Normalizer;
import dev.zhnorm.normalize.Format;
import dev.zhnorm.normalize.Spacing;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.DocumentType;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Random HTML pages built from the constructs of spec §9 (block and inline elements, line breaks,
 * images, blocks nested in the text of a block, links whose attributes hold Chinese and ASCII
 * punctuation in both quote styles, code, script, style, comments, entities) with prose in Traditional Chinese and ASCII punctuation, which every profile
 * wants to change: parsed again by jsoup, the page has the same tree (every tag, attribute,
 * comment and the text of pre, code, script and style) and only its prose text differs; a second
 * run changes nothing. Seeds are fixed so that a failure reproduces.
 */
class HtmlPropertiesTest {
    /** Elements whose text is not prose (HtmlProse's list, restated here independently). */
    private static final Set<String> VERBATIM = Set.of("pre", "code", "kbd", "samp", "script", "style", "textarea",
            "template", "svg", "math");

    private static final List<String> PROSE = List.of("臺灣,你好.", "軟體(測試)版本", "他說:\"好\"", "使用Vue的組件",
            "增長5%,創新高", "English text, here.", "資料庫;記憶體!", "網路?是的", "走吧...", "ＧＤＰ增長", "我們 今天出發.",
            "(責編:馬俊華)", "C++的程式", "這是'引號'", "第1章,開始");
    private static final List<String> ENTITIES = List.of("&amp;", "&lt;", "&gt;", "&quot;", "&nbsp;", "&#x4E2D;",
            "&#20013;", "&copy;");
    private static final List<String> ATTRIBUTE_VALUES = List.of("docs/指南.html?a=1,b=2", "標題,說明.", "a\"b", "中文(括號)",
            "https://x.cn/路徑;參數", "說:好!");

    @Provide
    Arbitrary<String> page() {
        Arbitrary<String> block = Arbitraries.lazyOf(
                () -> inline(2).map(s -> "<p>" + s + "</p>"),
                () -> Arbitraries.integers().between(1, 3).flatMap(h -> inline(1).map(s -> "<h" + h + ">" + s + "</h" + h + ">")),
                () -> inline(1).list().ofMinSize(1).ofMaxSize(3).map(items -> list("ul", items)),
                () -> inline(1).list().ofMinSize(1).ofMaxSize(3).map(items -> list("ol", items)),
                () -> inline(1).list().ofSize(4).map(HtmlPropertiesTest::table),
                () -> prose().map(s -> "<pre><code class=\"language-js\">// 註冊(" + s + ")\nlet a = [1,2];</code></pre>"),
                () -> prose().map(s -> "<script>var s = \"" + s + "\"; if (a<b) { f(1,2); }</script>"),
                () -> prose().map(s -> "<style>p::before { content: \"" + s + "\"; }</style>"),
                () -> prose().map(s -> "<!-- " + s + " -->"),
                () -> inline(2).map(s -> "<div class='box' data-note=\"說明,一\">\n  " + s + "\n</div>"),
                () -> inline(1).map(s -> "<blockquote>" + s + "<br>" + s + "</blockquote>"),
                () -> inline(1).list().ofSize(3).map(s -> "<div>" + s.get(0) + "<p>" + s.get(1) + "</p>" + s.get(2) + "</div>"));
        return block.list().ofMinSize(1).ofMaxSize(6).map(blocks -> "<!DOCTYPE html>\n<html lang=\"zh-Hant\">\n"
                + "<head><meta charset=\"utf-8\"><title>標題,測試.</title></head>\n<body>\n"
                + String.join("\n", blocks) + "\n</body>\n</html>\n");
    }

    private Arbitrary<String> prose() {
        return Arbitraries.of(PROSE);
    }

    /** Prose with inline elements nested up to {@code depth} deep. */
    private Arbitrary<String> inline(int depth) {
        Arbitrary<String> leaf = Arbitraries.oneOf(prose(), prose(),
                Arbitraries.of(ENTITIES).flatMap(e -> prose().map(p -> p + e + p)),
                prose().map(p -> p + "<code>a,b</code>" + p),
                prose().map(p -> p + "<!--註解,一-->" + p),
                prose().map(p -> p + "<br>" + p),
                prose().map(p -> p + "<img src=\"a.png\" alt=\"圖,一\">" + p));
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<String> inner = inline(depth - 1);
        Arbitrary<String> element = Arbitraries.oneOf(
                inner.map(s -> "<b>" + s + "</b>"),
                inner.map(s -> "<i>" + s + "</i>"),
                inner.map(s -> "<span class='x,y' title=\"說明.\">" + s + "</span>"),
                Arbitraries.of(ATTRIBUTE_VALUES).list().ofSize(2).flatMap(v -> inner.map(s -> link(v, s))));
        return Arbitraries.oneOf(leaf, element, element).list().ofMinSize(1).ofMaxSize(3).map(parts -> String.join("", parts));
    }

    /** A link with its title in single quotes when it holds a double quote, else in double quotes. */
    private static String link(List<String> values, String text) {
        String href = values.get(0).replace("\"", "&quot;");
        String title = values.get(1);
        String quoted = title.contains("\"") ? "'" + title + "'" : "\"" + title + "\"";
        return "<a href=\"" + href + "\" title=" + quoted + ">" + text + "</a>";
    }

    private static String list(String tag, List<String> items) {
        StringBuilder sb = new StringBuilder("<" + tag + ">\n");
        for (String item : items) {
            sb.append("  <li>").append(item).append("</li>\n");
        }
        return sb.append("</" + tag + ">").toString();
    }

    private static String table(List<String> cells) {
        return "<table>\n<tr><th>" + cells.get(0) + "</th><th title='列,一'>" + cells.get(1) + "</th></tr>\n<tr><td>"
                + cells.get(2) + "</td><td>" + cells.get(3) + "</td></tr>\n</table>";
    }

    @Provide
    Arbitrary<Normalizer> normalizer() {
        return Arbitraries.of(Spacing.values()).map(s -> Normalizer.builder().spacing(s).format(Format.HTML).build());
    }

    @Property(tries = 300, seed = "20261205")
    void structureIsAlwaysKept(@ForAll("page") String page, @ForAll("normalizer") Normalizer n) {
        String out = n.normalize(page);
        assertEquals(structure(page), structure(out), page);
        // Every page has prose to change (its title at least): a check that saw no change would prove nothing.
        Statistics.label("prose changed").collect(!out.equals(page));
        Statistics.label("prose changed").coverage(c -> c.check(true).percentage(p -> p == 100.0));
    }

    @Property(tries = 200, seed = "20261206")
    void idempotent(@ForAll("page") String page, @ForAll("normalizer") Normalizer n) {
        String once = n.normalize(page);
        assertEquals(once, n.normalize(once), page);
        assertEquals(-1, once.indexOf('\uFFFC'), "the object char of an <img> stays inside the engine");
    }

    /** The check itself can fail: prose changes, and a changed attribute or code text is seen. */
    @Example
    void structureSeesMarkupButNotProse() {
        String page = "<p title=\"說明,一\">臺灣,你好.<code>a,b</code></p>";
        String out = Normalizer.defaults().normalize(page, Format.HTML);
        assertNotEquals(page, out);
        assertEquals(structure(page), structure(out));
        assertNotEquals(structure(page), structure(page.replace("說明,一", "说明，一")));
        assertNotEquals(structure(page), structure(page.replace("a,b", "a，b")));
        assertNotEquals(structure(page), structure(page.replace("<code>", "<kbd>").replace("</code>", "</kbd>")));
    }

    /**
     * The page as jsoup parses it, with the text of every prose node replaced by {@code #}: tags,
     * attributes (decoded values, in order), comments, the doctype, whitespace between tags and the
     * text under pre, code, script and style stay as they are.
     */
    static String structure(String html) {
        StringBuilder sb = new StringBuilder();
        walk(Jsoup.parse(html), false, sb);
        return sb.toString();
    }

    private static void walk(Node node, boolean verbatim, StringBuilder sb) {
        for (Node child : node.childNodes()) {
            if (child instanceof Element e) {
                sb.append('<').append(e.normalName());
                for (Attribute a : e.attributes()) {
                    sb.append(' ').append(a.getKey()).append("=⟨").append(a.getValue()).append('⟩');
                }
                sb.append('>');
                walk(e, verbatim || VERBATIM.contains(e.normalName()), sb);
                sb.append("</").append(e.normalName()).append('>');
            } else if (child instanceof TextNode t) {
                sb.append(verbatim || t.isBlank() ? "⟦" + t.getWholeText() + "⟧" : "#");
            } else if (child instanceof DataNode d) {
                sb.append("⟦").append(d.getWholeData()).append('⟧');
            } else if (child instanceof Comment c) {
                sb.append("<!--").append(c.getData()).append("-->");
            } else if (child instanceof DocumentType d) {
                sb.append(d.outerHtml());
            } else {
                sb.append('?').append(child.nodeName());
            }
        }
    }
}
