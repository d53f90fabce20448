package dev.zhnorm.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * The process's data streams, passed in so that tests can run commands in-process: stdin as bytes,
 * stdout as bytes (data may be in any {@code --output-encoding}), and whether stderr is a terminal
 * (the progress bar is drawn only then). Diagnostics go to picocli's {@code getErr()} writer, help
 * and version text to its {@code getOut()}.
 *
 * <pre>{@code
 * StandardStreams test = new StandardStreams(new ByteArrayInputStream(bytes), outBytes, false, false);
 * }</pre>
 *
 * @param in standard input
 * @param out standard output, for data
 * @param inIsTerminal whether stdin is an interactive terminal (then a hint says it is being read)
 * @param errIsTerminal whether stderr is an interactive terminal
 */
public record StandardStreams(InputStream in, OutputStream out, boolean inIsTerminal, boolean errIsTerminal) {
    /**
     * Checks for nulls.
     *
     * @param in standard input
     * @param out standard output, for data
     * @param inIsTerminal whether stdin is an interactive terminal
     * @param errIsTerminal whether stderr is an interactive terminal
     */
    public StandardStreams {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(out, "out");
    }

    /**
     * @return the real streams of this process; data goes to file descriptor 1 directly, because
     *     {@code System.out} swallows write errors (a full disk, a closed pipe would go unnoticed)
     */
    public static StandardStreams system() {
        return new StandardStreams(System.in, new FileOutputStream(FileDescriptor.out), isTerminal(0), isTerminal(2));
    }

    /**
     * Java cannot ask isatty(2) directly; on Linux /proc tells where the descriptor points, elsewhere a console
     * means an interactive session.
     */
    private static boolean isTerminal(int fd) {
        if ("dumb".equals(System.getenv("TERM"))) {
            return false;
        }
        try {
            Path target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd));
            String t = target.toString().toLowerCase(Locale.ROOT);
            return t.startsWith("/dev/pts/") || t.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return System.console() != null;
        }
    }
}
