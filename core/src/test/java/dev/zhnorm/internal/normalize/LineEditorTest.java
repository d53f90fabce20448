package dev.zhnorm.internal.normalize;

import dev.zhnorm.internal.EditLog;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Without a log the editor patches a whole copy in place while every edit replaces one char by one;
 * with a log it copies as it goes. Random edit scripts must give the same line, the same answers to
 * the look-backs at every step, and the same changed flag either way.
 */
class LineEditorTest {
    @Property(tries = 1000, seed = "20261202")
    void patchingInPlaceEqualsCopyingAsItGoes(@ForAll("lines") String text, @ForAll("scripts") List<Integer> script) {
        Line src = new Line(text.length());
        src.load(text.toCharArray(), 0, text.length());
        for (int i = 0; i < src.n; i++) {
            if (src.c[i] == 'b') { // a one-char code span: opaque to the look-backs, kind copied along
                src.k[i] = (byte) (SpanKind.CODE.code() | SpanKind.START);
            }
        }
        Line patched = new Line(4);
        Line copied = new Line(4);
        LineEditor fast = new LineEditor();
        LineEditor recording = new LineEditor();
        fast.begin(src, patched, null);
        recording.begin(src, copied, new EditLog());
        int at = 0;
        for (int op : script) {
            at += op / 5;
            if (at > src.n) {
                break;
            }
            assertEquals(recording.prevNonSpace(at), fast.prevNonSpace(at), "prevNonSpace at " + at);
            assertEquals(recording.prevChar(at), fast.prevChar(at), "prevChar at " + at);
            assertEquals(recording.prevCodePoint(at), fast.prevCodePoint(at), "prevCodePoint at " + at);
            assertEquals(recording.position(), fast.position());
            int end = Math.min(src.n, at + 1);
            switch (op % 5) {
                case 0, 1 -> {
                    if (end > at) {
                        char c = (char) ('A' + op % 26);
                        fast.replace(at, end, c, Rule.P1);
                        recording.replace(at, end, c, Rule.P1);
                    }
                }
                case 2 -> {
                    fast.replace(at, end, "——", Rule.P9);
                    recording.replace(at, end, "——", Rule.P9);
                }
                case 3 -> {
                    fast.delete(at, end, Rule.S3);
                    recording.delete(at, end, Rule.S3);
                }
                default -> {
                    fast.insert(at, ' ', Rule.S6);
                    recording.insert(at, ' ', Rule.S6);
                }
            }
            at = fast.position();
        }
        assertEquals(recording.finish(), fast.finish());
        assertEquals(copied.toString(), patched.toString());
        for (int i = 0; i < copied.n; i++) {
            assertEquals(copied.k[i], patched.k[i], "kind at " + i);
        }
    }

    @Provide
    Arbitrary<String> lines() {
        return Arbitraries.strings().withChars("ab 中文，,。\u3000").ofMinLength(0).ofMaxLength(30);
    }

    @Provide
    Arbitrary<List<Integer>> scripts() {
        return Arbitraries.integers().between(0, 19).list().ofMaxSize(12);
    }
}
