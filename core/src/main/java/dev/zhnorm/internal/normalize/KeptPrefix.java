package dev.zhnorm.internal.normalize;

import dev.zhnorm.internal.CharBuf;
import dev.zhnorm.normalize.Spacing;
import dev.zhnorm.normalize.SpacingDecision;

import java.util.Arrays;

/**
 * The spacing=keep pass over the start of a text, from which spacing=auto decides (spec S8), kept
 * so that the pass with the decided spacing takes its lines over instead of normalizing them a
 * second time. S4 and S6 are the only rules that differ between keep and a decided spacing; the keep
 * pass notes, line by line, where they would have edited, and every other line comes out the same
 * under either ({@link LineProcessor#sameUnder}): in a text decided {@code pangu}, every line whose
 * Han and words already stand as pangu spaces them; in one decided {@code keep}, every line.
 * Only whole lines count that the text after the prefix cannot change (their terminator is complete).
 * Immutable once built.
 */
public final class KeptPrefix {
    private final SpacingDecision decision;
    private final char[] out;
    /** Line k spans input {@code [inEnds[k - 1], inEnds[k])} and output {@code [outEnds[k - 1], outEnds[k])}. */
    private final int[] inEnds;
    private final int[] outEnds;
    /** Per line: bit {@code 1 << spacing.ordinal()} when it comes out the same under that spacing. */
    private final byte[] same;
    private final int lines;

    private KeptPrefix(SpacingDecision decision, char[] out, int[] inEnds, int[] outEnds, byte[] same, int lines) {
        this.decision = decision;
        this.out = out;
        this.inEnds = inEnds;
        this.outEnds = outEnds;
        this.same = same;
        this.lines = lines;
    }

    /** @return the S8 decision counted on the kept text */
    public SpacingDecision decision() {
        return decision;
    }

    /** @return how many lines are kept (tests) */
    int lines() {
        return lines;
    }

    /**
     * Appends the kept output of line {@code k} when the run with {@code spacing} may take it over:
     * the piece it is about to normalize is that same whole line, starting at input {@code inStart}
     * with {@code inLength} chars (terminator included).
     *
     * @return the chars appended, or -1 when the run must normalize the piece itself
     */
    int take(int k, Spacing spacing, int inStart, int inLength, boolean wholeLine, CharBuf to) {
        if (k >= lines || !wholeLine || (same[k] & (1 << spacing.ordinal())) == 0) {
            return -1;
        }
        int start = k == 0 ? 0 : inEnds[k - 1];
        if (start != inStart || inEnds[k] - start != inLength) {
            return -1;
        }
        int outStart = k == 0 ? 0 : outEnds[k - 1];
        to.append(out, outStart, outEnds[k]);
        return outEnds[k] - outStart;
    }

    /**
     * The whole output of a run with {@code spacing} over {@code text} when that run would take over
     * every line of it (a short text that its decision leaves as the keep pass wrote it).
     *
     * @return that output, {@code text} itself when it is a String the lines leave as it is; or
     *     {@code null} when the run must normalize some of the text itself
     */
    String wholeOutput(Spacing spacing, CharSequence text) {
        if ((lines == 0 ? 0 : inEnds[lines - 1]) != text.length()) {
            return null;
        }
        int bit = 1 << spacing.ordinal();
        for (int k = 0; k < lines; k++) {
            if ((same[k] & bit) == 0) {
                return null;
            }
        }
        int n = lines == 0 ? 0 : outEnds[lines - 1];
        if (text instanceof String s && n == s.length()) {
            int i = 0;
            while (i < n && out[i] == s.charAt(i)) {
                i++;
            }
            if (i == n) {
                return s;
            }
        }
        return new String(out, 0, n);
    }

    /** @return whether no line after the {@code k}-th can be taken over */
    boolean exhausted(int k) {
        return k >= lines;
    }

    /**
     * Collects the lines of the keep pass as {@link NormalizationRun} writes them, and counts their
     * boundaries for the decision as it goes. Not thread-safe.
     */
    static final class Recorder {
        /** The spacings a decision can give; one array for all lines ({@code values()} copies). */
        private static final Spacing[] DECIDED = {Spacing.KEEP, Spacing.NONE, Spacing.PANGU};
        private final SpacingCounter counter = new SpacingCounter(NormalizationPipeline.AUTO_COUNTED);
        private int[] inEnds = new int[64];
        private int[] outEnds = new int[64];
        private byte[] same = new byte[64];
        private int n;

        /**
         * Whether the next line is worth probing for pangu's places (S6): only once the lines so far
         * hold enough boundaries to decide, mostly spaced. A guess that costs nothing when wrong but
         * time: a line not probed is one the decided pass normalizes again if pangu wins, and a text
         * too short to decide (a search document, a row) is never probed at all.
         */
        boolean panguLikely() {
            int spaced = counter.spaced();
            int total = spaced + counter.unspaced();
            return total >= SpacingDecision.MIN_BOUNDARIES && 2 * spaced >= total;
        }

        /**
         * @param inEnd input consumed after the line, terminator included
         * @param out the output so far, which ends with the line
         * @param wholeLine whether the piece was a whole line, which did not change the fence state
         * @param processor the processor that has just normalized it with spacing=keep
         */
        void line(int inEnd, CharBuf out, boolean wholeLine, LineProcessor processor) {
            int outEnd = out.length();
            counter.add(out.array(), n == 0 ? 0 : outEnds[n - 1], outEnd);
            if (n == inEnds.length) {
                inEnds = Arrays.copyOf(inEnds, 2 * n);
                outEnds = Arrays.copyOf(outEnds, 2 * n);
                same = Arrays.copyOf(same, 2 * n);
            }
            int bits = 0;
            if (wholeLine) {
                for (Spacing s : DECIDED) {
                    if (processor.sameUnder(s)) {
                        bits |= 1 << s.ordinal();
                    }
                }
            }
            inEnds[n] = inEnd;
            outEnds[n] = outEnd;
            same[n] = (byte) bits;
            n++;
        }

        /**
         * @param out the keep pass's output (taken over, not copied), whose boundaries decide (S8)
         * @param prefix the text the pass read
         * @param length how many chars of {@code prefix} it read
         * @param wholeText whether they are the whole text, so that its last line is complete too
         */
        KeptPrefix build(CharBuf out, char[] prefix, int length, boolean wholeText) {
            SpacingDecision decision = SpacingDecision.of(counter.spaced(), counter.unspaced());
            int lines = 0;
            // A line that ends at the prefix's end without \n may go on, or its \r may meet a \n.
            while (lines < n && (wholeText || inEnds[lines] < length
                    || (inEnds[lines] == length && length > 0 && prefix[length - 1] == '\n'))) {
                lines++;
            }
            return new KeptPrefix(decision, out.array(), inEnds, outEnds, same, lines);
        }
    }
}
