package dev.zhnorm.lucene;

import java.util.List;
import java.util.Map;

/**
 * Creates {@link ZhnormCharFilter}s that normalize: {@code preset} (conversion: a preset id, an OpenCC config path or {@code none}; default {@code t2cn}), {@code style} (mainland, taiwan, hongkong), {@code numerals} (keep, width-only, quantities-to-arabic, arabic-to-chinese), {@code spacing} (none, pangu, keep), {@code indent} (keep, strip); unset options take {@link dev.zhnorm.Normalizer#defaults()}.
 *
 * <pre>{@code
 * CustomAnalyzer.builder().addCharFilter("zhnormNormalize", "style", "taiwan", "numerals", "keep").withTokenizer("standard").build();
 * }</pre>
 *
 */
public final class ZhnormNormalizeCharFilterFactory extends TransformCharFilterFactory {
    /** The SPI name, for {@code CustomAnalyzer} and Solr schemas. */
    public static final String NAME = "zhnormNormalize";
    private static final List<String> PARAMETERS = List.of("preset", "style", "numerals", "spacing", "indent");

    /** @param args the normalization options; anything else is rejected */
    public ZhnormNormalizeCharFilterFactory(Map<String, String> args) {
        super(args, FactoryArgs::normalizer, NAME, PARAMETERS);
    }

    /** For the SPI loader only. */
    public ZhnormNormalizeCharFilterFactory() {
        throw defaultCtorException();
    }
}
