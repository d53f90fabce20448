package dev.zhnorm.cli;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The temporary files of one run ({@code .NAME.*.zhnorm-tmp} beside {@code --in-place} and {@code -o}
 * targets, {@code zhnorm-*.part} spools of {@code --threads}), removed on every way out: by their owner
 * when it finishes or fails, by {@link #close()} at the end of the run, and by a shutdown hook when the
 * JVM ends early (Ctrl-C, SIGTERM, {@code System.exit} after an {@code OutOfMemoryError}). Only a
 * SIGKILL or a power cut leaves one behind. Thread-safe; owned by the run, not static, so that runs in
 * one JVM (tests) do not share it.
 *
 * <pre>{@code
 * try (TempFiles temps = TempFiles.start()) {
 *     Path t = temps.register(Files.createFile(dir.resolve(".a.txt.x1.zhnorm-tmp")));
 *     ...                      // renamed over a.txt: temps.forget(t); failed: temps.delete(t)
 * }                            // whatever is left is deleted
 * }</pre>
 */
final class TempFiles implements AutoCloseable {
    private final Set<Path> live = ConcurrentHashMap.newKeySet();
    /** Set by the cleanup (at close or shutdown): from then on no temporary file is created. */
    private boolean closing;
    private final Thread hook = new Thread(this::deleteAll, "zhnorm-cleanup");

    private TempFiles() {
    }

    /** @return a registry whose files are deleted when the JVM shuts down, if not before */
    static TempFiles start() {
        TempFiles t = new TempFiles();
        Runtime.getRuntime().addShutdownHook(t.hook);
        return t;
    }

    /** Creates a file; {@link #create} runs it under the registry's lock. */
    @FunctionalInterface
    interface Creation {
        Path create() throws IOException;
    }

    /**
     * Creates a temporary file and registers it in one step under the registry's lock, so that a
     * shutdown (SIGINT, SIGTERM) never finds a file created but not yet registered: the cleanup
     * either sees it, or runs first and then no file is created at all.
     *
     * @param creation creates the file
     * @return the new file
     * @throws IOException when creating fails, or the JVM is shutting down
     */
    Path create(Creation creation) throws IOException {
        synchronized (live) {
            if (closing) {
                throw new InterruptedIOException("shutting down: no new temporary file");
            }
            Path temp = creation.create();
            live.add(temp.toAbsolutePath());
            return temp;
        }
    }

    /**
     * Opens a temporary file made by {@link #create} for writing, without creating it again: should
     * the cleanup have deleted it in between (a shutdown), a stream that re-created it would leave a
     * file nobody deletes; this one fails instead.
     *
     * @param temp a file returned by {@link #create}
     * @return a stream that writes it from its start
     * @throws IOException when it no longer exists, or cannot be opened
     */
    static OutputStream openCreated(Path temp) throws IOException {
        return Files.newOutputStream(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
    }

    /**
     * Registers a file created elsewhere (tests).
     *
     * @param temp a new temporary file
     * @return {@code temp}
     */
    Path register(Path temp) {
        synchronized (live) {
            live.add(temp.toAbsolutePath());
        }
        return temp;
    }

    /** The file is no longer temporary (it was renamed into place): keep it. */
    void forget(Path temp) {
        live.remove(temp.toAbsolutePath());
    }

    /**
     * Deletes a temporary file now.
     *
     * @throws IOException when it exists and cannot be deleted
     */
    void delete(Path temp) throws IOException {
        try {
            Files.deleteIfExists(temp);
        } finally {
            forget(temp);
        }
    }

    /** @return how many files are registered (tests) */
    int size() {
        return live.size();
    }

    private void deleteAll() {
        synchronized (live) {
            closing = true;
            deleteLive();
        }
    }

    private void deleteLive() {
        for (Path p : live) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException | RuntimeException e) {
                // best effort on the way out; nothing else can be done here
            }
            live.remove(p);
        }
    }

    /** Deletes what is left and unregisters the shutdown hook. */
    @Override
    public void close() {
        deleteAll();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook runs anyway
        }
    }
}
