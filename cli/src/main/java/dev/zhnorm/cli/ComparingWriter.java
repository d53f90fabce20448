package dev.zhnorm.cli;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;

/**
 * A writer that keeps nothing and only tells whether what was written equals a reference text read
 * from a second reader, in bounded memory: how {@code --check} and {@code --in-place} find out if a
 * file changes without holding it.
 *
 * <pre>{@code
 * ComparingWriter same = new ComparingWriter(openAgain(file));
 * converter.convert(open(file), same);
 * same.differs();   // true when the conversion changed something
 * }</pre>
 */
final class ComparingWriter extends Writer {
    private final Reader reference;
    private char[] expected = new char[8192];
    private boolean differs;
    private boolean finished;

    ComparingWriter(Reader reference) {
        this.reference = reference;
    }

    @Override
    public void write(char[] cbuf, int off, int len) throws IOException {
        if (differs) {
            return;
        }
        while (len > 0) {
            int want = Math.min(len, expected.length);
            int got = reference.read(expected, 0, want);
            if (got <= 0) {
                differs = true; // the output is longer than the reference
                return;
            }
            for (int i = 0; i < got; i++) {
                if (expected[i] != cbuf[off + i]) {
                    differs = true;
                    return;
                }
            }
            off += got;
            len -= got;
        }
    }

    /**
     * @return whether the written text differs from the reference; reads the reference's end
     * @throws IOException when reading the reference fails
     */
    boolean differs() throws IOException {
        if (!finished) {
            finished = true;
            if (!differs && reference.read() != -1) {
                differs = true; // the output is shorter than the reference
            }
        }
        return differs;
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() throws IOException {
        reference.close();
    }
}
