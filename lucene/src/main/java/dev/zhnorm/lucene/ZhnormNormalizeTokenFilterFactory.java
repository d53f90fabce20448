package dev.zhnorm.lucene;

import java.util.List;
import java.util.Map;

/**
 * Creates {@link ZhnormTokenFilter}s that normalize each token, with the options of {@link ZhnormNormalizeCharFilterFactory} and {@code keepBoth}.
 *
 * <pre>{@code
 * CustomAnalyzer.builder().withTokenizer("whitespace").addTokenFilter("zhnormNormalize", "numerals", "keep").build();
 * }</pre>
 *
 */
public final class ZhnormNormalizeTokenFilterFactory extends TransformTokenFilterFactory {
    /** The SPI name, for {@code CustomAnalyzer} and Solr schemas. */
    public static final String NAME = "zhnormNormalize";
    private static final List<String> PARAMETERS = List.of("preset", "style", "numerals", "spacing", "indent", "keepBoth");

    /** @param args the parameters above; anything else is rejected */
    public ZhnormNormalizeTokenFilterFactory(Map<String, String> args) {
        super(args, FactoryArgs::normalizer, NAME, PARAMETERS);
    }

    /** For the SPI loader only. */
    public ZhnormNormalizeTokenFilterFactory() {
        throw defaultCtorException();
    }
}
