package dev.zhnorm.cli;

import dev.zhnorm.config.ConfigException;
import dev.zhnorm.dict.DictionaryException;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Builds the {@code zhnorm} command line: the commands, and the handlers that turn every failure
 * into one line on stderr and an exit code from {@link ExitCodes}.
 *
 * <pre>{@code
 * CommandLine cli = ZhnormCli.commandLine(StandardStreams.system());
 * cli.setOut(out).setErr(err);              // tests capture both
 * int exit = cli.execute("convert", "-c", "t2s", "a.txt");
 * }</pre>
 */
public final class ZhnormCli {
    private ZhnormCli() {
    }

    /**
     * @param streams standard input and output for data
     * @return a ready command line; set its out and err writers, then {@code execute(args)}
     */
    public static CommandLine commandLine(StandardStreams streams) {
        return commandLine(streams, EnumSet.allOf(Subcommand.class));
    }

    /**
     * @param streams standard input and output for data
     * @param subcommands the subcommands to register (the others cannot be reached)
     * @return a ready command line
     */
    static CommandLine commandLine(StandardStreams streams, Set<Subcommand> subcommands) {
        CommandLine cli = new CommandLine(new RootCommand(streams));
        for (Subcommand s : subcommands) {
            cli.addSubcommand(s.create());      // under its @Command name: SubcommandTest checks they agree
        }
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setParameterExceptionHandler(ZhnormCli::usageError);
        cli.setExecutionExceptionHandler(ZhnormCli::failure);
        headings(cli);
        return cli;
    }

    /**
     * Runs one command line as the process does: help, listings and detect results go to
     * {@code textOut} in UTF-8; a failure to write them (a full disk, {@code > /dev/full}) is an output
     * error (exit 3) even where picocli's writers would swallow it, and a closed pipe ends quietly with
     * the command's own exit code.
     *
     * @param streams standard input and output for data
     * @param textOut standard output for text (usually the same descriptor as {@code streams.out()})
     * @param err standard error
     * @param args the arguments
     * @return the exit code
     */
    public static int run(StandardStreams streams, OutputStream textOut, PrintWriter err, String... args) {
        WatchedOutputStream watched = new WatchedOutputStream(textOut);
        // Only the subcommands these arguments can reach: each one costs start-up time.
        CommandLine cli = commandLine(streams, Subcommand.neededBy(args));
        PrintWriter out = new PrintWriter(new OutputStreamWriter(watched, StandardCharsets.UTF_8), true);
        cli.setOut(out);
        cli.setErr(err);
        int code;
        try {
            code = cli.execute(args);
        } catch (OutOfMemoryError e) {
            code = outOfMemory(err, Runtime.getRuntime().maxMemory(), holdsWholeFiles(args));
        }
        out.flush();
        IOException failure = watched.failure();
        if (failure != null && !IoMessages.isBrokenPipe(failure) && code < ExitCodes.INPUT) {
            err.println("zhnorm: " + IoMessages.describeWrite(failure, "standard output", "UTF-8"));
            err.flush();
            code = ExitCodes.INPUT;
        }
        return code;
    }

    /**
     * One line, never a stack trace: the heap is exhausted and the user can give Java more, a heap larger
     * than the one that failed. Streaming output is suggested only when {@code --diff} or {@code --explain},
     * which hold each file, were used.
     *
     * @param err standard error
     * @param maxHeap the heap that ran out, in bytes
     * @param holdsFiles whether {@code --diff} or {@code --explain} was given
     * @return {@link ExitCodes#INTERNAL}
     */
    static int outOfMemory(PrintWriter err, long maxHeap, boolean holdsFiles) {
        err.println("zhnorm: out of memory (Java heap of " + ProgressBar.size(maxHeap) + "); give Java more with "
                + "ZHNORM_JAVA_OPTS=-Xmx" + largerHeap(maxHeap)
                + (holdsFiles ? ", or use streaming output instead of --diff/--explain" : ""));
        err.flush();
        return ExitCodes.INTERNAL;
    }

    /**
     * @param maxHeap the heap that ran out, in bytes
     * @return an {@code -Xmx} value of twice that, rounded up: to whole GiB from 1 GiB on, else to 64 MiB
     *     (a 1 GiB heap gives {@code 2g}, 5.7 GiB {@code 12g}, 31 MiB {@code 64m})
     */
    static String largerHeap(long maxHeap) {
        long mib = 1L << 20;
        long twice = 2 * Math.max(maxHeap, 1);
        if (twice >= 1024 * mib) {
            return ceilDiv(twice, 1024 * mib) + "g";
        }
        return ceilDiv(twice, 64 * mib) * 64 + "m";
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }

    /** @return whether the options (before a {@code --}) ask for --diff or --explain, which hold each file */
    static boolean holdsWholeFiles(String... args) {
        for (String a : args) {
            if (a.equals("--")) {
                return false;
            }
            if (a.equals("--diff") || a.equals("--explain") || a.startsWith("--explain=")) {
                return true;
            }
        }
        return false;
    }

    /** Remembers the first write failure, which a {@link PrintWriter} on top would swallow. */
    private static final class WatchedOutputStream extends FilterOutputStream {
        private IOException failure;

        WatchedOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                remember(e);
                throw e;
            }
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException e) {
                remember(e);
                throw e;
            }
        }

        private synchronized void remember(IOException e) {
            if (failure == null) {
                failure = e;
            }
        }

        synchronized IOException failure() {
            return failure;
        }
    }

    /** The same section headings, with a blank line before each, in every command's help. */
    private static void headings(CommandLine cl) {
        cl.getCommandSpec().usageMessage()
                .descriptionHeading("%n")
                .parameterListHeading("%nArguments:%n")
                .optionListHeading("%nOptions:%n");
        cl.getSubcommands().values().forEach(ZhnormCli::headings);
    }

    private static int usageError(ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        PrintWriter err = cl.getErr();
        String m = e.getMessage() == null ? "bad usage" : e.getMessage();
        // picocli capitalises ("Unknown option"); every other zhnorm message starts in lower case.
        if (m.length() > 1 && Character.isUpperCase(m.charAt(0)) && Character.isLowerCase(m.charAt(1))) {
            m = Character.toLowerCase(m.charAt(0)) + m.substring(1);
        }
        StringBuilder line = new StringBuilder("zhnorm: ").append(m);
        if (e instanceof UnmatchedArgumentException u) {
            List<String> suggestions = u.getSuggestions();
            if (!suggestions.isEmpty()) {
                line.append(" (did you mean ").append(String.join(" or ", suggestions)).append("?)");
            }
        }
        line.append("; see '").append(cl.getCommandSpec().qualifiedName()).append(" --help'");
        err.println(line);
        err.flush();
        return ExitCodes.USAGE;
    }

    private static int failure(Exception e, CommandLine cl, ParseResult parsed) {
        PrintWriter err = cl.getErr();
        int code;
        String message;
        if (e instanceof CommandFailure f && f.getMessage() == null) {
            return f.exitCode();
        }
        if (e instanceof CommandFailure f) {
            code = f.exitCode();
            message = f.getMessage();
        } else if (e instanceof ConfigException || e instanceof DictionaryException) {
            // Config and dictionary problems; the message already names the file, line or JSON path.
            code = ExitCodes.CONFIG;
            message = e.getMessage();
        } else if (e instanceof IOException io) {
            code = ExitCodes.INPUT;
            message = IoMessages.describe(io);
        } else if (e instanceof UncheckedIOException u) {
            code = ExitCodes.INPUT;
            message = IoMessages.describe(u.getCause());
        } else {
            code = ExitCodes.INTERNAL;
            message = "internal error: " + e + "; please report it";
            e.printStackTrace(err);
        }
        err.println("zhnorm: " + Excerpts.capQuoted(message));
        err.flush();
        return code;
    }
}
