package dev.zhnorm.cli;

import dev.zhnorm.Converter;
import dev.zhnorm.DocumentTooLargeException;
import dev.zhnorm.TextTransform;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.io.InterruptedIOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs a {@link TextTransform} over the inputs of one command line, in one of four forms: the text
 * (to stdout, {@code -o FILE} or {@code --in-place}), {@code --check} (names of files that would
 * change), {@code --diff} or {@code --explain}. Text streams in bounded memory; diff and explain hold
 * one file at a time. With {@code --threads N} files are processed N at a time and their results
 * written in input order, so the output is the same as with one thread.
 *
 * <pre>{@code
 * int exit = new TransformRunner(transform, input, output, run, streams, diagnostics).run();
 * }</pre>
 *
 * <p>Errors end the run at the first failing input: {@link CommandFailure} or {@link IOException}
 * with a message naming the file. What was written before stays written (each {@code --in-place}
 * file and {@code -o} are replaced atomically, so they are either complete or untouched).
 */
final class TransformRunner {
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final TextTransform transform;
    private final InputOptions input;
    private final OutputOptions output;
    private final int threads;
    private final StandardStreams streams;
    private final Diagnostics diagnostics;
    private final EncodingChoice encoding;
    private final Charset outputCharset;
    private ProgressBar progress;
    private InputOpener opener;
    /** Threads for the blocks of a single large input ({@code --threads} with one input), else null. */
    private ExecutorService blockPool;

    /**
     * @throws CommandFailure with {@link ExitCodes#USAGE} for meaningless combinations or unknown encodings
     */
    TransformRunner(TextTransform transform, InputOptions input, OutputOptions output, int threads,
                    StandardStreams streams, Diagnostics diagnostics) {
        this.transform = transform;
        this.input = input;
        this.output = output;
        this.threads = threads;
        this.streams = streams;
        this.diagnostics = diagnostics;
        checkCombinations(input, output, threads);
        this.encoding = EncodingChoice.parse(input.encoding, "--encoding");
        this.outputCharset = EncodingChoice.charset(output.outputEncoding, "--output-encoding");
    }

    /** @return what the transform is for {@code --verbose}, e.g. {@code conversion t2cn} */
    private static String description(TextTransform transform) {
        return transform instanceof Converter c ? "conversion " + c.name() : transform.name();
    }

    /** Rejects option combinations that have no meaning, before any input is read. */
    static void checkCombinations(InputOptions input, OutputOptions output, int threads) {
        if (output.inPlace) {
            for (String[] other : new String[][] {{"-o", String.valueOf(output.output != null)},
                    {"--check", String.valueOf(output.check)}, {"--diff", String.valueOf(output.diff)},
                    {"--explain", String.valueOf(output.explain != null)}}) {
                if (Boolean.parseBoolean(other[1])) {
                    throw new CommandFailure(ExitCodes.USAGE, "--in-place cannot go with " + other[0]);
                }
            }
            if (input.files.isEmpty() || input.files.contains("-")) {
                throw new CommandFailure(ExitCodes.USAGE, "--in-place needs FILE arguments, not standard input");
            }
        }
        if (output.diff && output.explain != null) {
            throw new CommandFailure(ExitCodes.USAGE, "--diff and --explain cannot go together");
        }
        if (threads < 1) {
            throw new CommandFailure(ExitCodes.USAGE, "--threads needs a number of at least 1, not " + threads);
        }
        if (!input.includes.isEmpty() && !input.recursive) {
            throw new CommandFailure(ExitCodes.USAGE, "--include selects files under directories; it needs -r");
        }
    }

    /**
     * @return {@link ExitCodes#CHANGES} under {@code --check} when some input would change, else OK
     * @throws IOException naming the file, on an input or output failure
     */
    int run() throws IOException {
        List<Input> inputs = InputCollector.collect(input.files, input.recursive, input.includes);
        diagnostics.note(description(transform) + "; input encoding " + input.encoding + ", output encoding "
                + outputCharset.name());
        long total = totalBytes(inputs);
        int changed;
        try (ProgressBar bar = ProgressBar.start(diagnostics.writer(),
                streams.errIsTerminal() && !diagnostics.quiet(), total, inputs.size())) {
            progress = bar;
            opener = new InputOpener(encoding, input.replaceInvalid, streams, diagnostics, bar::addBytes);
            if (threads > 1 && inputs.size() == 1) {
                blockPool = Executors.newFixedThreadPool(threads, TransformRunner::worker);
            }
            changed = output.inPlace ? rewriteAll(inputs) : report(inputs);
        } finally {
            if (blockPool != null) {
                blockPool.shutdownNow();
            }
        }
        summarize(inputs.size(), changed);
        return output.check && changed > 0 ? ExitCodes.CHANGES : ExitCodes.OK;
    }

    private void summarize(int files, int changed) {
        String counted = files == 1 ? "1 file" : files + " files";
        if (output.check && changed > 0) {
            diagnostics.warn(String.format(Locale.ROOT, "%d of %s would change", changed, counted));
        } else if (output.inPlace || output.check || output.diff || output.explain != null) {
            diagnostics.note(String.format(Locale.ROOT, "%s, %d changed", counted, changed));
        } else {
            diagnostics.note(counted + " done");
        }
    }

    private static long totalBytes(List<Input> inputs) {
        long sum = 0;
        for (Input in : inputs) {
            if (in.isStdin()) {
                return -1;
            }
            try {
                sum += Files.size(in.path());
            } catch (IOException e) {
                return -1;
            }
        }
        return sum;
    }

    // ---- --in-place ----------------------------------------------------------------------------

    private int rewriteAll(List<Input> inputs) throws IOException {
        inputs = distinctFiles(inputs);
        List<Boolean> results = forEach(inputs, OutputStream.nullOutputStream(), false, (in, unused) -> rewrite(in));
        return (int) results.stream().filter(b -> b).count();
    }

    /** A file named twice (a.txt ./a.txt, or via -r and by name) is rewritten once, never by two threads. */
    private static List<Input> distinctFiles(List<Input> inputs) throws IOException {
        java.util.Set<Path> seen = new java.util.HashSet<>();
        List<Input> distinct = new ArrayList<>();
        for (Input in : inputs) {
            if (seen.add(in.path().toRealPath())) {
                distinct.add(in);
            }
        }
        return distinct;
    }

    /** Rewrites one file through a temporary file; returns whether it changed. */
    private boolean rewrite(Input in) throws IOException {
        try (InputOpener.Decoded original = opener.open(in)) {
            if (original == null) {
                return false;
            }
            try (AtomicReplacement replacement = begin(in.path());
                 InputOpener.Decoded again = opener.open(in)) {
                OutputStream out = replacement.stream();
                if (original.encoding().bom() && outputCharset.equals(StandardCharsets.UTF_8)) {
                    out.write(UTF8_BOM); // keep the file's byte-order mark
                }
                Writer file = encoder(out);
                ComparingWriter comparison = new ComparingWriter(again.reader());
                try {
                    stream(in, original.reader(), new TeeWriter(file, comparison));
                    file.flush();
                } catch (InputException e) {
                    throw e;
                } catch (IOException e) {
                    throw new CommandFailure(ExitCodes.INPUT,
                            IoMessages.describeWrite(e, in.name(), outputCharset.name()), e);
                }
                boolean textChanged = comparison.differs();
                boolean bytesChanged = textChanged || !original.encoding().charset().equals(outputCharset);
                if (bytesChanged) {
                    replacement.commit();
                    diagnostics.note(in.name() + (textChanged ? ": rewritten" : ": re-encoded to " + outputCharset));
                } else {
                    diagnostics.note(in.name() + ": unchanged, not rewritten");
                }
                return textChanged;
            }
        } finally {
            progress.fileDone();
        }
    }

    private static AtomicReplacement begin(Path path) throws IOException {
        try {
            return AtomicReplacement.begin(path);
        } catch (IOException e) {
            throw new CommandFailure(ExitCodes.INPUT, path + ": cannot write beside it: " + IoMessages.describe(e), e);
        }
    }

    // ---- stdout or -o ----------------------------------------------------------------------------

    private int report(List<Input> inputs) throws IOException {
        AtomicReplacement file = null;
        if (output.output != null) {
            try {
                file = AtomicReplacement.begin(output.output);
            } catch (IOException e) {
                throw new CommandFailure(ExitCodes.INPUT,
                        IoMessages.describeWrite(e, output.output.toString(), outputCharset.name()), e);
            }
        }
        String target = output.output == null ? "standard output" : output.output.toString();
        try {
            OutputStream sink = file == null ? new KeepOpen(streams.out()) : file.stream();
            if (output.explain != null) {
                Writer w = encoder(sink);
                output.explain.writeHeader(w);
                w.flush();
            }
            List<Boolean> changes = forEach(inputs, sink, true, this::reportOne);
            int changed = (int) changes.stream().filter(b -> b).count();
            if (output.check && !output.diff && output.explain == null) {
                Writer w = encoder(sink);
                for (int i = 0; i < inputs.size(); i++) {
                    if (changes.get(i)) {
                        w.write(inputs.get(i).name() + "\n");
                    }
                }
                w.flush();
            }
            sink.flush();
            if (file != null) {
                file.commit();
            }
            return changed;
        } catch (IOException e) {
            if (e instanceof InputException) {
                throw e;
            }
            if (file == null && IoMessages.isBrokenPipe(e)) {
                // The reader went away (zhnorm big.txt | head): nothing more to do, nothing to report.
                throw CommandFailure.quiet(ExitCodes.OK);
            }
            throw new CommandFailure(ExitCodes.INPUT, IoMessages.describeWrite(e, target, outputCharset.name()), e);
        } finally {
            if (file != null) {
                file.close();
            }
        }
    }

    /** Writes one input's result (text, diff or explanation) to {@code sink}; returns whether it changed. */
    private boolean reportOne(Input in, OutputStream sink) throws IOException {
        try (InputOpener.Decoded d = opener.open(in)) {
            if (d == null) {
                return false;
            }
            if (output.diff || output.explain != null) {
                String text = readAll(d.reader());
                Writer w = encoder(sink);
                boolean changed;
                TextTransform document = transform.forDocument(documentName(in));
                if (output.diff) {
                    String result = document.apply(text);
                    changed = !result.equals(text);
                    UnifiedDiff.write(in.name(), text, result, w);
                } else {
                    var e = document.explain(text);
                    changed = !e.changes().isEmpty();
                    if (!(document instanceof Converter)) { // conversion decides nothing per document
                        String decision = document.describe(text);
                        diagnostics.note(in.name() + ": " + decision);
                        output.explain.writeDecision(in.name(), decision, w);
                    }
                    output.explain.write(in.name(), e, w);
                }
                w.flush();
                return changed;
            }
            if (output.check) {
                return differs(in, d);
            }
            Writer w = encoder(sink);
            stream(in, d.reader(), w);
            w.flush();
            return false;
        } finally {
            progress.fileDone();
        }
    }

    /** {@code --check}: compares the result with a second reading of the input, in bounded memory. */
    private boolean differs(Input in, InputOpener.Decoded d) throws IOException {
        if (in.isStdin()) {
            String text = readAll(d.reader()); // standard input cannot be read twice
            return !transform.forDocument(documentName(in)).isUnchanged(text);
        }
        try (InputOpener.Decoded again = opener.open(in)) {
            ComparingWriter comparison = new ComparingWriter(again.reader());
            stream(in, d.reader(), comparison);
            return comparison.differs();
        }
    }

    private static String readAll(Reader r) throws IOException {
        StringWriter sw = new StringWriter();
        r.transferTo(sw);
        return sw.toString();
    }

    private Writer encoder(OutputStream out) {
        return new BufferedWriter(new OutputStreamWriter(out, outputCharset.newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16);
    }

    // ---- parallelism -------------------------------------------------------------------------------

    /** One input's work, writing its report (if any) to the given stream. */
    @FunctionalInterface
    private interface Work {
        boolean apply(Input in, OutputStream sink) throws IOException;
    }

    /** A finished input of a parallel run: its result and the spool file holding its report. */
    private record Part(boolean changed, Path spool) {
    }

    /**
     * Runs {@code work} for each input and returns the results in input order. With one thread (or
     * one input) the work writes straight to the sink; with more, each input writes to a spool file
     * that is copied to the sink in input order, so the output does not depend on scheduling.
     */
    private List<Boolean> forEach(List<Input> inputs, OutputStream sink, boolean spool, Work work)
            throws IOException {
        List<Boolean> results = new ArrayList<>(inputs.size());
        if (inputs.size() <= 1 || threads == 1) {
            for (Input in : inputs) {
                results.add(work.apply(in, sink));
            }
            return results;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, inputs.size()), TransformRunner::worker);
        List<Future<Part>> futures = new ArrayList<>();
        try {
            for (Input in : inputs) {
                futures.add(pool.submit(() -> spool ? spooled(in, work) : new Part(work.apply(in, null), null)));
            }
            for (Future<Part> f : futures) {
                Part part = await(f);
                if (part.spool() != null) {
                    try {
                        Files.copy(part.spool(), sink);
                    } finally {
                        Files.deleteIfExists(part.spool());
                    }
                }
                results.add(part.changed());
            }
            return results;
        } finally {
            pool.shutdownNow();
            for (Future<Part> f : futures) {
                deleteSpoolOf(f);
            }
        }
    }

    private static Thread worker(Runnable r) {
        Thread t = new Thread(r, "zhnorm-worker");
        t.setDaemon(true);
        return t;
    }

    /**
     * Streams one input, on several threads when a single large input has {@code --threads}; a
     * Markdown or HTML document (by its name, or {@code --format}) is read whole and parsed.
     */
    private void stream(Input input, Reader in, Writer out) throws IOException {
        TextTransform document = transform.forDocument(documentName(input));
        try {
            if (blockPool == null) {
                document.apply(in, out);
            } else {
                document.apply(in, out, blockPool);
            }
        } catch (DocumentTooLargeException e) {
            throw new CommandFailure(ExitCodes.INPUT, input.name() + ": " + e.getMessage(), e);
        }
    }

    /** @return the file name that picks a document's format ({@code --format auto}), {@code null} for standard input */
    private static String documentName(Input in) {
        return in.isStdin() || in.path() == null ? null : in.path().getFileName().toString();
    }

    private static Part spooled(Input in, Work work) throws IOException {
        Path file = Files.createTempFile("zhnorm-", ".part");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            return new Part(work.apply(in, out), file);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    private static Part await(Future<Part> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(cause);
        }
    }

    /** Removes the spool of an input whose result was never copied (the run failed before it). */
    private static void deleteSpoolOf(Future<Part> f) {
        if (f.isDone() && !f.isCancelled()) {
            try {
                Part p = f.get();
                if (p.spool() != null) {
                    Files.deleteIfExists(p.spool());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | IOException e) {
                // failed or already gone: nothing to delete
            }
        }
    }

    /** Standard output must stay open for the caller; flushing passes through. */
    private static final class KeepOpen extends FilterOutputStream {
        KeepOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
