package dev.zhnorm.cli;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Passes a reader through and keeps a copy of its first chars: {@code --verbose} names the spacing
 * decision of a streamed file from the very chars the transform decided on, without reading it twice.
 *
 * <pre>{@code
 * PrefixReader r = new PrefixReader(reader, Normalizer.SPACING_DECISION_CHARS);
 * normalizer.apply(r, writer);
 * normalizer.describe(r.prefix());   // "format text, spacing pangu (auto: 9 of 11 …)"
 * }</pre>
 */
final class PrefixReader extends FilterReader {
    private final int limit;
    private final StringBuilder prefix = new StringBuilder();

    /**
     * @param in the reader passed through
     * @param limit how many chars to keep at most
     */
    PrefixReader(Reader in, int limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int c = in.read();
        if (c >= 0 && prefix.length() < limit) {
            prefix.append((char) c);
        }
        return c;
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        int n = in.read(cbuf, off, len);
        if (n > 0 && prefix.length() < limit) {
            prefix.append(cbuf, off, Math.min(n, limit - prefix.length()));
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // Skipped chars would be missing from the copy: read them instead.
        char[] buf = new char[(int) Math.min(n, 8192)];
        long left = n;
        while (left > 0) {
            int r = read(buf, 0, (int) Math.min(left, buf.length));
            if (r < 0) {
                break;
            }
            left -= r;
        }
        return n - left;
    }

    /** @return the chars read so far, up to the limit */
    CharSequence prefix() {
        return prefix;
    }
}
