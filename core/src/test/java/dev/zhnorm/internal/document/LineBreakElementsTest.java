package dev.zhnorm.internal.document;

import dev.zhnorm.Normalizer;
import dev.zhnorm.normalize.Format;
import dev.zhnorm.normalize.Spacing;
import dev.zhnorm.normalize.SpacingDecision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Spec §0 reads context on the same line and §9 sees through inline markup only: a line break
 * ({@code <br>}), a block boundary ({@code <p>}, {@code <li>}, {@code <hr>}) or an object of the line
 * ({@code <img>}, {@code <input>}) separates the text on its two sides, so spacing neither adds nor
 * removes a space across it, in an HTML document and as inline HTML in Markdown alike. Inline
 * elements with text ({@code <b>}, {@code <ins>}) stay words.
 */
class LineBreakElementsTest {
    private static final Normalizer PANGU = Normalizer.builder().spacing(Spacing.PANGU).build();
    private static final Normalizer NONE = Normalizer.builder().spacing(Spacing.NONE).build();

    /** Documents that no spacing may change: a boundary across each of them is no boundary. */
    private static final String[] HTML_KEPT = {
        "<p>用<br>English</p>\n",
        "<p>English<br/>用</p>\n",
        "<p>用 <br> English</p>\n",
        "<p>用<img src=\"a.png\" alt=\"圖\">English</p>\n",
        "<p>用<input type=\"checkbox\">Go</p>\n",
        "<div>用<ul><li>一</li></ul>English</div>\n",
        "<div>你好 <p>世界</p> 再见。</div>\n",
        "<div>用<hr>Go</div>\n",
        "<div>用<pre>code</pre>Go</div>\n",
        "<p>图<img src=x> ，好。</p>\n",
        "<p>用<script>var a=1</script>写，好。</p>\n",
        "<p>用<style>b{}</style>写，好。</p>\n",
        "<p>用<textarea>a</textarea>English，好。</p>\n",
        "<p>用<svg><text>Go</text></svg>写</p>\n",
        "<p>用<iframe src=x></iframe>English，好。</p>\n",
    };
    private static final String[] MARKDOWN_KEPT = {
        "用<br>English\n",
        "English<br />用\n",
        "用 <br> English\n",
        "用<img src=\"a.png\">English\n",
        "用<div>Go</div>写\n",
        "用<script>var a=1</script>写，好。\n",
        "用<style>b{}</style>写，好。\n",
        "用<textarea>a</textarea>English，好。\n",
        "用<svg><text>Go</text></svg>写\n",
        "用<iframe src=x></iframe>English，好。\n",
        // markup inside them is theirs too (an adversarial pass): not emphasis, links or code of the prose
        "用<svg>*x*</svg>写\n",
        "用<iframe>[链接](u)</iframe>写\n",
        "用<textarea>*中,文.*</textarea>写\n",
        "用<script>*x*</script>写\n",
        "用<script>`x`</script>写\n",
    };

    @ParameterizedTest
    @EnumSource(value = Spacing.class, names = {"PANGU", "NONE", "AUTO", "KEEP"})
    void noSpacingAcrossLineBreaksBlocksAndObjects(Spacing spacing) {
        Normalizer n = Normalizer.builder().spacing(spacing).build();
        for (String doc : HTML_KEPT) {
            assertEquals(doc, n.normalize(doc, Format.HTML), "html");
        }
        for (String doc : MARKDOWN_KEPT) {
            assertEquals(doc, n.normalize(doc, Format.MARKDOWN), "markdown");
        }
    }

    @Test
    void eachSideIsStillProse() {
        assertEquals("<p>你说，<br>好的。</p>\n", PANGU.normalize("<p>你說,<br>好的.</p>\n", Format.HTML));
        assertEquals("<p>用 Go<br>写 Rust</p>\n", PANGU.normalize("<p>用Go<br>寫Rust</p>\n", Format.HTML));
        assertEquals("<p>用Go<br>写Rust</p>\n", NONE.normalize("<p>用 Go<br>寫 Rust</p>\n", Format.HTML));
        assertEquals("第一行，<br>第二行。\n", PANGU.normalize("第一行,<br>第二行.\n", Format.MARKDOWN));
        assertEquals("图<img src=x>，说明。\n", PANGU.normalize("圖<img src=x>,說明.\n", Format.MARKDOWN));
    }

    /** Inline elements with text are words (spec §9), ins, del and button included. */
    @Test
    void inlineElementsWithTextAreStillWords() {
        assertEquals("<p>用 <b>English</b></p>\n", PANGU.normalize("<p>用<b>English</b></p>\n", Format.HTML));
        assertEquals("<p>这是 <ins>Go</ins> 语言，<del>old</del> 不要。</p>\n",
                PANGU.normalize("<p>這是<ins>Go</ins>語言,<del>old</del>不要.</p>\n", Format.HTML));
        assertEquals("<p>按 <button>OK</button> 键</p>\n", PANGU.normalize("<p>按<button>OK</button>鍵</p>\n", Format.HTML));
        assertEquals("用 <b>English</b>\n", PANGU.normalize("用<b>English</b>\n", Format.MARKDOWN));
    }

    /** S8 counts no boundary across them either. */
    @Test
    void noBoundaryIsCountedAcrossThem() {
        SpacingDecision d = Normalizer.defaults().decideSpacing("<p>用<br>Go<img src=x>写</p>\n", Format.HTML);
        assertEquals(0, d.spaced() + d.unspaced(), d::toString);
        d = Normalizer.defaults().decideSpacing("用<br>Go<img src=x>写\n", Format.MARKDOWN);
        assertEquals(0, d.spaced() + d.unspaced(), d::toString);
    }

    /** The object char stands for the element inside the engine only: it never reaches the output. */
    @Test
    void theObjectNeverLeaks() {
        String html = "<p>圖<img src=x>“好”<img src=y>(說明)<input>...<img src=z></p>\n";
        assertFalse(PANGU.normalize(html, Format.HTML).contains(String.valueOf(ProseBlock.OBJECT)));
        assertFalse(Normalizer.defaults().explain(html, Format.HTML).changes().stream()
                .anyMatch(c -> (c.before() + c.after()).indexOf(ProseBlock.OBJECT) >= 0));
    }
}
