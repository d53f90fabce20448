package dev.zhnorm.cli;

import dev.zhnorm.TextTransform;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code zhnorm convert -c CONFIG}: conversion only, with OpenCC's semantics, like {@code opencc -c}.
 *
 * <pre>{@code
 * zhnorm convert -c s2twp in.txt
 * zhnorm convert -c /usr/share/opencc/t2s.json -o out.txt in.txt
 * }</pre>
 */
@Command(name = "convert", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = ManifestVersion.class,
        description = {
            "Convert with an OpenCC configuration and nothing else, like opencc -c: a bundled preset "
                    + "(zhnorm presets lists them) or any OpenCC JSON config with its text dictionaries.",
            "Reads FILEs (or standard input) and writes the result to standard output unless -o or --in-place."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  zhnorm convert -c s2twp in.txt          to Taiwan characters and phrases",
            "  zhnorm convert -c t2s -o out.txt in.txt",
            "  zhnorm convert -c my/t2s.json --opencc-data /usr/share/opencc in.txt",
            "  zhnorm convert -c t2s --dict names.txt in.txt",
            "    (names.txt: KEY<TAB>VALUE lines, which win over every dictionary)"})
final class ConvertCommand extends TextCommand {
    @Option(names = {"-c", "--config"}, paramLabel = "PRESET|FILE.json", required = true, order = -2,
            description = "A preset id such as t2s, s2twp, t2cn (zhnorm presets lists them), or an OpenCC JSON config.")
    String config;

    @Override
    TextTransform transform(Diagnostics diagnostics) {
        return ConverterChoice.resolve(config, false, data, diagnostics).orElseThrow();
    }
}
