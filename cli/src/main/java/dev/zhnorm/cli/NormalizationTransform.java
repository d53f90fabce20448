package dev.zhnorm.cli;

import dev.zhnorm.Explanation;
import dev.zhnorm.Normalizer;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.Objects;

/**
 * {@code zhnorm normalize}: a {@link Normalizer}, which converts (unless {@code -c none}) and
 * normalizes in one pass.
 *
 * <pre>{@code
 * new NormalizationTransform(Normalizer.defaults(), "normalization").apply("臺灣,你好.");
 * }</pre>
 */
final class NormalizationTransform implements TextTransform {
    private final Normalizer normalizer;
    private final String description;

    NormalizationTransform(Normalizer normalizer, String description) {
        this.normalizer = Objects.requireNonNull(normalizer, "normalizer");
        this.description = description;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public String apply(CharSequence text) {
        return normalizer.normalize(text);
    }

    @Override
    public void apply(Reader in, Writer out) throws IOException {
        normalizer.normalize(in, out);
    }

    @Override
    public Explanation explain(CharSequence text) {
        return normalizer.explain(text);
    }
}
