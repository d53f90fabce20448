package dev.zhnorm.opensearch;

import dev.zhnorm.TextTransform;
import dev.zhnorm.lucene.ZhnormCharFilter;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.index.IndexSettings;
import org.opensearch.index.analysis.AbstractCharFilterFactory;
import org.opensearch.index.analysis.NormalizingCharFilterFactory;

import java.io.Reader;

/**
 * The {@code zhnorm_convert} and {@code zhnorm_normalize} char filter types: {@link ZhnormCharFilter}
 * with exact offsets, so highlights mark the original text. Also applied to query terms of normalizers
 * (wildcards, prefixes).
 */
final class ZhnormCharFilterFactory extends AbstractCharFilterFactory implements NormalizingCharFilterFactory {
    private final TextTransform transform;

    private ZhnormCharFilterFactory(IndexSettings indexSettings, String name, TextTransform transform) {
        super(indexSettings, name);
        this.transform = transform;
    }

    static ZhnormCharFilterFactory convert(IndexSettings indexSettings, Environment env, String name, Settings settings) {
        return new ZhnormCharFilterFactory(indexSettings, name, ComponentSettings.transform(env,
                "[" + ZhnormAnalysisPlugin.CONVERT + "] char filter [" + name + "]", settings, false, ComponentSettings.CONVERT));
    }

    static ZhnormCharFilterFactory normalize(IndexSettings indexSettings, Environment env, String name, Settings settings) {
        return new ZhnormCharFilterFactory(indexSettings, name, ComponentSettings.transform(env,
                "[" + ZhnormAnalysisPlugin.NORMALIZE + "] char filter [" + name + "]", settings, true,
                ComponentSettings.NORMALIZE));
    }

    @Override
    public Reader create(Reader reader) {
        return new ZhnormCharFilter(reader, transform);
    }
}
