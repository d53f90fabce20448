package dev.zhnorm.cli;

import dev.zhnorm.TextTransform;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.util.concurrent.Callable;

/**
 * The shared part of {@code normalize} and {@code convert}: reading inputs, writing results in the
 * chosen form, and the options for both. A subclass only says which {@link TextTransform} to apply.
 */
abstract class TextCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    RootCommand root;

    @Mixin
    InputOptions input;

    @Mixin
    OutputOptions output;

    @Mixin
    DataOptions data;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "1",
            description = "Use N threads: N files at once, or the blocks of one large file; "
                    + "the output is identical to one thread.")
    int threads;

    @Mixin
    VerbosityOptions verbosity;

    /**
     * Builds what the command does to text, after the options were checked.
     *
     * @param diagnostics for {@code --verbose} notes
     * @return the transform
     */
    abstract TextTransform transform(Diagnostics diagnostics);

    /** @return the process's streams (the root command holds them) */
    StandardStreams streams() {
        return root.streams();
    }

    @Override
    public Integer call() throws IOException {
        Diagnostics diagnostics = new Diagnostics(spec.commandLine().getErr(), verbosity.quiet, verbosity.verbose);
        StandardStreams streams = streams();
        if (input.inputFile != null) {
            input.files.add(0, input.inputFile); // opencc's -i FILE
        }
        // Meaningless option combinations are usage errors before any data is loaded or read.
        TransformRunner.checkCombinations(input, output, threads);
        TextTransform transform = transform(diagnostics);
        TransformRunner runner = new TransformRunner(transform, input, output, threads, streams, diagnostics);
        if (streams.inIsTerminal() && (input.files.isEmpty() || input.files.contains("-"))) {
            diagnostics.warn("reading standard input; end it with Ctrl-D (zhnorm --help shows how to name files)");
        }
        return runner.run();
    }
}
