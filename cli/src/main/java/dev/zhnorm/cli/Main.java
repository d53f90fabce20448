package dev.zhnorm.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * The entry point of {@code java -jar zhnorm.jar} and of the {@code ./zhnorm} launcher.
 *
 * <pre>{@code
 * java -jar cli/target/zhnorm.jar --help
 * }</pre>
 */
public final class Main {
    private Main() {
    }

    /**
     * Runs the command line and exits with its code.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        var cli = ZhnormCli.commandLine(StandardStreams.system());
        // Help, version and listings in UTF-8 whatever the platform default; data has its own encoding.
        cli.setOut(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
        cli.setErr(new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
        int code = cli.execute(args);
        System.out.flush();
        System.exit(code);
    }
}
