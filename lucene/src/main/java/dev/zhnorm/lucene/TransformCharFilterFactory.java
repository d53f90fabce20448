package dev.zhnorm.lucene;

import dev.zhnorm.TextTransform;
import org.apache.lucene.analysis.CharFilterFactory;

import java.io.Reader;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** What the convert and normalize char filter factories share: a transform from the parameters, and the filter. */
abstract class TransformCharFilterFactory extends CharFilterFactory {
    private final TextTransform transform;

    TransformCharFilterFactory(Map<String, String> args, Function<Map<String, String>, TextTransform> transformOf,
            String name, List<String> parameters) {
        super(args);
        transform = transformOf.apply(args);
        FactoryArgs.rejectUnknown(name, args, parameters);
    }

    /** For the SPI loader's default constructors, which throw. */
    TransformCharFilterFactory() {
        transform = null;
    }

    @Override
    public final Reader create(Reader input) {
        return new ZhnormCharFilter(input, transform);
    }

    /** Query terms (wildcards, prefixes) are transformed like indexed text. */
    @Override
    public final Reader normalize(Reader input) {
        return create(input);
    }
}
