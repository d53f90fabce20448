package dev.zhnorm.cli;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The training run of the class-data-sharing archive that the build creates beside {@code zhnorm.jar}
 * ({@code scripts/create-cds-archive.sh}, run by the cli module in {@code package}): runs the common
 * commands once each, in this JVM, on a few lines of text, and throws the output away, so that the
 * classes they load (the JDK's, zhnorm's, the lambda forms) are archived and later runs of
 * {@code ./zhnorm} map them instead of loading them. Not a command for users.
 *
 * <pre>
 * java -XX:ArchiveClassesAtExit=zhnorm.jsa -cp zhnorm.jar dev.zhnorm.cli.CdsTraining
 * </pre>
 */
public final class CdsTraining {
    /** Traditional text with ASCII punctuation, numerals and a URL: every normalization step has work. */
    private static final String SAMPLE = "以來,習近平總書記多次到吉林考察調研.\r\n"
            + "2022年10月12日,臺灣的軟體工程師說:\"頭髮越來越少\" https://example.com/a?b=1\n"
            + "隨著時代的發展，后來他著有三部著作（共１２０萬字）。\n";

    /** The commands the launcher runs most: the default normalization, conversions with and without segmentation, detection. */
    private static final List<List<String>> COMMANDS = List.of(
            List.of(),
            List.of("convert", "-c", "t2s"),
            List.of("convert", "-c", "s2twp"),
            List.of("detect"),
            List.of("--version"));

    private CdsTraining() {
    }

    /**
     * Runs each training command once; exits with 1 if any failed (the build then makes no archive).
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        int failed = 0;
        for (List<String> command : COMMANDS) {
            StandardStreams streams = new StandardStreams(
                    new ByteArrayInputStream(SAMPLE.getBytes(StandardCharsets.UTF_8)), OutputStream.nullOutputStream(), false, false);
            var cli = ZhnormCli.commandLine(streams);
            cli.setOut(new PrintWriter(Writer.nullWriter()));
            cli.setErr(new PrintWriter(Writer.nullWriter()));
            if (cli.execute(command.toArray(String[]::new)) != ExitCodes.OK) {
                System.err.println("zhnorm CDS training: 'zhnorm " + String.join(" ", command) + "' failed");
                failed++;
            }
        }
        System.exit(failed == 0 ? 0 : 1);
    }
}
