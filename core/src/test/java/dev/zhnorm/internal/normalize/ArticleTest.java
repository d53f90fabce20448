package dev.zhnorm.internal.normalize;

import dev.zhnorm.normalize.Numerals;

import dev.zhnorm.Normalizer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reference article of spec §8 ({@code shared/corpus/000_f7272f80a1d8ce85.txt}, a Traditional
 * news page) against its expected output under the default profile, written by applying the spec
 * by hand and reviewed line by line:
 * <ul>
 * <li>conversion t2cn (著 as zhuó → 着 in 着力, kept in 显著);</li>
 * <li>P1: all 144 ASCII commas follow Han, {@code %} or {@code ”} → {@code ，};</li>
 * <li>P2: the four {@code ?} follow Han → {@code ？};</li>
 * <li>P3: {@code 来源:}, {@code 即:}, {@code 方面:}, {@code 工作:}, {@code 责编:} → {@code ：}; {@code 10:00} stays (a time);</li>
 * <li>W3: the four {@code ﹔} → {@code ；};</li>
 * <li>P6: {@code (三平台即…口岸)} and {@code (责编:马俊华、谢龙)} contain Han → {@code （）};</li>
 * <li>S0+S1: line 29's trailing NBSP goes; S0+S4: {@code 由 20万人} → {@code 由20万人};</li>
 * <li>unchanged: {@code 7.7%}, {@code >>}, {@code |}, {@code ·}, {@code -}, {@code “2+2”}, the byline
 *     space {@code 党工委书记 谢志敏} (no prose punctuation in that line, S5), the spaces around {@code |}.</li>
 * </ul>
 */
class ArticleTest {
    private static final String EXPECTED = resource("article.normalized.expected.txt");
    /** The input is read in place from the shared corpus, never copied into the repository. */
    private static String input() {
        return dev.zhnorm.SharedCorpus.read(dev.zhnorm.SharedCorpus.ARTICLE);
    }

    static String resource(String name) {
        try (InputStream in = ArticleTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The default profile, exactly. */
    @Test
    void defaultProfileGivesTheHandWrittenOutput() {
        assertLinesEqual(EXPECTED, Normalizer.defaults().normalize(input()));
    }

    /** Normalizing the expected output again changes nothing, with and without conversion. */
    @Test
    void idempotent() {
        assertLinesEqual(EXPECTED, Normalizer.builder().noConversion().build().normalize(EXPECTED));
        assertLinesEqual(EXPECTED, Normalizer.defaults().normalize(EXPECTED));
    }

    @Test
    void quantitiesToArabicChangesNoneOfItsNumbers() {
        Normalizer n = Normalizer.builder().numerals(Numerals.QUANTITIES_TO_ARABIC).build();
        assertLinesEqual(EXPECTED, n.normalize(input()));
    }

    @Test
    void expectationsOfSpecSection8Hold() {
        assertTrue(EXPECTED.contains("2022年10月12日10:00 | 来源：人民网-吉林频道"));
        assertTrue(EXPECTED.contains("人民网>>吉林频道") && EXPECTED.contains("这十年|区县领导访谈·经开区"));
        assertTrue(EXPECTED.contains("“2+2”") && EXPECTED.contains("增长7.7%、8%、5.4%、3%、5.7%，"));
        assertTrue(EXPECTED.contains("党工委书记 谢志敏") && EXPECTED.contains("由20万人"));
        for (String bad : new String[] {",", "?", "﹔", "\u00A0", "(", ")"}) {
            assertFalse(EXPECTED.contains(bad), bad);
        }
        assertEquals(input().split("\n", -1).length, EXPECTED.split("\n", -1).length, "lines never joined or split");
    }

    /** Compares line by line, so that a failure names the line. */
    static void assertLinesEqual(String expected, String actual) {
        String[] e = expected.split("\n", -1);
        String[] a = actual.split("\n", -1);
        for (int i = 0; i < Math.min(e.length, a.length); i++) {
            assertEquals(e[i], a[i], "line " + (i + 1));
        }
        assertEquals(e.length, a.length, "line count");
        assertEquals(expected, actual);
    }
}
