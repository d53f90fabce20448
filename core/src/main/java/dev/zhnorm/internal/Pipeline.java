package dev.zhnorm.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * A compiled OpenCC conversion: optional user entries that take precedence over everything, the
 * normalization stages (each over the whole text), optional maximum-match segmentation, and the
 * conversion chain applied to each segment on its own. Immutable and thread-safe; every call works
 * on its own {@link PipelineRun}.
 */
public final class Pipeline {
    private final CompiledDictionary user;
    private final List<CompiledDictionary> normalization;
    private final CompiledDictionary segmentation;
    private final List<CompiledDictionary> chain;
    /** Chars that start a key of a dictionary that can change text; all others are copied. */
    private final boolean[] starter = new boolean[1 << 16];
    /**
     * Whether the segmentation dictionary's keys are exactly the first stage's keys of two or more
     * code points (OpenCC's s2tw, s2hk, s2twp: both are STPhrases). Then one walk does both: a
     * position where such a key matches starts a segment whose first-stage output is that key's
     * value, and everything between converts by keys of one code point.
     */
    private final boolean fusedSegmentation;

    /**
     * @param user entries that win over everything and whose output is final, or {@code null}
     * @param normalization stages over the whole text, before segmentation
     * @param segmentation the maximum-match segmentation dictionary, or {@code null} for one segment
     * @param chain the conversion stages applied to each segment
     */
    public Pipeline(CompiledDictionary user, List<CompiledDictionary> normalization,
                    CompiledDictionary segmentation, List<CompiledDictionary> chain) {
        this(user, normalization, segmentation, chain, null);
    }

    /**
     * @param fusedSegmentation the value of {@link #segmentationFuses(CompiledDictionary, List)} when
     *     the caller already knows it (bundled presets, verified by a test), or null to compute it
     */
    Pipeline(CompiledDictionary user, List<CompiledDictionary> normalization, CompiledDictionary segmentation,
             List<CompiledDictionary> chain, Boolean fusedSegmentation) {
        this.user = user;
        this.normalization = List.copyOf(normalization);
        this.segmentation = segmentation;
        this.chain = List.copyOf(chain);
        List<CompiledDictionary> changing = new ArrayList<>(this.normalization);
        changing.addAll(this.chain);
        if (user != null) {
            changing.add(user);
        }
        this.fusedSegmentation = fusedSegmentation != null ? fusedSegmentation
                : segmentationFuses(segmentation, this.chain);
        for (int c = 0; c < starter.length; c++) {
            for (CompiledDictionary d : changing) {
                if (d.startsKey((char) c)) {
                    starter[c] = true;
                    break;
                }
            }
        }
    }

    /** Computes the property; walks every key of both dictionaries, so costly for large ones. */
    static boolean segmentationFuses(CompiledDictionary segmentation, List<CompiledDictionary> chain) {
        if (segmentation == null || chain.isEmpty()) {
            return false;
        }
        Set<String> segKeys = new HashSet<>();
        for (FlatEntry e : segmentation.entries()) {
            if (e.key().codePointCount(0, e.key().length()) < 2) {
                return false;
            }
            segKeys.add(e.key());
        }
        Set<String> firstKeys = new HashSet<>();
        for (FlatEntry e : chain.get(0).entries()) {
            if (containsOperator(e.key())) {
                // Segmentation groups a description sequence before the stage could match inside it.
                return false;
            }
            if (e.key().codePointCount(0, e.key().length()) >= 2) {
                firstKeys.add(e.key());
            }
        }
        return segKeys.equals(firstKeys);
    }

    private static boolean containsOperator(String key) {
        for (int i = 0; i < key.length(); i++) {
            if (IdeographicDescription.isOperator(key.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    boolean fusedSegmentation() {
        return fusedSegmentation;
    }

    public CompiledDictionary user() {
        return user;
    }

    public List<CompiledDictionary> normalization() {
        return normalization;
    }

    public CompiledDictionary segmentation() {
        return segmentation;
    }

    public List<CompiledDictionary> chain() {
        return chain;
    }

    /** @return a copy of this pipeline whose user entries are {@code userEntries} */
    public Pipeline withUser(CompiledDictionary userEntries) {
        return new Pipeline(userEntries, normalization, segmentation, chain, fusedSegmentation);
    }

    /** {@link #forNormalization()}, computed on first use. */
    private volatile Pipeline forNormalization;

    /**
     * This conversion with OpenCC's one-step chains closed, for a normalizer, whose output must not
     * change when normalized again: in each stage a char's one-char mapping goes to the end of its
     * chain ({@code 薴 → 苧 → 苎} becomes {@code 薴 → 苎}), and a char that a later stage outputs
     * does not convert alone in an earlier one (tw2s's {@code 麼 → 么} then {@code 么 → 幺} would turn
     * {@code 什麼} into {@code 什幺} on the second run). {@link dev.zhnorm.Converter} keeps OpenCC's
     * semantics and never uses this. Computed once per pipeline.
     */
    public Pipeline forNormalization() {
        Pipeline p = forNormalization;
        if (p == null) {
            List<CompiledDictionary> closed = new ArrayList<>(chain.size());
            boolean changed = false;
            for (int i = 0; i < chain.size(); i++) {
                boolean[] laterOutputs = new boolean[1 << 16];
                for (int j = i + 1; j < chain.size(); j++) {
                    chain.get(j).markSingleOutputs(laterOutputs);
                }
                CompiledDictionary d = chain.get(i).closedForNormalization(laterOutputs);
                changed |= d != chain.get(i);
                closed.add(d);
            }
            p = changed ? new Pipeline(user, normalization, segmentation, closed, fusedSegmentation) : this;
            forNormalization = p;
        }
        return p;
    }

    /** Chars that occur in no key of any dictionary here; computed on first use. */
    private volatile boolean[] barrier;

    /**
     * Whether {@code c} occurs in no key of any of this pipeline's dictionaries. Then no match,
     * segment or stage can span it, so converting the text before it and the text from it on
     * separately gives exactly the whole conversion: a safe place to cut for parallel work.
     */
    public boolean isBarrier(char c) {
        boolean[] b = barrier;
        if (b == null) {
            boolean[] used = new boolean[1 << 16];
            List<CompiledDictionary> all = new ArrayList<>(normalization);
            all.addAll(chain);
            if (segmentation != null) {
                all.add(segmentation);
            }
            if (user != null) {
                all.add(user);
            }
            all.forEach(d -> d.markKeyChars(used));
            b = new boolean[used.length];
            for (int i = 0; i < used.length; i++) {
                b[i] = !used[i];
            }
            barrier = b;
        }
        return b[c];
    }

    /**
     * Converts a large text in pieces on {@code executor}, cutting only before barrier chars (see
     * {@link #isBarrier}), preferably newlines; the result equals {@link #convert(CharSequence)}.
     */
    public String convert(CharSequence text, Executor executor, int pieceChars) {
        // One shared read-only copy of the input; each piece converts its range into its own buffer,
        // and the buffers are copied once into the result: no substrings, no intermediate Strings.
        char[] a = toArray(text);
        int n = a.length;
        List<CompletableFuture<CharBuf>> parts = new ArrayList<>();
        int start = 0;
        while (start < n) {
            int cut = n;
            if (n - start > pieceChars + pieceChars / 2) {
                cut = nextCut(a, start + pieceChars, n);
            }
            int from = start;
            int to = cut;
            parts.add(CompletableFuture.supplyAsync(() -> {
                CharBuf out = new CharBuf(to - from + ((to - from) >> 3) + 16);
                new PipelineRun(this, out).push(a, from, to, true);
                return out;
            }, executor));
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

    /** The first cut at or after {@code from}: before a newline if one comes soon, else any barrier. */
    private int nextCut(char[] a, int from, int n) {
        if (isBarrier('\n')) {
            int limit = Math.min(n, from + (1 << 16));
            for (int i = from; i < limit; i++) {
                if (a[i] == '\n' && outsideDescription(a, i)) {
                    return i;
                }
            }
        }
        for (int i = from; i < n; i++) {
            char c = a[i];
            if (isBarrier(c) && !Character.isLowSurrogate(c) && outsideDescription(a, i)) {
                return i;
            }
        }
        return n;
    }

    /**
     * Whether no ideographic description sequence can span {@code i}: no operator in the longest
     * sequence's reach before it (a sequence's operands may be any chars, barriers included).
     */
    private static boolean outsideDescription(char[] a, int i) {
        for (int k = i - 1, low = Math.max(0, i - IdeographicDescription.MAX_CHARS); k >= low; k--) {
            if (IdeographicDescription.isOperator(a[k])) {
                return false;
            }
        }
        return true;
    }

    /** @return the index of the first char of {@code s} that some dictionary could change, or its length */
    public int firstChangeCandidate(CharSequence s) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            if (starter[s.charAt(i)]) {
                return i;
            }
        }
        return n;
    }

    /** @return the index of the first char of {@code a[from,to)} that some dictionary could change, or {@code to} */
    public int firstChangeCandidate(char[] a, int from, int to) {
        final boolean[] st = starter;
        int i = from;
        while (i < to && !st[a[i]]) {
            i++;
        }
        return i;
    }

    /**
     * Converts a whole text.
     *
     * @return the converted text; {@code text} itself (when it is a String) if nothing can change
     */
    public String convert(CharSequence text) {
        int n = text.length();
        if (firstChangeCandidate(text) == n) {
            return text.toString();
        }
        char[] a = toArray(text);
        CharBuf out = new CharBuf(n + (n >> 3) + 16);
        new PipelineRun(this, out).push(a, 0, n, true);
        // Entries that map to themselves (identity entries, t2cn's fixed points) change nothing:
        // a String input then comes back as the same instance, as the API promises.
        if (text instanceof String s && out.len == n && Arrays.equals(out.buf, 0, n, a, 0, n)) {
            return s;
        }
        return out.toString();
    }

    /** Converts a whole text, appending the result to {@code out}. */
    public void convert(CharSequence text, Appendable out) {
        try {
            if (firstChangeCandidate(text) == text.length()) {
                out.append(text);
                return;
            }
            char[] a = toArray(text);
            CharBuf buf = new CharBuf(a.length + (a.length >> 3) + 16);
            new PipelineRun(this, buf).push(a, 0, a.length, true);
            if (out instanceof Writer w) {
                w.write(buf.buf, 0, buf.len);
            } else if (out instanceof StringBuilder sb) {
                sb.append(buf.buf, 0, buf.len);
            } else {
                out.append(buf);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Streams {@code in} to {@code out} in bounded memory: each stage holds back at most its longest
     * key of look-ahead, so the output equals {@link #convert(CharSequence)} of the whole text.
     * Neither stream is closed.
     */
    public void convert(Reader in, Writer out) throws IOException {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(out, "out");
        stream(new PipelineRun(this, new CharBuf(1 << 17)), new char[0], 0, in, out);
    }

    /**
     * Streams {@code in} to {@code out}, converting blocks on {@code executor} while this thread reads
     * and writes: blocks of about {@code blockChars} are cut before a barrier char (a newline when it
     * is one), so each converts exactly as inside the whole; at most {@code inFlight} blocks are
     * pending, which bounds memory. Should a block hold no barrier at all, the rest of the input
     * streams through one {@link PipelineRun}. The output equals {@link #convert(CharSequence)} of
     * the whole input.
     */
    public void convert(Reader in, Writer out, Executor executor, int blockChars, int inFlight)
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
            int cut = eof ? filled : lastCut(block, filled);
            if (cut < 0) {
                // No safe cut in a whole block: finish serially, carrying what was read.
                drain(pending, out);
                stream(new PipelineRun(this, new CharBuf(block.length)), block, filled, in, out);
                return;
            }
            if (cut > 0) {
                char[] piece = Arrays.copyOf(block, cut);
                pending.add(CompletableFuture.supplyAsync(() -> {
                    CharBuf converted = new CharBuf(piece.length + (piece.length >> 3) + 16);
                    new PipelineRun(this, converted).push(piece, 0, piece.length, true);
                    return converted;
                }, executor));
                System.arraycopy(block, cut, block, 0, filled - cut);
                filled -= cut;
            }
            while (pending.size() >= inFlight) {
                write(join(pending.poll()), out);
            }
        }
        drain(pending, out);
    }

    /** @return the index of the last barrier in {@code a[1, n)} (a newline preferred), or -1 */
    private int lastCut(char[] a, int n) {
        if (isBarrier('\n')) {
            for (int i = n - 1; i > 0; i--) {
                if (a[i] == '\n' && outsideDescription(a, i)) {
                    return i;
                }
            }
        }
        for (int i = n - 1; i > 0; i--) {
            if (isBarrier(a[i]) && !Character.isLowSurrogate(a[i]) && outsideDescription(a, i)) {
                return i;
            }
        }
        return -1;
    }

    private static void drain(Deque<CompletableFuture<CharBuf>> pending, Writer out) throws IOException {
        while (!pending.isEmpty()) {
            write(join(pending.poll()), out);
        }
    }

    private static void write(CharBuf converted, Writer out) throws IOException {
        out.write(converted.buf, 0, converted.len);
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
    private static void stream(PipelineRun run, char[] head, int headLength, Reader in, Writer out) throws IOException {
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

    /**
     * Starts an incremental conversion writing into {@code out}; feed it with
     * {@link PipelineRun#push} and finish with {@code end = true}.
     */
    public PipelineRun newRun(CharBuf out) {
        return new PipelineRun(this, out);
    }

    /**
     * Converts a whole text and records every replacement: the output equals
     * {@link #convert(CharSequence)}, the log aligns it with the input.
     */
    public Explained explain(CharSequence text) {
        char[] a = toArray(text);
        CharBuf out = new CharBuf(a.length + 16);
        EditLog log = new EditLog();
        int runStart = 0;
        int p = 0;
        while (user != null && p < a.length) {
            long m = user.match(a, p, a.length);
            if (m == CompiledDictionary.NO_MATCH) {
                p++;
                continue;
            }
            explainPiece(a, runStart, p, out, log);
            int outStart = out.len;
            user.appendValue((int) m, out);
            log.add(p, p + (int) (m >>> 32), outStart, out.len, user.source((int) m));
            p += (int) (m >>> 32);
            runStart = p;
        }
        explainPiece(a, runStart, a.length, out, log);
        return new Explained(out.toString(), log);
    }

    private void explainPiece(char[] a, int from, int to, CharBuf out, EditLog log) {
        if (from == to) {
            return;
        }
        int outStart = out.len;
        PipelineRun run = new PipelineRun(this, out, false, true);
        run.push(a, from, to, true);
        log.addAll(run.edits().shifted(from, outStart));
    }

    /** A converted text with the alignment of its changes. */
    public record Explained(String output, EditLog log) {
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
