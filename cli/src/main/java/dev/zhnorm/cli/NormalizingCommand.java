package dev.zhnorm.cli;

import dev.zhnorm.Converter;
import dev.zhnorm.Normalizer;
import dev.zhnorm.TextTransform;
import dev.zhnorm.normalize.Format;
import dev.zhnorm.normalize.Indent;
import dev.zhnorm.normalize.Numerals;
import dev.zhnorm.normalize.Spacing;
import dev.zhnorm.normalize.Style;
import picocli.CommandLine.Option;

import java.util.Optional;

/**
 * The options and work of {@code normalize}, shared by the {@code normalize} subcommand and the root
 * command {@code zhnorm}, which runs it when no subcommand is named. (picocli does not let a command
 * be a subclass of its own subcommand, hence this common base.) Option values are the spec's names
 * (§0), parsed by the enums' own {@code fromId}.
 */
abstract class NormalizingCommand extends TextCommand {
    @Option(names = {"-c", "--config"}, paramLabel = "PRESET|none|FILE.json", defaultValue = "t2cn", order = -2,
            description = "Conversion step: a preset (default: t2cn; zhnorm presets lists them), none, "
                    + "or an OpenCC JSON config.")
    String config;

    @Option(names = "--style", paramLabel = "STYLE", defaultValue = "mainland", order = -2,
            converter = CliNames.StyleName.class,
            description = "Punctuation style: mainland (default; “” quotes), taiwan or hongkong (「」 quotes).")
    Style style;

    @Option(names = "--numerals", paramLabel = "MODE", defaultValue = "width-only", order = -2,
            converter = CliNames.NumeralsName.class,
            description = "Numerals: keep, width-only (default: full-width digits to ASCII), "
                    + "quantities-to-arabic or arabic-to-chinese.")
    Numerals numerals;

    @Option(names = "--spacing", paramLabel = "MODE", defaultValue = "auto", order = -2,
            converter = CliNames.SpacingName.class,
            description = "Spaces between Han and words of Latin letters or digits: auto (default: each "
                    + "document's own majority convention), none (removed), pangu (one space) or keep.")
    Spacing spacing;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "auto", order = -2,
            converter = CliNames.FormatName.class,
            description = "Document format: auto (default: .md .markdown .mdx are markdown, .html .htm .xhtml "
                    + "html, anything else and standard input text), text, markdown or html. Markdown and HTML: "
                    + "only prose is normalized, every other byte is kept.")
    Format format;

    @Option(names = "--indent", paramLabel = "MODE", defaultValue = "keep", order = -2,
            converter = CliNames.IndentName.class,
            description = "Leading whitespace of lines: keep (default) or strip.")
    Indent indent;

    @Override
    TextTransform transform(Diagnostics diagnostics) {
        Optional<Converter> converter = ConverterChoice.resolve(config, true, data, diagnostics);
        Normalizer.Builder b = Normalizer.builder();
        converter.ifPresentOrElse(b::conversion, b::noConversion);
        return b.style(style).numerals(numerals).spacing(spacing).indent(indent).format(format).build();
    }
}
