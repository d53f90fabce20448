package dev.zhnorm.lucene;

import dev.zhnorm.Converter;
import dev.zhnorm.Normalizer;
import dev.zhnorm.Preset;
import dev.zhnorm.TextTransform;
import dev.zhnorm.config.ConfigException;
import dev.zhnorm.dict.DictionaryException;
import dev.zhnorm.normalize.Indent;
import dev.zhnorm.normalize.Numerals;
import dev.zhnorm.normalize.Spacing;
import dev.zhnorm.normalize.Style;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Builds the {@link TextTransform} that an analysis component's parameters describe, with the
 * parameter names shared by the Lucene factories and the OpenSearch plugin: {@code preset},
 * {@code style}, {@code numerals}, {@code spacing}, {@code indent}. A bad value is an
 * {@link IllegalArgumentException} naming the parameter and listing the valid values.
 *
 * <pre>{@code
 * ZhnormTransforms.converter("s2twp");                     // Converter.of(Preset.S2TWP)
 * ZhnormTransforms.converter("/etc/opencc/t2s.json");      // an OpenCC config file
 * ZhnormTransforms.normalizer(null, "taiwan", null, "pangu", null);   // defaults for the nulls
 * ZhnormTransforms.normalizer("none", null, null, null, null);        // normalization, no conversion
 * }</pre>
 */
public final class ZhnormTransforms {
    /** The value of {@code preset} that turns conversion off in a normalizer. */
    public static final String NO_CONVERSION = "none";
    /** The conversion when {@code preset} is not given: Traditional of any region to mainland Simplified. */
    public static final String DEFAULT_PRESET = Preset.T2CN.id();

    private ZhnormTransforms() {
    }

    /**
     * @param preset a preset id (e.g. {@code t2s}, see {@link Preset}) or the path of an OpenCC JSON
     *     config; {@code null} means {@link #DEFAULT_PRESET}
     * @return the converter
     * @throws IllegalArgumentException for an unknown id, a missing file or a bad config or dictionary
     */
    public static Converter converter(String preset) {
        return converter(preset, null);
    }

    /**
     * Like {@link #converter(String)}, with a relative config path resolved against a directory (an
     * OpenSearch node's config directory, the one place its plugins may read).
     *
     * @param preset a preset id or the path of an OpenCC JSON config; {@code null} means {@link #DEFAULT_PRESET}
     * @param configDir where relative config paths are, or {@code null} for the working directory
     * @return the converter
     * @throws IllegalArgumentException for an unknown id, a missing or unreadable file, or a bad config or dictionary
     */
    public static Converter converter(String preset, Path configDir) {
        String value = preset == null ? DEFAULT_PRESET : preset.trim();
        Optional<Preset> bundled = Preset.fromId(value);
        if (bundled.isPresent()) {
            return Converter.of(bundled.get());
        }
        Path config = configPath(value, configDir);
        if (config == null) {
            throw new IllegalArgumentException("parameter 'preset': unknown preset '" + value
                    + "' and no OpenCC config file at that path; valid presets: " + presetIds());
        }
        try {
            return Converter.fromOpenccConfig(config);
        } catch (ConfigException | DictionaryException | UncheckedIOException e) {
            throw new IllegalArgumentException("parameter 'preset': bad OpenCC config " + config + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * @param preset the conversion step: a preset id, an OpenCC config path, or {@value #NO_CONVERSION};
     *     {@code null} means {@link #DEFAULT_PRESET}
     * @param style {@code mainland}, {@code taiwan} or {@code hongkong}; {@code null} for the default
     * @param numerals {@code keep}, {@code width-only}, {@code quantities-to-arabic} or
     *     {@code arabic-to-chinese}; {@code null} for the default
     * @param spacing {@code none}, {@code pangu} or {@code keep}; {@code null} for the default
     * @param indent {@code keep} or {@code strip}; {@code null} for the default
     * @return the normalizer
     * @throws IllegalArgumentException for a bad value, naming the parameter and the valid values
     */
    public static Normalizer normalizer(String preset, String style, String numerals, String spacing, String indent) {
        return normalizer(preset, style, numerals, spacing, indent, null);
    }

    /**
     * Like {@link #normalizer(String, String, String, String, String)}, with a relative config path
     * in {@code preset} resolved against {@code configDir} (see {@link #converter(String, Path)}).
     *
     * @param preset the conversion step: a preset id, an OpenCC config path, or {@value #NO_CONVERSION}
     * @param style the punctuation style, or {@code null}
     * @param numerals the numerals option, or {@code null}
     * @param spacing the spacing option, or {@code null}
     * @param indent the indent option, or {@code null}
     * @param configDir where relative config paths are, or {@code null} for the working directory
     * @return the normalizer
     * @throws IllegalArgumentException for a bad value, naming the parameter and the valid values
     */
    public static Normalizer normalizer(String preset, String style, String numerals, String spacing, String indent,
                                        Path configDir) {
        Normalizer.Builder b = Normalizer.builder();
        if (preset != null && preset.trim().equals(NO_CONVERSION)) {
            b.noConversion();
        } else {
            b.conversion(converter(preset, configDir));
        }
        if (style != null) {
            b.style(option("style", style, Style.values(), Style::id, Style::fromId));
        }
        if (numerals != null) {
            b.numerals(option("numerals", numerals, Numerals.values(), Numerals::id, Numerals::fromId));
        }
        if (spacing != null) {
            b.spacing(option("spacing", spacing, Spacing.values(), Spacing::id, Spacing::fromId));
        }
        if (indent != null) {
            b.indent(option("indent", indent, Indent.values(), Indent::id, Indent::fromId));
        }
        return b.build();
    }

    private static <E> E option(String parameter, String value, E[] values, Function<E, String> id,
                                Function<String, Optional<E>> fromId) {
        return fromId.apply(value.trim()).orElseThrow(() -> new IllegalArgumentException(
                "parameter '" + parameter + "': unknown value '" + value + "'; expected one of: "
                        + Arrays.stream(values).map(id).collect(Collectors.joining(", "))));
    }

    /** @return the path when the value names an existing regular file, else null */
    private static Path configPath(String value, Path configDir) {
        if (value.isEmpty()) {
            return null;
        }
        Path p;
        try {
            p = Path.of(value);
        } catch (InvalidPathException e) {
            return null;
        }
        if (configDir != null && !p.isAbsolute()) {
            p = configDir.resolve(value); // by name: configDir may be on another file system provider
        }
        try {
            return Files.isRegularFile(p) ? p : null;
        } catch (SecurityException e) {
            // Under a security manager (OpenSearch) only some directories are readable.
            throw new IllegalArgumentException("parameter 'preset': '" + value + "' is not a preset id, and " + p
                    + " may not be read here (" + e.getMessage() + "); valid presets: " + presetIds(), e);
        }
    }

    private static String presetIds() {
        return Arrays.stream(Preset.values()).map(Preset::id).collect(Collectors.joining(", "));
    }
}
