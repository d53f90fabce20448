package dev.zhnorm.cli;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
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
     * @param in the input
     * @return the decoded input, or {@code null} for a binary file found by {@code -r} (skipped)
     * @throws CommandFailure with {@link ExitCodes#INPUT} when it cannot be opened or looks binary
     * @throws IOException when reading its first bytes fails
     */
    Decoded open(Input in) throws IOException {
        InputStream raw;
        try {
            raw = in.isStdin() ? new KeepOpen(streams.in()) : Files.newInputStream(in.path());
        } catch (IOException e) {
            throw new CommandFailure(ExitCodes.INPUT, IoMessages.describe(e), e);
        }
        try {
            BufferedInputStream buffered = new BufferedInputStream(raw, EncodingChoice.SAMPLE_SIZE + 8);
            EncodingChoice.Encoding enc = encoding.choose(buffered);
            if (enc.binary()) {
                if (in.found()) {
                    diagnostics.note(in.name() + ": skipped, looks binary (NUL bytes)");
                    raw.close();
                    return null;
                }
                throw new CommandFailure(ExitCodes.INPUT, in.name()
                        + ": looks like a binary file (NUL bytes); name its encoding with --encoding to read it as text");
            }
            if (encoding.isAuto()) {
                diagnostics.note(in.name() + ": encoding " + enc.charset().name() + " (" + enc.reason() + ")");
            }
            return new Decoded(new DecodingReader(buffered, enc.charset(), replaceInvalid, in.name(), bytesRead), enc);
        } catch (IOException e) {
            raw.close();
            throw new CommandFailure(ExitCodes.INPUT, in.name() + ": cannot read: " + IoMessages.describe(e), e);
        } catch (RuntimeException e) {
            raw.close();
            throw e;
        }
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
