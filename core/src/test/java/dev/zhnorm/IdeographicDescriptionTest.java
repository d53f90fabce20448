package dev.zhnorm;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * OpenCC 1.3.2 and later copy a complete ideographic description sequence (IDS) unconverted where
 * no dictionary key matches at its operator; zhnorm does the same in every preset and config, whole,
 * streamed, in parallel and explained.
 */
class IdeographicDescriptionTest {
    /** Sequences whose components some preset converts: Traditional, Simplified, Taiwan, Japanese forms. */
    private static final List<String> SEQUENCES = List.of(
            "⿰糹會", "⿱艹發", "⿰言⿱丷兌", "⿰纟会", "⿱艹发", "⿰讠⿱丷兑", "⿲糹會发", "⿾會", "⿿会",
            "⿰𠀀會", "⿱會𠀀", "⿰爲裏", "⿰為裡", "⿱戰戦", "⿰僞着", "⿻著甚", "⿰鍾隻");

    @TempDir
    Path dir;

    @Test
    void everyPresetCopiesCompleteSequencesWhole() {
        for (Preset p : Preset.values()) {
            Converter c = Converter.of(p);
            boolean componentsWouldChange = false;
            for (String ids : SEQUENCES) {
                String components = ids.replaceAll("[\u2FF0-\u2FFF]", "");
                componentsWouldChange |= !c.convert(components).equals(components);
                assertEquals(ids, c.convert(ids), p.id());
                String text = "會发\n" + ids + "\n爲里";
                assertEquals(c.convert("會发\n") + ids + c.convert("\n爲里"), c.convert(text), p.id() + " " + ids);
            }
            assertTrue(componentsWouldChange, p.id() + ": no sequence here tests anything");
        }
    }

    @Test
    void nestedSequencesStayWhole() {
        Converter t2s = Converter.of(Preset.T2S);
        assertEquals("会⿰言⿱丷兌会", t2s.convert("會⿰言⿱丷兌會"));
        assertEquals("⿱⿰糹會⿲會會會", t2s.convert("⿱⿰糹會⿲會會會"));
    }

    @Test
    void truncatedSequenceIsAnOrdinaryCharAndItsComponentsConvert() {
        Converter t2s = Converter.of(Preset.T2S);
        assertEquals("⿰会", t2s.convert("⿰會")); // a binary operator with one operand at the end
        assertEquals("⿲纟会", t2s.convert("⿲糹會")); // a ternary one with two
        assertEquals("⿰", t2s.convert("⿰"));
        // The outer operator misses an operand, the inner sequence is complete and stays.
        assertEquals("⿰⿱艹發", t2s.convert("⿰⿱艹發"));
        // The whole sequence must lie within the text: a newline is just another operand.
        assertEquals("⿰\n會", t2s.convert("⿰\n會"));
        assertEquals("⿰\n會会", t2s.convert("⿰\n會會"));
    }

    @Test
    void tooDeepOrTooLongIsNoSequence() {
        Converter t2s = Converter.of(Preset.T2S);
        // 17 nested operators, and then 16: deeper than OpenCC allows, so each is an ordinary char;
        // the 15 nested ones after them form a sequence, and the two chars left over convert.
        String deep = "⿰".repeat(17) + "會".repeat(18);
        assertEquals("⿰⿰" + "⿰".repeat(15) + "會".repeat(16) + "会会", t2s.convert(deep));
        String fine = "⿰".repeat(3) + "會".repeat(4);
        assertEquals(fine, t2s.convert(fine));
    }

    @Test
    void supplementaryComponentsCountAsOneCodePoint() {
        Converter t2s = Converter.of(Preset.T2S);
        assertEquals("⿰𠀀會", t2s.convert("⿰𠀀會"));
        assertEquals("⿰𠀀𠀁", t2s.convert("⿰𠀀𠀁"));
        // Two code points, four chars: the operand count is in code points, so 會 after it converts.
        assertEquals("⿰𠀀𠀁会", t2s.convert("⿰𠀀𠀁會"));
    }

    @Test
    void aKeyThatStartsWithTheOperatorWins() throws IOException {
        Files.writeString(dir.resolve("d.txt"), "⿰糹\tX\n會\t会\n", StandardCharsets.UTF_8);
        Path config = dir.resolve("c.json");
        Files.writeString(config, "{\"conversion_chain\":[{\"dict\":{\"type\":\"text\",\"file\":\"d.txt\"}}]}",
                StandardCharsets.UTF_8);
        Converter c = Converter.fromOpenccConfig(config);
        assertEquals("X会", c.convert("⿰糹會"));
        assertEquals("⿱糹會", c.convert("⿱糹會"));
    }

    @Test
    void segmentationGroupsTheSequenceBeforeAnyPhraseMatchesInside() throws IOException {
        // s2t's phrase 发财 must not match across the sequence's end: ⿰钅发 is one unit.
        Converter s2t = Converter.of(Preset.S2T);
        assertEquals("⿰钅发財", s2t.convert("⿰钅发财"));
        assertEquals("發財", s2t.convert("发财"));
    }

    @Test
    void streamingEqualsWholeForEveryChunkSize() throws IOException {
        String text = "會發" + String.join("，他說", SEQUENCES) + "⿰會" + "⿰".repeat(17) + "會".repeat(18) + "⿲會";
        for (Preset p : Preset.values()) {
            Converter c = Converter.of(p);
            String whole = c.convert(text);
            for (int chunk = 1; chunk <= 9; chunk++) {
                StringWriter out = new StringWriter();
                c.convert(chunked(text, chunk), out);
                assertEquals(whole, out.toString(), p.id() + " chunk " + chunk);
            }
        }
    }

    @Test
    void explanationLeavesTheSequenceAloneAndMapsOffsets() {
        Converter t2s = Converter.of(Preset.T2S);
        String text = "會⿰糹會會";
        Explanation e = t2s.explain(text);
        assertEquals(t2s.convert(text), e.output());
        assertEquals("会⿰糹會会", e.output());
        assertEquals(2, e.changes().size());
        assertEquals(0, e.changes().get(0).inputStart());
        assertEquals(4, e.changes().get(1).inputStart());
        for (int i = 0; i <= text.length(); i++) {
            assertEquals(i, e.offsets().toInput(i), "output offset " + i);
        }
    }

    /** A reader that returns at most {@code chunk} chars per read, so sequences straddle reads. */
    static Reader chunked(String text, int chunk) {
        StringReader in = new StringReader(text);
        return new Reader() {
            @Override
            public int read(char[] cbuf, int off, int len) throws IOException {
                return in.read(cbuf, off, Math.min(len, chunk));
            }

            @Override
            public void close() {
                in.close();
            }
        };
    }

    /**
     * The normalizer keeps a description sequence whole, as conversion does, so no later rule can
     * reshape it: P8 made ⿰…隨 into ⿰……, and a second run then read the sequence ⿰…… and converted 隨.
     */
    @Test
    void normalizingTwiceLeavesDescriptionSequencesAlone() {
        Normalizer n = Normalizer.defaults();
        for (String text : List.of("⿰…隨著", "⿰糹會,好.", "他說⿱艹會...", "⿰,,會議", "⿲...隨著。", "⿰隨")) {
            String once = n.normalize(text);
            assertEquals(once, n.normalize(once), text);
        }
        assertEquals("⿰…隨着", n.normalize("⿰…隨著"));
        assertEquals("⿰糹會，好。", n.normalize("⿰糹會,好."));
        // an operator without its operands is an ordinary character: what follows converts
        assertEquals("⿰随", n.normalize("⿰隨"));
    }
}
