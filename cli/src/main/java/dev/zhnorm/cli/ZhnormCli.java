package dev.zhnorm.cli;

import dev.zhnorm.ZhnormException;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;

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
        CommandLine cli = new CommandLine(new RootCommand(streams));
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setParameterExceptionHandler(ZhnormCli::usageError);
        cli.setExecutionExceptionHandler(ZhnormCli::failure);
        headings(cli);
        return cli;
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
        StringBuilder line = new StringBuilder("zhnorm: ").append(e.getMessage());
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
        } else if (e instanceof ZhnormException) {
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
        err.println("zhnorm: " + message);
        err.flush();
        return code;
    }
}
