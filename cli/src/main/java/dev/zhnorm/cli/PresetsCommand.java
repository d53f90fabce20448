package dev.zhnorm.cli;

import dev.zhnorm.Preset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code zhnorm presets}: each bundled conversion preset with a one-line description, for {@code -c}.
 *
 * <pre>{@code
 * $ zhnorm presets
 * t2cn    Traditional Chinese of any region to mainland Simplified Chinese ... (default of zhnorm normalize)
 * s2t     Simplified Chinese to Traditional Chinese (OpenCC standard)
 * ...
 * }</pre>
 */
@Command(name = "presets", mixinStandardHelpOptions = true, versionProvider = ManifestVersion.class,
        description = "List the bundled conversion presets for -c: id and description. "
                + "normalize also takes -c none (no conversion).")
final class PresetsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        // The default first: it is the one most users want.
        print(out, Preset.T2CN, "  (default of zhnorm normalize)");
        for (Preset p : Preset.values()) {
            if (p != Preset.T2CN) {
                print(out, p, "");
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static void print(PrintWriter out, Preset p, String note) {
        out.println(String.format(Locale.ROOT, "%-6s  %s%s", p.id(), p.description(), note));
    }
}
