package dev.zhnorm.cli;

/**
 * Ends a command with one line on stderr and an exit code from {@link ExitCodes}. The message names
 * the file it is about, e.g. {@code notes.txt: no such file}.
 *
 * <pre>{@code
 * throw new CommandFailure(ExitCodes.USAGE, "docs: is a directory; use -r to process the files under it");
 * }</pre>
 */
final class CommandFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int exitCode;

    CommandFailure(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    CommandFailure(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /**
     * @param exitCode the exit code
     * @return a failure that ends the command without a message (e.g. a closed output pipe)
     */
    static CommandFailure quiet(int exitCode) {
        return new CommandFailure(exitCode, null);
    }

    int exitCode() {
        return exitCode;
    }
}
