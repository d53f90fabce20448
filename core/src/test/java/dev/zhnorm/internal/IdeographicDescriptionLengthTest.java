package dev.zhnorm.internal;

import org.junit.jupiter.api.Test;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import dev.zhnorm.Preset;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The sequence parser on its own, and the parallel cut that must not split a sequence. */
class IdeographicDescriptionLengthTest {
    private static int length(String s, boolean end) {
        char[] a = s.toCharArray();
        return IdeographicDescription.length(a, 0, a.length, end);
    }

    @Test
    void aritiesFollowOpencc() {
        assertEquals(2, IdeographicDescription.arity(0x2FF0));
        assertEquals(3, IdeographicDescription.arity(0x2FF2));
        assertEquals(3, IdeographicDescription.arity(0x2FF3));
        assertEquals(2, IdeographicDescription.arity(0x2FFB));
        assertEquals(2, IdeographicDescription.arity(0x2FFC)); // Unicode 15.1
        assertEquals(2, IdeographicDescription.arity(0x2FFD));
        assertEquals(1, IdeographicDescription.arity(0x2FFE));
        assertEquals(1, IdeographicDescription.arity(0x2FFF));
        assertEquals(0, IdeographicDescription.arity(0x31EF)); // not an operator in OpenCC
        assertEquals(0, IdeographicDescription.arity('會'));
    }

    @Test
    void completeSequencesAndWhatIsNone() {
        assertEquals(3, length("⿰糹會", true));
        assertEquals(5, length("⿰言⿱丷兌x", true));
        assertEquals(4, length("⿰𠀀會", true)); // a surrogate pair is one operand
        assertEquals(0, length("⿰糹", true));
        assertEquals(0, length("會", true));
        assertEquals(0, length("", true));
        assertEquals(0, length("⿰⿱ab", true)); // the outer operator misses an operand
    }

    @Test
    void depthAndLengthLimits() {
        String fifteen = "⿰".repeat(15) + "a".repeat(16);
        assertEquals(fifteen.length(), length(fifteen, true));
        assertEquals(0, length("⿰".repeat(17) + "a".repeat(18), true));
        // 64 code points at most: a full binary tree of 63 under a unary operator fits, two do not.
        String sixtyFour = "⿾" + tree(4);
        assertEquals(64, sixtyFour.length());
        assertEquals(64, length(sixtyFour, true));
        assertEquals(0, length("⿾⿾" + tree(4), true));
    }

    /** A full binary tree of ⿰ over the letter a, {@code depth} operators deep: 2^(depth+2)-1 code points (63 for 4). */
    private static String tree(int depth) {
        return depth < 0 ? "a" : "⿰" + tree(depth - 1) + tree(depth - 1);
    }

    @Test
    void cutShortByTheEndOfWhatWasReadNeedsMore() {
        assertEquals(IdeographicDescription.NEED_MORE, length("⿰糹", false));
        assertEquals(IdeographicDescription.NEED_MORE, length("⿰糹\uD840", false)); // half a pair
        assertEquals(3, length("⿰糹會", false));
        assertEquals(0, length("⿰".repeat(17) + "a", false)); // too deep whatever follows
    }

    @Test
    void parallelCutsNeverSplitASequence() {
        Pipeline t2s = BundledData.pipeline(Preset.T2S);
        // Operands may be barriers (newline, ASCII): the cut must still not fall inside.
        String unit = "會會\n⿰\n會⿰a會⿲\n\n會會會\n";
        String text = unit.repeat(500);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            String serial = Driver.apply(t2s, text);
            for (int piece = 1; piece <= 40; piece += 3) {
                assertEquals(serial, Driver.apply(t2s, text, pool, piece), "piece " + piece);
            }
        } finally {
            pool.shutdown();
        }
    }
}
