package dev.zhnorm.cli;

import dev.zhnorm.ScriptDetection;
import dev.zhnorm.ScriptDetector;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code zhnorm detect}: whether each input is Traditional, Simplified, mixed or none, with the
 * counts that decided it ({@link ScriptDetector} in core holds the rule). Streams each file.
 *
 * <pre>{@code
 * $ zhnorm detect a.txt b.txt
 * a.txt: traditional (traditional-only 120, simplified-only 0, Han 800)
 * b.txt: simplified (traditional-only 0, simplified-only 95, Han 640)
 * }</pre>
 */
@Command(name = "detect", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = ManifestVersion.class,
        description = {
            "Say whether each input is traditional, simplified, mixed or none (no character of only one "
                    + "script), with the counts that decided it.",
            "Only characters of one script count; mixed means the smaller count is at least a tenth of both."},
        footerHeading = "%nExamples:%n",
        footer = {"  zhnorm detect article.txt", "  zhnorm detect -r docs --include '*.txt'", "  echo 漢字 | zhnorm detect"})
final class DetectCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    RootCommand root;

    @Mixin
    InputOptions input;

    @Mixin
    VerbosityOptions verbosity;

    @Override
    public Integer call() throws IOException {
        Diagnostics diagnostics = new Diagnostics(spec.commandLine().getErr(), verbosity.quiet, verbosity.verbose);
        input.checkRecursionOptions();
        EncodingChoice encoding = EncodingChoice.parse(input.encoding, "--encoding");
        List<Input> inputs = InputCollector.collect(input.files, input.recursive, input.includes, input.follow,
                diagnostics).inputs();
        InputOpener opener = new InputOpener(encoding, input.replaceInvalid, root.streams(), diagnostics, n -> { });
        PrintWriter out = spec.commandLine().getOut();
        boolean named = !(inputs.size() == 1 && inputs.get(0).isStdin());
        int worst = ExitCodes.OK;
        for (Input in : inputs) {
            // One bad input is reported on one line; the others are still detected.
            try (InputOpener.Decoded d = opener.open(in)) {
                if (d == null) {
                    continue;
                }
                ScriptDetection result = ScriptDetector.standard().detect(d.reader());
                out.println(named ? in.name() + ": " + result : result.toString());
                out.flush();
            } catch (CommandFailure e) {
                diagnostics.error(e.getMessage());
                worst = Math.max(worst, e.exitCode());
            } catch (IOException e) {
                String m = IoMessages.describe(e);
                diagnostics.error(m.startsWith(in.name()) ? m : in.name() + ": " + m);
                worst = Math.max(worst, ExitCodes.INPUT);
            }
        }
        return worst;
    }
}
