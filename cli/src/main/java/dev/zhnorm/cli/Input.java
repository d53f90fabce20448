package dev.zhnorm.cli;

import java.nio.file.Path;

/**
 * One input of a command: a file, or standard input ({@code path == null}).
 *
 * @param path the file, or {@code null} for standard input
 * @param name how messages and report lines name it: the path as given or found, C-quoted when it has a
 *     quote, backslash or control character ({@link FileNames#quoted(String)}), or {@code <stdin>}
 * @param found whether it was found by walking a directory with {@code -r} (binary files are then
 *     skipped instead of failing)
 * @param problem why it cannot be read, found while collecting the inputs (e.g. {@code no such file or
 *     directory}), or {@code null}; it is reported when the input's turn comes, so the others are still done
 */
record Input(Path path, String name, boolean found, String problem) {
    static final String STDIN_NAME = "<stdin>";

    static Input stdin() {
        return new Input(null, STDIN_NAME, false, null);
    }

    static Input file(Path path, boolean found) {
        return new Input(path, FileNames.quoted(path), found, null);
    }

    /**
     * @param path the file or folder that cannot be read
     * @param found whether it was found under a directory given with {@code -r}
     * @param problem what is wrong, without the name, e.g. {@code no such file or directory}
     * @return an input that fails with {@code NAME: PROBLEM} when its turn comes
     */
    static Input failing(Path path, boolean found, String problem) {
        return new Input(path, FileNames.quoted(path), found, problem);
    }

    /**
     * @return the name unquoted, for the formats that escape it their own way (a {@code --diff}
     *     header, an {@code --explain} record)
     */
    String rawName() {
        return path == null ? STDIN_NAME : path.toString();
    }

    boolean isStdin() {
        return path == null;
    }

    /** @return the failure to report for this input, or null when it can be opened */
    CommandFailure failure() {
        return problem == null ? null : new CommandFailure(ExitCodes.INPUT, name + ": " + problem);
    }
}
