package dev.zhnorm.internal.normalize;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The span scanner against a slow, obvious reference: the spec's regular expressions (§6), tried
 * at each word start, longest match first, on random text of digits, letters and separators.
 */
class ProtectedSpansTest {
    /** The spec's patterns in the scanner's tie order. */
    private static final List<Pattern> REFERENCE = List.of(
            Pattern.compile("\\d{4}([-/.])\\d{1,2}\\1\\d{1,2}(?!\\d)"),
            Pattern.compile("[vV]?\\d+(\\.\\d+){2,}"),
            Pattern.compile("\\d+(:\\d+)+"),
            Pattern.compile("\\d{1,3}(,\\d{3})+(?!\\d)(\\.\\d+)?"),
            Pattern.compile("\\d+\\.\\d+"),
            Pattern.compile("[A-Za-z0-9]+([+*/=<>^-][A-Za-z0-9]+)+"));

    private static final Pattern UNIX_PATH = Pattern.compile("/[A-Za-z0-9._~+-]+(/[A-Za-z0-9._~+-]+)+/?");

    static String spans(String text) {
        Line line = new Line(text.length());
        line.load(text.toCharArray(), 0, text.length());
        ProtectedSpans.detect(line, CharClasses.classify(line.c, 0, line.n));
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < line.n; i++) {
            sb.append(line.k[i] == 0 ? '.' : (line.k[i] & SpanKind.START) != 0 ? '[' : '=');
        }
        return sb.toString();
    }

    static String reference(String text) {
        char[] marks = ".".repeat(text.length()).toCharArray();
        int i = 0;
        while (i < text.length()) {
            if (text.charAt(i) == '/' && (i == 0 || "._~-/".indexOf(text.charAt(i - 1)) < 0
                    && !(text.charAt(i - 1) < 0x80 && Character.isLetterOrDigit(text.charAt(i - 1))))) {
                Matcher m = UNIX_PATH.matcher(text).region(i, text.length());
                if (m.lookingAt()) {
                    marks[i] = '[';
                    for (int j = i + 1; j < m.end(); j++) {
                        marks[j] = '=';
                    }
                    i = m.end();
                    continue;
                }
            }
            boolean wordStart = Character.isLetterOrDigit(text.charAt(i)) && text.charAt(i) < 0x80
                    && (i == 0 || !(text.charAt(i - 1) < 0x80 && Character.isLetterOrDigit(text.charAt(i - 1))));
            if (!wordStart) {
                i++;
                continue;
            }
            int best = -1;
            for (Pattern p : REFERENCE) {
                Matcher m = p.matcher(text).region(i, text.length());
                if (m.lookingAt() && m.end() > best) {
                    best = m.end();
                }
            }
            if (best < 0) {
                while (i < text.length() && text.charAt(i) < 0x80 && Character.isLetterOrDigit(text.charAt(i))) {
                    i++;
                }
                continue;
            }
            marks[i] = '[';
            for (int j = i + 1; j < best; j++) {
                marks[j] = '=';
            }
            i = best;
        }
        return new String(marks);
    }

    @Provide
    Arbitrary<String> numberish() {
        return Arbitraries.strings().withChars("0123456789.,:-/+=vxa 年").ofMaxLength(30);
    }

    @Property(tries = 3000, seed = "16180")
    void numberAndExpressionSpansMatchTheSpecsRegexes(@ForAll("numberish") String text) {
        assertEquals(reference(text), spans(text), text);
    }

    /** @return the protected substrings */
    static List<String> spanTexts(String text) {
        String marks = spans(text);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < marks.length(); i++) {
            if (marks.charAt(i) == '[') {
                int j = i + 1;
                while (j < marks.length() && marks.charAt(j) == '=') {
                    j++;
                }
                out.add(text.substring(i, j));
            }
        }
        return out;
    }

    @Test
    void examples() {
        assertEquals(List.of("https://www.gov.cn/a?x=1,2"), spanTexts("请访问 https://www.gov.cn/a?x=1,2 了解。"));
        assertEquals(List.of("ab@c.cn"), spanTexts("邮箱:ab@c.cn,欢迎来信."));
        assertEquals(List.of("https://x.cn/臺灣"), spanTexts("见https://x.cn/臺灣 页"));
        assertEquals(List.of("https://x.cn/臺灣"), spanTexts("见https://x.cn/臺灣。"));
        assertEquals(List.of("https://x.cn"), spanTexts("见https://x.cn了解"));
        assertEquals(List.of("https://x.cn"), spanTexts("见https://x.cn."));
        assertEquals(List.of("http://例子.cn/路徑"), spanTexts("地址 http://例子.cn/路徑 頁"));
        assertEquals(List.of("www.example.com"), spanTexts("访问www.example.com,了解"));
        assertEquals(List.of("`a,b c`"), spanTexts("用`a,b c`。"));
        assertEquals(List.of("```x```"), spanTexts("``不成对 ```x```"));
        assertEquals(List.of("<b>", "&lt;", "</b>"), spanTexts("<b>&lt;x</b>"));
        assertEquals(List.of("<a href=\"x,y\">"), spanTexts("<a href=\"x,y\">连结"));
        assertEquals(List.of(), spanTexts("人民网>>吉林频道 <<书>>"));
        assertEquals(List.of("a<5"), spanTexts("若a<5则"));
        assertEquals(List.of("/usr/local/bin"), spanTexts("路径/usr/local/bin下"));
        assertEquals(List.of("C:\\用户\\文档"), spanTexts("路径C:\\用户\\文档 里"));
        assertEquals(List.of(), spanTexts("和/或/以及上下"));
        assertEquals(List.of("A/B"), spanTexts("A/B测试"));
        assertEquals(List.of("10:00"), spanTexts("时间10:00开始"));
        assertEquals(List.of("1:500"), spanTexts("比例1:500"));
        assertEquals(List.of("v1.2.3", "192.168.0.1"), spanTexts("版本v1.2.3与192.168.0.1"));
        assertEquals(List.of("3.14", "1,000"), spanTexts("约3.14和1,000人"));
        assertEquals(List.of("2022-10-12", "2022/1/5"), spanTexts("日期2022-10-12或2022/1/5"));
        assertEquals(List.of("2+2", "x=1"), spanTexts("“2+2”与x=1;"));
        assertEquals(List.of("&nbsp;", "&#123;", "&#x1F;"), spanTexts("&nbsp;&#123;&#x1F;&bad"));
        assertEquals(List.of(), spanTexts("Node.js e.g. 3.总则 1,2,3 12,34"));
    }
}
