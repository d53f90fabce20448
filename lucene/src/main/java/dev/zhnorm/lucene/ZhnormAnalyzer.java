package dev.zhnorm.lucene;

import dev.zhnorm.Normalizer;
import dev.zhnorm.TextTransform;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardTokenizer;

import java.io.Reader;
import java.util.Objects;

/**
 * The common case in one analyzer: normalize any Traditional or Simplified Chinese text to mainland
 * Simplified with {@link Normalizer#defaults()} (through {@link ZhnormCharFilter}, so offsets point
 * into the original text), then {@link StandardTokenizer} and lower-casing. Index Traditional text and
 * find it with a Simplified query, or the other way round, with highlights on the original.
 *
 * <pre>{@code
 * Analyzer a = new ZhnormAnalyzer();
 * // "頭髮很長" → 头 发 很 长 (StandardTokenizer emits one token per Han character), offsets 0-1, 1-2, …
 * Analyzer tw = new ZhnormAnalyzer(Converter.of("tw2sp"));   // any converter or normalizer
 * }</pre>
 *
 * <p>Query-side normalization ({@link #normalize(String, String)}, used for wildcard and prefix
 * terms) applies the same transform and lower-casing. Thread-safe like every Lucene analyzer.
 */
public final class ZhnormAnalyzer extends Analyzer {
    private final TextTransform transform;

    /** Normalizes with {@link Normalizer#defaults()}: t2cn conversion, mainland punctuation, half-width digits. */
    public ZhnormAnalyzer() {
        this(Normalizer.defaults());
    }

    /** @param transform the converter or normalizer applied before tokenizing */
    public ZhnormAnalyzer(TextTransform transform) {
        this.transform = Objects.requireNonNull(transform, "transform");
    }

    /** @return the transform applied before tokenizing */
    public TextTransform transform() {
        return transform;
    }

    @Override
    protected Reader initReader(String fieldName, Reader reader) {
        return new ZhnormCharFilter(reader, transform);
    }

    @Override
    protected Reader initReaderForNormalization(String fieldName, Reader reader) {
        return new ZhnormCharFilter(reader, transform);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer source = new StandardTokenizer();
        return new TokenStreamComponents(source, new LowerCaseFilter(source));
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new LowerCaseFilter(in);
    }
}
