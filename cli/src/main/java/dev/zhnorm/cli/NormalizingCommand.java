package dev.zhnorm.cli;

import picocli.CommandLine.Option;

/**
 * The options and work of {@code normalize}, shared by the {@code normalize} subcommand and the root
 * command {@code zhnorm}, which runs it when no subcommand is named. (picocli does not let a command
 * be a subclass of its own subcommand, hence this common base.)
 */
abstract class NormalizingCommand extends TextCommand {
    @Option(names = {"-c", "--config"}, paramLabel = "PRESET|none|FILE.json", defaultValue = "t2cn", order = -2,
            description = "Conversion step: a preset (default: t2cn; zhnorm presets lists them), none, "
                    + "or an OpenCC JSON config.")
    String config;

    @Override
    TextTransform transform(Diagnostics diagnostics) {
        return ConverterChoice.resolve(config, true, data, diagnostics)
                .<TextTransform>map(ConversionTransform::new)
                .orElseGet(IdentityTransform::new);
    }
}
