package dev.zhnorm.opensearch;

import org.apache.lucene.analysis.Analyzer;
import org.opensearch.index.analysis.AnalyzerProvider;
import org.opensearch.index.analysis.CharFilterFactory;
import org.opensearch.index.analysis.TokenFilterFactory;
import org.opensearch.indices.analysis.AnalysisModule.AnalysisProvider;
import org.opensearch.plugins.AnalysisPlugin;
import org.opensearch.plugins.Plugin;

import java.util.Map;

/**
 * zhnorm for OpenSearch: Traditional/Simplified conversion and Chinese normalization at analysis
 * time, with exact offsets for highlighting.
 *
 * <ul>
 *   <li>char filters {@code zhnorm_convert} ({@code preset}) and {@code zhnorm_normalize}
 *       ({@code preset}, {@code style}, {@code numerals}, {@code spacing}, {@code indent});</li>
 *   <li>token filters of the same names, plus {@code keep_both};</li>
 *   <li>analyzer {@code zhnorm}: normalize (default: any Traditional to mainland Simplified), standard
 *       tokenizer, lowercase; usable by name without settings, or as a type with the options.</li>
 * </ul>
 *
 * <pre>{@code
 * PUT /books
 * {"settings": {"analysis": {"char_filter": {"to_tw": {"type": "zhnorm_convert", "preset": "s2twp"}}}}}
 * }</pre>
 */
public class ZhnormAnalysisPlugin extends Plugin implements AnalysisPlugin {
    /** Conversion: char filter and token filter type. */
    public static final String CONVERT = "zhnorm_convert";
    /** Normalization: char filter and token filter type. */
    public static final String NORMALIZE = "zhnorm_normalize";
    /** The analyzer type and name. */
    public static final String ANALYZER = "zhnorm";

    @Override
    public Map<String, AnalysisProvider<CharFilterFactory>> getCharFilters() {
        return Map.of(
                CONVERT, (indexSettings, env, name, settings) -> ZhnormCharFilterFactory.convert(indexSettings, env, name, settings),
                NORMALIZE, (indexSettings, env, name, settings) -> ZhnormCharFilterFactory.normalize(indexSettings, env, name, settings));
    }

    @Override
    public Map<String, AnalysisProvider<TokenFilterFactory>> getTokenFilters() {
        return Map.of(
                CONVERT, (indexSettings, env, name, settings) -> ZhnormTokenFilterFactory.convert(indexSettings, env, name, settings),
                NORMALIZE, (indexSettings, env, name, settings) -> ZhnormTokenFilterFactory.normalize(indexSettings, env, name, settings));
    }

    @Override
    public Map<String, AnalysisProvider<AnalyzerProvider<? extends Analyzer>>> getAnalyzers() {
        return Map.of(ANALYZER, (indexSettings, env, name, settings) -> new ZhnormAnalyzerProvider(indexSettings, env, name, settings));
    }
}
