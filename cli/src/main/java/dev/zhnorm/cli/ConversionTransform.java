package dev.zhnorm.cli;

import dev.zhnorm.Converter;
import dev.zhnorm.Explanation;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.CharBuffer;
import java.util.concurrent.ExecutorService;
import java.util.Objects;

/**
 * {@code zhnorm convert}: a {@link Converter}, nothing else, so the output is what OpenCC's
 * {@code opencc -c} gives for the same config.
 *
 * <pre>{@code
 * new ConversionTransform(Converter.of("s2twp")).apply("鼠标");   // "滑鼠"
 * }</pre>
 */
final class ConversionTransform implements TextTransform {
    private final Converter converter;

    ConversionTransform(Converter converter) {
        this.converter = Objects.requireNonNull(converter, "converter");
    }

    @Override
    public String description() {
        return "conversion " + converter.name();
    }

    @Override
    public String apply(CharSequence text) {
        return converter.convert(text);
    }

    @Override
    public void apply(Reader in, Writer out) throws IOException {
        converter.convert(in, out);
    }

    /**
     * Reads blocks of about a million chars, each ending after a line break, and converts each with
     * {@link Converter#convert(CharSequence, java.util.concurrent.Executor)}, which splits it further
     * among the threads. Cutting after a line break is exact: OpenCC dictionaries are line-based text,
     * so no key contains one. A line longer than {@link #MAX_BLOCK} chars ends the parallel part and
     * the rest streams on one thread, so memory stays bounded.
     */
    @Override
    public void apply(Reader in, Writer out, ExecutorService executor) throws IOException {
        char[] block = new char[MAX_BLOCK];
        int filled = 0;
        while (true) {
            int n = in.read(block, filled, Math.min(BLOCK, block.length - filled));
            if (n < 0) {
                if (filled > 0) {
                    out.write(converter.convert(CharBuffer.wrap(block, 0, filled), executor));
                }
                return;
            }
            filled += n;
            if (filled < BLOCK) {
                continue;
            }
            int cut = lastLineBreak(block, filled);
            if (cut < 0) {
                if (filled + BLOCK <= block.length) {
                    continue; // a long line: read on to its end
                }
                converter.convert(new PrefixedReader(block, filled, in), out);
                return;
            }
            out.write(converter.convert(CharBuffer.wrap(block, 0, cut), executor));
            System.arraycopy(block, cut, block, 0, filled - cut);
            filled -= cut;
        }
    }

    private static final int BLOCK = 1 << 20;
    private static final int MAX_BLOCK = 4 * BLOCK;

    /** @return the index after the last '\n' in {@code a[0, n)}, or -1 */
    private static int lastLineBreak(char[] a, int n) {
        for (int i = n - 1; i >= 0; i--) {
            if (a[i] == '\n') {
                return i + 1;
            }
        }
        return -1;
    }

    @Override
    public Explanation explain(CharSequence text) {
        return converter.explain(text);
    }
}
