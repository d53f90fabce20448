package dev.zhnorm.bench;

import dev.zhnorm.Converter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.io.StringReader;
import java.io.Writer;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * 20 MB of 左传 (repeated) in one call: {@code convert(String)} and {@code convert(Reader, Writer)} on
 * one thread; core's parallel API, {@code convert(CharSequence, Executor)} and
 * {@code convert(Reader, Writer, Executor)}, with a pool of two threads;
 * and, as a reference without that API, the text split at the line boundary nearest its middle, the
 * halves converted on two threads (the benchmark thread and one worker) and concatenated. The presets
 * measured never match across a newline, so every output must equal the one-thread output: set-up
 * checks it and fails loudly otherwise.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g", "-XX:G1HeapRegionSize=32m"})
public class ParallelBenchmark {
    /** The input name, see {@link Inputs#text}. */
    public static final String INPUT = "zuozhuan-20MB";

    @Param({"t2s", "s2t"})
    public String preset;

    private String text;
    private int split;
    private Converter converter;
    private ExecutorService worker;
    private ExecutorService pool;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        text = Inputs.text(INPUT, Inputs.sourceScript(preset));
        converter = Converter.of(preset);
        split = lineBoundaryNear(text, text.length() / 2);
        worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "zhnorm-bench-worker");
            t.setDaemon(true);
            return t;
        });
        pool = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "zhnorm-bench-pool");
            t.setDaemon(true);
            return t;
        });
        String whole = converter.convert(text);
        identical(whole, split2T(), "converting the two halves (split at char " + split + ")");
        identical(whole, api2T(), "convert(text, a pool of 2 threads)");
        CountingWriter w = new CountingWriter(true);
        converter.convert(new StringReader(text), w);
        if (w.hash != whole.hashCode() || w.count != whole.length()) {
            throw new IllegalStateException(preset + ": convert(Reader, Writer) differs from convert(String)");
        }
        CountingWriter w2 = new CountingWriter(true);
        converter.convert(new StringReader(text), w2, pool);
        if (w2.hash != whole.hashCode() || w2.count != whole.length()) {
            throw new IllegalStateException(preset + ": convert(Reader, Writer, a pool of 2 threads) differs from "
                    + "convert(String)");
        }
    }

    private void identical(String whole, String other, String what) {
        if (!whole.equals(other)) {
            int i = 0;
            while (i < Math.min(whole.length(), other.length()) && whole.charAt(i) == other.charAt(i)) {
                i++;
            }
            throw new IllegalStateException(preset + ": " + what + " differs from converting the whole text on one "
                    + "thread, first at output char " + i);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        worker.shutdownNow();
        pool.shutdownNow();
    }

    /** @return the index just after the newline nearest {@code mid} (0 or the length if there is none) */
    static int lineBoundaryNear(String s, int mid) {
        int after = s.indexOf('\n', mid);
        int before = s.lastIndexOf('\n', mid - 1);
        if (after < 0 && before < 0) {
            return s.length();
        }
        if (after < 0 || (before >= 0 && mid - before < after - mid)) {
            return before + 1;
        }
        return after + 1;
    }

    /** One thread, whole string. */
    @Benchmark
    public String string1T() {
        return converter.convert(text);
    }

    /** One thread, streaming from a {@link StringReader} into a writer that only counts (a stand-in for I/O). */
    @Benchmark
    public long readerWriter1T() throws IOException {
        CountingWriter w = new CountingWriter(false);
        converter.convert(new StringReader(text), w);
        return w.count + w.hash;
    }

    /** Two threads streaming: {@code Converter.convert(Reader, Writer, Executor)}, into the counting writer. */
    @Benchmark
    public long readerWriter2T() throws IOException {
        CountingWriter w = new CountingWriter(false);
        converter.convert(new StringReader(text), w, pool);
        return w.count + w.hash;
    }

    /** Two threads through core's parallel API: {@code Converter.convert(CharSequence, Executor)}. */
    @Benchmark
    public String api2T() {
        return converter.convert(text, pool);
    }

    /** Two threads without core's API: the second half on the worker, the first on this thread, then concatenated. */
    @Benchmark
    public String split2T() throws InterruptedException, ExecutionException {
        Future<String> second = worker.submit(() -> converter.convert(text.substring(split)));
        String first = converter.convert(text.substring(0, split));
        return first.concat(second.get());
    }

    /**
     * A writer that keeps only the length of what it is given and, when hashing, its
     * {@link String#hashCode()} (else just the last char of each write, so the writes are not dead).
     */
    static final class CountingWriter extends Writer {
        private final boolean hashing;
        long count;
        int hash;

        CountingWriter(boolean hashing) {
            this.hashing = hashing;
        }

        @Override
        public void write(char[] cbuf, int off, int len) {
            if (len <= 0) {
                return;
            }
            if (hashing) {
                int h = hash;
                for (int i = off; i < off + len; i++) {
                    h = 31 * h + cbuf[i];
                }
                hash = h;
            } else {
                hash ^= cbuf[off + len - 1];
            }
            count += len;
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
