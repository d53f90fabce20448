package dev.zhnorm;

import dev.zhnorm.normalize.Spacing;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link TextTransform#start}: a text pushed in any pieces gives exactly {@code apply(whole,
 * listener)}: the same output and the same length changes at the same whole-text offsets.
 */
class TextRunTest {
    /** Pushes {@code text} in random pieces; returns the output, with the reported changes in {@code calls}. */
    private static String pushInPieces(TextTransform t, String text, Random rnd, int maxPiece, List<List<Integer>> calls) {
        TextRun run = t.start((is, ie, os, oe) -> calls.add(List.of(is, ie, os, oe)));
        StringBuilder out = new StringBuilder();
        char[] a = text.toCharArray();
        int p = 0;
        do {
            int q = Math.min(a.length, p + rnd.nextInt(maxPiece + 1));
            run.push(a, p, q, q == a.length, out);
            p = q;
        } while (p < a.length);
        return out.toString();
    }

    private static void check(TextTransform t, String text, Random rnd, int maxPiece, String where) {
        List<List<Integer>> whole = new ArrayList<>();
        String expected = t.apply(text, (is, ie, os, oe) -> whole.add(List.of(is, ie, os, oe)));
        List<List<Integer>> calls = new ArrayList<>();
        assertEquals(expected, pushInPieces(t, text, rnd, maxPiece, calls), where);
        assertEquals(whole, calls, where);
    }

    @Test
    void piecesGiveTheWholeTextsOutputAndChanges() {
        Random rnd = new Random(20261202L);
        for (TextTransform t : LengthChangesTest.transforms()) {
            for (int round = 0; round < 25; round++) {
                String text = LengthChangesTest.randomText(rnd, 1 + rnd.nextInt(8), 60);
                check(t, text, rnd, 1 + rnd.nextInt(40), t.name() + " round " + round + ": " + text);
            }
        }
    }

    /** Fences across pushes, a line longer than a normalizer's 64 K piece, and spacing=auto decided on 64 K chars. */
    @Test
    void normalizerStateAndLongLinesAcrossPushes() {
        Random rnd = new Random(5);
        StringBuilder sb = new StringBuilder("他說,好.\n```\n註釋,不改.\n```\n");
        while (sb.length() < 150_000) {
            sb.append("使用 Python 編寫,後來(見下)很好. ");
        }
        sb.append("\n外面,改.\n");
        String text = sb.toString();
        for (TextTransform t : List.of(Normalizer.defaults(), Normalizer.builder().spacing(Spacing.PANGU).build())) {
            check(t, text, rnd, 9000, t.name());
        }
        assertTrue(Normalizer.defaults().apply(text).contains("註釋,不改."), "the fence is kept");
    }

    /** A text with no char outside every key (no safe cut) is still written before its end: memory stays bounded. */
    /** A range that is not one of the array is refused, not read as nothing. */
    @Test
    void aBackwardOrOutOfBoundsRangeIsRefused() {
        char[] a = "頭髮".toCharArray();
        for (TextTransform t : List.of(Converter.of("t2s"), Normalizer.defaults(),
                Normalizer.builder().format(dev.zhnorm.normalize.Format.MARKDOWN).build())) {
            StringBuilder out = new StringBuilder();
            assertThrows(IndexOutOfBoundsException.class, () -> t.start((is, ie, os, oe) -> { }).push(a, 2, 1, false, out));
            assertThrows(IndexOutOfBoundsException.class, () -> t.start((is, ie, os, oe) -> { }).push(a, 0, 3, true, out));
            assertEquals("", out.toString());
        }
    }

    @Test
    void aConverterHoldsAtMostAMillionCharsWithoutASafeCut() {
        TextRun run = Converter.of("t2s").start((is, ie, os, oe) -> { });
        StringBuilder out = new StringBuilder();
        char[] piece = "頭髮".repeat(4096).toCharArray();
        int pushed = 0;
        while (pushed < 1_200_000) {
            run.push(piece, 0, piece.length, false, out);
            pushed += piece.length;
        }
        assertTrue(out.length() >= pushed - (1 << 20), "written before the end: " + out.length() + " of " + pushed);
        run.push(piece, 0, 0, true, out);
        assertEquals(pushed, out.length());
        assertEquals("头发", out.substring(out.length() - 2));
    }

    @Test
    void aConverterWritesAsSoonAsNoKeyCanSpanAndEverythingAtTheEnd() {
        TextRun run = Converter.of("s2twp").start((is, ie, os, oe) -> { });
        StringBuilder out = new StringBuilder();
        run.push("我上互联", false, out);
        assertEquals("", out.toString(), "互联网 may follow");
        run.push("网了。后来", false, out);
        assertEquals("我上網際網路了", out.toString(), "。 is in no key: what comes before it is decided");
        run.push("", true, out);
        assertEquals("我上網際網路了。後來", out.toString());
        assertThrows(IllegalStateException.class, () -> run.push("又", true, new StringBuilder()));
    }
}
