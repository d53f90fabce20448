package dev.zhnorm.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
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

    private Driver() {
    }

    /** @return the transformed text; {@code text} itself when it is a String that nothing changes */
    public static String apply(Engine engine, CharSequence text) {
        int n = text.length();
        if (engine.firstChangeCandidate(text) == n) {
            return text.toString();
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

    /** Appends the transformed text to {@code out}. */
    public static void apply(Engine engine, CharSequence text, Appendable out) {
        try {
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

    /** Streams in bounded memory; the output equals {@link #apply(Engine, CharSequence)} of the whole input. */
    public static void apply(Engine engine, Reader in, Writer out) throws IOException {
        stream(engine.newRun(new CharBuf(1 << 17)), new char[0], 0, in, out);
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
        List<CompletableFuture<CharBuf>> parts = new ArrayList<>();
        int start = 0;
        while (start < n) {
            int cut = n;
            if (n - start > pieceChars + pieceChars / 2) {
                cut = cut(engine, a, start + pieceChars, n, true);
            }
            parts.add(submit(engine, a, start, cut, executor));
            start = cut;
        }
        List<CharBuf> done = new ArrayList<>(parts.size());
        int total = 0;
        for (var f : parts) {
            CharBuf b = join(f);
            done.add(b);
            total += b.len;
        }
        char[] out = new char[total];
        int pos = 0;
        for (CharBuf b : done) {
            System.arraycopy(b.buf, 0, out, pos, b.len);
            pos += b.len;
        }
        return new String(out);
    }

    /**
     * Streams on several threads: this thread reads and writes while blocks of about
     * {@code blockChars}, cut where the engine says it is safe, transform on {@code executor}; at most
     * {@code inFlight} blocks are pending, which bounds memory. Should a block hold no safe cut, the
     * rest streams serially. The output equals {@link #apply(Engine, CharSequence)} of the whole input.
     */
    public static void apply(Engine engine, Reader in, Writer out, Executor executor, int blockChars, int inFlight)
            throws IOException {
        Deque<CompletableFuture<CharBuf>> pending = new ArrayDeque<>();
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
                drain(pending, out);
                stream(engine.newRun(new CharBuf(block.length)), block, filled, in, out);
                return;
            }
            if (cut > 0) {
                pending.add(submit(engine, Arrays.copyOf(block, cut), 0, cut, executor));
                System.arraycopy(block, cut, block, 0, filled - cut);
                filled -= cut;
            }
            while (pending.size() >= inFlight) {
                write(join(pending.poll()), out);
            }
        }
        drain(pending, out);
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

    /** Transforms {@code a[from,to)} as a whole text into a buffer of its own: the one piece function. */
    private static CharBuf transform(Engine engine, char[] a, int from, int to) {
        CharBuf out = new CharBuf(to - from + ((to - from) >> 3) + 16);
        engine.newRun(out).push(a, from, to, true);
        return out;
    }

    private static CompletableFuture<CharBuf> submit(Engine engine, char[] a, int from, int to, Executor executor) {
        return CompletableFuture.supplyAsync(() -> transform(engine, a, from, to), executor);
    }

    private static void drain(Deque<CompletableFuture<CharBuf>> pending, Writer out) throws IOException {
        while (!pending.isEmpty()) {
            write(join(pending.poll()), out);
        }
    }

    private static void write(CharBuf b, Appendable out) throws IOException {
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
        int n = text.length();
        char[] a = new char[n];
        if (text instanceof String s) {
            s.getChars(0, n, a, 0);
        } else if (text instanceof StringBuilder sb) {
            sb.getChars(0, n, a, 0);
        } else {
            for (int i = 0; i < n; i++) {
                a[i] = text.charAt(i);
            }
        }
        return a;
    }
}
