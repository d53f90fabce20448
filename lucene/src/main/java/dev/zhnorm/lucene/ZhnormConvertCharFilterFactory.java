package dev.zhnorm.lucene;

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
public final class ZhnormConvertCharFilterFactory extends TransformCharFilterFactory {
    /** The SPI name, for {@code CustomAnalyzer} and Solr schemas. */
    public static final String NAME = "zhnormConvert";
    private static final List<String> PARAMETERS = List.of("preset");

    /** @param args {@code preset}; anything else is rejected */
    public ZhnormConvertCharFilterFactory(Map<String, String> args) {
        super(args, FactoryArgs::converter, NAME, PARAMETERS);
    }

    /** For the SPI loader only. */
    public ZhnormConvertCharFilterFactory() {
        throw defaultCtorException();
    }
}
