package dev.zhnorm.opensearch;

import dev.zhnorm.TextTransform;
import dev.zhnorm.lucene.ZhnormTokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.index.IndexSettings;
import org.opensearch.index.analysis.AbstractTokenFilterFactory;
import org.opensearch.index.analysis.NormalizingTokenFilterFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code zhnorm_convert} and {@code zhnorm_normalize} token filter types: {@link ZhnormTokenFilter},
 * with {@code keep_both} for the original and the converted token at one position. Normalizers
 * (keyword fields) apply the conversion without keeping the original.
 */
final class ZhnormTokenFilterFactory extends AbstractTokenFilterFactory implements NormalizingTokenFilterFactory {
    private final TextTransform transform;
    private final boolean keepBoth;

    private ZhnormTokenFilterFactory(IndexSettings indexSettings, Environment env, String name, Settings settings,
                                     boolean normalize) {
        super(indexSettings, name, settings);
        String what = "[" + (normalize ? ZhnormAnalysisPlugin.NORMALIZE : ZhnormAnalysisPlugin.CONVERT)
                + "] token filter [" + name + "]";
        List<String> allowed = new ArrayList<>(normalize ? ComponentSettings.NORMALIZE : ComponentSettings.CONVERT);
        allowed.add(ComponentSettings.KEEP_BOTH);
        this.transform = ComponentSettings.transform(env, what, settings, normalize, allowed);
        this.keepBoth = ComponentSettings.keepBoth(what, settings);
    }

    static ZhnormTokenFilterFactory convert(IndexSettings indexSettings, Environment env, String name, Settings settings) {
        return new ZhnormTokenFilterFactory(indexSettings, env, name, settings, false);
    }

    static ZhnormTokenFilterFactory normalize(IndexSettings indexSettings, Environment env, String name, Settings settings) {
        return new ZhnormTokenFilterFactory(indexSettings, env, name, settings, true);
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return new ZhnormTokenFilter(tokenStream, transform, keepBoth);
    }

    @Override
    public TokenStream normalize(TokenStream tokenStream) {
        return new ZhnormTokenFilter(tokenStream, transform, false);
    }
}
