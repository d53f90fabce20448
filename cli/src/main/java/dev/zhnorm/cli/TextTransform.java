package dev.zhnorm.cli;

import dev.zhnorm.Explanation;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.concurrent.ExecutorService;

/**
 * What a command does to text, as the file-handling machinery sees it: whole-text, streaming and
 * explained forms of one library call. The CLI holds no conversion logic; implementations delegate
 * to {@link dev.zhnorm.Converter} or the normalizer.
 *
 * <pre>{@code
 * TextTransform t = new ConversionTransform(Converter.of("t2s"));
 * t.apply("漢字");                 // "汉字"
 * t.apply(reader, writer);         // streaming, same result
 * }</pre>
 *
 * <p>Implementations are immutable and thread-safe: {@code --threads} calls them concurrently.
 */
interface TextTransform {
    /** @return what the transform is, for {@code --verbose}, e.g. {@code conversion t2cn} */
    String description();

    /**
     * @param text a whole text
     * @return the transformed text
     */
    String apply(CharSequence text);

    /**
     * Streams in bounded memory; the output equals {@link #apply(CharSequence)} of the whole text.
     * Neither stream is closed.
     *
     * @param in the text
     * @param out the result
     * @throws IOException when reading or writing fails
     */
    void apply(Reader in, Writer out) throws IOException;

    /**
     * Streams like {@link #apply(Reader, Writer)} but may use {@code executor} to work on large
     * inputs in parallel; the output is identical. The default ignores the executor.
     *
     * @param in the text
     * @param out the result
     * @param executor threads to use
     * @throws IOException when reading or writing fails
     */
    default void apply(Reader in, Writer out, ExecutorService executor) throws IOException {
        apply(in, out);
    }

    /**
     * @param text a whole text
     * @return the output with every change and the rule or dictionary that made it
     */
    Explanation explain(CharSequence text);
}
