package dev.zhnorm.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;

/** Where text comes from and how it is decoded; shared by every command that reads text. */
final class InputOptions {
    @Parameters(paramLabel = "FILE", arity = "0..*",
            description = "Files to read. None, or -, reads standard input.")
    List<String> files = new ArrayList<>();

    @Option(names = {"-i", "--input"}, paramLabel = "FILE",
            description = "Read FILE, as opencc -i does (the same as naming FILE as an argument).")
    String inputFile;

    @Option(names = {"-r", "--recursive"},
            description = "Process the files under directories (hidden files and folders are skipped).")
    boolean recursive;

    @Option(names = "--include", paramLabel = "GLOB",
            description = "With -r: only files matching GLOB (repeatable; gitignore-style, relative to each "
                    + "directory given), e.g. '*.txt' or 'docs/**/*.md'.")
    List<String> includes = new ArrayList<>();

    @Option(names = "--follow",
            description = "With -r: follow symbolic links out of the directories given and into folders "
                    + "(by default they are skipped).")
    boolean follow;

    /** Refuses the options that only select under directories when no directory is walked. */
    void checkRecursionOptions() {
        if (!includes.isEmpty() && !recursive) {
            throw new CommandFailure(ExitCodes.USAGE, "--include selects files under directories; it needs -r");
        }
        if (follow && !recursive) {
            throw new CommandFailure(ExitCodes.USAGE, "--follow is about links under directories; it needs -r");
        }
    }

    @Option(names = "--encoding", paramLabel = "ENC", defaultValue = "auto",
            description = "Input encoding: auto (default: byte-order mark, else UTF-8, else GB18030, Big5 or "
                    + "Big5-HKSCS when clearly right, else an error), or UTF-8, Big5, GBK, GB18030, UTF-16, ... "
                    + "--verbose says what auto chose.")
    String encoding;

    @Option(names = "--replace-invalid",
            description = "Replace bytes invalid in the input encoding with U+FFFD instead of stopping.")
    boolean replaceInvalid;
}
