package dev.zhnorm.internal.normalize;

import dev.zhnorm.internal.CharBuf;
import dev.zhnorm.internal.EditLog;
import dev.zhnorm.internal.Pipeline;
import dev.zhnorm.internal.PipelineRun;

import java.util.Arrays;

/**
 * The conversion step (T→S or any converter) applied to the free text of a line: each run of chars
 * between protected spans is converted on its own, so no dictionary match crosses or enters a span
 * (a URL's {@code /wiki/臺灣} stays). Holds per-call buffers; not thread-safe.
 */
final class ConversionStep {
    private final Pipeline pipeline;
    private final CharBuf out = new CharBuf(256);
    private final PipelineRun run;
    private final CharRange view = new CharRange();

    ConversionStep(Pipeline pipeline) {
        this.pipeline = pipeline;
        this.run = pipeline.newRun(out);
    }

    /** @return whether anything changed (the result then in {@code dst}) */
    boolean apply(Line src, Line dst, EditLog log) {
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
            while (j < n && k[j] == 0) {
                j++;
            }
            if (pipeline.firstChangeCandidate(c, i, j) == j) {
                dst.append(src, i, j);
            } else if (log != null) {
                view.set(c, i, j);
                Pipeline.Explained e = pipeline.explain(view);
                if (!e.output().contentEquals(view)) {
                    changed = true;
                    log.addAll(e.log().shifted(i, dst.n));
                }
                dst.append(e.output());
            } else {
                out.clear();
                run.push(c, i, j, true);
                char[] converted = out.array();
                int len = out.length();
                if (!changed && (len != j - i || !Arrays.equals(converted, 0, len, c, i, j))) {
                    changed = true;
                }
                dst.append(converted, 0, len);
            }
            i = j;
        }
        return changed;
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
