package dev.zhnorm.lucene;

import dev.zhnorm.TextTransform;
import org.apache.lucene.analysis.TokenFilterFactory;
import org.apache.lucene.analysis.TokenStream;
import java.util.List;
import java.util.Map;

/**
 * Creates {@link ZhnormTokenFilter}s that convert each token: {@code preset} (a preset id, default {@code t2cn}, or an OpenCC config path), {@code keepBoth} ({@code true}: emit a changed token in both forms at one position; default {@code false}).
 *
 * <pre>{@code
 * CustomAnalyzer.builder().withTokenizer("whitespace").addTokenFilter("zhnormConvert", "preset", "s2t", "keepBoth", "true").build();
 * }</pre>
 *
 */
public final class ZhnormConvertTokenFilterFactory extends TokenFilterFactory {
    /** The SPI name, for {@code CustomAnalyzer} and Solr schemas. */
    public static final String NAME = "zhnormConvert";
    private static final List<String> PARAMETERS = List.of("preset", "keepBoth");

    private final TextTransform transform;
    private final boolean keepBoth;

    /** @param args the parameters above; anything else is rejected */
    public ZhnormConvertTokenFilterFactory(Map<String, String> args) {
        super(args);
        transform = FactoryArgs.converter(args);
        keepBoth = FactoryArgs.flag(args, "keepBoth");
        FactoryArgs.rejectUnknown(NAME, args, PARAMETERS);
    }

    /** For the SPI loader only. */
    public ZhnormConvertTokenFilterFactory() {
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
