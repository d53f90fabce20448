package dev.zhnorm.cli;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file by writing a temporary file beside it and renaming that over the target, so that
 * readers see the old content or the new, never half of it, and a failure (invalid input halfway,
 * a full disk) leaves the target untouched. The target's permissions are kept. Closing without
 * {@link #commit()} deletes the temporary file.
 *
 * <pre>{@code
 * try (AtomicReplacement r = AtomicReplacement.begin(Path.of("notes.txt"))) {
 *     write(r.stream());
 *     r.commit();            // notes.txt now has the new content
 * }                          // an exception before commit: notes.txt is as it was
 * }</pre>
 */
final class AtomicReplacement implements Closeable {
    private final Path target;
    private final Path temp;
    private final OutputStream stream;
    private boolean done;

    private AtomicReplacement(Path target, Path temp, OutputStream stream) {
        this.target = target;
        this.temp = temp;
        this.stream = stream;
    }

    /**
     * @param target the file to write; if it is a symbolic link, the file it points to is replaced
     * @return the replacement, with a new empty temporary file
     * @throws IOException when the temporary file cannot be created (unwritable folder, missing folder)
     */
    static AtomicReplacement begin(Path target) throws IOException {
        Path real = Files.isSymbolicLink(target) ? target.toRealPath() : target.toAbsolutePath();
        if (Files.isDirectory(real)) {
            throw new java.nio.file.FileSystemException(target.toString(), null, "is a directory");
        }
        Path dir = real.getParent();
        if (dir != null && Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new java.nio.file.FileSystemException(target.toString(), null, dir + " is not a directory");
        }
        Path temp = createBeside(dir, real.getFileName().toString());
        try {
            return new AtomicReplacement(real, temp, new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16));
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    /**
     * Creates the temporary file with the default permissions (the umask applies), unlike
     * {@link Files#createTempFile}, which makes it private: a new {@code -o} file must not end up 0600.
     */
    private static Path createBeside(Path dir, String name) throws IOException {
        for (int attempt = 0; ; attempt++) {
            String suffix = Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
            Path temp = (dir == null ? Path.of("") : dir).resolve("." + name + "." + suffix + ".zhnorm-tmp");
            try {
                return Files.createFile(temp);
            } catch (FileAlreadyExistsException e) {
                if (attempt == 10) {
                    throw e;
                }
            }
        }
    }

    /** @return where to write the new content */
    OutputStream stream() {
        return stream;
    }

    /**
     * Closes the stream and renames the temporary file over the target.
     *
     * @throws IOException when closing or renaming fails (the target is then untouched)
     */
    void commit() throws IOException {
        stream.close();
        keepPermissions();
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        done = true;
    }

    private void keepPermissions() throws IOException {
        if (!Files.exists(target)) {
            return;
        }
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(target);
            Files.setPosixFilePermissions(temp, perms);
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: the new file gets the default permissions.
        }
    }

    /** Deletes the temporary file unless committed. */
    @Override
    public void close() throws IOException {
        if (done) {
            return;
        }
        done = true;
        try {
            stream.close();
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
