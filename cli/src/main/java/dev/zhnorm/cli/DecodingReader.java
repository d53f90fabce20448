package dev.zhnorm.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.util.Locale;
import java.util.function.LongConsumer;

/**
 * Decodes bytes like {@link java.io.InputStreamReader}, but knows the byte offset of every error
 * and says it: invalid input stops with {@link InputException} naming the source and offset,
 * unless replacement was asked for (then each invalid sequence becomes U+FFFD). A leading byte-order
 * mark is dropped, not passed on as text.
 *
 * <pre>{@code
 * try (Reader r = new DecodingReader(in, UTF_8, false, "notes.txt", bytes -> {})) {
 *     converter.convert(r, writer);   // InputException: notes.txt: invalid UTF-8 at byte 5 ...
 * }
 * }</pre>
 *
 * <p>Not thread-safe, like every reader.
 */
final class DecodingReader extends Reader {
    private final InputStream in;
    private final CharsetDecoder decoder;
    private final String source;
    private final LongConsumer bytesRead;
    /** Undecoded bytes, in read mode. */
    private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
    /** Offset in the input of {@code bytes.array()[0]}. */
    private long bufferStart;
    private boolean endOfInput;
    private boolean flushed;
    private boolean atStart = true;
    /** Chars decoded so far, for error messages. */
    private long charsRead;
    private final boolean refuseNul;
    /** A 7-bit encoding (ISO-2022-*): bytes above 0x7F are invalid, though Java's decoder would pass them. */
    private final boolean sevenBit;

    /**
     * @param in the bytes; closed with this reader
     * @param charset their encoding
     * @param replaceInvalid replace invalid sequences with U+FFFD instead of failing
     * @param source the file name for error messages
     * @param bytesRead told the number of bytes after each read from {@code in} (for progress)
     */
    DecodingReader(InputStream in, Charset charset, boolean replaceInvalid, String source, LongConsumer bytesRead) {
        this(in, charset, replaceInvalid, false, source, bytesRead);
    }

    /**
     * @param refuseNul whether a NUL character is binary data that fails the input (the encoding was
     *     detected, not named: a named encoding says the input is text, NULs and all)
     */
    DecodingReader(InputStream in, Charset charset, boolean replaceInvalid, boolean refuseNul, String source,
                   LongConsumer bytesRead) {
        this.in = in;
        this.refuseNul = refuseNul;
        CodingErrorAction action = replaceInvalid ? CodingErrorAction.REPLACE : CodingErrorAction.REPORT;
        this.decoder = charset.newDecoder().onMalformedInput(action).onUnmappableCharacter(action);
        this.source = source;
        this.bytesRead = bytesRead;
        this.sevenBit = EncodingChoice.isSevenBit(charset);
        bytes.flip();
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (true) {
            int n = decodeSome(cbuf, off, len);
            if (refuseNul) {
                refuseNul(cbuf, off, n);
            }
            if (n <= 0 || !atStart) {
                return n;
            }
            atStart = false;
            if (cbuf[off] != '\uFEFF') {
                return n;
            }
            if (n > 1) {
                System.arraycopy(cbuf, off + 1, cbuf, off, n - 1);
                return n - 1;
            }
        }
    }

    /**
     * A NUL is binary data, wherever it is: the first block decides text or binary, but a file that
     * is text there and binary later (an installer with a payload, a corrupt file) must not come out
     * with its NULs deleted as control characters (U1) and be written back so.
     */
    private void refuseNul(char[] cbuf, int off, int n) throws InputException {
        for (int i = 0; i < n; i++) {
            if (cbuf[off + i] == '\0') {
                throw new InputException(String.format(Locale.ROOT,
                        "%s: binary data (a NUL character) at char %d: not normalized as text; name its encoding "
                                + "with --encoding to read it as text",
                        source, charsRead + i));
            }
        }
        if (n > 0) {
            charsRead += n;
        }
    }

    /** Decodes at least one char into {@code cbuf}, or returns -1 at the end. */
    private int decodeSome(char[] cbuf, int off, int len) throws IOException {
        CharBuffer out = CharBuffer.wrap(cbuf, off, len);
        while (out.position() == off) {
            if (flushed) {
                return -1;
            }
            if (sevenBit) {
                int high = firstHighByte();
                if (high >= 0) {
                    if (high > bytes.position()) {
                        int limit = bytes.limit();
                        bytes.limit(high);
                        CoderResult before = decoder.decode(bytes, out, false);
                        bytes.limit(limit);
                        if (before.isError()) {
                            throw invalid(before.length());
                        }
                        if (out.position() > off) {
                            return out.position() - off;
                        }
                    }
                    bytes.position(high);
                    throw invalid(1);
                }
            }
            CoderResult r = decoder.decode(bytes, out, endOfInput);
            if (r.isError()) {
                throw invalid(r.length());
            }
            if (r.isUnderflow()) {
                if (endOfInput) {
                    CoderResult f = decoder.flush(out);
                    if (f.isUnderflow()) {
                        flushed = true;
                    }
                } else {
                    fill();
                }
            }
        }
        return out.position() - off;
    }

    private int firstHighByte() {
        for (int i = bytes.position(); i < bytes.limit(); i++) {
            if (bytes.get(i) < 0) {
                return i;
            }
        }
        return -1;
    }

    private void fill() throws IOException {
        bufferStart += bytes.position();
        bytes.compact();
        int n;
        try {
            n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        } catch (IOException e) {
            long offset = bufferStart + bytes.position();
            throw new InputException(source + ": cannot read at byte " + offset + ": " + IoMessages.describe(e));
        }
        if (n < 0) {
            endOfInput = true;
        } else {
            bytes.position(bytes.position() + n);
            bytesRead.accept(n);
        }
        bytes.flip();
    }

    private InputException invalid(int length) {
        long offset = bufferStart + bytes.position();
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < length && bytes.position() + i < bytes.limit(); i++) {
            hex.append(i == 0 ? "" : " ")
                    .append(String.format(Locale.ROOT, "0x%02X", bytes.get(bytes.position() + i) & 0xFF));
        }
        String what = endOfInput && bytes.position() + length >= bytes.limit() ? "truncated " : "invalid ";
        String hint = sevenBit ? decoder.charset().name() + " has only bytes up to 0x7F; use --encoding to name the "
                + "right encoding" : "use --encoding to name the right encoding or --replace-invalid";
        return new InputException(String.format(Locale.ROOT, "%s: %s%s at byte %d (%s); %s",
                source, what, decoder.charset().name(), offset, hex, hint));
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
