package dev.zhnorm.internal;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link EditLog#compose} against a slow reference: each character that passes through both
 * transformations unedited is followed from Z back to X one step at a time. The composed log must
 * leave exactly those characters outside its edits, at exactly those positions, and its edits must
 * be sorted, non-overlapping and name the sources of both sides.
 */
class EditLogComposeTest {
    /** A text, a random edit of it, and for each output char its input position (-1 inside an edit). */
    private record Edited(String output, EditLog log, int[] origin) {
    }

    private static Edited randomEdit(String in, Random rnd, String source) {
        EditLog log = new EditLog();
        StringBuilder out = new StringBuilder();
        List<Integer> origin = new ArrayList<>();
        int i = 0;
        while (i <= in.length()) {
            int gap = rnd.nextInt(4);
            int copyEnd = Math.min(in.length(), i + gap);
            for (; i < copyEnd; i++) {
                origin.add(i);
                out.append(in.charAt(i));
            }
            if (i == in.length() && rnd.nextBoolean()) {
                break;
            }
            int removed = Math.min(in.length() - i, rnd.nextInt(3));
            int inserted = rnd.nextInt(3);
            if (removed + inserted == 0) {
                inserted = 1;
            }
            int dstStart = out.length();
            for (int k = 0; k < inserted; k++) {
                out.append((char) ('A' + rnd.nextInt(26)));
                origin.add(-1);
            }
            log.add(i, i + removed, dstStart, out.length(), source + "@" + i);
            i += removed;
            if (i == in.length()) {
                break;
            }
        }
        for (; i < in.length(); i++) {
            origin.add(i);
            out.append(in.charAt(i));
        }
        return new Edited(out.toString(), log, origin.stream().mapToInt(Integer::intValue).toArray());
    }

    @Test
    void composeAgreesWithFollowingEachCharacterThrough() {
        long seed = 20261202L;
        Random rnd = new Random(seed);
        for (int round = 0; round < 5000; round++) {
            StringBuilder x = new StringBuilder();
            int n = rnd.nextInt(12);
            for (int k = 0; k < n; k++) {
                x.append((char) ('a' + rnd.nextInt(26)));
            }
            String xs = x.toString();
            Edited first = randomEdit(xs, rnd, "first");
            Edited second = randomEdit(first.output(), rnd, "second");
            String z = second.output();
            EditLog composed = EditLog.compose(first.log(), second.log());

            // Reference: Z position -> X position for characters unedited by both, else -1.
            int[] expected = new int[z.length()];
            for (int p = 0; p < z.length(); p++) {
                int y = second.origin()[p];
                expected[p] = y < 0 ? -1 : first.origin()[y];
            }
            // The composed log's view: walk its gaps, which must be copies.
            int[] actual = new int[z.length()];
            Arrays.fill(actual, -1);
            int xPos = 0;
            int zPos = 0;
            int lastSrcEnd = 0;
            int lastDstEnd = 0;
            for (EditLog.Edit e : composed.edits()) {
                String where = "seed " + seed + " round " + round + ": " + xs + " -> " + z + " " + composed.edits();
                assertTrue(e.srcStart() >= lastSrcEnd && e.dstStart() >= lastDstEnd, where);
                assertEquals(e.srcStart() - xPos, e.dstStart() - zPos, where);
                for (; xPos < e.srcStart(); xPos++, zPos++) {
                    actual[zPos] = xPos;
                }
                xPos = e.srcEnd();
                zPos = e.dstEnd();
                lastSrcEnd = e.srcEnd();
                lastDstEnd = e.dstEnd();
            }
            assertEquals(xs.length() - xPos, z.length() - zPos, "tail, round " + round);
            for (; zPos < z.length(); xPos++, zPos++) {
                actual[zPos] = xPos;
            }
            String where = "seed " + seed + " round " + round + ": " + xs + " -> " + first.output() + " -> " + z
                    + " composed " + composed.edits();
            for (int p = 0; p < z.length(); p++) {
                if (actual[p] >= 0) {
                    assertEquals(xs.charAt(actual[p]), z.charAt(p), where);
                }
            }
            // A character that passed through both unedited may only end up inside a composed edit
            // when an edit of either side touches it; every character outside the edits is a true copy.
            for (int p = 0; p < z.length(); p++) {
                if (actual[p] >= 0) {
                    assertEquals(expected[p], actual[p], where);
                }
            }
            assertArrayEquals(expected, keepOnlyOutside(expected, actual), where);
        }
    }

    /** Characters the reference follows through but the composed log covers with an edit. */
    private static int[] keepOnlyOutside(int[] expected, int[] actual) {
        int[] r = expected.clone();
        for (int p = 0; p < r.length; p++) {
            if (actual[p] < 0 && expected[p] >= 0) {
                r[p] = -2; // marks a pass-through char swallowed by a composed edit
            }
        }
        return r;
    }

    @Test
    void sourcesOfOverlappingEditsAreJoinedInOrder() {
        EditLog first = new EditLog();
        first.add(0, 1, 0, 1, "dict");   // 說 -> 说
        EditLog second = new EditLog();
        second.add(0, 2, 0, 2, "P1");    // 说, -> 说，  (overlaps the first edit's output)
        EditLog c = EditLog.compose(first, second);
        assertEquals(List.of(new EditLog.Edit(0, 2, 0, 2, "dict > P1")), c.edits());
    }

    /**
     * A lean log drops the same-length edits of at most one char and the sources, and must still
     * give exactly the full log's length-changing edits through any chain of compositions.
     */
    @Test
    void leanCompositionKeepsExactlyTheLengthChangingEdits() {
        Random rnd = new Random(20261203L);
        for (int round = 0; round < 5000; round++) {
            StringBuilder x = new StringBuilder();
            int n = rnd.nextInt(14);
            for (int k = 0; k < n; k++) {
                x.append((char) ('a' + rnd.nextInt(26)));
            }
            String text = x.toString();
            EditLog full = new EditLog();
            EditLog lean = EditLog.lean();
            for (int stage = 0; stage < 1 + rnd.nextInt(4); stage++) {
                Edited e = randomEdit(text, rnd, "s" + stage);
                EditLog leanStage = EditLog.lean();
                leanStage.addAll(e.log());
                full = EditLog.compose(full, e.log());
                lean = EditLog.compose(lean, leanStage);
                text = e.output();
            }
            assertEquals(lengthChanges(full), lengthChanges(lean), "round " + round + ": " + full.edits());
            assertTrue(lean.edits().stream().noneMatch(e -> e.srcEnd() - e.srcStart() == e.dstEnd() - e.dstStart()
                    && e.srcEnd() - e.srcStart() <= 1), "a lean log holds no same-length edit of one char");
        }
    }

    /** A same-length phrase widens the edit a deletion inside it belongs to: the lean log keeps it. */
    @Test
    void leanLogKeepsSameLengthPhrasesThatWidenALaterEdit() {
        EditLog phrase = EditLog.lean();
        phrase.add(0, 3, 0, 3, null);    // a three-char phrase, same length
        EditLog deletion = EditLog.lean();
        deletion.add(0, 1, 0, 0, null);  // its first char deleted by a later stage
        EditLog c = EditLog.compose(phrase, deletion);
        assertEquals(List.of(List.of(0, 3, 0, 2)), lengthChanges(c));
    }

    private static List<List<Integer>> lengthChanges(EditLog log) {
        List<List<Integer>> out = new ArrayList<>();
        log.forEachLengthChange((is, ie, os, oe) -> out.add(List.of(is, ie, os, oe)));
        return out;
    }
}
