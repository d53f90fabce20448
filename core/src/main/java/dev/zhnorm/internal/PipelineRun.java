package dev.zhnorm.internal;

import dev.zhnorm.internal.CompiledDictionary.Boundaries;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The mutable state of one conversion through a {@link Pipeline}: a cascade of levels, each a greedy
 * left-to-right transducer that keeps back only the chars whose match could still grow. Pushing the
 * whole text with {@code end = true} gives the whole-string result; pushing it in pieces gives the
 * same output, which is what streaming relies on. Not thread-safe; one per call or stream.
 */
public final class PipelineRun implements Transducer {
    private final Level head;
    private final CharBuf out;
    /** The levels that convert, in cascade order, when recording edits. */
    private final List<RecordingLevel> recorded = new ArrayList<>();
    private final boolean lean;

    /** The user-entries level, when the pipeline has user entries. */
    private final UserEntries userEntries;

    PipelineRun(Pipeline pipeline, CharBuf out) {
        this(pipeline, out, false, false);
    }

    /**
     * @param record whether the levels record their edits, for {@link #edits()}
     * @param lean whether those logs are {@linkplain EditLog#lean() lean}: stages then keep their
     *     fast table-driven conversion and log only the matches a lean log keeps
     */
    PipelineRun(Pipeline pipeline, CharBuf out, boolean record, boolean lean) {
        this.out = out;
        this.lean = lean;
        Level next = new Sink(out);
        List<CompiledDictionary> chain = pipeline.chain();
        // The fused segmenter records only lean logs; a full explanation segments and converts apart.
        boolean fuse = pipeline.fusedSegmentation() && (!record || lean);
        List<Level> chainLevels = new ArrayList<>();
        for (int i = chain.size() - 1; i >= (fuse ? 1 : 0); i--) {
            next = stage(chain.get(i), next, out, record);
            chainLevels.add(next);
        }
        if (fuse) {
            // A second and last stage whose keys are single chars maps char by char: segment
            // boundaries cannot change its output, so segments may reach it in one piece.
            boolean batch = chain.size() == 2 && chain.get(1).maxKeyLength() <= 1;
            // A second and last stage with phrases (twp, hkp): segments may still reach it together
            // where none of its keys can span the boundary between them.
            CompiledDictionary joinBy = chain.size() == 2 && !batch ? chain.get(1) : null;
            // Not recording, such a stage may even be folded into the first one's values.
            CompiledDictionary charMap = batch && !record ? chain.get(1) : null;
            FusedSegmenter f = new FusedSegmenter(chain.get(0), next, batch, joinBy, charMap, out,
                    pipeline, record ? EditLog.lean() : null);
            if (record) {
                recorded.add(f);
            }
            next = f;
        } else if (pipeline.segmentation() != null) {
            // Not recording, the chain may take whole texts, told where the segments end.
            boolean whole = !record && chain.stream().noneMatch(CompiledDictionary::valuesHoldOperators);
            next = new Segmenter(pipeline.segmentation(), next, whole ? chain : null, chainLevels, out, pipeline);
        }
        List<CompiledDictionary> norm = pipeline.normalization();
        for (int i = norm.size() - 1; i >= 0; i--) {
            next = stage(norm.get(i), next, out, record);
        }
        userEntries = pipeline.user() == null ? null
                : new UserEntries(pipeline.user(), next, out, !record ? null : lean ? EditLog.lean() : new EditLog());
        head = userEntries != null ? userEntries : next;
        Collections.reverse(recorded);
    }

    private Stage stage(CompiledDictionary dict, Level next, CharBuf out, boolean record) {
        Stage s = new Stage(dict, next, out, !record ? null : lean ? EditLog.lean() : new EditLog());
        if (record) {
            recorded.add(s);
        }
        return s;
    }

    @Override
    public CharBuf out() {
        return out;
    }

    /**
     * For a recording run: the edits of the text pushed since the last call (or since the run
     * began), input to output positions counted from there, complete after a push with
     * {@code end}; the levels then record the next text from its start.
     */
    @Override
    public EditLog edits() {
        return userEntries != null ? userEntries.takeLog() : cascadeEdits();
    }

    /**
     * @return the recorded edits of the cascade below the user entries composed, input to output of
     *     the text pushed since the last call; the levels then record the next text from its start
     */
    private EditLog cascadeEdits() {
        EditLog all = lean ? EditLog.lean() : new EditLog();
        for (RecordingLevel r : recorded) {
            all = EditLog.compose(all, r.log());
            r.restart();
        }
        return all;
    }

    /**
     * Feeds {@code a[from,to)}. With {@code end}, the text is complete: everything is flushed to the
     * output and the run can start over with a new text.
     */
    @Override
    public void push(char[] a, int from, int to, boolean end) {
        head.push(a, from, to, end);
    }

    /** How far back from a streamed window's end a safe cut is looked for. */
    private static final int CUT_REACH = 4096;

    /**
     * @return the last position in {@code (from, to)} before which the pipeline may be cut (a char
     *     in no key, outside any description sequence: {@link Pipeline#isSafeCut}), found within
     *     {@link #CUT_REACH} of {@code to}, or {@code from}: the text before it converts as a whole
     *     text would
     */
    private static int lastCut(char[] a, int from, int to, Pipeline pipeline) {
        for (int i = to - 1, low = Math.max(from + 1, to - CUT_REACH); i >= low; i--) {
            if (pipeline.isSafeCut(a, i)) {
                return i;
            }
        }
        return from;
    }

    /** One transducer in the cascade; keeps the input it could not decide yet. */
    private abstract static class Level {
        private final CharBuf pending = CharBuf.growing();

        final void push(char[] a, int from, int to, boolean end) {
            if (pending.isEmpty()) {
                int done = process(a, from, to, end);
                pending.append(a, done, to);
            } else {
                pending.append(a, from, to);
                int done = process(pending.buf, 0, pending.len, end);
                pending.consume(done);
            }
        }

        /** Processes {@code a[from,to)} as far as it can; returns how far ({@code to} when {@code end}). */
        abstract int process(char[] a, int from, int to, boolean end);
    }

    /**
     * A level that records its edits (or not, with a {@code null} log): positions count its input
     * ({@link #consumed}) and output ({@link #emitted}) from the text's start.
     */
    private abstract static class RecordingLevel extends Level {
        EditLog log;
        int consumed;
        int emitted;

        RecordingLevel(EditLog log) {
            this.log = log;
        }

        /** @return the edits since the last restart */
        final EditLog log() {
            return log;
        }

        /** Starts recording a new text (the last one was pushed to its end). */
        final void restart() {
            log = log.newOfSameKind();
            consumed = 0;
            emitted = 0;
        }
    }

    /** The end of the cascade: appends to the output. */
    private static final class Sink extends Level {
        private final CharBuf out;

        Sink(CharBuf out) {
            this.out = out;
        }

        @Override
        int process(char[] a, int from, int to, boolean end) {
            out.append(a, from, to);
            return to;
        }
    }

    /** One dictionary applied greedily; {@code end} from upstream means end of text or of segment. */
    private static final class Stage extends RecordingLevel {
        private final CompiledDictionary dict;
        private final Level next;
        private final CharBuf scratch;
        /**
         * Whether this stage, a dense dictionary in a plain run, converts through {@link
         * CompiledDictionary#convert(char[], int, int, boolean, CharBuf)}, which skips the keys that
         * change nothing.
         */
        private final boolean skipping;

        Stage(CompiledDictionary dict, Level next, CharBuf finalOut, EditLog log) {
            super(log);
            this.dict = dict;
            this.next = next;
            this.skipping = log == null && dict.skipsUnchangingKeys();
            // The last stage writes straight into the output instead of through a scratch buffer.
            this.scratch = next instanceof Sink && (log == null || log.isLean()) ? finalOut : CharBuf.growing();
        }

        @Override
        int process(char[] a, int from, int to, boolean end) {
            if (log != null && !log.isLean()) {
                return processRecording(a, from, to, end);
            }
            int first = dict.firstStop(a, from, to);
            if (first == to) {
                // Nothing here can match: every decision is "copy", whatever follows.
                next.push(a, from, to, end);
                consumed += to - from;
                emitted += to - from;
                return to;
            }
            boolean direct = next instanceof Sink;
            if (!direct) {
                scratch.clear();
            }
            int outStart = scratch.len;
            scratch.append(a, from, first);
            // Positions in a lean log count this stage's input and output from the start of the text.
            int done = skipping ? dict.convert(a, first, to, end, scratch)
                    : dict.convert(a, first, to, end, scratch, log, consumed - from, emitted - outStart);
            consumed += done - from;
            emitted += scratch.len - outStart;
            if (!direct) {
                next.push(scratch.buf, 0, scratch.len, end);
                scratch.clear();
            }
            return done;
        }

        /** The same greedy decisions, one match at a time, logging every replacement. */
        private int processRecording(char[] a, int from, int to, boolean end) {
            int limit = end ? to : Math.min(to, to - dict.maxKeyLength() + 1);
            scratch.clear();
            int p = from;
            while (p < limit) {
                long m = dict.match(a, p, to);
                if (m == CompiledDictionary.NO_MATCH) {
                    int ids = IdeographicDescription.length(a, p, to, end);
                    if (ids == IdeographicDescription.NEED_MORE) {
                        break;
                    }
                    int n = Math.max(1, ids);
                    scratch.append(a, p, p + n);
                    p += n;
                    continue;
                }
                int len = CompiledDictionary.matchLength(m);
                int id = CompiledDictionary.matchValue(m);
                int outStart = emitted + scratch.len;
                dict.appendValue(id, scratch);
                log.add(consumed + (p - from), consumed + (p - from) + len, outStart, emitted + scratch.len,
                        dict.source(id));
                p += len;
            }
            consumed += p - from;
            emitted += scratch.len;
            next.push(scratch.buf, 0, scratch.len, end);
            scratch.clear();
            return p;
        }
    }

    /**
     * A level that scans for its dictionary's keys, left to right, longest match first: the text
     * between matches is an unmatched run that goes on to {@link #next}; what a match becomes is the
     * subclass's. Holds back the last {@code maxKeyLength - 1} chars until the text's end, where a
     * longer match could still start.
     */
    private abstract static class MatchScanner extends Level {
        final CompiledDictionary dict;
        final Level next;

        MatchScanner(CompiledDictionary dict, Level next) {
            this.dict = dict;
            this.next = next;
        }

        @Override
        int process(char[] a, int from, int to, boolean end) {
            int limit = end ? to : Math.min(to, to - dict.maxKeyLength() + 1);
            int runStart = from;
            int p = from;
            while (p < limit) {
                p = candidate(a, p, limit, to);
                if (p >= limit) {
                    break;
                }
                long m = dict.match(a, p, to);
                if (m == CompiledDictionary.NO_MATCH) {
                    int skip = unmatched(a, runStart, p, to, end);
                    if (skip < 0) {
                        return p;
                    }
                    p += skip;
                    continue;
                }
                next.push(a, runStart, p, true); // closes the unmatched run (and anything pending)
                matched(a, p, m);
                p += CompiledDictionary.matchLength(m);
                runStart = p;
            }
            p = Math.max(p, Math.min(limit, to));
            // The unmatched run so far: final only at the end of the text.
            next.push(a, runStart, p, end);
            return p;
        }

        /** @return the first position in {@code [p, limit)} where a key may match, or {@code limit} */
        abstract int candidate(char[] a, int p, int limit, int to);

        /**
         * No key matches at {@code p}, a candidate.
         *
         * @return how many chars join the unmatched run, or -1 to stop before {@code p} until more text comes
         */
        abstract int unmatched(char[] a, int runStart, int p, int to, boolean end);

        /** The key {@code m} matched at {@code p}; the run before it has gone on. */
        abstract void matched(char[] a, int p, long m);
    }

    /**
     * OpenCC's maximum-match segmentation: a matched key is a segment of its own; consecutive
     * unmatched chars form one segment. Each segment goes through the chain on its own, so the chain
     * gets {@code end = true} at every segment boundary.
     */
    private static final class Segmenter extends MatchScanner {
        /**
         * The chain's dictionaries, when they may convert a whole text in turn ({@link
         * CompiledDictionary#convertWithin}), else null; the profile of hk2s put half its time in
         * the scan for segments and in pushing each through the chain.
         */
        private final List<CompiledDictionary> chain;
        /** The chain's levels, which must hold nothing back when a whole text bypasses them. */
        private final List<Level> chainLevels;
        private final CharBuf out;
        /** The pipeline, which knows where a streamed window may be cut ({@link Pipeline#isSafeCut}). */
        private final Pipeline pipeline;
        /** The outputs of the stages before the last, made on first use. */
        private CharBuf between;
        private CharBuf between2;

        Segmenter(CompiledDictionary dict, Level chainHead, List<CompiledDictionary> chain, List<Level> chainLevels,
                  CharBuf out, Pipeline pipeline) {
            super(dict, chainHead);
            this.chain = chain;
            this.chainLevels = chainLevels;
            this.out = out;
            this.pipeline = pipeline;
        }

        @Override
        int process(char[] a, int from, int to, boolean end) {
            if (chain != null) {
                // Streaming, the window up to its last char that no key holds is a whole text.
                int whole = end ? to : lastCut(a, from, to, pipeline);
                if (whole - from >= 2 && chainIdle() && convertWhole(a, from, whole)) {
                    return whole;
                }
            }
            return super.process(a, from, to, end);
        }

        private boolean chainIdle() {
            for (Level l : chainLevels) {
                if (!l.pending.isEmpty()) {
                    return false;
                }
            }
            return true;
        }

        /**
         * Each stage converts the whole text in turn, asking where the segments end only where one
         * of its keys of two or more code points matches: the same greedy decisions as segment by
         * segment. The answers are in input positions; a {@link PositionMap} per stage carries the
         * places where a value of another length shifted a stage's output against its input.
         * Where a description operator stands in the text, segments matter to the chain's stages
         * beyond where keys may match: the first stage gives up at it (its table loop stops at every
         * operator, so there is no pass over the text to look for them) and nothing is written.
         *
         * @return whether it converted
         */
        private boolean convertWhole(char[] a, int from, int to) {
            if (between == null) {
                between = new CharBuf(256);
                between2 = new CharBuf(256);
            }
            char[] src = a;
            int s0 = from;
            int s1 = to;
            PositionMap map = null;
            for (int k = 0; k < chain.size(); k++) {
                boolean last = k == chain.size() - 1;
                CharBuf dst = last ? out : k % 2 == 0 ? between : between2;
                int d0 = last ? out.len : 0;
                if (!last) {
                    dst.clear();
                }
                PositionMap input = map;
                map = last ? null : new PositionMap(input, s0, d0);
                SegmentBoundaries segments = new SegmentBoundaries(dict, true, a, from, to);
                // The first stage reads the original text itself: its positions are the answers'.
                Boundaries b = input == null ? segments::firstAfter : input.outputBoundaries(segments);
                if (!chain.get(k).convertWithin(src, s0, s1, dst, b, map, k == 0)) {
                    dst.len = d0; // only the first stage gives up: nothing has reached the output
                    return false;
                }
                src = dst.buf;
                s0 = d0;
                s1 = dst.len;
            }
            return true;
        }

        @Override
        int candidate(char[] a, int p, int limit, int to) {
            return dict.nextCandidate(a, p, limit, to);
        }

        @Override
        int unmatched(char[] a, int runStart, int p, int to, boolean end) {
            // A complete description sequence joins the unmatched run whole.
            int ids = IdeographicDescription.length(a, p, to, end);
            if (ids == IdeographicDescription.NEED_MORE) {
                next.push(a, runStart, p, false);
                return -1;
            }
            return Math.max(1, ids);
        }

        @Override
        void matched(char[] a, int p, long m) {
            next.push(a, p, p + CompiledDictionary.matchLength(m), true);
        }
    }

    /**
     * Maximum-match segmentation fused with the chain's first stage, when the segmentation keys are
     * exactly that stage's keys of two or more code points ({@link Pipeline}): one walk per position.
     * A matched key is a segment whose first-stage output is its value; the text between converts by
     * keys of one code point, and goes on through the rest of the chain as the unmatched run.
     */
    private static final class FusedSegmenter extends RecordingLevel {
        private final CompiledDictionary dict;
        private final Level rest;
        // log: a lean log of the first stage's edits, or null: the same edits as the stage apart (a
        // segment's key to its value; one code point's key to its value), in the stage's input and
        // output positions (consumed, and emitted, the output chars pushed on before the scratch's
        // content, plus the place in the scratch).
        /**
         * Whether {@link #rest} maps char by char (one stage with one-char keys, then the output):
         * then consecutive segments without description operators may reach it in one piece, as
         * their conversions concatenate. The profile of s2hk showed the per-segment pushes (a scan
         * and a call chain per two-char phrase) as a sixth of the time.
         */
        private final boolean batch;
        private final CharBuf scratch = CharBuf.growing();
        /**
         * What {@link CompiledDictionary#convertSingles} found where it stopped: the match (one walk
         * per segment, not two) and whether an operator was seen.
         */
        private final long[] found = new long[2];

        /**
         * Where {@link #rest} is one stage with phrases, that stage: consecutive segments go to it in
         * one piece where no key of it may span the boundary between them ({@link
         * CompiledDictionary#mayContinue}), since its greedy walk then cuts there by itself; else null.
         * The profile of s2twp put a third of its time in per-segment pushes.
         */
        private final CompiledDictionary joinBy;
        /** Whether a matched value may hold a description operator (none of OpenCC's do). */
        private final boolean valuesHoldOperators;

        /**
         * Where {@link #rest} is one stage of one-char keys that writes to the output and nothing is
         * recorded, that stage, else null: a window without description operators then converts
         * with {@link CompiledDictionary#followedBy} straight into {@link #out}, one pass where there
         * were two and a copy between them (s2hk, s2tw).
         */
        private final CompiledDictionary charMap;
        private final CharBuf out;
        /** The pipeline, which knows where a streamed window may be cut ({@link Pipeline#isSafeCut}). */
        private final Pipeline pipeline;

        FusedSegmenter(CompiledDictionary dict, Level rest, boolean batch, CompiledDictionary joinBy,
                       CompiledDictionary charMap, CharBuf out, Pipeline pipeline, EditLog log) {
            super(log);
            this.dict = dict;
            this.rest = rest;
            this.batch = batch;
            this.joinBy = joinBy;
            this.charMap = charMap;
            this.out = out;
            this.pipeline = pipeline;
            this.valuesHoldOperators = dict.valuesHoldOperators();
        }

        @Override
        int process(char[] a, int from, int to, boolean end) {
            int done = segment(a, from, to, end);
            consumed += done - from;
            return done;
        }

        private int segment(char[] a, int from, int to, boolean end) {
            scratch.clear();
            if (log == null && batch && dict.skipsUnchangingKeys() && rest.pending.isEmpty()) {
                // Segments only matter to the rest of the chain through description sequences; where
                // there are none, the stage converts the whole window, skipping the keys that change
                // nothing, and the rest takes it in one piece. Where there are, nothing of the
                // attempt is kept and the window goes segment by segment below.
                CompiledDictionary both = charMap == null ? null : dict.followedBy(charMap, to - from);
                CharBuf into = both != null ? out : scratch;
                int outStart = into.len;
                int p = (both != null ? both : dict).convertUnlessOperator(a, from, to, end, into);
                if (p >= 0) {
                    if (both != null) {
                        emitted += out.len - outStart;
                    } else if (scratch.len > 0) {
                        rest.push(scratch.buf, 0, scratch.len, end);
                        pushed();
                    }
                    return p;
                }
                into.len = outStart;
            }
            if (log == null && joinBy != null && rest.pending.isEmpty()) {
                // Once derived, the phrase stage folded into this one (PhraseStageFold) converts the
                // window in one pass straight into the output; where a description operator stands,
                // nothing of the attempt is kept and the paths below take the window.
                PhraseStageFold fold = dict.foldedWith(joinBy, to - from);
                if (fold != null) {
                    int outStart = out.len;
                    int p = fold.dict.convertFolded(a, from, to, end, out, fold);
                    if (p >= 0) {
                        emitted += out.len - outStart;
                        return p;
                    }
                    out.len = outStart;
                }
            }
            int whole = end || joinBy == null ? to : lastCut(a, from, to, pipeline);
            if (log == null && joinBy != null && whole > from && rest.pending.isEmpty()) {
                // The first stage converts the whole text (or, streaming, the window up to its last
                // char that no key holds), skipping the keys that change nothing, and the
                // phrase stage takes its output in one pass, asking where the segments end only
                // where one of its phrases matches: the same greedy decisions as segment by segment.
                // The answers are in input positions; the map carries the values of another length.
                PositionMap map = new PositionMap(null, from, 0);
                if (dict.convertWhole(a, from, whole, scratch, map)) {
                    SegmentBoundaries segments = new SegmentBoundaries(dict, false, a, from, whole);
                    int outStart = out.len;
                    joinBy.convertWithin(scratch.buf, 0, scratch.len, out, map.outputBoundaries(segments), null, false);
                    emitted += out.len - outStart;
                    scratch.clear();
                    return whole;
                }
                scratch.clear(); // a description operator, or a text too short to derive the filters for
            }
            int limit = end ? to : Math.min(to, to - dict.maxKeyLength() + 1);
            int p = from;
            int runAt = 0;
            while (p < limit) {
                p = dict.convertSingles(a, p, limit, to, end, scratch, found, log, consumed - from, emitted);
                if (p >= limit) {
                    break;
                }
                long m = found[0];
                if (m == CompiledDictionary.NO_MATCH) {
                    // A description sequence that the text after {@code to} decides.
                    pushRun(runAt, false, false);
                    return p;
                }
                boolean batched = pushRun(runAt, true, true); // closes the unmatched run
                int valueAt = scratch.len;
                dict.appendValue(CompiledDictionary.matchValue(m), scratch);
                if (log != null) {
                    int at = consumed + p - from;
                    log.add(at, at + CompiledDictionary.matchLength(m), emitted + valueAt, emitted + scratch.len, null);
                }
                if (!batched || (valuesHoldOperators && IdeographicDescription.anyOperator(scratch.buf, valueAt, scratch.len))) {
                    pushBatch(valueAt);
                    rest.push(scratch.buf, valueAt, scratch.len, true);
                    pushed();
                } else if (!joins(valueAt)) {
                    flushBefore(valueAt); // the value starts the next batch
                }
                p += CompiledDictionary.matchLength(m);
                runAt = scratch.len; // the next run starts here
            }
            p = Math.max(p, Math.min(limit, to));
            if (joinBy != null && !end) {
                // The segments before the run are complete: they close here, or the next window's
                // first segment would join the last of them in the rest's held-back text. Only the
                // run may go on.
                pushBatch(runAt);
                if (scratch.len > runAt) {
                    rest.push(scratch.buf, runAt, scratch.len, false);
                }
                pushed();
                return p;
            }
            // The converted run so far: final only at the end of the text.
            pushRun(runAt, end, true);
            if (scratch.len > 0) {
                rest.push(scratch.buf, 0, scratch.len, end);
                pushed();
            }
            return p;
        }

        /**
         * The run that starts at {@code runAt} in {@link #scratch} is complete: leaves it there, in
         * the batch, when that gives the same output, else pushes the batch before it (one piece)
         * and the run (one segment, {@code segmentEnd} as given) and empties the scratch.
         *
         * @param mayBatch false where the run must go through now
         * @return whether the run stayed in the batch
         */
        private boolean pushRun(int runAt, boolean segmentEnd, boolean mayBatch) {
            if (mayBatch && (batch || joinBy != null) && found[1] == 0 && rest.pending.isEmpty()) {
                if (!joins(runAt)) {
                    flushBefore(runAt); // the run starts the next batch
                }
                return true;
            }
            pushBatch(runAt);
            rest.push(scratch.buf, runAt, scratch.len, segmentEnd);
            pushed();
            return false;
        }

        /**
         * @return whether the segment that starts at {@code at} in {@link #scratch} may join the batch
         *     before it: always for a rest that maps char by char, else where no key of the rest spans
         */
        private boolean joins(int at) {
            return batch || at == 0 || at == scratch.len || !joinBy.mayContinue(scratch.buf[at - 1], scratch.buf[at]);
        }

        /** Pushes the batch {@code scratch[0, at)} as one piece; what follows it stays, at the start. */
        private void flushBefore(int at) {
            pushBatch(at);
            emitted += at;
            scratch.consume(at);
        }

        /** The whole scratch went on: it starts over, further on in the output. */
        private void pushed() {
            emitted += scratch.len;
            scratch.clear();
        }

        /** Pushes {@code scratch[0, upTo)}, segments without operators, as one piece. */
        private void pushBatch(int upTo) {
            if (upTo > 0) {
                rest.push(scratch.buf, 0, upTo, true);
            }
        }

    }

    /**
     * User entries: matched first, on the raw input; their values are final and bypass the rest of
     * the pipeline, which sees the text between them as separate texts. When recording, the edits of
     * each such text (the cascade's, taken at its end) and of each entry go into one log, in this
     * run's input and output positions.
     */
    private final class UserEntries extends MatchScanner {
        private final CharBuf out;
        private EditLog log;
        /** Run input consumed before the {@code from} of the current call, and output emitted before it. */
        private int consumed;
        private int emitted;
        private int from;
        private int outAtCall;
        /** Where the current text between entries starts, in input and output. */
        private int textIn;
        private int textOut;

        UserEntries(CompiledDictionary dict, Level rest, CharBuf out, EditLog log) {
            super(dict, rest);
            this.out = out;
            this.log = log;
        }

        @Override
        int process(char[] a, int from, int to, boolean end) {
            this.from = from;
            this.outAtCall = out.len;
            int done = super.process(a, from, to, end);
            if (log != null && end) {
                endText(consumed + done - from);
            }
            consumed += done - from;
            emitted += out.len - outAtCall;
            return done;
        }

        @Override
        int candidate(char[] a, int p, int limit, int to) {
            return dict.firstStarter(a, p, limit);
        }

        @Override
        int unmatched(char[] a, int runStart, int p, int to, boolean end) {
            return 1;
        }

        @Override
        void matched(char[] a, int p, long m) {
            int at = consumed + p - from;
            if (log != null) {
                endText(at);
            }
            int outStart = output();
            dict.appendValue(CompiledDictionary.matchValue(m), out);
            if (log != null) {
                int len = CompiledDictionary.matchLength(m);
                log.add(at, at + len, outStart, output(), dict.source(CompiledDictionary.matchValue(m)));
                textIn = at + len;
                textOut = output();
            }
        }

        /** The text between entries ended (the cascade got its end) at input {@code at}: its edits join the log. */
        private void endText(int at) {
            if (at > textIn) {
                log.addAllShifted(cascadeEdits(), textIn, textOut);
            }
            textIn = at;
            textOut = output();
        }

        private int output() {
            return emitted + out.len - outAtCall;
        }

        /** @return the log since the last call; positions start over from here */
        EditLog takeLog() {
            EditLog taken = log;
            log = log.newOfSameKind();
            consumed = 0;
            emitted = 0;
            textIn = 0;
            textOut = 0;
            return taken;
        }
    }
}
