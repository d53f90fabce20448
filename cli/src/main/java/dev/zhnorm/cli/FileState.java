package dev.zhnorm.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;

/**
 * What tells whether a file changed: its size, last-modified time and file key (device and inode on
 * Unix, so a file replaced under the same name differs too). {@code --in-place} compares the state
 * from before it read the file with the state just before its rename, and leaves a file that was
 * written meanwhile as it is rather than drop what was written.
 *
 * <pre>{@code
 * FileState before = FileState.of(path);
 * ...                                      // read, transform, write the temporary file
 * if (!FileState.of(path).equals(before)) { ... changed while being normalized ... }
 * }</pre>
 *
 * @param size the size in bytes
 * @param modified the last-modified time
 * @param key the file key, or null where the file system has none
 */
record FileState(long size, FileTime modified, Object key) {
    /**
     * @param path the file (a symbolic link is followed)
     * @return its state now
     * @throws IOException when its attributes cannot be read (e.g. it was deleted)
     */
    static FileState of(Path path) throws IOException {
        BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
        return new FileState(a.size(), a.lastModifiedTime(), a.fileKey());
    }
}
