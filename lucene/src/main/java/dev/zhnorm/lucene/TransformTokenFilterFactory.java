package dev.zhnorm.lucene;

import dev.zhnorm.TextTransform;
import org.apache.lucene.analysis.TokenFilterFactory;
import org.apache.lucene.analysis.TokenStream;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** What the convert and normalize token filter factories share: a transform and {@code keepBoth}, and the filter. */
abstract class TransformTokenFilterFactory extends TokenFilterFactory {
    private final TextTransform transform;
    private final boolean keepBoth;

    TransformTokenFilterFactory(Map<String, String> args, Function<Map<String, String>, TextTransform> transformOf,
            String name, List<String> parameters) {
        super(args);
        transform = transformOf.apply(args);
        keepBoth = FactoryArgs.flag(args, "keepBoth");
        FactoryArgs.rejectUnknown(name, args, parameters);
    }

    /** For the SPI loader's default constructors, which throw. */
    TransformTokenFilterFactory() {
        transform = null;
        keepBoth = false;
    }

    @Override
    public final TokenStream create(TokenStream input) {
        return new ZhnormTokenFilter(input, transform, keepBoth);
    }

    /** Query terms (wildcards, prefixes) are transformed, without the original. */
    @Override
    public final TokenStream normalize(TokenStream input) {
        return new ZhnormTokenFilter(input, transform, false);
    }
}
