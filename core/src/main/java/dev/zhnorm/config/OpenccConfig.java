package dev.zhnorm.config;

import dev.zhnorm.dict.Dictionary;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * An OpenCC conversion configuration with its dictionaries loaded: normalization stages over the whole
 * text, an optional maximum-match segmentation, and the conversion chain applied to each segment.
 *
 * <pre>{@code
 * OpenccConfig c = OpenccConfig.load(Path.of("opencc/s2twp.json"));
 * c.conversionChain().size();   // 2
 * }</pre>
 *
 * @param name the config's {@code name}, or its file name when it has none
 * @param normalization stages applied to the whole text first
 * @param segmentation the {@code mmseg} dictionary, if the config segments
 * @param conversionChain the stages applied to each segment
 */
public record OpenccConfig(String name, List<Dictionary> normalization, Optional<Dictionary> segmentation,
                           List<Dictionary> conversionChain) {
    /**
     * Copies the lists.
     *
     * @param name the config's {@code name}, or its file name when it has none
     * @param normalization stages applied to the whole text first
     * @param segmentation the {@code mmseg} dictionary, if the config segments
     * @param conversionChain the stages applied to each segment
     */
    public OpenccConfig {
        normalization = List.copyOf(normalization);
        conversionChain = List.copyOf(conversionChain);
    }

    /**
     * Loads a config; dictionaries are resolved next to it, dictionaries marked {@code may_output_tofu}
     * are included.
     *
     * @param configJson the JSON file
     * @return the loaded config
     * @throws ConfigException on bad JSON, an unknown key, type or policy, or a missing dictionary
     */
    public static OpenccConfig load(Path configJson) {
        return OpenccConfigReader.builder().build().read(configJson);
    }
}
