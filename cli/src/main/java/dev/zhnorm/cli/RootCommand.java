package dev.zhnorm.cli;

import picocli.CommandLine.Command;

import java.util.Objects;

/**
 * {@code zhnorm}: runs {@code normalize} when no subcommand is named, so {@code zhnorm FILE} does the
 * main job. Holds the process's streams for every subcommand; {@link ZhnormCli} registers the
 * subcommands ({@link Subcommand}).
 */
@Command(name = "zhnorm", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = ManifestVersion.class,
        customSynopsis = {
            "zhnorm [normalize] [OPTIONS] [FILE...]",
            "       zhnorm convert -c PRESET|FILE.json [OPTIONS] [FILE...]",
            "       zhnorm detect [OPTIONS] [FILE...]",
            "       zhnorm presets"},
        description = {
            "Chinese text for the mainland: turns Traditional Chinese of any region (Taiwan, Hong Kong, OpenCC "
                    + "standard) into clean mainland Simplified, with normalized punctuation, numerals, width and "
                    + "spacing. This is the default command, normalize; convert does OpenCC conversion only, "
                    + "detect tells the script of a text.",
            "Reads FILEs (or standard input) and writes the result to standard output unless -o or --in-place."},
        commandListHeading = "%nCommands:%n",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:done; under --check, nothing would change",
            "1:under --check, some file would change (listed on standard output)",
            "2:usage error: unknown option, preset or encoding; an output encoding Java cannot write; "
                    + "a directory without -r",
            "3:input or output error: missing or unreadable file, invalid bytes, an encoding that cannot be told, "
                    + "a binary file named, a character the output encoding cannot hold, unwritable output; "
                    + "each failing file is reported and the others are still done",
            "4:config or dictionary error: bad OpenCC JSON config, malformed --dict file",
            "70:internal error (a bug: please report it), or out of memory"},
        footer = {
            "",
            "Examples:",
            "  zhnorm article.txt                  to clean Simplified, on standard output",
            "  zhnorm -o clean.txt article.txt     the same, into clean.txt",
            "  zhnorm --in-place -r docs --include '*.md'",
            "  zhnorm --check -r docs              lists files that would change; exit 1",
            "  zhnorm --diff article.txt           the changes as a unified diff",
            "  zhnorm --style taiwan --numerals quantities-to-arabic notes.txt",
            "  zhnorm convert -c s2twp in.txt      OpenCC conversion only, like opencc -c",
            "  zhnorm detect -r docs               traditional, simplified, mixed or none",
            "  zhnorm presets                      the conversion presets for -c",
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

    /** A mistyped command name ({@code zhnorm conver a.txt}) is read as a file; say what was meant. */
    @Override
    public Integer call() throws java.io.IOException {
        if (!input.files.isEmpty()) {
            String first = input.files.get(0);
            if (!java.nio.file.Files.exists(java.nio.file.Path.of(first))) {
                for (String command : Subcommand.names()) {
                    if (CommandNames.nearMiss(first, command)) {
                        throw new CommandFailure(ExitCodes.USAGE, first + ": no such file or directory, nor a "
                                + "command; did you mean 'zhnorm " + command + "'?");
                    }
                }
            }
        }
        return super.call();
    }
}
