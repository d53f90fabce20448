package dev.zhnorm.cli;

import java.nio.file.Path;

/**
 * One input of a command: a file, or standard input ({@code path == null}).
 *
 * @param path the file, or {@code null} for standard input
 * @param name how messages name it: the path as given or found, or {@code <stdin>}
 * @param found whether it was found by walking a directory with {@code -r} (binary files are then
 *     skipped instead of failing)
 */
record Input(Path path, String name, boolean found) {
    static final String STDIN_NAME = "<stdin>";

    static Input stdin() {
        return new Input(null, STDIN_NAME, false);
    }

    static Input file(Path path, boolean found) {
        return new Input(path, path.toString(), found);
    }

    boolean isStdin() {
        return path == null;
    }
}
