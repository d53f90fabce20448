package dev.zhnorm.cli;

import picocli.CommandLine.Command;

import java.util.Objects;

/**
 * {@code zhnorm}: runs {@code normalize} when no subcommand is named, so {@code zhnorm FILE} does the
 * main job. Holds the process's streams for every subcommand.
 */
@Command(name = "zhnorm", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = ManifestVersion.class,
        customSynopsis = {
            "zhnorm [normalize] [OPTIONS] [FILE...]",
            "       zhnorm convert -c PRESET|FILE.json [OPTIONS] [FILE...]",
            "       zhnorm detect [OPTIONS] [FILE...]",
            "       zhnorm presets"},
        subcommands = {NormalizeCommand.class, ConvertCommand.class, DetectCommand.class, PresetsCommand.class},
        commandListHeading = "%nCommands:%n",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:done; under --check, nothing would change",
            "1:under --check, some file would change (listed on standard output)",
            "2:usage error: unknown option, preset or encoding; a directory without -r",
            "3:input or output error: missing or unreadable file, invalid bytes for the encoding, unwritable output",
            "4:config or dictionary error: bad OpenCC JSON config, malformed --dict file",
            "70:internal error (a bug: please report it)"},
        footer = {
            "",
            "Examples:",
            "  zhnorm article.txt                       Traditional (any region) to clean Simplified, on standard output",
            "  zhnorm -o clean.txt article.txt",
            "  zhnorm --in-place -r docs --include '*.md'",
            "  zhnorm --check -r docs                   list files that would change, exit 1 if any",
            "  zhnorm --diff article.txt                the changes as a unified diff",
            "  zhnorm convert -c s2twp in.txt           OpenCC conversion only, like opencc -c s2twp",
            "  zhnorm detect -r docs                    traditional, simplified, mixed or none, per file",
            "  zhnorm presets                           the conversion presets",
            "",
            "Run 'zhnorm COMMAND --help' for the options of convert, detect and presets."})
final class RootCommand extends NormalizingCommand {
    private final StandardStreams streams;

    RootCommand(StandardStreams streams) {
        this.streams = Objects.requireNonNull(streams, "streams");
    }

    @Override
    StandardStreams streams() {
        return streams;
    }
}
