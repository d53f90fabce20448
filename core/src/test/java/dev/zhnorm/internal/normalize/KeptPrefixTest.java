package dev.zhnorm.internal.normalize;

import dev.zhnorm.Preset;
import dev.zhnorm.SharedCorpus;
import dev.zhnorm.internal.BundledData;
import dev.zhnorm.internal.CharBuf;
import dev.zhnorm.normalize.Indent;
import dev.zhnorm.normalize.Numerals;
import dev.zhnorm.normalize.Spacing;
import dev.zhnorm.normalize.SpacingDecision;
import dev.zhnorm.normalize.Style;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * spacing=auto's decided pass takes over the lines of its decision pass (spacing=keep) that no
 * spacing rule touched. Whatever it takes over, the output must equal that of an engine whose spacing
 * is fixed to the decision, which normalizes every line itself.
 */
class KeptPrefixTest {
    private static final String[] HAN = {"我们用", "写前端", "和", "部署", "的", "系统", "年", "发展", "工作"};
    private static final String[] WORDS = {"Vue", "Go", "C++", "Redis", "5", "2024", "iPhone", "$100", "/etc/passwd",
        "`code`", "v1.2"};
    private static final String[] OTHER = {"，", "。", ",", ".", "(注)", "\"好\"", "：", " ", "\u3000", "\u00A0",
        "  ", "\t", "百分之七", "二〇二四年", "10:00", "https://x.cn/a"};
    private static final String[] ENDS = {"\n", "\n", "\n", "\r\n", "\r", "\n\n"};

    private static NormalizationPipeline auto(int maxPiece) {
        return NormalizationPipeline.of(BundledData.pipeline(Preset.T2CN), true, Style.MAINLAND, Numerals.WIDTH_ONLY,
                Spacing.AUTO, Indent.KEEP, List.of()).withMaxPiece(maxPiece);
    }

    private static final NormalizationPipeline AUTO = auto(LineSplitter.MAX_PIECE);
    private static final NormalizationPipeline AUTO_SHORT_PIECES = auto(24);

    /** A document whose Han–word boundaries are spaced with probability {@code spaced}, so that S8 decides each way. */
    private static String document(Random r, double spaced, int minChars) {
        StringBuilder sb = new StringBuilder();
        while (sb.length() < minChars) {
            int parts = 1 + r.nextInt(8);
            if (r.nextInt(20) == 0) {
                sb.append(r.nextBoolean() ? "```\n" : "~~~~ 代码\n");
            }
            for (int i = 0; i < parts; i++) {
                sb.append(HAN[r.nextInt(HAN.length)]);
                if (r.nextInt(3) > 0) {
                    String gap = r.nextDouble() < spaced ? " " : "";
                    sb.append(gap).append(WORDS[r.nextInt(WORDS.length)]).append(r.nextDouble() < spaced ? " " : "");
                }
                if (r.nextInt(4) == 0) {
                    sb.append(OTHER[r.nextInt(OTHER.length)]);
                }
            }
            if (r.nextInt(6) == 0) {
                sb.append(' '); // trailing whitespace: S1 under every spacing
            }
            sb.append(ENDS[r.nextInt(ENDS.length)]);
        }
        if (sb.length() > 0 && r.nextBoolean()) {
            sb.setLength(sb.length() - 1); // no final terminator, or a lone \r cut from its \n
        }
        return sb.toString();
    }

    private static void assertSameAsFixed(NormalizationPipeline auto, String text) throws IOException {
        SpacingDecision d = auto.decideSpacing(text);
        // the decision pass counts its lines as it writes them: as counting its whole output would
        String prefix = text.substring(0, Math.min(text.length(), NormalizationPipeline.AUTO_PREFIX));
        char[] keepNormalized = auto.decided(SpacingDecision.of(0, 0)).normalize(prefix).toCharArray();
        SpacingCounter counter = new SpacingCounter(NormalizationPipeline.AUTO_COUNTED);
        counter.add(keepNormalized, 0, keepNormalized.length);
        SpacingDecision counted = SpacingDecision.of(counter.spaced(), counter.unspaced());
        assertEquals(counted.spaced() + "/" + counted.unspaced(), d.spaced() + "/" + d.unspaced());
        NormalizationPipeline fixed = auto.decided(d);
        String expected = fixed.normalize(text);
        assertEquals(expected, auto.normalize(text), () -> "normalize, " + d);
        StringBuilder sb = new StringBuilder();
        auto.normalize(text, sb);
        assertEquals(expected, sb.toString(), () -> "normalize into an Appendable, " + d);
        assertEquals(expected.equals(text), auto.isNormalized(text), () -> "isNormalized, " + d);
        StringWriter w = new StringWriter();
        auto.normalize(new NormalizerPropertiesTest.ChoppyReader(text, new Random(text.length()), 7), w);
        assertEquals(expected, w.toString(), () -> "streaming, " + d);
    }

    @Provide
    Arbitrary<String> documents() {
        return Combinators.combine(Arbitraries.longs(), Arbitraries.of(0.03, 0.5, 0.97), Arbitraries.integers().between(0, 3000))
                .as((seed, spaced, size) -> document(new Random(seed), spaced, size));
    }

    @Property(tries = 400, seed = "20261202")
    void shortDocumentsComeOutAsUnderTheDecidedSpacing(@ForAll("documents") String text) throws IOException {
        assertSameAsFixed(AUTO, text);
        assertSameAsFixed(AUTO_SHORT_PIECES, text);
    }

    @Property(tries = 300, seed = "20261203")
    void randomTextComesOutAsUnderTheDecidedSpacing(@ForAll("mixed") String text) throws IOException {
        assertSameAsFixed(AUTO, text);
        assertSameAsFixed(AUTO_SHORT_PIECES, text);
    }

    @Provide
    Arbitrary<String> mixed() {
        return RandomText.mixed(200);
    }

    /**
     * What makes S8 stable on its own output: the spacings differ by whitespace only, so the
     * non-blank chars it counts among are the same under each ({@link SpacingCounter}).
     */
    @Property(tries = 300, seed = "20261204")
    void spacingsDifferInWhitespaceOnly(@ForAll("documents") String text) {
        String keep = nonBlank(AUTO.decided(SpacingDecision.of(0, 0)).normalize(text));
        assertEquals(keep, nonBlank(AUTO.decided(SpacingDecision.of(0, 10)).normalize(text)), "none");
        assertEquals(keep, nonBlank(AUTO.decided(SpacingDecision.of(10, 0)).normalize(text)), "pangu");
    }

    private static String nonBlank(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            if (!CharClasses.isSpace(s.charAt(i))) {
                sb.append(s.charAt(i));
            }
        }
        return sb.toString();
    }

    /** Texts longer than the decision prefix: the lines at its end are complete or are not taken over. */
    @Test
    void documentsLongerThanThePrefix() throws IOException {
        Random r = new Random(42);
        for (int i = 0; i < 12; i++) {
            String text = document(r, i % 3 == 0 ? 0.03 : i % 3 == 1 ? 0.97 : 0.5, NormalizationPipeline.AUTO_PREFIX + 2000);
            assertSameAsFixed(AUTO, text);
            String out = AUTO.normalize(text);
            // the same boundaries (and those a deleted U+3000 made), their spaces moved towards the decision
            assertEquals(AUTO.decideSpacing(text).spacing(), AUTO.decideSpacing(out).spacing(),
                    "the decision on the output");
            assertEquals(out, AUTO.normalize(out), "normalizing twice");
            // the prefix's end falls inside a \r\n, after a lone \r, or mid-line
            int cut = NormalizationPipeline.AUTO_PREFIX - 1;
            for (String join : List.of("\r\n", "\r", "\n", "用Go写")) {
                String shifted = "x".repeat(cut - text.indexOf('\n') % 50) + join + text;
                assertSameAsFixed(AUTO, shifted.substring(0, Math.min(shifted.length(), 70_000)));
            }
        }
    }

    @Test
    void theReferenceArticleTakesOverEveryLineWithoutWhitespace() throws IOException {
        String article = SharedCorpus.read(SharedCorpus.ARTICLE);
        KeptPrefix kept = AUTO.keepPass(article, article.length(), null, true);
        assertEquals(Spacing.NONE, kept.decision().spacing());
        int lines = article.split("\n", -1).length;
        int taken = 0;
        for (int k = 0; k < kept.lines(); k++) {
            if (kept.take(k, Spacing.NONE, inStart(kept, k, article), lineLength(article, inStart(kept, k, article)),
                    true, new CharBuf(16)) >= 0) {
                taken++;
            }
        }
        // 75 lines, 4 of them with whitespace, which the decided pass normalizes itself
        assertTrue(taken >= lines - 6 && taken < lines, taken + " of " + lines + " lines taken over");
        assertSameAsFixed(AUTO, article);
    }

    /**
     * A line is taken over where S4 (none) or S6 (pangu) would not have acted: under none where no
     * space separates Han from a word, under pangu where every Han–word boundary is already spaced.
     */
    @Test
    void whichLinesEachSpacingTakesOver() {
        // the first line makes the text look like pangu (9 boundaries, all spaced), so that the pass probes for it
        String evidence = "用 Go 写 Vue 和 Rust 的 API 与 SDK。\n";
        int p = evidence.length();
        String text = evidence + "用Go写后端。\n用 Go 写后端。\nHello-world\n甲 乙，丙。\n用  Go。\n";
        KeptPrefix kept = AUTO.keepPass(text, text.length(), null, true);
        assertEquals(6, kept.lines());
        CharBuf out = new CharBuf(64);
        assertEquals(8, kept.take(1, Spacing.NONE, p, 8, true, out));
        assertEquals(-1, kept.take(1, Spacing.PANGU, p, 8, true, out));
        assertEquals(-1, kept.take(2, Spacing.NONE, p + 8, 10, true, out));
        assertEquals(10, kept.take(2, Spacing.PANGU, p + 8, 10, true, out));
        assertEquals(10, kept.take(2, Spacing.KEEP, p + 8, 10, true, out));
        assertEquals(12, kept.take(3, Spacing.PANGU, p + 18, 12, true, out));
        assertEquals(-1, kept.take(3, Spacing.PANGU, p + 17, 12, true, out), "another span is never taken");
        assertEquals(-1, kept.take(3, Spacing.PANGU, p + 18, 12, false, out), "nor a piece of a long line");
        // S5 deletes the space between 甲 and 乙 under every spacing: the line is the same under all
        assertEquals(6, kept.take(4, Spacing.NONE, p + 30, 7, true, out));
        assertEquals(6, kept.take(4, Spacing.PANGU, p + 30, 7, true, out));
        // two spaces: pangu makes them one, none deletes them, keep keeps them
        assertEquals(-1, kept.take(5, Spacing.NONE, p + 37, 7, true, out));
        assertEquals(-1, kept.take(5, Spacing.PANGU, p + 37, 7, true, out));
        assertEquals("用Go写后端。\n用 Go 写后端。\n用 Go 写后端。\nHello-world\n甲乙，丙。\n甲乙，丙。\n", out.toString());
    }

    /**
     * A document written with pangu spacing throughout is taken over line by line once its lines
     * hold enough boundaries to decide (8, here after its fourth line); the lines before are
     * normalized again.
     */
    @Test
    void aConsistentlySpacedDocumentIsTakenOverOnceItShowsIt() throws IOException {
        String text = "我们用 Vue 3 写前端，用 Go 写后端。\n部署在 Linux 上，2024 年上线。\n没有英文的一行。\n".repeat(3);
        KeptPrefix kept = AUTO.keepPass(text, text.length(), null, true);
        assertEquals(Spacing.PANGU, kept.decision().spacing());
        assertEquals("nnnnyyyyy", taken(kept, text, Spacing.PANGU));
        assertSameAsFixed(AUTO, text);
    }

    /** @return per kept line, y when a pass with {@code spacing} takes it over, else n */
    private static String taken(KeptPrefix kept, String text, Spacing spacing) {
        int start = 0;
        StringBuilder taken = new StringBuilder();
        for (int k = 0; k < kept.lines(); k++) {
            int length = lineLength(text, start);
            taken.append(kept.take(k, spacing, start, length, true, new CharBuf(16)) >= 0 ? 'y' : 'n');
            start += length;
        }
        return taken.toString();
    }

    /**
     * The pass probes for pangu only once the lines before hold enough boundaries, mostly spaced:
     * the first lines of a pangu text are not probed, and must not be taken over.
     */
    @Test
    void linesBeforeTheEvidenceAreNotTakenOverByPangu() throws IOException {
        String text = "再用Go写一个。\n" + "我们用 Go 写后端，用 Vue 写前端。\n".repeat(5) + "再用Go写一个。\nHello\n";
        KeptPrefix kept = AUTO.keepPass(text, text.length(), null, true);
        assertEquals(Spacing.PANGU, kept.decision().spacing());
        // 2 boundaries in line 0, 4 in each of the next: probing starts at line 3; Hello has no Han
        assertEquals("nnnyyyny", taken(kept, text, Spacing.PANGU));
        assertSameAsFixed(AUTO, text);
        assertTrue(AUTO.normalize(text).startsWith("再用 Go 写一个。"), AUTO.normalize(text));
    }

    /** A text whose every line the decided pass would take over is the kept output: no second run. */
    @Test
    void aTextTakenOverWholeIsTheKeptOutput() {
        String plain = "用Go写后端。\n甲 乙，丙。\n";
        KeptPrefix kept = AUTO.keepPass(plain, plain.length(), null, true);
        assertEquals(Spacing.KEEP, kept.decision().spacing());
        assertEquals("用Go写后端。\n甲乙，丙。\n", kept.wholeOutput(Spacing.KEEP, plain));
        assertEquals(null, kept.wholeOutput(Spacing.KEEP, plain + "x"), "a longer text is not covered");
        assertEquals(null, kept.wholeOutput(Spacing.PANGU, plain), "nor one whose spacing changes a line");
        String normalized = "用Go写后端。\n甲乙，丙。\n";
        assertTrue(AUTO.keepPass(normalized, normalized.length(), null, true).wholeOutput(Spacing.KEEP, normalized)
                == normalized, "a String nothing changes comes back as itself");
        assertTrue(AUTO.normalize(normalized) == normalized);
        assertTrue(AUTO.isNormalized(normalized));
        assertTrue(!AUTO.isNormalized(plain));
        String empty = "";
        assertTrue(AUTO.normalize(empty) == empty);
        String open = "甲乙\n丙丁\r";
        KeptPrefix prefixOnly = AUTO.keepPass(open, open.length(), null, false);
        assertEquals(null, prefixOnly.wholeOutput(Spacing.KEEP, open), "an open last line is not kept");
    }

    /** A final line without \n, read from a prefix that is not the whole text, may go on: never taken over. */
    @Test
    void anOpenLastLineIsNotKept() {
        String text = "甲乙\n丙丁\r";
        assertEquals(1, AUTO.keepPass(text, text.length(), null, false).lines());
        assertEquals(2, AUTO.keepPass(text, text.length(), null, true).lines());
        assertEquals(1, AUTO.keepPass("甲乙\n丙丁", 5, null, false).lines());
        assertEquals(2, AUTO.keepPass("甲乙\n丙丁\n", 6, null, false).lines());
    }

    private static int inStart(KeptPrefix kept, int k, String text) {
        int start = 0;
        for (int i = 0; i < k; i++) {
            start = text.indexOf('\n', start) + 1;
        }
        return start;
    }

    private static int lineLength(String text, int start) {
        int end = text.indexOf('\n', start);
        return (end < 0 ? text.length() : end + 1) - start;
    }
}
