package dev.zhnorm.cli;

import java.io.ByteArrayInputStream;
import java.io.FileInputStream;
import java.io.FileNotFoundException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongConsumer;

/**
 * Opens an {@link Input} as text: reads standard input or the file, chooses its encoding
 * ({@code --encoding}), and decodes it strictly unless {@code --replace-invalid}. A binary file
 * found by {@code -r} is skipped (with a note under {@code --verbose}); one named on the command
 * line is an error. Thread-safe.
 *
 * <pre>{@code
 * try (InputOpener.Decoded d = opener.open(Input.file(Path.of("a.txt"), false))) {
 *     transform.apply(d.reader(), writer);
 * }
 * }</pre>
 */
final class InputOpener {
    private final EncodingChoice encoding;
    private final boolean replaceInvalid;
    private final StandardStreams streams;
    private final Diagnostics diagnostics;
    private final LongConsumer bytesRead;

    /**
     * @param encoding the {@code --encoding} choice
     * @param replaceInvalid {@code --replace-invalid}
     * @param streams where standard input comes from
     * @param diagnostics for notes
     * @param bytesRead told how many bytes each read took (progress)
     */
    InputOpener(EncodingChoice encoding, boolean replaceInvalid, StandardStreams streams, Diagnostics diagnostics,
                LongConsumer bytesRead) {
        this.encoding = encoding;
        this.replaceInvalid = replaceInvalid;
        this.streams = streams;
        this.diagnostics = diagnostics;
        this.bytesRead = bytesRead;
    }

    /**
     * An open input: its decoder and the encoding chosen for it.
     *
     * @param reader the decoded text
     * @param encoding the encoding and why it was chosen
     */
    record Decoded(DecodingReader reader, EncodingChoice.Encoding encoding) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            reader.close();
        }
    }

    /**
     * Opens an input and says under {@code --verbose} which encoding it has.
     *
     * @param in the input
     * @return the decoded input, or {@code null} for a binary file found by {@code -r} (skipped)
     * @throws CommandFailure with {@link ExitCodes#INPUT} when it cannot be opened, looks binary or its
     *     encoding cannot be told
     * @throws IOException when reading its first bytes fails
     */
    Decoded open(Input in) throws IOException {
        return open(in, true);
    }

    /**
     * @param in the input
     * @param note whether to say under {@code --verbose} which encoding it has (not when reading it again)
     * @return the decoded input, or {@code null} for a binary file found by {@code -r} (skipped)
     * @throws CommandFailure with {@link ExitCodes#INPUT} when it is missing, cannot be opened, looks binary
     *     or its encoding cannot be told
     * @throws IOException when reading its first bytes fails
     */
    Decoded open(Input in, boolean note) throws IOException {
        if (in.failure() != null) {
            throw in.failure();
        }
        InputStream raw;
        try {
            raw = in.isStdin() ? new KeepOpen(streams.in()) : openFile(in.path());
        } catch (IOException e) {
            throw new CommandFailure(ExitCodes.INPUT, IoMessages.describe(e), e);
        }
        try {
            // The sample is read once and decoded from memory: a small file costs one read, and standard input
            // at a terminal ends at the first Ctrl-D instead of needing a second one.
            byte[] sample = raw.readNBytes(EncodingChoice.SAMPLE_SIZE);
            boolean complete = sample.length < EncodingChoice.SAMPLE_SIZE;
            InputStream bytes = complete ? new ByteArrayInputStream(sample)
                    : new SequenceInputStream(new ByteArrayInputStream(sample), raw);
            EncodingChoice.Encoding enc = encoding.choose(sample, complete, in.found());
            if (enc.binary()) {
                raw.close();
                if (in.found()) {
                    if (note) {
                        diagnostics.note(in.name() + ": skipped, looks binary (" + enc.reason() + ")");
                    }
                    return null;
                }
                throw new CommandFailure(ExitCodes.INPUT, in.name() + ": looks like a binary file ("
                        + enc.reason() + "); name its encoding with --encoding to read it as text");
            }
            if (enc.kind() == EncodingChoice.Kind.UNDECIDED) {
                raw.close();
                throw new CommandFailure(ExitCodes.INPUT, in.name() + ": cannot tell its encoding; tried "
                        + enc.reason() + "; name it with --encoding");
            }
            if (note && encoding.isAuto()) {
                diagnostics.note(in.name() + ": encoding " + enc.charset().name() + " (" + enc.reason() + ")");
            }
            if (complete) {
                raw.close();
            }
            return new Decoded(new DecodingReader(bytes, enc.charset(), replaceInvalid, encoding.isAuto(), in.name(),
                    bytesRead), enc);
        } catch (IOException e) {
            raw.close();
            throw new CommandFailure(ExitCodes.INPUT, in.name() + ": cannot read: " + IoMessages.describe(e), e);
        } catch (RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    /**
     * Regular files through NIO; pipes, devices and {@code /dev/stdin} as plain streams, because a
     * channel over them fails with "Illegal seek" when asked how much is available.
     */
    private static InputStream openFile(Path path) throws IOException {
        if (Files.isRegularFile(path)) {
            return Files.newInputStream(path);
        }
        try {
            // Plain reads only: FileInputStream's own readNBytes asks for the position, which a pipe has not.
            return new FilterInputStream(new FileInputStream(path.toFile())) {
                @Override
                public byte[] readNBytes(int len) throws IOException {
                    byte[] buf = new byte[len];
                    int n = readNBytes(buf, 0, len);
                    return n == len ? buf : java.util.Arrays.copyOf(buf, n);
                }

                @Override
                public int readNBytes(byte[] b, int off, int len) throws IOException {
                    int total = 0;
                    while (total < len) {
                        int n = in.read(b, off + total, len - total);
                        if (n < 0) {
                            break;
                        }
                        total += n;
                    }
                    return total;
                }
            };
        } catch (FileNotFoundException e) {
            throw new FileSystemException(path.toString(), null, Files.exists(path) ? cannotOpen(e) : "no such file");
        }
    }

    /**
     * @return "cannot open" with the system's reason, which Java puts in parentheses at the end of the
     *     message ({@code /tmp/s (No such device or address)}: a socket, which no file API can read)
     */
    private static String cannotOpen(FileNotFoundException e) {
        String m = e.getMessage();
        int open = m == null ? -1 : m.lastIndexOf(" (");
        if (open < 0 || !m.endsWith(")")) {
            return "cannot open";
        }
        String reason = m.substring(open + 2, m.length() - 1).toLowerCase(java.util.Locale.ROOT);
        return "cannot open: " + reason + (reason.equals("no such device or address") ? " (a socket?)" : "");
    }

    /** Standard input stays open for whoever reads it next. */
    private static final class KeepOpen extends FilterInputStream {
        KeepOpen(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
        }
    }
}
