package dev.zhnorm.cli;

import picocli.CommandLine.Option;

/** How much a command says on stderr. */
final class VerbosityOptions {
    @Option(names = {"-q", "--quiet"}, description = "Say nothing on stderr but errors.")
    boolean quiet;

    @Option(names = {"-v", "--verbose"},
            description = "Say which encoding, config and dictionaries were used, and what happened to each file.")
    boolean verbose;
}
