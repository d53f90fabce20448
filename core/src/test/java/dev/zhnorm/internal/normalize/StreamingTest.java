package dev.zhnorm.internal.normalize;

import dev.zhnorm.normalize.Style;
import dev.zhnorm.normalize.Numerals;
import dev.zhnorm.normalize.Spacing;
import dev.zhnorm.normalize.Indent;

import dev.zhnorm.Normalizer;
import dev.zhnorm.Preset;
import dev.zhnorm.internal.BundledData;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Streaming and whole-string paths: terminators, long lines, bounded memory, the same-instance fast path. */
class StreamingTest {
    private final Normalizer n = Normalizer.defaults();

    private String stream(Normalizer normalizer, String text) throws IOException {
        StringWriter w = new StringWriter();
        normalizer.normalize(new StringReader(text), w);
        return w.toString();
    }

    @Test
    void terminatorsAndMissingFinalNewlineArePreserved() throws IOException {
        for (String text : List.of("說,好", "說,好\n", "說,好\r\n", "說,好\r", "\r\n\r\n說,好\r\n\r\n", "a\rb\nc\r\nd",
                "說,好\r\r\n\n", "", "\n", "\r")) {
            String expected = text.replace("說,好", "说，好");
            assertEquals(expected, n.normalize(text), text);
            assertEquals(expected, stream(n, text), text);
        }
    }

    @Test
    void crLfSplitAcrossReads() throws IOException {
        String text = "說,好\r\n說.\r";
        StringWriter w = new StringWriter();
        n.normalize(new NormalizerPropertiesTest.ChoppyReader(text, new Random(1)) {
        }, w);
        assertEquals("说，好\r\n说。\r", w.toString());
        for (int cut = 0; cut <= text.length(); cut++) {
            Reader twoReads = new TwoPieces(text, cut);
            StringWriter out = new StringWriter();
            n.normalize(twoReads, out);
            assertEquals("说，好\r\n说。\r", out.toString(), "cut at " + cut);
        }
    }

    @Test
    void unchangedTextIsTheSameInstance() {
        String text = "已经规范的文本，没有任何变化。\nHello world\n";
        assertSame(text, n.normalize(text));
        String pangu = "中文 ABC 中文";
        assertSame(pangu, Normalizer.builder().spacing(Spacing.PANGU).build().normalize(pangu));
        String empty = "";
        assertSame(empty, n.normalize(empty));
    }

    @Test
    void longLinesAreCutAfterSentenceEndsAndStreamIdentically() throws IOException {
        NormalizationPipeline small = NormalizationPipeline.of(BundledData.pipeline(Preset.T2CN), true, Style.MAINLAND,
                Numerals.WIDTH_ONLY, Spacing.NONE, Indent.KEEP, List.of()).withMaxPiece(20);
        String line = "這是第一句話,很長很長。這是第二句話,也很長很長!第三句 \"引號\" 在這裡,好嗎? 最後一句 沒有句號";
        String text = line + "\n" + line + "\r\n  " + line;
        String whole = small.normalize(text);
        for (long seed = 0; seed < 50; seed++) {
            StringWriter w = new StringWriter();
            small.normalize(new NormalizerPropertiesTest.ChoppyReader(text, new Random(seed)), w);
            assertEquals(whole, w.toString(), "seed " + seed);
        }
        assertEquals(3, whole.split("\r\n|\n", -1).length, "lines never joined or split");
        assertTrue(whole.startsWith("这是第一句话，很长很长。这是第二句话，也很长很长！"), whole);
    }

    @Test
    void cutPointsPreferPlainHanThenSentenceEndsThenSpaces() {
        LineSplitter s = new LineSplitter(10);
        char[] plain = "甲乙丙丁戊。己庚辛壬癸子".toCharArray();
        assertTrue(s.next(plain, 0, plain.length, true));
        assertEquals(9, s.pieceEnd, "between two plain Han chars, where no rule looks across");
        char[] numerals = "甲乙丙丁。十五人癸,丑寅".toCharArray();
        assertTrue(s.next(numerals, 0, numerals.length, true));
        assertEquals(8, s.pieceEnd, "人癸: a unit after a numeral is context only for what is before it");
        char[] noPlainPair = "甲.乙,丙.丁,戊。己.十,五.".toCharArray();
        assertTrue(s.next(noPlainPair, 0, noPlainPair.length, true));
        assertEquals(10, s.pieceEnd, "no two plain Han side by side: after 。");
        char[] a = "一二三四五。六七八九十一二三".toCharArray();
        assertTrue(s.next(a, 0, a.length, true));
        assertEquals(6, s.pieceEnd, "after 。");
        a = "一二三四五”六七八九十一二三".toCharArray();
        a[5] = '。';
        a[6] = '”';
        assertTrue(s.next(a, 0, a.length, true));
        assertEquals(7, s.pieceEnd, "after 。 and its closing quote");
        a = "abcdef ghijklmnop".toCharArray();
        assertTrue(s.next(a, 0, a.length, true));
        assertEquals(7, s.pieceEnd, "after the space");
        a = "abcdefghi\uD840\uDC00jk".toCharArray();
        assertTrue(s.next(a, 0, a.length, true));
        assertEquals(9, s.pieceEnd, "not inside a surrogate pair");
        a = "abcdefghij\n".toCharArray();
        assertTrue(s.next(a, 0, a.length, true));
        assertEquals(10, s.pieceEnd, "a line of exactly the bound is not cut");
        assertTrue(s.lineEnd);
        a = "abcdefghij\r".toCharArray();
        assertTrue(!s.next(a, 0, a.length, false), "a CR at the window's end waits for the next char");
    }

    @Test
    void megabyteSingleLineStreamsInBoundedMemory() throws IOException {
        int size = 1 << 20;
        Reader endless = new Reader() {
            private int left = size;

            @Override
            public int read(char[] buf, int off, int len) {
                if (left == 0) {
                    return -1;
                }
                int k = Math.min(len, left);
                for (int i = 0; i < k; i++) {
                    buf[off + i] = (i & 1) == 0 ? '漢' : ',';
                }
                left -= k;
                return k;
            }

            @Override
            public void close() {
            }
        };
        long[] written = {0};
        Writer counting = new Writer() {
            @Override
            public void write(char[] cbuf, int off, int len) {
                written[0] += len;
                assertTrue(len <= 2 * LineSplitter.MAX_PIECE + 8192, "writes stay bounded");
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        n.normalize(endless, counting);
        assertEquals(size, written[0]);
    }

    /** A reader that returns its text in exactly two reads, split at {@code cut}. */
    private static final class TwoPieces extends Reader {
        private final String text;
        private final int cut;
        private int pos;

        TwoPieces(String text, int cut) {
            this.text = text;
            this.cut = cut;
        }

        @Override
        public int read(char[] buf, int off, int len) {
            if (pos >= text.length()) {
                return -1;
            }
            int end = pos < cut ? cut : text.length();
            if (end == pos) {
                end = text.length();
            }
            int k = Math.min(len, end - pos);
            text.getChars(pos, pos + k, buf, off);
            pos += k;
            return k;
        }

        @Override
        public void close() {
        }
    }
}
