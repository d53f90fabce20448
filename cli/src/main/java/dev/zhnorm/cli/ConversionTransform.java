package dev.zhnorm.cli;

import dev.zhnorm.Converter;
import dev.zhnorm.Explanation;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
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
     * Streams with {@link Converter#convert(Reader, Writer, java.util.concurrent.Executor)}: blocks are
     * cut where no dictionary key of the converter can span and convert on the threads while this
     * thread reads and writes; the output equals the one-thread result.
     */
    @Override
    public void apply(Reader in, Writer out, ExecutorService executor) throws IOException {
        converter.convert(in, out, executor);
    }

    @Override
    public Explanation explain(CharSequence text) {
        return converter.explain(text);
    }
}
