package dev.zhnorm.lucene;

import dev.zhnorm.TextTransform;
import org.apache.lucene.analysis.CharFilterFactory;
import java.io.Reader;
import java.util.List;
import java.util.Map;

/**
 * Creates {@link ZhnormCharFilter}s that convert with a preset ({@code preset}: any of the 17 preset ids, default {@code t2cn}) or an OpenCC JSON config ({@code preset}: its path).
 *
 * <pre>{@code
 * CustomAnalyzer.builder().addCharFilter("zhnormConvert", "preset", "t2s").withTokenizer("standard").build();
 * }</pre>
 *
 */
public final class ZhnormConvertCharFilterFactory extends CharFilterFactory {
    /** The SPI name, for {@code CustomAnalyzer} and Solr schemas. */
    public static final String NAME = "zhnormConvert";
    private static final List<String> PARAMETERS = List.of("preset");

    private final TextTransform transform;

    /** @param args {@code preset}; anything else is rejected */
    public ZhnormConvertCharFilterFactory(Map<String, String> args) {
        super(args);
        transform = FactoryArgs.converter(args);
        FactoryArgs.rejectUnknown(NAME, args, PARAMETERS);
    }

    /** For the SPI loader only. */
    public ZhnormConvertCharFilterFactory() {
        throw defaultCtorException();
    }

    @Override
    public Reader create(Reader input) {
        return new ZhnormCharFilter(input, transform);
    }

    /** Query terms (wildcards, prefixes) are converted like indexed text. */
    @Override
    public Reader normalize(Reader input) {
        return create(input);
    }
}
