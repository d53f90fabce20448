package dev.zhnorm.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * Writes a file by writing a temporary file beside it and renaming that over the target, so that
 * readers see the old content or the new, never half of it, and a failure (invalid input halfway,
 * a full disk, Ctrl-C) leaves the target untouched. The target's owner, group and mode bits
 * (setuid, setgid and sticky included) are kept where the process may set them; when it may not,
 * the warning consumer is told. Closing without {@link #commit()} deletes the temporary file, and the
 * run's {@link TempFiles} deletes it if the JVM ends first. Errors name the target, never the
 * temporary file.
 *
 * <pre>{@code
 * try (AtomicReplacement r = AtomicReplacement.begin(Path.of("notes.txt"), temps, diagnostics::warn)) {
 *     write(r.stream());
 *     r.commit();            // notes.txt now has the new content
 * }                          // an exception before commit: notes.txt is as it was
 * }</pre>
 */
final class AtomicReplacement implements FileOutput {
    private final Path target;
    private final String shownName;
    private final Path temp;
    private final OutputStream stream;
    private final TempFiles temps;
    private final Consumer<String> warnings;
    private boolean done;

    private AtomicReplacement(Path target, String shownName, Path temp, OutputStream stream, TempFiles temps,
                              Consumer<String> warnings) {
        this.target = target;
        this.shownName = shownName;
        this.temp = temp;
        this.stream = stream;
        this.temps = temps;
        this.warnings = warnings;
    }

    /**
     * @param target the file to write; if it is a symbolic link, the file it points to is replaced
     * @param temps where the temporary file is registered
     * @param warnings told what could not be kept (owner, group, mode)
     * @return the replacement, with a new empty temporary file
     * @throws IOException naming the target or its folder when the temporary file cannot be created
     */
    static AtomicReplacement begin(Path target, TempFiles temps, Consumer<String> warnings) throws IOException {
        Path real = Files.isSymbolicLink(target) ? target.toRealPath() : target.toAbsolutePath();
        String shown = target.toString();
        if (Files.isDirectory(real)) {
            throw new FileSystemException(shown, null, "is a directory");
        }
        Path dir = real.getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            Path given = target.getParent() == null ? dir : target.getParent();
            throw new FileSystemException(given.toString(), null,
                    (Files.exists(dir) ? "not a folder" : "no such folder") + " (for " + FileNames.quoted(shown) + ")");
        }
        Path temp;
        try {
            temp = temps.create(() -> createBeside(dir, real.getFileName().toString()));
        } catch (FileSystemException e) {
            // The folder as the user knows it; a link's target may be in another one.
            Path given = Files.isSymbolicLink(target) ? dir : target.getParent() == null ? Path.of(".") : target.getParent();
            throw folderRefused(e, shown, given, dir);
        }
        try {
            return new AtomicReplacement(real, shown, temp, new BufferedOutputStream(TempFiles.openCreated(temp), 1 << 16),
                    temps, warnings);
        } catch (IOException e) {
            temps.delete(temp);
            throw renamed(e, shown);
        } catch (RuntimeException e) {
            temps.delete(temp);
            throw e;
        }
    }

    /**
     * The folder refused the temporary file, so the target cannot be written however writable it is
     * itself. Named after the target, as every other failure to write it, and saying why: without
     * this a virtual file system ({@code /proc}), which answers "no such file" to any new file in a
     * folder that exists, read as if the target were missing.
     */
    private static FileSystemException folderRefused(FileSystemException e, String shown, Path given, Path dir) {
        String why = e instanceof NoSuchFileException && dir != null && Files.isDirectory(dir)
                ? "the folder takes no new files" : IoMessages.reason(e);
        FileSystemException named = new FileSystemException(shown, null, "cannot be written: the temporary file "
                + "that replaces it atomically cannot be created in " + FileNames.quoted(given) + " (" + why + ")");
        named.initCause(e);
        return named;
    }

    /** The same failure, naming the file the user gave instead of the temporary file. */
    private static IOException renamed(IOException e, String shown) {
        if (e instanceof FileSystemException f) {
            FileSystemException named = new FileSystemException(shown, null, IoMessages.reason(f));
            named.initCause(e);
            return named;
        }
        return e;
    }

    /**
     * Creates the temporary file with the default permissions (the umask applies), unlike
     * {@link Files#createTempFile}, which makes it private: a new {@code -o} file must not end up 0600.
     */
    private static Path createBeside(Path dir, String name) throws IOException {
        for (int attempt = 0; ; attempt++) {
            String suffix = Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
            Path base = dir == null ? Path.of("") : dir;
            Path temp;
            try {
                temp = base.resolve("." + name + "." + suffix + ".zhnorm-tmp");
            } catch (InvalidPathException e) {
                // A name the locale's charset cannot spell (a Chinese name in the C locale): the
                // target keeps its raw name, the temporary file takes one of its own.
                temp = base.resolve(".zhnorm." + suffix + ".zhnorm-tmp");
            }
            try {
                return Files.createFile(temp);
            } catch (FileAlreadyExistsException e) {
                if (attempt == 10) {
                    throw e;
                }
            }
        }
    }

    @Override
    public OutputStream stream() {
        return stream;
    }

    /**
     * Closes the stream, gives the temporary file the target's owner, group and mode, and renames it
     * over the target.
     *
     * @throws IOException naming the target when closing or renaming fails (the target is then untouched)
     */
    @Override
    public void commit() throws IOException {
        commit(() -> { });
    }

    /** A last check before the rename, which may refuse it by throwing. */
    @FunctionalInterface
    interface BeforeRename {
        void check() throws IOException;
    }

    /**
     * {@link #commit()} with {@code beforeRename} run after the temporary file is closed (which may
     * take a while: a file system may write a large file out on close) and its attributes set, just
     * before the rename: what it checks is then as fresh as it can be.
     *
     * @throws IOException naming the target when closing or renaming fails (the target is then untouched)
     */
    void commit(BeforeRename beforeRename) throws IOException {
        try {
            stream.close();
            keepAttributes();
            beforeRename.check();
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw renamed(e, shownName);
        }
        temps.forget(temp);
        done = true;
    }

    /** Owner and group first: changing them clears setuid and setgid, which the mode then restores. */
    private void keepAttributes() throws IOException {
        Map<String, Object> was;
        Map<String, Object> now;
        try {
            // One stat each, read together: this runs once per file of an --in-place run.
            was = Files.readAttributes(target, "unix:uid,gid,mode");
            now = Files.readAttributes(temp, "unix:uid,gid,mode");
        } catch (NoSuchFileException e) {
            return; // a new file: nothing to keep
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            keepPosixPermissions(); // not a Unix file system view
            return;
        }
        List<String> lost = new ArrayList<>();
        int uid = (Integer) was.get("uid");
        int gid = (Integer) was.get("gid");
        int mode = (Integer) was.get("mode") & 07777;
        if (uid != (Integer) now.get("uid") && !set("unix:uid", uid)) {
            lost.add("owner " + uid);
        }
        if (gid != (Integer) now.get("gid") && !set("unix:gid", gid)) {
            lost.add("group " + gid);
        }
        if (mode != ((Integer) now.get("mode") & 07777) || uid != (Integer) now.get("uid")
                || gid != (Integer) now.get("gid")) {
            if (!set("unix:mode", mode)) {
                lost.add("mode " + Integer.toOctalString(mode));
            }
        }
        if (!lost.isEmpty()) {
            warnings.accept(FileNames.quoted(shownName) + ": could not keep its " + String.join(", ", lost)
                    + " (not permitted); the new file has this process's");
        }
    }

    /** @return whether the attribute could be set (false when the process is not permitted to) */
    private boolean set(String attribute, int value) throws IOException {
        try {
            Files.setAttribute(temp, attribute, value);
            return true;
        } catch (FileSystemException e) {
            return false;
        }
    }

    private void keepPosixPermissions() throws IOException {
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
        } catch (IOException e) {
            // the write already failed or the result is discarded: only the deletion matters
        } finally {
            temps.delete(temp);
        }
    }
}
