package dev.zhnorm.internal.normalize;

import dev.zhnorm.internal.ChainShortcut;
import dev.zhnorm.internal.CharBuf;
import dev.zhnorm.internal.Driver;
import dev.zhnorm.internal.EditLog;
import dev.zhnorm.internal.Explained;
import dev.zhnorm.internal.Pipeline;
import dev.zhnorm.internal.PipelineRun;

import java.util.Arrays;

/**
 * The conversion step (T→S or any converter) applied to the free text of a line: each run of chars
 * between protected spans is converted on its own, so no dictionary match crosses or enters a span
 * (a URL's {@code /wiki/臺灣} stays). With {@code fixedPoint}, a changed run is converted again
 * until it stops changing, so that a second normalization finds nothing left (OpenCC's data has
 * phrase-level chains), keeping the values of user entries (final, not converted further) as they
 * are. A round that would make the run longer is not taken and ends the rounds: a phrase whose
 * value holds a key of the conversion grows on every round (s2twp {@code 算法 → 演算法 → 演演算法},
 * tw2sp {@code 奈及利亞 → 尼日利亚 → 尼日尔利亚}), while a chain closes without growing
 * (hk2s {@code 么麼 → 幺麽 → 幺么}). Holds per-call buffers; not thread-safe.
 */
final class ConversionStep {
    /** Rounds of converting converted text again, for conversions with phrase-level chains. */
    private static final int MAX_ROUNDS = 4;

    private final Pipeline pipeline;
    /** {@link #pipeline} without its normalization stages, for lines that hold none of their starters; or {@link #pipeline}. */
    private final Pipeline lightPipeline;
    private final boolean fixedPoint;
    private final CharBuf out = new CharBuf(64);
    private final CharRange view = new CharRange();
    // Runs are made on first use: a short text needs one of them at most, and a run costs more to
    // build than a line of prose to convert.
    private PipelineRun run;
    private PipelineRun light;
    private PipelineRun runAgain;
    /** The light pipeline's chain shortcut once derived, which this step then asks for no more. */
    private ChainShortcut shortcut;
    private CharBuf again;
    /** When recording: one reusable run instead of one per run of free text (made on first use). */
    private Pipeline.Explainer explainer;

    /**
     * @param lightPipeline the conversion for lines without {@link CharClasses#T_CLEAN} chars, or
     *     {@code null} to convert every line with {@code pipeline}
     */
    ConversionStep(Pipeline pipeline, Pipeline lightPipeline, boolean fixedPoint) {
        this.pipeline = pipeline;
        this.lightPipeline = lightPipeline != null ? lightPipeline : pipeline;
        this.fixedPoint = fixedPoint;
    }

    /**
     * Converts {@code c[from,to)} into {@link #out}: a line without {@link CharClasses#T_CLEAN} chars
     * through the light pipeline, or its chain shortcut where that applies; any other line through
     * the whole pipeline (whose normalization stages rule a shortcut out).
     */
    private void convert(char[] c, int from, int to, int mask) {
        out.clear();
        if ((mask & CharClasses.T_CLEAN) == 0 || lightPipeline == pipeline) {
            ChainShortcut s = shortcut != null ? shortcut : (shortcut = lightPipeline.chainShortcutAfter(to - from));
            if (s != null) {
                if (s.convert(c, from, to, out)) {
                    return;
                }
                out.clear();
            }
            if (light == null) {
                light = lightPipeline.newRun(out);
            }
            light.push(c, from, to, true);
        } else {
            if (run == null) {
                run = pipeline.newRun(out);
            }
            run.push(c, from, to, true);
        }
    }

    private PipelineRun runAgain() {
        if (runAgain == null) {
            again = new CharBuf(64);
            runAgain = pipeline.keepingUserValues().newRun(again);
        }
        return runAgain;
    }

    /**
     * @param mask the trigger bits of {@code src} ({@link CharClasses#classify})
     * @return whether anything changed (the result then in {@code dst})
     */
    boolean apply(Line src, Line dst, EditLog log, int mask) {
        char[] c = src.c;
        byte[] k = src.k;
        int n = src.n;
        boolean changed = false;
        dst.n = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            if (k[i] != 0) {
                while (j < n && k[j] != 0) {
                    j++;
                }
                dst.append(src, i, j);
                i = j;
                continue;
            }
            j = src.endOfFree(i);
            if (pipeline.firstChangeCandidate(c, i, j) == j) {
                dst.append(src, i, j);
            } else if (log != null) {
                view.set(c, i, j);
                Explained e = explainer(log.isLean()).explain(c, i, j);
                String output = e.output();
                EditLog edits = e.log();
                for (int round = 1; fixedPoint && round < MAX_ROUNDS && !output.contentEquals(view); round++) {
                    Explained next = Driver.explain(pipeline.keepingUserValues(), output, log.isLean());
                    if (next.output().equals(output) || next.output().length() > output.length()) {
                        break; // a fixed point, or a round that would grow the run on every round
                    }
                    edits = EditLog.compose(edits, next.log());
                    output = next.output();
                }
                if (!output.contentEquals(view)) {
                    changed = true;
                    log.addAllShifted(edits, i, dst.n);
                }
                dst.append(output);
            } else {
                convert(c, i, j, mask);
                char[] converted = out.array();
                int len = out.length();
                for (int round = 1; fixedPoint && round < MAX_ROUNDS; round++) {
                    if (len == j - i && Arrays.equals(converted, 0, len, c, i, j)) {
                        break; // unchanged: nothing to convert again
                    }
                    PipelineRun second = runAgain();
                    again.clear();
                    second.push(converted, 0, len, true);
                    if (again.length() > len
                            || again.length() == len && Arrays.equals(again.array(), 0, len, converted, 0, len)) {
                        break; // a round that would grow the run on every round, or a fixed point
                    }
                    out.clear();
                    out.append(again.array(), 0, again.length());
                    converted = out.array();
                    len = out.length();
                }
                if (!changed && (len != j - i || !Arrays.equals(converted, 0, len, c, i, j))) {
                    changed = true;
                }
                dst.append(converted, 0, len);
            }
            i = j;
        }
        return changed;
    }

    /** @param lean whether the logs are lean, the same in every call of a step (its line work's) */
    private Pipeline.Explainer explainer(boolean lean) {
        if (explainer == null) {
            explainer = pipeline.new Explainer(lean);
        }
        return explainer;
    }

    /** A reusable read-only view of part of a char array: the explain path reads the range without copying it first. */
    private static final class CharRange implements CharSequence {
        private char[] a;
        private int from;
        private int to;

        void set(char[] array, int start, int end) {
            this.a = array;
            this.from = start;
            this.to = end;
        }

        @Override
        public int length() {
            return to - from;
        }

        @Override
        public char charAt(int index) {
            return a[from + index];
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new String(a, from + start, end - start);
        }

        @Override
        public String toString() {
            return new String(a, from, to - from);
        }
    }
}
