package dev.zhnorm.internal;

import dev.zhnorm.LengthChangeListener;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * Every entry point of an {@link Engine}, written once: whole text (the same String back when nothing
 * changes), appending, streaming, and the parallel forms, whose pieces are cut only where the engine
 * says it is safe, so every form gives the whole-text result char for char. Stateless.
 */
public final class Driver {
    /** Look for a preferred cut (a line end) this far from the ideal position before taking any safe one. */
    private static final int PREFERRED_CUT_REACH = 1 << 16;
    /** Texts below twice this many chars run on the caller's thread; larger ones in pieces of at least this. */
    private static final int PARALLEL_PIECE = 1 << 18;
    /** Blocks of the parallel streaming form, and how many may be pending. */
    private static final int STREAM_BLOCK = 1 << 20;
    private static final int STREAM_IN_FLIGHT = 4;
    /** The quick check reads the text in chunks of this many chars. */
    private static final int CHECK_CHUNK = 1 << 12;

    private Driver() {
    }

    /** @return the transformed text; {@code text} itself when it is a String that nothing changes */
    public static String apply(Engine engine, CharSequence text) {
        int n = text.length();
        String known = engine.knownOutput(text);
        if (known != null) {
            return known;
        }
        if (engine.firstChangeCandidate(text) == n) {
            return text.toString();
        }
        if (n >= 2 * BLOCK) {
            return applyInBlocks(engine, text);
        }
        char[] a = toArray(text);
        CharBuf out = transform(engine, a, 0, n);
        // Entries that map to themselves (identity entries, t2cn's fixed points) change nothing:
        // a String input then comes back as the same instance, as the API promises.
        if (text instanceof String s && out.len == n && Arrays.equals(out.buf, 0, n, a, 0, n)) {
            return s;
        }
        return out.toString();
    }

    /** Long texts are pushed in blocks of this many chars. */
    private static final int BLOCK = 1 << 14;

    /**
     * {@link #apply(Engine, CharSequence)} of a long text, pushed through one run in blocks read
     * into a small reused array, as streaming does: no copy of the whole input, and each block's
     * chars are still in cache when the run reads them. One core, 左传, against one push of the
     * whole copied text: s2t 1.09x, t2s 1.28x, hk2t 1.27x, s2twp 1.11x; blocks of 8 K to 32 K chars
     * did alike, 64 K and more less well.
     */
    private static String applyInBlocks(Engine engine, CharSequence text) {
        int n = text.length();
        CharBuf out = new CharBuf(n + (n >> 3) + 16);
        Transducer run = engine.newLongRun(out);
        char[] block = new char[BLOCK];
        boolean same = text instanceof String;
        for (int at = 0; at < n; at += BLOCK) {
            int len = Math.min(BLOCK, n - at);
            copy(text, at, at + len, block);
            int before = out.len;
            run.push(block, 0, len, at + len == n);
            // Still the same text? Output and input align while nothing has changed.
            if (same && (out.len > at + len || !sameChars(out.buf, before, out.len, text, before))) {
                same = false;
            }
        }
        if (same && out.len == n) {
            return text.toString();
        }
        return out.toString();
    }

    /** Appends the transformed text to {@code out}. */
    public static void apply(Engine engine, CharSequence text, Appendable out) {
        try {
            String known = engine.knownOutput(text);
            if (known != null) {
                out.append(known);
                return;
            }
            if (engine.firstChangeCandidate(text) == text.length()) {
                out.append(text);
                return;
            }
            char[] a = toArray(text);
            write(transform(engine, a, 0, a.length), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Whether the transform leaves {@code text} as it is, decided as early as possible: the text goes
     * through a run in small chunks (no copy of the whole input) and the first output that differs
     * from the input ends the check.
     */
    public static boolean isUnchanged(Engine engine, CharSequence text) {
        int n = text.length();
        String known = engine.knownOutput(text);
        if (known != null) {
            return known.contentEquals(text);
        }
        if (engine.firstChangeCandidate(text) == n) {
            return true;
        }
        Transducer run = engine.newRun(new CharBuf(CHECK_CHUNK + (CHECK_CHUNK >> 2)));
        CharBuf out = run.out();
        char[] chunk = new char[CHECK_CHUNK];
        int pushed = 0;
        int compared = 0;
        while (pushed < n) {
            int len = Math.min(CHECK_CHUNK, n - pushed);
            copy(text, pushed, pushed + len, chunk);
            pushed += len;
            run.push(chunk, 0, len, pushed == n);
            if (compared + out.len > n || !sameChars(out.buf, 0, out.len, text, compared)) {
                return false;
            }
            compared += out.len;
            out.clear();
        }
        return compared == n;
    }

    /** @return whether {@code b[from,to)} holds the chars of {@code text} from {@code at} on */
    private static boolean sameChars(char[] b, int from, int to, CharSequence text, int at) {
        for (int i = from; i < to; i++) {
            if (b[i] != text.charAt(at + i - from)) {
                return false;
            }
        }
        return true;
    }

    /** Copies {@code text[from,to)} to the start of {@code dst}, in bulk for strings, builders and buffers. */
    public static void copy(CharSequence text, int from, int to, char[] dst) {
        if (text instanceof String s) {
            s.getChars(from, to, dst, 0);
        } else if (text instanceof StringBuilder sb) {
            sb.getChars(from, to, dst, 0);
        } else if (text instanceof CharBuf b) {
            System.arraycopy(b.buf, from, dst, 0, to - from);
        } else {
            for (int i = from; i < to; i++) {
                dst[i - from] = text.charAt(i);
            }
        }
    }

    /**
     * Transforms a whole text through a recording run.
     *
     * @param lean whether only the length-changing edits are kept ({@link EditLog#lean()})
     * @return the output, equal to {@link #apply(Engine, CharSequence)}, and the edits that align it
     *     with the input
     */
    public static Explained explain(Engine engine, CharSequence text, boolean lean) {
        int n = text.length();
        if (engine.firstChangeCandidate(text) == n) {
            return new Explained(text.toString(), lean ? EditLog.lean() : new EditLog());
        }
        char[] a = toArray(text);
        Transducer run = engine.newRecordingRun(new CharBuf(n + (n >> 3) + 16), lean);
        run.push(a, 0, n, true);
        return new Explained(run.out().toString(), run.edits());
    }

    /**
     * One text transformed as it arrives in pieces, reporting its length-changing edits with
     * offsets from the start of the whole text (what an offset-correcting stream consumer needs):
     * the output and the edits, in total, equal {@link #explain(Engine, CharSequence, boolean)
     * explain(whole, true)}'s. An engine that {@linkplain Engine#logsAsItWrites() logs as it writes}
     * keeps one recording run; otherwise the text is held up to its last safe cut ({@link
     * Engine#isSafeCut}), and each part before one is a text of its own. Should {@link #MAX_HOLD}
     * chars pass without a safe cut, the held text is cut at a code point boundary, where a key
     * that spans it would not match. Mutable; one per text.
     */
    public static final class Incremental {
        /** Most chars held while waiting for a safe cut. */
        public static final int MAX_HOLD = 1 << 20;

        private final Engine engine;
        private final LengthChangeListener listener;
        /** The one run, for engines that log as they write; else {@code null}. */
        private final Transducer run;
        private final CharBuf out = new CharBuf(1 << 12);
        private final CharBuf held = new CharBuf(1 << 12);
        /** How far into {@link #held} no safe cut was found (the held text's start is never one). */
        private int scanned = 1;
        /** Input consumed and output written before {@link #held}, for the offsets of cut texts. */
        private int consumed;
        private int emitted;

        public Incremental(Engine engine, LengthChangeListener listener) {
            this.engine = engine;
            this.listener = Objects.requireNonNull(listener, "listener");
            this.run = engine.logsAsItWrites() ? engine.newRecordingRun(out, true) : null;
        }

        /**
         * Feeds {@code a[from,to)}; with {@code end} the text is complete.
         *
         * @return the output decided by this push (valid until the next push)
         */
        public CharBuf push(char[] a, int from, int to, boolean end) {
            out.clear();
            if (run != null) {
                run.push(a, from, to, end);
                EditLog log = run.edits();
                log.forEachLengthChange(listener);
                log.clear();
                return out;
            }
            held.append(a, from, to);
            int cut = end ? held.len : lastCut();
            if (cut > 0) {
                Transducer part = engine.newRecordingRun(out, true);
                part.push(held.buf, 0, cut, true);
                part.edits().forEachLengthChange(listener, consumed, emitted);
                consumed += cut;
                emitted += out.len;
                held.consume(cut);
            }
            return out;
        }

        /**
         * @return where to cut the held text: its last safe cut, or 0 to wait. Whether a cut is safe
         *     depends only on the text before it, so positions already scanned are not scanned again.
         */
        private int lastCut() {
            int n = held.len;
            for (int i = n - 1; i >= Math.max(1, scanned); i--) {
                if (engine.isSafeCut(held.buf, i)) {
                    scanned = n - i;
                    return i;
                }
            }
            scanned = n;
            if (n < MAX_HOLD) {
                return 0;
            }
            scanned = 1;
            return Character.isLowSurrogate(held.buf[n - 1]) ? n - 2 : n - 1;
        }
    }

    /** Streams in bounded memory; the output equals {@link #apply(Engine, CharSequence)} of the whole input. */
    public static void apply(Engine engine, Reader in, Writer out) throws IOException {
        // What the reader has at once, up to a long text's length, decides the run: a short input
        // (a 1 KB file on the command line) does not pay for tables that only long ones win back.
        // ready() keeps a slow pipe from being waited on.
        char[] head = new char[2 * BLOCK];
        int n = 0;
        int r;
        do {
            r = in.read(head, n, head.length - n);
            n += Math.max(0, r);
        } while (r >= 0 && n < head.length && in.ready());
        CharBuf buf = new CharBuf(1 << 17);
        stream(n == head.length ? engine.newLongRun(buf) : engine.newRun(buf), head, n, in, out);
    }

    /** Streams {@code in} through {@code run} to {@code out}: the one streaming loop. */
    public static void stream(Transducer run, Reader in, Writer out) throws IOException {
        stream(run, new char[0], 0, in, out);
    }

    /**
     * Transforms a large text on {@code executor}, in eighths of at least {@link #PARALLEL_PIECE}
     * chars (a few pieces per thread: enough to balance, few enough that joining stays cheap); the
     * result equals {@link #apply(Engine, CharSequence)}.
     */
    public static String apply(Engine engine, CharSequence text, Executor executor) {
        Objects.requireNonNull(executor, "executor");
        if (text.length() < PARALLEL_PIECE * 2) {
            return apply(engine, text);
        }
        return apply(engine, text, executor, Math.max(PARALLEL_PIECE, text.length() / 8));
    }

    /** Streams on {@code executor} in blocks of about a million chars, four pending at most. */
    public static void apply(Engine engine, Reader in, Writer out, Executor executor) throws IOException {
        Objects.requireNonNull(executor, "executor");
        apply(engine, in, out, executor, STREAM_BLOCK, STREAM_IN_FLIGHT);
    }

    /**
     * Transforms a large text in pieces of about {@code pieceChars} on {@code executor}; the result
     * equals {@link #apply(Engine, CharSequence)}.
     */
    public static String apply(Engine engine, CharSequence text, Executor executor, int pieceChars) {
        // One shared read-only copy of the input; each piece transforms its range into its own buffer,
        // and the buffers are copied once into the result: no substrings, no intermediate Strings.
        char[] a = toArray(text);
        int n = a.length;
        List<CompletableFuture<Piece>> parts = new ArrayList<>();
        int start = 0;
        while (start < n) {
            int cut = n;
            if (n - start > pieceChars + pieceChars / 2) {
                cut = cut(engine, a, start + pieceChars, n, true);
            }
            parts.add(submit(engine, a, start, cut, executor));
            start = cut;
        }
        StringBuilder out = new StringBuilder(n + (n >> 3) + 16);
        Transducer carry = null;
        try {
            for (var f : parts) {
                carry = join(f).writeTo(out, carry);
            }
        } catch (IOException e) {
            throw new AssertionError("a StringBuilder does not fail", e);
        }
        return out.toString();
    }

    /**
     * Streams on several threads: this thread reads and writes while blocks of about
     * {@code blockChars}, cut where the engine says it is safe, transform on {@code executor}; at most
     * {@code inFlight} blocks are pending, which bounds memory. Should a block hold no safe cut, the
     * rest streams serially. The output equals {@link #apply(Engine, CharSequence)} of the whole input.
     */
    public static void apply(Engine engine, Reader in, Writer out, Executor executor, int blockChars, int inFlight)
            throws IOException {
        Deque<CompletableFuture<Piece>> pending = new ArrayDeque<>();
        Transducer[] carry = new Transducer[1];
        char[] block = new char[blockChars * 2];
        int filled = 0;
        boolean eof = false;
        while (!eof) {
            int n = in.read(block, filled, block.length - filled);
            if (n < 0) {
                eof = true;
            } else {
                filled += n;
                if (filled < blockChars) {
                    continue;
                }
            }
            int cut = eof ? filled : cut(engine, block, filled - 1, filled, false);
            if (cut < 0) {
                // No safe cut in a whole block: finish serially, carrying what was read.
                drain(pending, out, carry);
                Transducer run = carry[0] != null ? carry[0] : engine.newLongRun(new CharBuf(block.length));
                stream(run, block, filled, in, out);
                return;
            }
            if (cut > 0) {
                pending.add(submit(engine, Arrays.copyOf(block, cut), 0, cut, executor));
                System.arraycopy(block, cut, block, 0, filled - cut);
                filled -= cut;
            }
            while (pending.size() >= inFlight) {
                carry[0] = join(pending.poll()).writeTo(out, carry[0]);
            }
        }
        drain(pending, out, carry);
    }

    /**
     * The one cut policy: a preferred cut (line end) near {@code at} if there is one, else any safe
     * cut. Forward searches {@code [at, n)} and returns {@code n} when there is none; backward
     * searches {@code (0, at]} and returns -1 when there is none.
     */
    static int cut(Engine engine, char[] a, int at, int n, boolean forward) {
        int preferred = engine.preferredCut();
        int step = forward ? 1 : -1;
        int none = forward ? n : -1;
        if (preferred >= 0) {
            int reach = forward ? Math.min(n, at + PREFERRED_CUT_REACH) : 0;
            for (int i = at; forward ? i < reach : i > reach; i += step) {
                if (a[i] == preferred && engine.isSafeCut(a, i)) {
                    return i;
                }
            }
        }
        for (int i = at; forward ? i < n : i > 0; i += step) {
            if (engine.isSafeCut(a, i)) {
                return i;
            }
        }
        return none;
    }

    /**
     * A piece transformed on its own as a whole text, with its input and run kept for the rare case
     * that the piece before it leaves a state open ({@link Transducer#carriesState()}, e.g. a code
     * fence): that piece's run then transforms this one's input instead, serially, until a piece
     * ends with no state open. Correct because a run that carries state reads the text pushed after
     * an end exactly as the rest of one text.
     */
    private record Piece(char[] a, int from, int to, Transducer run) {
        /** Writes this piece's output to {@code out}; returns the run the next piece must go through, or null. */
        Transducer writeTo(Appendable out, Transducer carry) throws IOException {
            Transducer used = run;
            if (carry != null) {
                // The piece before left a state open: this piece continues its text through its run.
                carry.push(a, from, to, true);
                used = carry;
            }
            write(used.out(), out);
            used.out().clear();
            return used.carriesState() ? used : null;
        }
    }

    /** Transforms {@code a[from,to)} as a whole text into a buffer of its own: the one piece function. */
    private static CharBuf transform(Engine engine, char[] a, int from, int to) {
        CharBuf out = new CharBuf(to - from + ((to - from) >> 3) + 16);
        Transducer run = to - from >= 2 * BLOCK ? engine.newLongRun(out) : engine.newShortRun(out, to - from);
        run.push(a, from, to, true);
        return out;
    }

    private static CompletableFuture<Piece> submit(Engine engine, char[] a, int from, int to, Executor executor) {
        return CompletableFuture.supplyAsync(() -> {
            Transducer run = engine.newLongRun(new CharBuf(to - from + ((to - from) >> 3) + 16));
            run.push(a, from, to, true);
            return new Piece(a, from, to, run);
        }, executor);
    }

    private static void drain(Deque<CompletableFuture<Piece>> pending, Writer out, Transducer[] carry)
            throws IOException {
        while (!pending.isEmpty()) {
            carry[0] = join(pending.poll()).writeTo(out, carry[0]);
        }
    }

    /** Writes a buffer to any Appendable, without a copy for a Writer or a StringBuilder. */
    public static void write(CharBuf b, Appendable out) throws IOException {
        if (out instanceof Writer w) {
            w.write(b.buf, 0, b.len);
        } else if (out instanceof StringBuilder sb) {
            sb.append(b.buf, 0, b.len);
        } else {
            out.append(b);
        }
    }

    private static <T> T join(CompletableFuture<T> f) {
        try {
            return f.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    /** Streams {@code head[0,headLength)} and then the rest of {@code in} through {@code run}. */
    private static void stream(Transducer run, char[] head, int headLength, Reader in, Writer out) throws IOException {
        CharBuf buf = run.out();
        run.push(head, 0, headLength, false);
        out.write(buf.buf, 0, buf.len);
        buf.clear();
        char[] chunk = new char[1 << 16];
        int n;
        while ((n = in.read(chunk)) != -1) {
            run.push(chunk, 0, n, false);
            out.write(buf.buf, 0, buf.len);
            buf.clear();
        }
        run.push(chunk, 0, 0, true);
        out.write(buf.buf, 0, buf.len);
        buf.clear();
    }

    static char[] toArray(CharSequence text) {
        char[] a = new char[text.length()];
        copy(text, 0, a.length, a);
        return a;
    }
}
