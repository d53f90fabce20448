package dev.zhnorm.t2cn;

import dev.zhnorm.Converter;
import dev.zhnorm.Preset;
import dev.zhnorm.SharedCorpus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A real article through t2cn: a People's Daily regional interview (2022) that a gateway converted
 * from Simplified to Big5-style Traditional, with the usual damage (鬆原 for the city 松原, 著力 for
 * 着力, a stray 標准). The expected text ({@code article.t2cn.expected.txt}) was reviewed by hand
 * character by character; punctuation, digits and spaces are not t2cn's business and come through
 * unchanged. The article lives in the project's shared corpus, outside the repository.
 */
class T2cnArticleTest {
    private static final String EXPECTED = "/dev/zhnorm/t2cn/article.t2cn.expected.txt";

    private String input;
    private String output;

    /** Per test, not {@code @BeforeAll}: a missing corpus then skips each test with its message. */
    @BeforeEach
    void convert() {
        input = SharedCorpus.read(SharedCorpus.ARTICLE);
        output = Converter.of(Preset.T2CN).convert(input);
    }

    @Test
    void wholeArticleEqualsTheHandCheckedText() throws IOException {
        String expected;
        try (InputStream in = getClass().getResourceAsStream(EXPECTED)) {
            assertNotNull(in, "resource " + EXPECTED + " is missing");
            expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!expected.equals(output)) {
            fail("t2cn output differs from " + EXPECTED + ":\n" + lineDiff(expected, output));
        }
    }

    @Test
    void conversionChangesCharactersOnlyNeverLengthPunctuationOrSpacing() {
        assertEquals(input.length(), output.length(), "t2cn changed the article's length");
        for (int i = 0; i < input.length(); i++) {
            char a = input.charAt(i);
            char b = output.charAt(i);
            if (a != b && !(Character.isIdeographic(a) && Character.isIdeographic(b))) {
                fail(String.format(Locale.ROOT, "char %d: '%c' became '%c'; only ideographs may change", i, a, b));
            }
        }
    }

    @Test
    void zhuoIsConvertedAndZhuIsKept() {
        assertEquals(5, count(output, "着力"), "著力 (zhuó lì, to put effort into) occurs 5 times");
        assertEquals(0, count(output, "著力"), "no 著力 may survive");
        assertEquals(3, count(output, "显著"), "显著 (zhù, notable): 显著提升, 显著增强, 日益显著");
        assertEquals(0, count(output, "显着"), "显著 is zhù, never 着");
    }

    @Test
    void gatewayDamageIsRepaired() {
        assertTrue(output.contains("松原"), "the city 松原 (鬆原 in the article) must come out as 松原");
        assertTrue(output.contains("第一标准") && output.contains("标准厂房"), "標准 must come out as 标准");
        assertEquals(0, count(output, "鬆") + count(output, "標"), "no Traditional form of 松原 or 标准 may survive");
    }

    private static int count(String text, String word) {
        int n = 0;
        for (int i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + word.length())) {
            n++;
        }
        return n;
    }

    /** The differing lines, numbered, with the first differing column. */
    static String lineDiff(String expected, String actual) {
        String[] e = expected.split("\n", -1);
        String[] a = actual.split("\n", -1);
        StringBuilder out = new StringBuilder();
        int shown = 0;
        for (int i = 0; i < Math.max(e.length, a.length) && shown < 20; i++) {
            String el = i < e.length ? e[i] : "<no line>";
            String al = i < a.length ? a[i] : "<no line>";
            if (!el.equals(al)) {
                int col = T2cnSentencesTest.firstDifference(el, al);
                out.append(String.format(Locale.ROOT, "  line %d, column %d:%n    expected %s%n    got      %s%n",
                        i + 1, col + 1, el, al));
                shown++;
            }
        }
        if (e.length != a.length) {
            out.append(String.format(Locale.ROOT, "  expected %d lines, got %d%n", e.length, a.length));
        }
        return out.toString();
    }
}
