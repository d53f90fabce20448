package dev.zhnorm.internal.normalize;

import dev.zhnorm.internal.EditLog;

/**
 * The line being normalized, double-buffered: each {@link Sweep} reads the current buffer and, when
 * it changes something, its output becomes current. When recording, the edits of successive sweeps
 * are composed into one log from the original line to the current text. Not thread-safe.
 */
final class LineWork {
    // Small to start with: a processor is built per call, and most texts of short calls are short.
    private Line current = new Line(32);
    private Line spare = new Line(32);
    private final LineEditor editor = new LineEditor();
    private final boolean record;
    private final boolean lean;
    private EditLog log;

    LineWork(boolean record, boolean lean) {
        this.record = record;
        this.lean = lean;
    }

    private EditLog newLog() {
        return lean ? EditLog.lean() : new EditLog();
    }

    /** Starts on a new line: the free chars {@code a[from,to)}. */
    void reset(char[] a, int from, int to) {
        current.load(a, from, to);
        log = record ? newLog() : null;
    }

    Line current() {
        return current;
    }

    /** @return the edits from the line given to {@link #reset} to the current text, or {@code null} when not recording */
    EditLog log() {
        return log;
    }

    /** Runs a sweep; its result, if any, becomes the current text. */
    boolean run(Sweep sweep) {
        EditLog stageLog = record ? newLog() : null;
        boolean changed = sweep.apply(current, spare, editor, stageLog);
        if (changed) {
            Line t = current;
            current = spare;
            spare = t;
            if (record) {
                log = EditLog.compose(log, stageLog);
            }
        }
        return changed;
    }
}
