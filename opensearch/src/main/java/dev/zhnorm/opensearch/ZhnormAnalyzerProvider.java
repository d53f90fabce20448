package dev.zhnorm.opensearch;

import dev.zhnorm.lucene.ZhnormAnalyzer;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.index.IndexSettings;
import org.opensearch.index.analysis.AbstractIndexAnalyzerProvider;

/**
 * The {@code zhnorm} analyzer type: {@link ZhnormAnalyzer} (normalize, StandardTokenizer, lowercase),
 * with the normalization options as settings; without settings, {@code Normalizer.defaults()}.
 */
final class ZhnormAnalyzerProvider extends AbstractIndexAnalyzerProvider<ZhnormAnalyzer> {
    private final ZhnormAnalyzer analyzer;

    ZhnormAnalyzerProvider(IndexSettings indexSettings, Environment env, String name, Settings settings) {
        super(indexSettings, name, settings);
        this.analyzer = new ZhnormAnalyzer(ComponentSettings.transform(env,
                "[" + ZhnormAnalysisPlugin.ANALYZER + "] analyzer [" + name + "]", settings, true, ComponentSettings.NORMALIZE));
    }

    @Override
    public ZhnormAnalyzer get() {
        return analyzer;
    }
}
