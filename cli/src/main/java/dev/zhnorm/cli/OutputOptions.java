package dev.zhnorm.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Where results go and in which form; shared by {@code normalize} and {@code convert}. */
final class OutputOptions {
    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write to FILE instead of standard output (atomically: FILE is replaced only when every "
                    + "input succeeded; a device or FIFO is written into; a read-only FILE is refused).")
    Path output;

    @Option(names = "--in-place",
            description = "Rewrite each FILE with its result (a temporary file renamed over it; "
                    + "on any error the original is untouched; unchanged files are not rewritten; encoding, "
                    + "byte-order mark, owner, group and mode are kept).")
    boolean inPlace;

    @Option(names = "--output-encoding", paramLabel = "ENC",
            description = "Output encoding (default: UTF-8; with --in-place, each file keeps its own encoding "
                    + "and byte-order mark, and so do the lines of a --diff).")
    String outputEncoding;

    @Option(names = "--check",
            description = "Write nothing; list the files that would change and exit 1 if any would (like a linter). "
                    + "A file --in-place would refuse (its encoding cannot hold the result) is that error.")
    boolean check;

    @Option(names = "--diff", description = "Write a unified diff of the changes instead of the text, for patch -p0 "
            + "(each file's lines in its own encoding).")
    boolean diff;

    @Option(names = "--explain", paramLabel = "FORMAT", converter = CliNames.ExplainName.class,
            description = "Write the change records instead of the text: tsv or json (JSON Lines).")
    ExplainFormat explain;
}
