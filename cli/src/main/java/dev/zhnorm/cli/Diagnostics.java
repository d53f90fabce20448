package dev.zhnorm.cli;

import java.io.PrintWriter;
import java.util.Objects;

/**
 * Messages on stderr, one line each and prefixed with {@code zhnorm: }: notes only under
 * {@code --verbose}, warnings unless {@code --quiet}, errors always. Data never goes here.
 * Thread-safe: {@code --threads} workers report through one instance.
 *
 * <pre>{@code
 * diagnostics.note("a.txt: encoding Big5 (detected by ICU, confidence 80%)");   // --verbose only
 * }</pre>
 */
final class Diagnostics {
    private final PrintWriter err;
    private final boolean quiet;
    private final boolean verbose;

    /**
     * @throws CommandFailure with {@link ExitCodes#USAGE} for {@code --quiet} with {@code --verbose}
     */
    Diagnostics(PrintWriter err, boolean quiet, boolean verbose) {
        if (quiet && verbose) {
            throw new CommandFailure(ExitCodes.USAGE, "-q/--quiet and -v/--verbose cannot go together");
        }
        this.err = Objects.requireNonNull(err, "err");
        this.quiet = quiet;
        this.verbose = verbose && !quiet;
    }

    boolean quiet() {
        return quiet;
    }

    /** @return whether notes are shown, so that a note costing work is made only then */
    boolean verbose() {
        return verbose;
    }

    /** A detail for {@code --verbose}. */
    synchronized void note(String message) {
        if (verbose) {
            line(message);
        }
    }

    /** Something the user should know, unless {@code --quiet}. */
    synchronized void warn(String message) {
        if (!quiet) {
            line(message);
        }
    }

    /** An error: always shown. */
    synchronized void error(String message) {
        line(message);
    }

    private void line(String message) {
        err.println("zhnorm: " + message);
        err.flush();
    }

    /** @return the writer, for the progress bar's in-place redraws */
    PrintWriter writer() {
        return err;
    }
}
