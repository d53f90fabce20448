package dev.zhnorm.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
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
        // Text and data both go to file descriptor 1 directly: System.out would swallow write errors.
        OutputStream stdout = new FileOutputStream(FileDescriptor.out);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code = ZhnormCli.run(StandardStreams.system(), stdout, err, args);
        System.exit(code);
    }
}
