package dev.zhnorm.cli;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads some chars already taken from a reader, then the rest of that reader: how a parallel run
 * hands text it has read back to a streaming one.
 *
 * <pre>{@code
 * new PrefixedReader("ab".toCharArray(), 2, new StringReader("cd"));   // reads "abcd"
 * }</pre>
 */
final class PrefixedReader extends Reader {
    private final char[] prefix;
    private final int length;
    private final Reader rest;
    private int position;

    PrefixedReader(char[] prefix, int length, Reader rest) {
        this.prefix = prefix;
        this.length = length;
        this.rest = rest;
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (position < length) {
            int n = Math.min(len, length - position);
            System.arraycopy(prefix, position, cbuf, off, n);
            position += n;
            return n;
        }
        return rest.read(cbuf, off, len);
    }

    @Override
    public void close() throws IOException {
        rest.close();
    }
}
