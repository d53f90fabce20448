package dev.zhnorm.internal.normalize;

import java.io.IOException;
import java.io.Reader;
import java.nio.CharBuffer;

/**
 * A reader whose first chars were read ahead (for spacing=auto's decision) and are served again
 * before the rest of the underlying reader. Does not close the underlying reader. Not thread-safe.
 */
final class PrefixedReader extends Reader {
    private final char[] prefix;
    private final int length;
    private final Reader rest;
    private int pos;

    private PrefixedReader(char[] prefix, int length, Reader rest) {
        this.prefix = prefix;
        this.length = length;
        this.rest = rest;
    }

    /** Reads up to {@code max} chars of {@code in} ahead. */
    static PrefixedReader read(Reader in, int max) throws IOException {
        char[] buf = new char[max];
        int n = 0;
        while (n < max) {
            int r = in.read(buf, n, max - n);
            if (r < 0) {
                break;
            }
            n += r;
        }
        return new PrefixedReader(buf, n, in);
    }

    /** @return the chars read ahead */
    CharSequence prefix() {
        return CharBuffer.wrap(prefix, 0, length);
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (pos < length) {
            int k = Math.min(len, length - pos);
            System.arraycopy(prefix, pos, cbuf, off, k);
            pos += k;
            return k;
        }
        return rest.read(cbuf, off, len);
    }

    @Override
    public void close() {
        // the caller owns the underlying reader
    }
}
