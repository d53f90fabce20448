package dev.zhnorm.internal.normalize;

import dev.zhnorm.internal.CharBuf;
import dev.zhnorm.internal.EditLog;
import dev.zhnorm.internal.Transducer;
import dev.zhnorm.normalize.Spacing;

import java.util.Arrays;

/**
 * The one line loop of normalization, as a {@link Transducer}: pushed text is cut into lines (and
 * pieces of long lines) by a {@link LineSplitter}, each goes through a {@link LineProcessor}, and
 * only an unfinished line is held back. Every entry point of {@link NormalizationPipeline} (whole
 * text, streaming, parallel, explain) is this loop driven by {@link dev.zhnorm.internal.Driver}.
 * Mutable; one per call or stream.
 */
final class NormalizationRun implements Transducer {
    private final LineProcessor processor;
    private final LineSplitter split;
    private final CharBuf out;
    /** Edits of everything pushed so far, input to output positions; {@code null} unless recording. */
    private final EditLog log;

    /** The held-back start of an unfinished line, {@code held[0,heldLength)}. */
    private char[] held = new char[0];
    private int heldLength;
    /** Whether the next piece starts a line. */
    private boolean first = true;
    /** Whether the last terminator was a lone {@code \r}. */
    private boolean afterLoneCr;
    /** Input chars consumed and output chars emitted so far, for the log's positions. */
    private int consumed;
    private int emitted;

    /** Marks of document prose, indexed by position in the whole text; {@code null} for plain text. */
    private final byte[] marks;

    /** The spacing this run applies. */
    private final Spacing spacing;
    /** For a decided pass from the text's start: the keep pass whose lines it takes over, else {@code null}. */
    private KeptPrefix kept;
    /** For the keep pass of spacing=auto: where its lines are recorded, else {@code null}. */
    private final KeptPrefix.Recorder recorder;
    /** Pieces written so far. */
    private int pieces;

    /**
     * @param log where edits are recorded, or {@code null}
     * @param marks for document prose, the {@link ProseMarks} of the whole text, which must then be
     *     pushed at once from index 0; or {@code null}
     */
    NormalizationRun(NormalizationPipeline settings, CharBuf out, LineSplitter split, EditLog log, byte[] marks) {
        this(settings, out, split, log, marks, null, null);
    }

    /**
     * @param kept the keep pass over the start of the same text, whose lines this run (which must
     *     start at the text's start and record nothing) takes over where its spacing allows; or {@code null}
     * @param recorder where this run, a spacing=keep run, records its lines for a later decided pass; or {@code null}
     */
    NormalizationRun(NormalizationPipeline settings, CharBuf out, LineSplitter split, EditLog log, byte[] marks,
                     KeptPrefix kept, KeptPrefix.Recorder recorder) {
        if ((kept != null && log != null) || (recorder != null && settings.spacing() != Spacing.KEEP)) {
            throw new IllegalArgumentException("kept lines are for plain decided runs, recorded by keep runs");
        }
        this.spacing = settings.spacing();
        this.kept = kept;
        this.recorder = recorder;
        this.marks = marks;
        this.processor = new LineProcessor(settings, log != null, log != null && log.isLean(), recorder != null);
        this.processor.documentProse(marks);
        this.split = split;
        this.out = out;
        this.log = log;
    }

    @Override
    public CharBuf out() {
        return out;
    }

    /** @return the edits of the text pushed so far (input to output positions), when recording */
    @Override
    public EditLog edits() {
        return log;
    }

    /** Inside a fenced code block, the text that follows is not read as a new text would be. */
    @Override
    public boolean carriesState() {
        return processor.inFence();
    }

    @Override
    public void push(char[] a, int from, int to, boolean end) {
        if (marks != null && (from != 0 || !end || consumed != 0 || heldLength != 0)) {
            throw new IllegalStateException("document prose is normalized in one push of the whole text");
        }
        char[] src;
        int pos;
        int limit;
        if (heldLength == 0) {
            // Nothing held back: lines are read in place, without a copy.
            src = a;
            pos = from;
            limit = to;
        } else {
            hold(a, from, to);
            src = held;
            pos = 0;
            limit = heldLength;
        }
        while (split.next(src, pos, limit, end)) {
            emit(src, pos);
            pos = split.nextStart;
        }
        int rest = limit - pos;
        if (src == held) {
            System.arraycopy(held, pos, held, 0, rest);
            split.moved(held, pos);
        } else {
            if (held.length < rest) {
                held = new char[Math.max(rest, 256)];
            }
            System.arraycopy(a, pos, held, 0, rest);
            // The splitter's scan of this unfinished line carries over to its copy; and the caller's
            // array, which may be refilled at the same index, is never taken for the same text.
            split.moved(held, pos);
        }
        heldLength = rest;
    }

    /** Appends {@code a[from,to)} to the held text, growing the buffer geometrically (linear overall). */
    private void hold(char[] a, int from, int to) {
        int need = heldLength + (to - from);
        if (need > held.length) {
            char[] bigger = Arrays.copyOf(held, (int) Math.min(Integer.MAX_VALUE - 16, Math.max(need, 2L * held.length)));
            split.moved(bigger, 0);
            held = bigger;
        }
        System.arraycopy(a, from, held, heldLength, to - from);
        heldLength = need;
    }

    /** Normalizes the piece {@link #split} found at {@code a[pos, pieceEnd)} and writes it with its terminator. */
    private void emit(char[] a, int pos) {
        int pieceEnd = split.pieceEnd;
        int nextStart = split.nextStart;
        boolean keepsLinesApart = afterLoneCr && nextStart - pieceEnd == 1 && a[pieceEnd] == '\n';
        boolean wholeLine = first && split.lineEnd;
        if (kept != null) {
            int taken = kept.take(pieces, spacing, consumed, nextStart - pos, wholeLine, out);
            if (taken >= 0) {
                emitted += taken;
                advance(a, pos, pieceEnd, nextStart);
                return;
            }
            if (kept.exhausted(pieces + 1)) {
                kept = null;
            }
        }
        boolean fenceBefore = processor.inFence();
        if (recorder != null) {
            processor.probePangu(recorder.panguLikely());
        }
        if (processor.process(a, pos, pieceEnd, first, split.lineEnd, keepsLinesApart)) {
            Line r = processor.result();
            if (log != null) {
                log.addAllShifted(processor.log(), consumed, emitted);
            }
            out.append(r.c, 0, r.n);
            emitted += r.n;
        } else {
            out.append(a, pos, pieceEnd);
            emitted += pieceEnd - pos;
        }
        out.append(a, pieceEnd, nextStart);
        emitted += nextStart - pieceEnd;
        if (recorder != null) {
            recorder.line(consumed + (nextStart - pos), out, wholeLine && fenceBefore == processor.inFence(),
                    processor);
        }
        advance(a, pos, pieceEnd, nextStart);
    }

    private void advance(char[] a, int pos, int pieceEnd, int nextStart) {
        consumed += nextStart - pos;
        pieces++;
        first = split.lineEnd;
        afterLoneCr = nextStart - pieceEnd == 1 && a[pieceEnd] == '\r';
    }
}
