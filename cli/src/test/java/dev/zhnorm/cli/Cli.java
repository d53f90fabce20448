package dev.zhnorm.cli;

import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/** Runs {@code zhnorm} in-process with captured streams, as picocli's setOut/setErr allow. */
final class Cli {
    private Cli() {
    }

    /** What a run left behind. */
    record Result(int exit, byte[] stdoutBytes, String stderr) {
        String stdout() {
            return new String(stdoutBytes, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + stdout() + "\n--- stderr\n" + stderr;
        }
    }

    static Result run(String... args) {
        return run(new byte[0], args);
    }

    static Result withStdin(String stdin, String... args) {
        return run(stdin.getBytes(StandardCharsets.UTF_8), args);
    }

    static Result run(byte[] stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        CommandLine cli = ZhnormCli.commandLine(new StandardStreams(new ByteArrayInputStream(stdin), out, false, false));
        cli.setOut(new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        cli.getOut().flush();
        return new Result(exit, out.toByteArray(), err.toString());
    }
}
