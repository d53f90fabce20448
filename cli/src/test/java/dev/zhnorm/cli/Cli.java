package dev.zhnorm.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
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
        return run(stdin, new ByteArrayOutputStream(), args);
    }

    /** Runs with {@code stdin} as standard input, e.g. one that behaves like a terminal. */
    static Result run(java.io.InputStream stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        int exit = ZhnormCli.run(new StandardStreams(stdin, out, false, false), out, new PrintWriter(err, true), args);
        return new Result(exit, out.toByteArray(), err.toString());
    }

    /** Runs with {@code out} as standard output (text and data), e.g. a stream that fails like /dev/full. */
    static Result run(byte[] stdin, java.io.OutputStream out, String... args) {
        StringWriter err = new StringWriter();
        int exit = ZhnormCli.run(new StandardStreams(new ByteArrayInputStream(stdin), out, false, false), out,
                new PrintWriter(err, true), args);
        byte[] bytes = out instanceof ByteArrayOutputStream b ? b.toByteArray() : new byte[0];
        return new Result(exit, bytes, err.toString());
    }
}
