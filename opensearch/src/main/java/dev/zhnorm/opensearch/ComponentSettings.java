package dev.zhnorm.opensearch;

import dev.zhnorm.TextTransform;
import dev.zhnorm.lucene.ZhnormTransforms;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads one analysis component's settings (snake_case, as OpenSearch users write them) and rejects
 * unknown keys, so a typo fails index creation instead of silently falling back to a default.
 */
final class ComponentSettings {
    static final List<String> CONVERT = List.of("preset");
    static final List<String> NORMALIZE = List.of("preset", "style", "numerals", "spacing", "indent");
    static final String KEEP_BOTH = "keep_both";

    private ComponentSettings() {
    }

    /**
     * @param what for messages, e.g. {@code [zhnorm_convert] char filter [my_filter]}
     * @param settings the component's settings
     * @param normalize a normalizer (else a converter)
     * @param env the node's environment: relative OpenCC config paths are under its config directory
     * @param allowed the keys besides {@code type}
     */
    static TextTransform transform(Environment env, String what, Settings settings, boolean normalize,
                                   List<String> allowed) {
        Set<String> unknown = new TreeSet<>(settings.keySet());
        unknown.remove("type");
        unknown.removeIf(k -> k.startsWith("index.")); // index-level settings OpenSearch passes along
        allowed.forEach(unknown::remove);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(what + ": unknown parameters " + unknown + "; valid parameters: "
                    + String.join(", ", allowed));
        }
        try {
            return normalize
                    ? ZhnormTransforms.normalizer(settings.get("preset"), settings.get("style"), settings.get("numerals"),
                            settings.get("spacing"), settings.get("indent"), env.configFile())
                    : ZhnormTransforms.converter(settings.get("preset"), env.configFile());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + ": " + e.getMessage(), e);
        }
    }

    static boolean keepBoth(String what, Settings settings) {
        String v = settings.get(KEEP_BOTH);
        if (v == null) {
            return false;
        }
        return switch (v) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(
                    what + ": parameter '" + KEEP_BOTH + "': expected true or false, found '" + v + "'");
        };
    }
}
