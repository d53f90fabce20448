package dev.zhnorm.lucene;

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
public final class ZhnormConvertTokenFilterFactory extends TransformTokenFilterFactory {
    /** The SPI name, for {@code CustomAnalyzer} and Solr schemas. */
    public static final String NAME = "zhnormConvert";
    private static final List<String> PARAMETERS = List.of("preset", "keepBoth");

    /** @param args the parameters above; anything else is rejected */
    public ZhnormConvertTokenFilterFactory(Map<String, String> args) {
        super(args, FactoryArgs::converter, NAME, PARAMETERS);
    }

    /** For the SPI loader only. */
    public ZhnormConvertTokenFilterFactory() {
        throw defaultCtorException();
    }
}
