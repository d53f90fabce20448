package dev.zhnorm;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.concurrent.Executor;

/**
 * What zhnorm does to text, in one shape: a {@link Converter} (conversion only, OpenCC's semantics)
 * or a {@link Normalizer} (conversion composed with normalization). Integrations take this type, so a
 * Lucene char filter, a Spark function or the command line work with either; the verbs of the
 * implementations ({@code convert}, {@code normalize}) are the same calls under their own names.
 * Implementations are immutable and thread-safe.
 *
 * <pre>{@code
 * TextTransform t = Converter.of("t2s");               // or Normalizer.defaults()
 * t.apply("漢字");                                      // "汉字"
 * t.apply("漢字", stringBuilder);                        // appends "汉字"
 * try (Reader in = ...; Writer out = ...) { t.apply(in, out); }   // streaming, same result
 * t.explain("漢字").offsets().toInput(1);               // 1: output offsets map back to the input
 * t.apply("漢字", (inStart, inEnd, outStart, outEnd) -> {});  // "汉字", reporting length changes only
 * }</pre>
 */
public sealed interface TextTransform permits Converter, Normalizer {
    /**
     * @param text the input
     * @return the result; the input itself when it is a String that nothing changes
     */
    String apply(CharSequence text);

    /**
     * Appends the result of {@link #apply(CharSequence)}.
     *
     * @param text the input
     * @param out where the result goes
     * @throws java.io.UncheckedIOException when {@code out} fails
     */
    void apply(CharSequence text, Appendable out);

    /**
     * Streams in bounded memory; the output equals {@link #apply(CharSequence)} of the whole text.
     * Neither stream is closed.
     *
     * @param in the input
     * @param out the result
     * @throws IOException when reading or writing fails
     */
    void apply(Reader in, Writer out) throws IOException;

    /**
     * Streams like {@link #apply(Reader, Writer)}, and may work on blocks of a large input on
     * {@code executor}; the output is identical. Implementations that cannot cut safely run serially.
     *
     * @param in the input
     * @param out the result
     * @param executor threads for the blocks
     * @throws IOException when reading or writing fails
     */
    void apply(Reader in, Writer out, Executor executor) throws IOException;

    /**
     * @param text the input
     * @return the output (equal to {@link #apply(CharSequence)}), every change with the rule or
     *     dictionary that made it, and the output-to-input offset map
     */
    Explanation explain(CharSequence text);

    /**
     * Transforms like {@link #apply(CharSequence)} and reports the changes that alter the text's
     * length: exactly those {@link Change}s of {@link #explain(CharSequence)} whose {@code before} and
     * {@code after} differ in length, with the same offsets and in the same order, before this method
     * returns. That is all an offset-correcting consumer needs (changes of equal length move no
     * offset), at close to the speed of {@code apply}: no change objects, texts or rule names are
     * made, and the one-char replacements that make up most of a conversion are not recorded at all.
     * From the reported changes, {@link Explanation#offsets()} of the text is recomputed as Lucene's
     * {@code BaseCharFilter} does (see {@link OffsetMap}).
     *
     * <pre>{@code
     * List<int[]> edits = new ArrayList<>();
     * String out = Converter.of("s2twp").apply("上互联网了", (inStart, inEnd, outStart, outEnd) ->
     *         edits.add(new int[] {inStart, inEnd, outStart, outEnd}));
     * // out: "上網際網路了"; edits: [1, 4, 1, 5] (互联网 became 網際網路); 了 and 上 cost nothing
     * }</pre>
     *
     * @param text the input
     * @param lengthChanges receives each length-changing change, in input order
     * @return the result, equal to {@link #apply(CharSequence)}; the input itself when it is a String
     *     that nothing changes
     */
    String apply(CharSequence text, LengthChangeListener lengthChanges);

    /**
     * Starts transforming one text that arrives in pieces: the pieces' output and reported length
     * changes together equal {@link #apply(CharSequence, LengthChangeListener)} of the whole text,
     * with offsets from its start (see {@link TextRun}).
     *
     * @param lengthChanges receives each length-changing change, in input order, as soon as it is decided
     * @return a new run for one text
     */
    TextRun start(LengthChangeListener lengthChanges);

    /**
     * @param text the input
     * @return whether {@link #apply(CharSequence)} would return text equal to the input
     */
    default boolean isUnchanged(CharSequence text) {
        String s = text.toString();
        String result = apply(s);
        return result == s || result.equals(s);
    }

    /** @return a short description, e.g. {@code t2s} for a preset converter */
    String name();

    /**
     * The transform for one document, by its file name: a {@link Normalizer} whose format is
     * {@code auto} picks Markdown, HTML or text from the name ({@code .md} → Markdown); a
     * {@link Converter} is the same for every file.
     *
     * <pre>{@code
     * TextTransform t = Normalizer.defaults().forDocument("guide.md");   // Markdown: prose only
     * }</pre>
     *
     * @param fileName the file name or path, or {@code null} for standard input
     * @return the transform to apply to that document
     */
    default TextTransform forDocument(String fileName) {
        return this;
    }

    /**
     * @param text a document
     * @return what the transform does to it, for diagnostics: by default {@link #name()}; a
     *     normalizer also names the format and the spacing decided for the text
     */
    default String describe(CharSequence text) {
        return name();
    }
}
