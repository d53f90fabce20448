package dev.zhnorm.lucene;

import dev.zhnorm.TextTransform;
import org.apache.lucene.analysis.TokenFilterFactory;
import org.apache.lucene.analysis.TokenStream;
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
public final class ZhnormNormalizeTokenFilterFactory extends TokenFilterFactory {
    /** The SPI name, for {@code CustomAnalyzer} and Solr schemas. */
    public static final String NAME = "zhnormNormalize";
    private static final List<String> PARAMETERS = List.of("preset", "style", "numerals", "spacing", "indent", "keepBoth");

    private final TextTransform transform;
    private final boolean keepBoth;

    /** @param args the parameters above; anything else is rejected */
    public ZhnormNormalizeTokenFilterFactory(Map<String, String> args) {
        super(args);
        transform = FactoryArgs.normalizer(args);
        keepBoth = FactoryArgs.flag(args, "keepBoth");
        FactoryArgs.rejectUnknown(NAME, args, PARAMETERS);
    }

    /** For the SPI loader only. */
    public ZhnormNormalizeTokenFilterFactory() {
        throw defaultCtorException();
    }

    @Override
    public TokenStream create(TokenStream input) {
        return new ZhnormTokenFilter(input, transform, keepBoth);
    }

    /** Query terms (wildcards, prefixes) are transformed, without the original. */
    @Override
    public TokenStream normalize(TokenStream input) {
        return new ZhnormTokenFilter(input, transform, false);
    }
}
