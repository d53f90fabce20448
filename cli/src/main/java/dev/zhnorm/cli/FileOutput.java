package dev.zhnorm.cli;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Where {@code -o FILE} writes: a regular file (or a new one) is replaced atomically on
 * {@link #commit()} ({@link AtomicReplacement}); a device or FIFO ({@code /dev/null}, a named pipe) is
 * written into directly and never replaced; a read-only file is refused, as the shell's {@code >} and
 * {@code cp} refuse it.
 *
 * <pre>{@code
 * try (FileOutput out = FileOutput.open(Path.of("clean.txt"), temps, diagnostics::warn)) {
 *     write(out.stream());
 *     out.commit();
 * }
 * }</pre>
 */
interface FileOutput extends Closeable {
    /** @return where to write */
    OutputStream stream();

    /**
     * Makes what was written the content of the target.
     *
     * @throws IOException naming the target
     */
    void commit() throws IOException;

    /**
     * @param target the {@code -o} path
     * @param temps where temporary files are registered
     * @param warnings told what could not be kept
     * @return the output
     * @throws IOException naming the target or its folder
     */
    static FileOutput open(Path target, TempFiles temps, Consumer<String> warnings) throws IOException {
        if (Files.exists(target) && !Files.isRegularFile(target) && !Files.isDirectory(target)) {
            return new Direct(new BufferedOutputStream(new FileOutputStream(target.toFile()), 1 << 16));
        }
        if (Files.isDirectory(target)) {
            throw new FileSystemException(target.toString(), null,
                    "is a directory; -o names the one file to write (--in-place rewrites files where they are)");
        }
        if (Files.isRegularFile(target) && isReadOnly(target)) {
            throw new FileSystemException(target.toString(), null,
                    "read-only file, not replaced (make it writable or remove it first)");
        }
        return AtomicReplacement.begin(target, temps, warnings);
    }

    /** Read-only by its mode bits: even root, whom access(2) lets write anything, should not replace it. */
    private static boolean isReadOnly(Path file) throws IOException {
        if (!Files.isWritable(file)) {
            return true;
        }
        try {
            return ((Integer) Files.getAttribute(file, "unix:mode") & 0222) == 0;
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return false;
        }
    }

    /** A device or FIFO: written into, never replaced. */
    final class Direct implements FileOutput {
        private final OutputStream stream;

        private Direct(OutputStream stream) {
            this.stream = stream;
        }

        @Override
        public OutputStream stream() {
            return stream;
        }

        @Override
        public void commit() throws IOException {
            stream.close();
        }

        @Override
        public void close() throws IOException {
            stream.close();
        }
    }
}
