package dev.zhnorm.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.util.Locale;

/**
 * Encodes text to bytes like {@link java.io.OutputStreamWriter}, but a character the encoding cannot
 * represent stops with {@link UnencodableException} saying where it is in the output (line, column)
 * and which character it is, instead of Java's bare "Input length = 1". Writes no byte-order mark.
 * Buffers; {@link #flush()} passes everything on. Not thread-safe.
 *
 * <pre>{@code
 * Writer w = new EncodingWriter(out, Charset.forName("Big5"));
 * w.write("台湾");  w.flush();   // UnencodableException: line 1, column 2: 湾 (U+6E7E) cannot be written in Big5
 * }</pre>
 */
final class EncodingWriter extends Writer {
    private final OutputStream out;
    private final CharsetEncoder encoder;
    private final CharBuffer chars = CharBuffer.allocate(8192);
    private final ByteBuffer bytes;
    private long line = 1;
    private long column = 1;
    private boolean pendingHigh;

    EncodingWriter(OutputStream out, Charset charset) {
        this.out = out;
        this.encoder = charset.newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        this.bytes = ByteBuffer.allocate((int) Math.ceil(chars.capacity() * encoder.maxBytesPerChar()) + 16);
    }

    /** A character of the output that its encoding cannot represent. */
    static final class UnencodableException extends IOException {
        private static final long serialVersionUID = 1L;

        UnencodableException(String message) {
            super(message);
        }
    }

    @Override
    public void write(char[] cbuf, int off, int len) throws IOException {
        while (len > 0) {
            int n = Math.min(len, chars.remaining());
            chars.put(cbuf, off, n);
            off += n;
            len -= n;
            if (!chars.hasRemaining()) {
                encode(false);
            }
        }
    }

    @Override
    public void write(String s, int off, int len) throws IOException {
        while (len > 0) {
            int n = Math.min(len, chars.remaining());
            chars.put(s, off, off + n);
            off += n;
            len -= n;
            if (!chars.hasRemaining()) {
                encode(false);
            }
        }
    }

    @Override
    public void write(int c) throws IOException {
        write(new char[] {(char) c}, 0, 1);
    }

    private void encode(boolean end) throws IOException {
        chars.flip();
        while (true) {
            int start = chars.position();
            CoderResult r = encoder.encode(chars, bytes, end);
            advance(start, chars.position());
            if (r.isError()) {
                throw unencodable(r.length());
            }
            out.write(bytes.array(), 0, bytes.position());
            bytes.clear();
            if (r.isUnderflow()) {
                break;
            }
        }
        chars.compact();
    }

    /** Follows line and column over the characters encoded. */
    private void advance(int from, int to) {
        for (int i = from; i < to; i++) {
            char c = chars.get(i);
            if (c == '\n') {
                line++;
                column = 1;
                pendingHigh = false;
            } else if (pendingHigh && Character.isLowSurrogate(c)) {
                pendingHigh = false; // the second half of a character already counted
            } else {
                column++;
                pendingHigh = Character.isHighSurrogate(c);
            }
        }
    }

    private UnencodableException unencodable(int length) {
        int p = chars.position();
        String what;
        if (length == 2 || length == 1 && Character.isHighSurrogate(chars.get(p)) && p + 1 < chars.limit()) {
            int cp = Character.toCodePoint(chars.get(p), chars.get(p + 1));
            what = String.format(Locale.ROOT, "%s (U+%04X)", new String(Character.toChars(cp)), cp);
        } else {
            char c = chars.get(p);
            what = Character.isSurrogate(c) ? String.format(Locale.ROOT, "a lone surrogate U+%04X", (int) c)
                    : String.format(Locale.ROOT, "%c (U+%04X)", c, (int) c);
        }
        return new UnencodableException(String.format(Locale.ROOT, "line %d, column %d: %s cannot be written in %s",
                line, column, what, encoder.charset().name()));
    }

    @Override
    public void flush() throws IOException {
        encode(false);
        out.flush();
    }

    /** Encodes what is left; the stream is not closed (its owner closes it). */
    @Override
    public void close() throws IOException {
        encode(true);
        bytes.clear();
        encoder.flush(bytes);
        out.write(bytes.array(), 0, bytes.position());
        bytes.clear();
        out.flush();
    }
}
