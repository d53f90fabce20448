package dev.zhnorm.cli;

import picocli.CommandLine;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The subcommands of {@code zhnorm}, registered on the root command only when a command line can
 * name them: picocli builds each command's model from its annotations by reflection, which costs a
 * small file's conversion more start-up time than the conversion itself.
 *
 * <pre>{@code
 * Subcommand.neededBy("convert", "-c", "t2s", "a.txt");  // [CONVERT]
 * Subcommand.neededBy("a.txt");                          // []: the root command alone normalizes
 * Subcommand.neededBy("--help");                         // all of them, for the command list
 * }</pre>
 */
enum Subcommand {
    NORMALIZE("normalize", NormalizeCommand::new),
    CONVERT("convert", ConvertCommand::new),
    DETECT("detect", DetectCommand::new),
    PRESETS("presets", PresetsCommand::new),
    HELP("help", CommandLine.HelpCommand::new);

    private final String commandName;
    private final Supplier<Object> factory;

    Subcommand(String commandName, Supplier<Object> factory) {
        this.commandName = commandName;
        this.factory = factory;
    }

    /** @return the name the command line uses, as in the command's {@code @Command(name)} */
    String commandName() {
        return commandName;
    }

    /** @return a new instance of the command (picocli reads its annotations) */
    Object create() {
        return factory.get();
    }

    /** @return the names users type, in help order */
    static List<String> names() {
        List<String> names = new ArrayList<>();
        for (Subcommand s : values()) {
            names.add(s.commandName);
        }
        return names;
    }

    /**
     * The subcommands that parsing {@code args} may reach: the one named first (as in
     * {@code zhnorm convert ...}); none when no argument could be a command or ask for the command
     * list; all of them whenever in doubt (help, version, {@code @argfiles}, a command name later on).
     *
     * @param args the command line's arguments
     * @return the subcommands to register, in help order
     */
    static Set<Subcommand> neededBy(String... args) {
        if (args.length > 0) {
            Subcommand first = named(args[0]);
            if (first != null && first != HELP) {
                return EnumSet.of(first);
            }
        }
        for (String arg : args) {
            if (named(arg) != null || asksForHelp(arg) || arg.startsWith("@")) {
                return EnumSet.allOf(Subcommand.class);
            }
        }
        return EnumSet.noneOf(Subcommand.class);
    }

    private static Subcommand named(String arg) {
        for (Subcommand s : values()) {
            if (s.commandName.equals(arg)) {
                return s;
            }
        }
        return null;
    }

    /** {@code -h}, {@code --help}, {@code -V}, {@code --version}, or a cluster of short options with h or V. */
    private static boolean asksForHelp(String arg) {
        if (arg.equals("--help") || arg.equals("--version")) {
            return true;
        }
        if (arg.length() < 2 || arg.charAt(0) != '-' || arg.charAt(1) == '-') {
            return false;
        }
        for (int i = 1; i < arg.length(); i++) {
            char c = arg.charAt(i);
            if (c == 'h' || c == 'V') {
                return true;
            }
            if (!Character.isLetter(c)) {
                return false;       // -c=t2s, -o-: the rest is an option's value
            }
        }
        return false;
    }
}
