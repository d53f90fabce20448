package dev.zhnorm.cli;

/**
 * The documented exit codes of {@code zhnorm}; {@code --help} and the README list them.
 *
 * <pre>{@code
 * zhnorm --check -r docs/ || echo "docs/ is not normalized"   # 1 when some file would change
 * }</pre>
 */
public final class ExitCodes {
    /** Done; under {@code --check}, nothing would change. */
    public static final int OK = 0;
    /** Under {@code --check}: some input would change (the files are listed on stdout). */
    public static final int CHANGES = 1;
    /** Usage error: unknown option, preset or encoding, bad option combination, directory without -r. */
    public static final int USAGE = 2;
    /**
     * Input or output error: missing or unreadable file, invalid bytes for the encoding, an encoding that cannot
     * be told, a binary file named, a character the output encoding cannot hold, unwritable output.
     */
    public static final int INPUT = 3;
    /** Config or dictionary error: bad OpenCC JSON config, malformed {@code --dict} file, missing dictionary. */
    public static final int CONFIG = 4;
    /** A bug in zhnorm (the message asks to report it), or the Java heap ran out. */
    public static final int INTERNAL = 70;

    private ExitCodes() {
    }
}
