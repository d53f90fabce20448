package dev.zhnorm.internal.document;

import dev.zhnorm.Normalizer;
import dev.zhnorm.internal.normalize.NormalizationPipeline;
import dev.zhnorm.normalize.Format;
import dev.zhnorm.normalize.Spacing;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * spacing=auto on a document gives what the decided spacing gives when fixed: the pass that
 * decides (spacing=keep over the first {@link NormalizationPipeline#AUTO_PREFIX} chars of prose)
 * is reused as the output when it decides keep, so the blocks before and after that prefix must
 * come out as one spacing=keep run would give them, and the other decisions as their own runs.
 */
class DocumentSpacingTest {
    /** Two spaced and two unspaced Han–word boundaries: a document of these keeps its spaces. */
    private static final String MIXED = "臺灣,你好.使用Vue的組件,使用 Vue 的組件.";
    private static final String SPACED = "臺灣,你好.使用 Vue 的組件,用 Go 寫後端.";
    private static final String TIGHT = "臺灣,你好.使用Vue的組件,用Go寫後端.";

    @ParameterizedTest
    @CsvSource({"markdown, MIXED, KEEP", "html, MIXED, KEEP", "markdown, SPACED, PANGU", "html, SPACED, PANGU",
            "markdown, TIGHT, NONE", "html, TIGHT, NONE"})
    void autoEqualsTheDecidedSpacingAcrossThePrefix(String format, String kind, Spacing expected) {
        String line = switch (kind) {
            case "MIXED" -> MIXED;
            case "SPACED" -> SPACED;
            default -> TIGHT;
        };
        // Lines that only a spacing rule changes (already Simplified, nothing else to do), before and
        // after the prefix: they must be found changed by the pass whose output is used.
        String late = "后来用Rust写后端\n\n后来用 Go 写前端";
        Format f = Format.fromId(format).orElseThrow();
        StringBuilder doc = new StringBuilder(f == Format.HTML ? "<html><body>\n" : "");
        int paragraphs = 0;
        while (doc.length() < NormalizationPipeline.AUTO_PREFIX + 10_000) {
            String p = paragraphs++ % 50 == 49 ? late : line + "`a,b`" + line;
            doc.append(f == Format.HTML ? html(p) : p + "\n\n");
        }
        doc.append(f == Format.HTML ? html(late) + "</body></html>\n" : late + "\n");
        String input = doc.toString();

        Normalizer auto = Normalizer.builder().format(f).build();
        Normalizer fixed = Normalizer.builder().format(f).spacing(expected).build();
        assertEquals(expected, auto.decideSpacing(input, f).spacing());
        String out = auto.normalize(input);
        assertNotEquals(input, out);
        assertEquals(fixed.normalize(input), out);
        assertEquals(out, auto.explain(input, f).output());
        String tail = switch (expected) {
            case PANGU -> "后来用 Rust 写后端\n\n后来用 Go 写前端";
            case NONE -> "后来用Rust写后端\n\n后来用Go写前端";
            default -> late;
        };
        assertTrue(out.endsWith((f == Format.HTML ? html(tail) + "</body></html>" : tail) + "\n"),
                () -> out.substring(out.length() - 80));
    }

    private static String html(String markdown) {
        return "<p>" + markdown.replace("`a,b`", "<code>a,b</code>").replace("\n\n", "</p>\n<p>") + "</p>\n";
    }
}
