package dev.zhnorm.spark;

import dev.zhnorm.Converter;
import dev.zhnorm.Normalizer;
import dev.zhnorm.Preset;
import dev.zhnorm.TextTransform;
import dev.zhnorm.normalize.Indent;
import dev.zhnorm.normalize.Numerals;
import dev.zhnorm.normalize.Spacing;
import dev.zhnorm.normalize.Style;

import java.io.Serializable;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a Spark function does to its text, as plain option values: conversion only (a preset), or
 * normalization with its options. This small value is what Spark serializes with a task; the
 * {@link TextTransform} it stands for is built on each executor JVM, once, by {@link #transform()}.
 *
 * <pre>{@code
 * TransformSpec.convert("t2s");                                   // zh_convert(text, 't2s')
 * TransformSpec.normalize(Map.of("style", "taiwan", "conversion", "none"));
 * TransformSpec.normalize(Map.of("style", "korea"));   // IllegalArgumentException listing the valid styles
 * }</pre>
 *
 * @param normalize whether this normalizes (conversion composed with normalization) or only converts
 * @param conversion the preset to convert with; {@code null} for no conversion (normalization only)
 * @param style punctuation style (normalization only)
 * @param numerals numerals mode (normalization only)
 * @param spacing spacing mode (normalization only)
 * @param indent indentation mode (normalization only)
 * @serial exclude the serialized form only carries options from the driver to executors of one job
 */
public record TransformSpec(boolean normalize, Preset conversion, Style style, Numerals numerals, Spacing spacing,
                            Indent indent) implements Serializable {

    /** The option keys of {@code zh_normalize}'s map and of the job's command line. */
    public static final String CONVERSION = "conversion";
    /** Alias of {@link #CONVERSION}. */
    public static final String PRESET = "preset";
    /** Punctuation style, see {@link Style}. */
    public static final String STYLE = "style";
    /** Numerals mode, see {@link Numerals}. */
    public static final String NUMERALS = "numerals";
    /** Spacing mode, see {@link Spacing}. */
    public static final String SPACING = "spacing";
    /** Indentation mode, see {@link Indent}. */
    public static final String INDENT = "indent";
    /** The {@code conversion} value that turns conversion off. */
    public static final String NO_CONVERSION = "none";

    private static final String VALID_KEYS = String.join(", ", CONVERSION, PRESET, STYLE, NUMERALS, SPACING, INDENT);

    private static final long serialVersionUID = 1L;

    /**
     * Checks the options.
     *
     * @param normalize whether to normalize (else convert only)
     * @param conversion the conversion preset, or {@code null} for none
     * @param style punctuation style
     * @param numerals numerals mode
     * @param spacing spacing mode
     * @param indent indentation mode
     */
    public TransformSpec {
        Objects.requireNonNull(style, "style");
        Objects.requireNonNull(numerals, "numerals");
        Objects.requireNonNull(spacing, "spacing");
        Objects.requireNonNull(indent, "indent");
        if (!normalize) {
            Objects.requireNonNull(conversion, "conversion");
        }
    }

    /**
     * @param presetId a preset id such as {@code t2s}
     * @return conversion only, with that preset
     * @throws IllegalArgumentException for an unknown preset, listing the valid ones
     */
    public static TransformSpec convert(String presetId) {
        return new TransformSpec(false, preset(presetId), Style.MAINLAND, Numerals.WIDTH_ONLY, Spacing.AUTO, Indent.KEEP);
    }

    /** @return normalization with zhnorm's defaults, as {@link Normalizer#defaults()} */
    public static TransformSpec normalizeDefaults() {
        return new TransformSpec(true, Preset.T2CN, Style.MAINLAND, Numerals.WIDTH_ONLY, Spacing.AUTO, Indent.KEEP);
    }

    /**
     * @param options option keys ({@code conversion} or its alias {@code preset}, {@code style},
     *     {@code numerals}, {@code spacing}, {@code indent}) and their values as on the command line;
     *     keys not given keep zhnorm's defaults; {@code conversion=none} normalizes without converting
     * @return normalization with those options
     * @throws IllegalArgumentException for an unknown key or value, or a null value; the message lists the valid ones
     */
    public static TransformSpec normalize(Map<String, String> options) {
        TransformSpec d = normalizeDefaults();
        Preset conversion = d.conversion();
        Style style = d.style();
        Numerals numerals = d.numerals();
        Spacing spacing = d.spacing();
        Indent indent = d.indent();
        for (Map.Entry<String, String> e : options.entrySet()) {
            String key = Objects.requireNonNull(e.getKey(), "option key").toLowerCase(Locale.ROOT);
            String value = e.getValue();
            if (value == null) {
                throw new IllegalArgumentException("option '" + key + "' has no value");
            }
            switch (key) {
                case CONVERSION, PRESET -> conversion = NO_CONVERSION.equals(value) ? null : preset(value);
                case STYLE -> style = option(STYLE, value, Style::fromId, Style.values(), Style::id);
                case NUMERALS -> numerals = option(NUMERALS, value, Numerals::fromId, Numerals.values(), Numerals::id);
                case SPACING -> spacing = option(SPACING, value, Spacing::fromId, Spacing.values(), Spacing::id);
                case INDENT -> indent = option(INDENT, value, Indent::fromId, Indent.values(), Indent::id);
                default -> throw new IllegalArgumentException(
                        "unknown option '" + e.getKey() + "'; valid options: " + VALID_KEYS);
            }
        }
        return new TransformSpec(true, conversion, style, numerals, spacing, indent);
    }

    private static Preset preset(String id) {
        Objects.requireNonNull(id, "preset");
        return Preset.fromId(id).orElseThrow(() -> new IllegalArgumentException(
                "unknown preset '" + id + "'; valid presets: " + Arrays.stream(Preset.values()).map(Preset::id).collect(Collectors.joining(", "))));
    }

    private static <E> E option(String key, String value, Function<String, Optional<E>> fromId, E[] values,
                                Function<E, String> id) {
        return fromId.apply(value).orElseThrow(() -> new IllegalArgumentException(
                "unknown " + key + " '" + value + "'; valid values: "
                        + Arrays.stream(values).map(id).collect(Collectors.joining(", "))));
    }

    /**
     * @return the transform this stands for: built once per JVM and shared (converters and
     *     normalizers are immutable and thread-safe)
     */
    public TextTransform transform() {
        return TransformCache.get(this);
    }

    /** Builds the transform; {@link TransformCache} calls it once per spec and JVM. */
    TextTransform build() {
        if (!normalize) {
            return Converter.of(conversion);
        }
        Normalizer.Builder b = Normalizer.builder().style(style).numerals(numerals).spacing(spacing).indent(indent);
        if (conversion == null) {
            b.noConversion();
        } else {
            b.conversion(conversion);
        }
        return b.build();
    }

    /** @return the options as a map of ids, every key present, e.g. {@code conversion -> t2cn} */
    public Map<String, String> options() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(CONVERSION, conversion == null ? NO_CONVERSION : conversion.id());
        if (normalize) {
            m.put(STYLE, style.id());
            m.put(NUMERALS, numerals.id());
            m.put(SPACING, spacing.id());
            m.put(INDENT, indent.id());
        }
        return m;
    }

    /** @return the SQL function this spec is written with: {@code zh_convert} or {@code zh_normalize} */
    public String functionName() {
        return normalize ? "zh_normalize" : "zh_convert";
    }

    /**
     * @return the arguments after the text in SQL, e.g. {@code 't2s'} or
     *     {@code map('conversion', 't2cn', 'style', 'mainland', ...)}
     */
    public String sqlArguments() {
        if (!normalize) {
            return "'" + conversion.id() + "'";
        }
        return options().entrySet().stream()
                .map(e -> "'" + e.getKey() + "', '" + e.getValue() + "'")
                .collect(Collectors.joining(", ", "map(", ")"));
    }

    @Override
    public String toString() {
        return normalize ? options().toString() : conversion.id();
    }
}
