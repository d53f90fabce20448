package dev.zhnorm.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.EnumSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Registering only the subcommands a command line can reach must not change what any command line
 * does: the same help, the same near-miss messages, the same dispatch.
 */
class SubcommandTest {
    private static final Set<Subcommand> ALL = EnumSet.allOf(Subcommand.class);

    @Test
    void aCommandNamedFirstIsTheOnlyOneRegistered() {
        assertEquals(EnumSet.of(Subcommand.CONVERT), Subcommand.neededBy("convert", "-c", "t2s", "a.txt"));
        assertEquals(EnumSet.of(Subcommand.DETECT), Subcommand.neededBy("detect", "--help"));
        assertEquals(EnumSet.noneOf(Subcommand.class), Subcommand.neededBy("a.txt", "-o", "b.txt"));
        assertEquals(EnumSet.noneOf(Subcommand.class), Subcommand.neededBy());
    }

    @ParameterizedTest
    @ValueSource(strings = {"--help", "-h", "-V", "--version", "-qh", "@args.txt", "convert", "help", "presets"})
    void anythingThatMayReachACommandOrTheCommandListRegistersAll(String arg) {
        assertEquals(ALL, Subcommand.neededBy("a.txt", arg));
    }

    @Test
    void optionValuesThatLookLikeClustersDoNotCount() {
        assertEquals(EnumSet.noneOf(Subcommand.class), Subcommand.neededBy("-o-", "a.txt"));
        assertEquals(EnumSet.noneOf(Subcommand.class), Subcommand.neededBy("--style", "taiwan", "a.txt"));
    }

    @Test
    void namesMatchTheCommandsAnnotations() {
        for (Subcommand s : Subcommand.values()) {
            var cli = ZhnormCli.commandLine(StandardStreams.system(), EnumSet.of(s));
            assertEquals(Set.of(s.commandName()), cli.getSubcommands().keySet());
        }
    }

    @Test
    void rootHelpListsEveryCommandAndSubcommandHelpIsItsOwn() {
        Cli.Result root = Cli.run("--help");
        for (String name : Subcommand.names()) {
            assertTrue(root.stdout().contains("\n  " + name), name + " missing from\n" + root);
        }
        Cli.Result convert = Cli.run("convert", "--help");
        assertEquals(0, convert.exit(), convert.toString());
        assertTrue(convert.stdout().startsWith("Usage: zhnorm convert"), convert.toString());
    }

    @Test
    void aMistypedCommandIsStillCaughtWithoutTheCommandsRegistered() {
        Cli.Result r = Cli.run("conver", "a.txt");
        assertEquals(ExitCodes.USAGE, r.exit(), r.toString());
        assertTrue(r.stderr().contains("did you mean 'zhnorm convert'?"), r.toString());
    }

    @Test
    void helpCommandStillReachesEveryCommand() {
        Cli.Result r = Cli.run("help", "detect");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.stdout().startsWith("Usage: zhnorm detect"), r.toString());
    }
}
