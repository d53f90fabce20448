package dev.zhnorm.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * A one-line progress display on stderr for long jobs: drawn only when stderr is a terminal and
 * {@code --quiet} is off, first after one second (short jobs never show it), then five times a
 * second, and erased at the end so that it never mixes with messages.
 *
 * <pre>{@code
 * try (ProgressBar bar = ProgressBar.start(err, enabled, totalBytes, fileCount)) {
 *     bar.addBytes(n);  bar.fileDone();
 * }
 * }</pre>
 */
final class ProgressBar implements AutoCloseable {
    private static final long FIRST_DRAW_MS = 1000;
    private static final long REDRAW_MS = 200;

    private final PrintWriter err;
    private final long totalBytes;
    private final int files;
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicInteger filesDone = new AtomicInteger();
    private final Redraws redraws;
    private final LongSupplier nanoClock;
    private final long startNanos;
    private boolean drawn;
    private boolean closed;

    /** Runs the drawing at times of its choosing until closed: a timer thread, or a test's own hand. */
    interface Redraws extends AutoCloseable {
        @Override
        void close();

        /** Draws after one second, then five times a second, on a daemon thread. */
        static Redraws timer(Runnable draw) {
            ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "zhnorm-progress");
                t.setDaemon(true);
                return t;
            });
            timer.scheduleAtFixedRate(draw, FIRST_DRAW_MS, REDRAW_MS, TimeUnit.MILLISECONDS);
            return timer::shutdownNow;
        }
    }

    /**
     * @param redraws starts the drawing, given the draw action; null draws nothing
     * @param nanoClock the time source for the rate
     */
    ProgressBar(PrintWriter err, long totalBytes, int files, Function<Runnable, Redraws> redraws,
                LongSupplier nanoClock) {
        this.err = err;
        this.totalBytes = totalBytes;
        this.files = files;
        this.nanoClock = nanoClock;
        this.startNanos = nanoClock.getAsLong();
        this.redraws = redraws == null ? null : redraws.apply(this::draw);
    }

    /**
     * @param err stderr
     * @param enabled whether to draw at all (stderr is a terminal, not quiet)
     * @param totalBytes the input size, or -1 when unknown (standard input)
     * @param files the number of inputs
     * @return a running progress bar
     */
    static ProgressBar start(PrintWriter err, boolean enabled, long totalBytes, int files) {
        return new ProgressBar(err, totalBytes, files, enabled ? Redraws::timer : null, System::nanoTime);
    }

    void addBytes(long n) {
        bytes.addAndGet(n);
    }

    void fileDone() {
        filesDone.incrementAndGet();
    }

    private synchronized void draw() {
        if (redraws == null || closed) {
            return;
        }
        long b = bytes.get();
        double seconds = Math.max(1e-3, (nanoClock.getAsLong() - startNanos) / 1e9);
        String rate = size(b / seconds) + "/s";
        String line;
        if (totalBytes > 0) {
            int pct = (int) Math.min(100, b * 100 / totalBytes);
            int width = 24;
            int full = pct * width / 100;
            line = String.format(Locale.ROOT, "[%s%s] %3d%% %s of %s, %s", "#".repeat(full), ".".repeat(width - full),
                    pct, size(b), size(totalBytes), rate);
        } else {
            line = String.format(Locale.ROOT, "%s read, %s", size(b), rate);
        }
        if (files > 1) {
            line += String.format(Locale.ROOT, ", %d of %d files", filesDone.get(), files);
        }
        err.print("\r" + line + "\u001B[K");
        err.flush();
        drawn = true;
    }

    /** @return a size in binary units, e.g. {@code 1.5 MiB} */
    static String size(double bytes) {
        if (bytes >= 1 << 30) {
            return String.format(Locale.ROOT, "%.1f GiB", bytes / (1 << 30));
        }
        if (bytes >= 1 << 20) {
            return String.format(Locale.ROOT, "%.1f MiB", bytes / (1 << 20));
        }
        return String.format(Locale.ROOT, "%.0f KiB", bytes / 1024);
    }

    /** Stops drawing and erases the line. */
    @Override
    public synchronized void close() {
        if (redraws == null || closed) {
            return;
        }
        closed = true;
        redraws.close();
        if (drawn) {
            err.print("\r\u001B[K");
            err.flush();
        }
    }
}
