package dev.zhnorm.cli;

import dev.zhnorm.normalize.Indent;
import dev.zhnorm.normalize.Numerals;
import dev.zhnorm.normalize.Format;
import dev.zhnorm.normalize.Spacing;
import dev.zhnorm.normalize.Style;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Parses the normalization options by the spec's names ({@code width-only}, {@code hongkong}), through
 * each enum's {@code fromId}; an unknown value is a usage error listing the valid ones.
 *
 * <pre>{@code
 * new CliNames.NumeralsName().convert("quantities-to-arabic");   // Numerals.QUANTITIES_TO_ARABIC
 * }</pre>
 */
final class CliNames {
    private CliNames() {
    }

    private static <E extends Enum<E>> E parse(String value, Function<String, Optional<E>> fromId,
                                                E[] values, Function<E, String> id) {
        return fromId.apply(value.toLowerCase(Locale.ROOT)).orElseThrow(() -> new TypeConversionException("'" + value
                + "' is not one of " + Arrays.stream(values).map(id).collect(Collectors.joining(", "))));
    }

    /** {@code --style}. */
    static final class StyleName implements ITypeConverter<Style> {
        @Override
        public Style convert(String value) {
            return parse(value, Style::fromId, Style.values(), Style::id);
        }
    }

    /** {@code --numerals}. */
    static final class NumeralsName implements ITypeConverter<Numerals> {
        @Override
        public Numerals convert(String value) {
            return parse(value, Numerals::fromId, Numerals.values(), Numerals::id);
        }
    }

    /** {@code --spacing}. */
    static final class SpacingName implements ITypeConverter<Spacing> {
        @Override
        public Spacing convert(String value) {
            return parse(value, Spacing::fromId, Spacing.values(), Spacing::id);
        }
    }

    /** {@code --explain}: {@code tsv} or {@code json}, listed as users type them. */
    static final class ExplainName implements ITypeConverter<ExplainFormat> {
        @Override
        public ExplainFormat convert(String value) {
            return parse(value, v -> Arrays.stream(ExplainFormat.values())
                    .filter(f -> f.name().toLowerCase(Locale.ROOT).equals(v)).findFirst(), ExplainFormat.values(),
                    f -> f.name().toLowerCase(Locale.ROOT));
        }
    }

    /** {@code --format}. */
    static final class FormatName implements ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            return parse(value, Format::fromId, Format.values(), Format::id);
        }
    }

    /** {@code --indent}. */
    static final class IndentName implements ITypeConverter<Indent> {
        @Override
        public Indent convert(String value) {
            return parse(value, Indent::fromId, Indent.values(), Indent::id);
        }
    }
}
