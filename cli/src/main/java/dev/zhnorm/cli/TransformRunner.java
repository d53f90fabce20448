package dev.zhnorm.cli;

import dev.zhnorm.Converter;
import dev.zhnorm.DocumentTooLargeException;
import dev.zhnorm.Normalizer;
import dev.zhnorm.TextTransform;
import dev.zhnorm.config.ConfigException;
import dev.zhnorm.dict.DictionaryException;
import dev.zhnorm.normalize.Format;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a {@link TextTransform} over the inputs of one command line, in one of four forms: the text
 * (to stdout, {@code -o FILE} or {@code --in-place}), {@code --check} (names of files that would
 * change), {@code --diff} or {@code --explain}. Text streams in bounded memory; diff and explain hold
 * one file at a time. With {@code --threads N} files are processed N at a time and their results
 * written in input order, so the output is the same as with one thread.
 *
 * <pre>{@code
 * int exit = new TransformRunner(transform, input, output, threads, streams, diagnostics).run();
 * }</pre>
 *
 * <p>An input that fails (unreadable, invalid bytes, undecided encoding, a character its output
 * encoding cannot hold) is reported on one line and the run goes on with the others; the exit code is
 * the most severe of the run. {@code --in-place} replaces each file atomically, keeping its encoding,
 * byte-order mark, owner, group and mode, and never rewrites a file whose bytes would not change;
 * {@code -o FILE} is replaced only when every input succeeded. Temporary files belong to the run's
 * {@link TempFiles} and go on every way out. A failure to write the output itself ends the run.
 */
final class TransformRunner {
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    /** --diff and --explain hold a file as text, its result and the changes: about this many bytes per input byte. */
    static final int HELD_BYTES_PER_INPUT_BYTE = 12;

    private final TextTransform transform;
    private final InputOptions input;
    private final OutputOptions output;
    private final int threads;
    private final StandardStreams streams;
    private final Diagnostics diagnostics;
    private final EncodingChoice encoding;
    /** {@code --output-encoding}, or null: UTF-8 for stdout and -o, each file's own for --in-place. */
    private final Charset explicitOutput;
    private final OutputEncoding streamEncoding;

    private final AtomicInteger worst = new AtomicInteger(ExitCodes.OK);
    private final AtomicInteger changed = new AtomicInteger();
    /**
     * Inputs found to change before their diff or explanation was written: a reader that goes away
     * meanwhile ({@code --check --diff | head}) ends that input's report, not what {@code --check}
     * found.
     */
    private final AtomicInteger changesFound = new AtomicInteger();
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger skipped = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private TempFiles temps;
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
        this.explicitOutput = output.outputEncoding == null ? null : EncodingChoice.outputCharset(output.outputEncoding);
        this.streamEncoding = OutputEncoding.of(explicitOutput == null ? StandardCharsets.UTF_8 : explicitOutput);
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
        if (output.output != null && output.output.toString().isEmpty()) {
            throw new CommandFailure(ExitCodes.USAGE, "-o needs a file name, not an empty one");
        }
        if (threads < 1) {
            throw new CommandFailure(ExitCodes.USAGE, "--threads needs a number of at least 1, not " + threads);
        }
        input.checkRecursionOptions();
        if (output.outputEncoding != null) {
            Charset out = EncodingChoice.outputCharset(output.outputEncoding);
            if (output.diff && !asciiCompatible(out)) {
                throw new CommandFailure(ExitCodes.USAGE, "--diff cannot be written in " + out.name()
                        + " (patch reads lines of ASCII-compatible bytes); use an ASCII-compatible --output-encoding");
            }
        }
    }

    /**
     * @return the most severe exit code of the run: an input's error, else {@link ExitCodes#CHANGES}
     *     under {@code --check} when some input would change, else OK
     * @throws IOException naming the output, when writing it fails
     */
    int run() throws IOException {
        InputCollector.Collected collected = InputCollector.collect(input.files, input.recursive, input.includes,
                input.follow, diagnostics);
        // The text output is a stream, repeated as often as named (as cat does); the others are about files.
        boolean aboutFiles = output.inPlace || output.check || output.diff || output.explain != null;
        List<Input> inputs = aboutFiles ? distinctFiles(collected.inputs()) : collected.inputs();
        skipped.addAndGet(collected.skipped());
        diagnostics.note(description(transform) + "; input encoding " + input.encoding + ", output encoding "
                + (explicitOutput != null ? explicitOutput.name() : output.inPlace ? "each file's own" : "UTF-8"));
        long total = totalBytes(inputs);
        try (TempFiles t = TempFiles.start();
             ProgressBar bar = ProgressBar.start(diagnostics.writer(), progressShown(streams, diagnostics), total,
                     inputs.size())) {
            temps = t;
            progress = bar;
            opener = new InputOpener(encoding, input.replaceInvalid, streams, diagnostics, bar::addBytes);
            if (threads > 1 && inputs.size() == 1) {
                blockPool = Executors.newFixedThreadPool(threads, TransformRunner::worker);
            }
            if (output.inPlace) {
                forEach(inputs, null, (in, sink, first) -> rewrite(in));
            } else {
                report(inputs);
            }
        } finally {
            if (blockPool != null) {
                blockPool.shutdownNow();
            }
        }
        summarize();
        return exitCode();
    }

    /**
     * @return whether to draw the progress bar: on a terminal, not quiet, and not while standard input is a
     *     terminal (it would redraw over what the user types)
     */
    static boolean progressShown(StandardStreams streams, Diagnostics diagnostics) {
        return streams.errIsTerminal() && !streams.inIsTerminal() && !diagnostics.quiet();
    }

    private int exitCode() {
        boolean changes = changed.get() > 0 || changesFound.get() > 0;
        return Math.max(worst.get(), output.check && changes ? ExitCodes.CHANGES : ExitCodes.OK);
    }

    private void summarize() {
        StringBuilder s = new StringBuilder(count(done.get()));
        if (output.check && changed.get() > 0) {
            s.insert(0, changed.get() + " of ").append(" would change");
        } else if (output.inPlace || output.check || output.diff || output.explain != null) {
            s.append(", ").append(changed.get()).append(" changed");
        } else {
            s.append(" done");
        }
        if (skipped.get() > 0) {
            s.append(", ").append(skipped.get()).append(" skipped");
        }
        if (failed.get() > 0) {
            s.append(", ").append(count(failed.get())).append(" failed");
        }
        if (failed.get() > 0 && done.get() + skipped.get() + failed.get() > 1 || output.check && changed.get() > 0) {
            diagnostics.warn(s.toString());
        } else {
            diagnostics.note(s.toString());
        }
    }

    private static String count(int files) {
        return files == 1 ? "1 file" : files + " files";
    }

    private static long totalBytes(List<Input> inputs) {
        long sum = 0;
        for (Input in : inputs) {
            if (in.isStdin() || !Files.isRegularFile(in.path())) {
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

    // ---- what happened to each input ---------------------------------------------------------------

    /** What became of one input. */
    private enum Fate {
        CHANGED, UNCHANGED, SKIPPED, FAILED
    }

    private void record(Fate fate) {
        switch (fate) {
            case CHANGED -> {
                changed.incrementAndGet();
                done.incrementAndGet();
            }
            case UNCHANGED -> done.incrementAndGet();
            case SKIPPED -> skipped.incrementAndGet();
            case FAILED -> failed.incrementAndGet();
        }
    }

    /** @return whether the output replaces files ({@code --in-place}, {@code -o}), which a failure leaves as they were */
    private boolean replacesFiles() {
        return output.inPlace || output.output != null;
    }

    /**
     * @param replacesFiles whether a failure leaves a file as it was (else the output of the input
     *     stops where it failed)
     * @return the one-line failure of this input, or null when {@code e} is not about the input alone
     *     (writing the shared output failed: the run ends)
     */
    private static CommandFailure failureOf(Input in, Exception e, boolean replacesFiles) {
        if (sinkFailure(e) != null) {
            return null;
        }
        if (e instanceof CommandFailure f) {
            return f.getMessage() == null ? null : f;
        }
        if (e instanceof EncodingWriter.UnencodableException u) {
            return new CommandFailure(ExitCodes.INPUT, in.name() + ": " + u.getMessage() + " (in its result); "
                    + (replacesFiles ? "left as it was" : "its output stops there") + "; use --output-encoding UTF-8", u);
        }
        if (e instanceof IOException io) {
            String m = IoMessages.describe(io);
            return new CommandFailure(ExitCodes.INPUT, m.startsWith(in.name()) ? m : in.name() + ": " + m, io);
        }
        if (e instanceof ConfigException || e instanceof DictionaryException) {
            return new CommandFailure(ExitCodes.CONFIG, e.getMessage(), e);
        }
        return null;
    }

    private void fail(CommandFailure f) {
        diagnostics.error(Excerpts.capQuoted(f.getMessage()));
        worst.accumulateAndGet(f.exitCode(), Math::max);
    }

    // ---- --in-place ----------------------------------------------------------------------------

    /**
     * Each file once: a file reached by several names (a.txt ./a.txt, by name and via -r, or through a
     * symbolic link under -r) is done under the first of them that is not a symbolic link (else the
     * first), where that name comes; --verbose names the others. Else --check would count it twice,
     * --diff write two patches for it (patch refuses the one through a link), and --in-place rewrite it
     * on two threads at once.
     */
    private List<Input> distinctFiles(List<Input> inputs) {
        List<Path> keys = new ArrayList<>(inputs.size());
        Map<Path, Input> chosen = new HashMap<>();
        for (Input in : inputs) {
            Path key = in.isStdin() ? null : realPath(in.path());
            keys.add(key);
            if (key != null) {
                chosen.merge(key, in, (was, now) -> Files.isSymbolicLink(was.path())
                        && !Files.isSymbolicLink(now.path()) ? now : was);
            }
        }
        List<Input> distinct = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            Input in = inputs.get(i);
            Input kept = keys.get(i) == null ? in : chosen.get(keys.get(i));
            if (kept == in) { // by identity: a file named twice is two equal records
                distinct.add(in);
            } else {
                diagnostics.note(in.name() + (in.name().equals(kept.name()) ? ": named more than once, done once"
                        : ": the same file as " + kept.name() + ", done once under that name"));
            }
        }
        return distinct;
    }

    private static Path realPath(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize(); // missing or unreadable: it fails on its turn
        }
    }

    /** Rewrites one file through a temporary file, in its own encoding unless --output-encoding. */
    private Fate rewrite(Input in) throws IOException {
        if (in.failure() != null) {
            throw in.failure();
        }
        if (!Files.isRegularFile(in.path())) {
            throw new CommandFailure(ExitCodes.INPUT, in.name() + ": not a regular file; --in-place rewrites only "
                    + "regular files (use -o to write into a device or pipe)");
        }
        FileState before = FileState.of(in.path());
        try (InputOpener.Decoded original = opener.open(in)) {
            if (original == null) {
                return Fate.SKIPPED;
            }
            EncodingChoice.Encoding enc = original.encoding();
            OutputEncoding own = OutputEncoding.forFile(enc.charset(), enc.bom());
            OutputEncoding target = explicitOutput == null ? own : OutputEncoding.forFile(explicitOutput, enc.bom());
            boolean sameEncoding = own.charset().equals(target.charset());
            AtomicReplacement replacement;
            try {
                replacement = AtomicReplacement.begin(in.path(), temps, diagnostics::warn);
            } catch (FileSystemException e) {
                // A folder that takes no new file (a read-only mount, /proc) may hold files that need
                // no change: those are done, as anywhere else, and only a file that must change fails.
                if (sameEncoding && !changesWhereNoneCanBeWritten(in, original)) {
                    diagnostics.note(in.name() + ": unchanged, not rewritten");
                    return Fate.UNCHANGED;
                }
                throw e;
            }
            try (replacement; InputOpener.Decoded again = opener.open(in, false)) {
                OutputStream out = replacement.stream();
                if (target.hasBom()) {
                    out.write(target.bom());
                }
                EncodingWriter file = new EncodingWriter(out, target.charset());
                ComparingWriter comparison = new ComparingWriter(again.reader());
                stream(in, original.reader(), new TeeWriter(file, comparison));
                file.close();
                boolean textChanged = comparison.differs();
                if (textChanged || !sameEncoding) {
                    replacement.commit(() -> checkUnchanged(in, before));
                    diagnostics.note(in.name() + (textChanged ? ": rewritten" : ": re-encoded to " + target.charset()));
                } else {
                    diagnostics.note(in.name() + ": unchanged, not rewritten");
                }
                return textChanged ? Fate.CHANGED : Fate.UNCHANGED;
            }
        } finally {
            progress.fileDone();
        }
    }

    /**
     * @return whether the file must change, for a file whose folder refuses the temporary file: a result
     *     its encoding cannot hold changes it too (and that folder is then the first thing to report)
     */
    private boolean changesWhereNoneCanBeWritten(Input in, InputOpener.Decoded original) throws IOException {
        try {
            return differs(in, original);
        } catch (CommandFailure f) {
            if (f.getCause() instanceof EncodingWriter.UnencodableException) {
                return true;
            }
            throw f;
        }
    }

    /**
     * Refuses to replace a file that was written while it was read: the rename would drop what was
     * written (an appended log line). The replacement is then closed uncommitted, which deletes the
     * temporary file. It runs just before the rename, after the temporary file is closed; what is
     * written between this check and the rename is not seen.
     */
    private static void checkUnchanged(Input in, FileState before) throws IOException {
        FileState now;
        try {
            now = FileState.of(in.path());
        } catch (IOException e) {
            now = null; // deleted or replaced meanwhile: changed as well
        }
        if (!before.equals(now)) {
            throw new CommandFailure(ExitCodes.INPUT, in.name() + ": changed while being normalized; left as it is "
                    + "(run zhnorm again once nothing writes to it)");
        }
    }

    // ---- stdout or -o ----------------------------------------------------------------------------

    private void report(List<Input> inputs) throws IOException {
        FileOutput file = null;
        String target = output.output == null ? "standard output" : FileNames.quoted(output.output);
        if (output.output != null) {
            try {
                file = FileOutput.open(output.output, temps, diagnostics::warn);
            } catch (IOException e) {
                // A file system error already names the file or folder it is about.
                throw new CommandFailure(ExitCodes.INPUT, e instanceof java.nio.file.FileSystemException
                        ? IoMessages.describe(e) : IoMessages.describeWrite(e, target, streamEncoding.charset().name()), e);
            }
        }
        try {
            OutputStream sink = new GuardedSink(file == null ? new KeepOpen(streams.out()) : file.stream());
            if (output.explain != null) {
                // The TSV header (and a byte-order mark) goes with the first line explained: a run with
                // nothing to explain (nothing changed, or every input failed) writes nothing, as JSON
                // Lines does.
                ByteArrayOutputStream header = new ByteArrayOutputStream();
                if (streamEncoding.hasBom()) {
                    header.write(streamEncoding.bom());
                }
                try (Writer w = new EncodingWriter(header, streamEncoding.charset())) {
                    output.explain.writeHeader(w);
                }
                sink = new Prefixed(sink, header.toByteArray());
            } else if (streamEncoding.hasBom()) {
                sink.write(streamEncoding.bom());
            }
            List<Fate> fates = forEach(inputs, sink, this::reportOne);
            if (output.check && !output.diff && output.explain == null) {
                Writer w = new EncodingWriter(sink, streamEncoding.charset());
                for (int i = 0; i < inputs.size(); i++) {
                    if (fates.get(i) == Fate.CHANGED) {
                        w.write(inputs.get(i).name() + "\n");
                    }
                }
                w.flush();
            }
            sink.flush();
            if (file != null) {
                if (failed.get() > 0) {
                    diagnostics.error(target + ": left as it was, because of the errors above");
                } else {
                    file.commit();
                }
            }
        } catch (IOException | RuntimeException e) {
            SinkException sinkFailure = sinkFailure(e);
            if (e instanceof CommandFailure || !(e instanceof IOException) && sinkFailure == null) {
                throw e;
            }
            IOException cause = sinkFailure == null ? (IOException) e : sinkFailure.getCause();
            if (file == null && IoMessages.isBrokenPipe(cause)) {
                // The reader went away (zhnorm big.txt | head): stop quietly, keeping the run's true result.
                return;
            }
            throw new CommandFailure(ExitCodes.INPUT, IoMessages.describeWrite(cause, target,
                    streamEncoding.charset().name()), cause);
        } finally {
            if (file != null) {
                closeAfterReport(file);
            }
        }
    }

    /**
     * Closes {@code -o}'s output once the report is over. Its data went out in {@link FileOutput#commit},
     * whose failures are reported naming the target; a failure here only repeats one already
     * reported (closing flushes what a full device refused again), and must not replace that
     * message with a bare one.
     */
    private static void closeAfterReport(FileOutput file) {
        try {
            file.close();
        } catch (IOException again) {
            // already reported, or the output was left as it was
        }
    }

    /** Writes one input's result (text, diff or explanation) to {@code sink}. */
    private Fate reportOne(Input in, OutputStream sink, boolean first) throws IOException {
        try (InputOpener.Decoded d = opener.open(in)) {
            if (d == null) {
                return Fate.SKIPPED;
            }
            if (output.diff || output.explain != null) {
                checkHeldSize(in);
                String text = readAll(d.reader());
                Writer w = new EncodingWriter(sink, streamEncoding.charset());
                boolean changedText;
                TextTransform document = transform.forDocument(documentName(in));
                if (output.diff) {
                    changedText = diff(in, d.encoding(), document, text, w, sink);
                } else {
                    var e = document.explain(text);
                    if (output.check) {
                        checkEncodable(in, d.encoding(), new StringReader(e.output()));
                    }
                    changedText = !e.changes().isEmpty();
                    if (changedText) {
                        changesFound.incrementAndGet();
                    }
                    if (!(document instanceof Converter)) { // conversion decides nothing per document
                        String decision = document.describe(text);
                        diagnostics.note(in.name() + ": " + decision);
                        output.explain.writeDecision(in.rawName(), decision, w);
                    }
                    output.explain.write(in.rawName(), e, w);
                }
                w.flush();
                return changedText ? Fate.CHANGED : Fate.UNCHANGED;
            }
            if (output.check) {
                return differs(in, d) ? Fate.CHANGED : Fate.UNCHANGED;
            }
            if (first && output.output != null && d.encoding().bom()
                    && streamEncoding.charset().equals(StandardCharsets.UTF_8)) {
                sink.write(UTF8_BOM); // -o keeps a UTF-8 byte-order mark, as --in-place does
            }
            Writer w = new EncodingWriter(sink, streamEncoding.charset());
            stream(in, d.reader(), w);
            w.flush();
            return Fate.UNCHANGED;
        } finally {
            progress.fileDone();
        }
    }

    /**
     * {@code --diff} of one file. Unless {@code --output-encoding}, its lines are written in the file's own
     * encoding, byte-order mark included, so that {@code patch -p0} finds them byte for byte (a UTF-8 diff
     * of a Big5 file never applies); the names in the headers stay in the output's encoding, as the file
     * system has them. A UTF-16 or UTF-32 file is refused: patch reads lines of ASCII-compatible bytes.
     *
     * @return whether the file would change
     */
    private boolean diff(Input in, EncodingChoice.Encoding enc, TextTransform document, String text, Writer headers,
                         OutputStream sink) throws IOException {
        noteDecision(in, document, text);
        String result = document.apply(text);
        if (result.equals(text)) {
            return false;
        }
        changesFound.incrementAndGet();
        Charset lines = explicitOutput != null ? streamEncoding.charset() : enc.charset();
        if (explicitOutput == null && !lines.equals(StandardCharsets.UTF_8)) {
            if (!asciiCompatible(lines)) {
                throw new CommandFailure(ExitCodes.INPUT, in.name() + ": --diff cannot write a patch for this "
                        + lines.name() + " file (patch reads lines of ASCII-compatible bytes); use --in-place to "
                        + "rewrite it, or --output-encoding UTF-8 for a diff to read");
            }
            try (Writer probe = new EncodingWriter(OutputStream.nullOutputStream(), lines)) {
                probe.write(result); // before any line is written, with the line and column of the result
            } catch (EncodingWriter.UnencodableException e) {
                throw new CommandFailure(ExitCodes.INPUT, in.name() + ": " + e.getMessage() + " (in its result), "
                        + "the file's own encoding, which --diff keeps so that patch -p0 applies it; use "
                        + "--output-encoding UTF-8 for a diff to read", e);
            }
        }
        String mark = enc.bom() && lines.equals(StandardCharsets.UTF_8) && enc.charset().equals(lines) ? "\uFEFF" : "";
        Writer body = lines.equals(streamEncoding.charset()) ? headers : new EncodingWriter(sink, lines);
        String stamp = in.isStdin() || !Files.isRegularFile(in.path()) ? null
                : UnifiedDiff.stamp(Files.getLastModifiedTime(in.path()));
        UnifiedDiff.write(in.rawName(), stamp, mark + text, mark + result, headers, body);
        body.flush();
        return true;
    }

    /** @return whether the charset writes the diff's own characters (newline, space, -, +, @, \) as ASCII does */
    private static boolean asciiCompatible(Charset c) {
        String marks = "\n -+@\\";
        return c.canEncode() && java.util.Arrays.equals(marks.getBytes(c), marks.getBytes(StandardCharsets.US_ASCII));
    }

    /** --diff and --explain hold the file: refuse up front what cannot fit in the heap. */
    private void checkHeldSize(Input in) throws IOException {
        if (in.isStdin() || !Files.isRegularFile(in.path())) {
            return;
        }
        long size = Files.size(in.path());
        long max = Runtime.getRuntime().maxMemory();
        if (size > max / HELD_BYTES_PER_INPUT_BYTE) {
            String what = output.diff ? "--diff" : "--explain";
            throw new CommandFailure(ExitCodes.INPUT, String.format(Locale.ROOT, "%s: %s is too large for %s with "
                    + "a Java heap of %s (%s holds the file, about %d times its size; the limit is %s); give Java "
                    + "more with ZHNORM_JAVA_OPTS=-Xmx...", in.name(), ProgressBar.size(size), what,
                    ProgressBar.size(max), what, HELD_BYTES_PER_INPUT_BYTE,
                    ProgressBar.size((double) max / HELD_BYTES_PER_INPUT_BYTE)));
        }
    }

    /**
     * {@code --check}: compares the result with a second reading of the input, in bounded memory.
     * Standard input and pipes cannot be read twice: they are copied to a temporary file first.
     * The result is encoded as it would be written ({@link #checkedEncoding}), so that a file
     * {@code --in-place} would refuse fails here with the same error instead of "would change".
     */
    private boolean differs(Input in, InputOpener.Decoded d) throws IOException {
        Charset target = checkedEncoding(in, d.encoding());
        if (in.isStdin() || !Files.isRegularFile(in.path())) {
            Path copy = temps.create(() -> Files.createTempFile("zhnorm-", ".part"));
            try {
                try (Writer w = new BufferedWriter(new OutputStreamWriter(TempFiles.openCreated(copy), StandardCharsets.UTF_8))) {
                    d.reader().transferTo(w);
                }
                try (BufferedReader text = Files.newBufferedReader(copy, StandardCharsets.UTF_8);
                     BufferedReader again = Files.newBufferedReader(copy, StandardCharsets.UTF_8)) {
                    return compare(in, text, again, target);
                }
            } finally {
                temps.delete(copy);
            }
        }
        try (InputOpener.Decoded again = opener.open(in, false)) {
            return compare(in, d.reader(), again.reader(), target);
        }
    }

    /** @return whether the result of {@code text} differs from {@code reference}, failing as writing it in {@code target} would */
    private boolean compare(Input in, Reader text, Reader reference, Charset target) throws IOException {
        ComparingWriter comparison = new ComparingWriter(reference);
        EncodingWriter encoded = new EncodingWriter(OutputStream.nullOutputStream(), target);
        try {
            stream(in, text, new TeeWriter(encoded, comparison));
            encoded.close();
        } catch (EncodingWriter.UnencodableException e) {
            throw unencodable(in, e);
        }
        return comparison.differs();
    }

    /** {@code --check --explain}: the result, held whole, must be writable as {@link #differs} requires. */
    private void checkEncodable(Input in, EncodingChoice.Encoding enc, Reader result) throws IOException {
        try (EncodingWriter encoded = new EncodingWriter(OutputStream.nullOutputStream(), checkedEncoding(in, enc))) {
            result.transferTo(encoded);
        } catch (EncodingWriter.UnencodableException e) {
            throw unencodable(in, e);
        }
    }

    /**
     * @return the encoding {@code --check} holds a result to: the one {@code --in-place} would write a
     *     regular file in (its own, or {@code --output-encoding}), else that of standard output
     */
    private Charset checkedEncoding(Input in, EncodingChoice.Encoding enc) {
        if (in.isStdin() || !Files.isRegularFile(in.path())) {
            return streamEncoding.charset();
        }
        return (explicitOutput == null ? OutputEncoding.forFile(enc.charset(), enc.bom())
                : OutputEncoding.of(explicitOutput)).charset();
    }

    /** The error {@code --in-place} (or the output, for standard input) would stop with, worded for {@code --check}. */
    private static CommandFailure unencodable(Input in, EncodingWriter.UnencodableException e) {
        boolean file = !in.isStdin() && Files.isRegularFile(in.path());
        return new CommandFailure(ExitCodes.INPUT, in.name() + ": " + e.getMessage() + " (in its result); "
                + (file ? "--in-place would leave it as it is" : "its output would stop there")
                + "; use --output-encoding UTF-8", e);
    }

    private static String readAll(Reader r) throws IOException {
        StringWriter sw = new StringWriter();
        r.transferTo(sw);
        return sw.toString();
    }

    // ---- the inputs, one or N at a time ------------------------------------------------------------

    /** One input's work, writing its report (if any) to the given stream. */
    @FunctionalInterface
    private interface Work {
        Fate apply(Input in, OutputStream sink, boolean first) throws IOException;
    }

    /** A finished input of a parallel run: its fate, its spooled report and its failure. */
    private record Part(Fate fate, Spool spool, CommandFailure failure) {
    }

    /**
     * Runs {@code work} for each input and returns the fates in input order, reporting each failing
     * input on one line as its turn comes. With one thread (or one input) the work writes straight
     * to the sink; with more, each input writes to a {@link Spool} that is copied to the sink in input
     * order, so the output does not depend on scheduling. At most a few inputs per thread run ahead
     * of the one being written, which bounds memory.
     *
     * @param sink where reports go, or null (--in-place)
     */
    private List<Fate> forEach(List<Input> inputs, OutputStream sink, Work work) throws IOException {
        List<Fate> fates = new ArrayList<>(inputs.size());
        if (inputs.size() <= 1 || threads == 1) {
            for (int i = 0; i < inputs.size(); i++) {
                Input in = inputs.get(i);
                Fate fate;
                try {
                    fate = work.apply(in, sink, i == 0);
                } catch (IOException | RuntimeException e) {
                    CommandFailure f = failureOf(in, e, replacesFiles());
                    if (f == null) {
                        throw e;
                    }
                    fail(f);
                    fate = Fate.FAILED;
                }
                record(fate);
                fates.add(fate);
            }
            return fates;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, inputs.size()), TransformRunner::worker);
        ArrayDeque<Future<Part>> window = new ArrayDeque<>();
        int ahead = threads * 8;
        int next = 0;
        try {
            while (fates.size() < inputs.size()) {
                while (next < inputs.size() && window.size() < ahead) {
                    int index = next++;
                    Input in = inputs.get(index);
                    boolean replaces = replacesFiles();
                    window.add(pool.submit(() -> part(in, sink == null ? null : new Spool(temps), index == 0, work,
                            replaces)));
                }
                Part part = await(window.poll());
                if (part.spool() != null) {
                    part.spool().copyTo(sink);
                }
                if (part.failure() != null) {
                    fail(part.failure());
                }
                record(part.fate());
                fates.add(part.fate());
            }
            return fates;
        } finally {
            pool.shutdownNow();
            for (Future<Part> f : window) {
                discardSpoolOf(f);
            }
        }
    }

    private static Part part(Input in, Spool spool, boolean first, Work work, boolean replacesFiles)
            throws IOException {
        try {
            return new Part(work.apply(in, spool, first), spool, null);
        } catch (IOException | RuntimeException e) {
            CommandFailure f = failureOf(in, e, replacesFiles);
            if (f == null) {
                if (spool != null) {
                    spool.discard();
                }
                throw e;
            }
            return new Part(Fate.FAILED, spool, f);
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
        refuseIfSurelyTooLarge(input, document);
        // --verbose names the decision (spec S8) from the chars it was made on: the first 65,536 of a
        // text, a whole Markdown or HTML document (held whole by the transform anyway).
        PrefixReader decided = !diagnostics.verbose() || document instanceof Converter ? null
                : new PrefixReader(in, document instanceof Normalizer n && n.format().resolve(null) != Format.TEXT
                        ? Integer.MAX_VALUE : Normalizer.SPACING_DECISION_CHARS);
        Reader source = decided == null ? in : decided;
        try {
            if (blockPool == null) {
                document.apply(source, out);
            } else {
                document.apply(source, out, blockPool);
            }
        } catch (DocumentTooLargeException e) {
            throw new CommandFailure(ExitCodes.INPUT, input.name() + ": " + e.getMessage(), e);
        }
        if (decided != null) {
            noteDecision(input, document, decided.prefix());
        }
    }

    /** Under {@code --verbose}: the format and spacing decided for a file, as --explain's header names them. */
    private void noteDecision(Input input, TextTransform document, CharSequence text) {
        if (diagnostics.verbose() && !(document instanceof Converter)) {
            diagnostics.note(input.name() + ": " + document.describe(text));
        }
    }

    /**
     * Refuses a Markdown or HTML file whose size alone proves it above the document limit (no
     * encoding takes more than 4 bytes per char), before reading gigabytes into memory only to fail.
     */
    private static void refuseIfSurelyTooLarge(Input input, TextTransform document) throws IOException {
        if (!(document instanceof Normalizer n) || n.format() == Format.TEXT || input.isStdin()
                || input.path() == null || !Files.isRegularFile(input.path())) {
            return;
        }
        long leastChars = Files.size(input.path()) / 4;
        if (leastChars > Normalizer.MAX_DOCUMENT_CHARS) {
            throw new CommandFailure(ExitCodes.INPUT, input.name() + ": " + new DocumentTooLargeException(
                    n.format().id(), leastChars, Normalizer.MAX_DOCUMENT_CHARS).getMessage());
        }
    }

    /** @return the file name that picks a document's format ({@code --format auto}), {@code null} for standard input */
    private static String documentName(Input in) {
        return in.isStdin() || in.path() == null ? null : in.path().getFileName().toString();
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
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }

    /** Frees the spool of an input whose result was never copied (the run failed before it). */
    private static void discardSpoolOf(Future<Part> f) {
        if (f.isDone() && !f.isCancelled()) {
            try {
                Part p = f.get();
                if (p.spool() != null) {
                    p.spool().discard();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | IOException e) {
                // failed or already gone; the run's TempFiles deletes what is left
            }
        }
    }

    /** @return the output failure somewhere in the causes of {@code e}, or null */
    private static SinkException sinkFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SinkException s) {
                return s;
            }
        }
        return null;
    }

    /** Writing the shared output failed: not any one input's fault, so the run ends. */
    private static final class SinkException extends IOException {
        private static final long serialVersionUID = 1L;

        SinkException(IOException cause) {
            super(cause.getMessage(), cause);
        }

        @Override
        public synchronized IOException getCause() {
            return (IOException) super.getCause();
        }
    }

    /** Marks failures of the output as such, so that they are not blamed on the input being written. */
    private static final class GuardedSink extends FilterOutputStream {
        GuardedSink(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                throw new SinkException(e);
            }
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException e) {
                throw new SinkException(e);
            }
        }
    }

    /** Writes a prefix (the --explain TSV header) just before the first bytes, if any come. */
    private static final class Prefixed extends FilterOutputStream {
        private byte[] prefix;

        Prefixed(OutputStream out, byte[] prefix) {
            super(out);
            this.prefix = prefix;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return; // an input with nothing to say (an empty spool) does not start the output
            }
            if (prefix != null) {
                byte[] p = prefix;
                prefix = null;
                out.write(p, 0, p.length);
            }
            out.write(b, off, len);
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
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
