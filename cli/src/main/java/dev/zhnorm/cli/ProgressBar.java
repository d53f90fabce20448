package dev.zhnorm.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

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
    private final ScheduledExecutorService timer;
    private final long startNanos = System.nanoTime();
    private boolean drawn;

    private ProgressBar(PrintWriter err, long totalBytes, int files, boolean enabled, long firstDrawMs) {
        this.err = err;
        this.totalBytes = totalBytes;
        this.files = files;
        if (enabled) {
            timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "zhnorm-progress");
                t.setDaemon(true);
                return t;
            });
            timer.scheduleAtFixedRate(this::draw, firstDrawMs, REDRAW_MS, TimeUnit.MILLISECONDS);
        } else {
            timer = null;
        }
    }

    /**
     * @param err stderr
     * @param enabled whether to draw at all (stderr is a terminal, not quiet)
     * @param totalBytes the input size, or -1 when unknown (standard input)
     * @param files the number of inputs
     * @return a running progress bar
     */
    static ProgressBar start(PrintWriter err, boolean enabled, long totalBytes, int files) {
        return new ProgressBar(err, totalBytes, files, enabled, FIRST_DRAW_MS);
    }

    /** As {@link #start(PrintWriter, boolean, long, int)}, drawing first after {@code firstDrawMs} (tests). */
    static ProgressBar start(PrintWriter err, boolean enabled, long totalBytes, int files, long firstDrawMs) {
        return new ProgressBar(err, totalBytes, files, enabled, firstDrawMs);
    }

    void addBytes(long n) {
        bytes.addAndGet(n);
    }

    void fileDone() {
        filesDone.incrementAndGet();
    }

    private synchronized void draw() {
        if (timer == null || timer.isShutdown()) {
            return;
        }
        long b = bytes.get();
        double seconds = Math.max(1e-3, (System.nanoTime() - startNanos) / 1e9);
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
        if (timer == null) {
            return;
        }
        timer.shutdownNow();
        if (drawn) {
            err.print("\r\u001B[K");
            err.flush();
        }
    }
}
