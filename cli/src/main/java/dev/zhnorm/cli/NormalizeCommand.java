package dev.zhnorm.cli;

import picocli.CommandLine.Command;

/**
 * {@code zhnorm [normalize]}: the main job, Traditional Chinese of any region to clean mainland
 * Simplified. Also the default command: {@code zhnorm FILE} is {@code zhnorm normalize FILE}.
 *
 * <pre>{@code
 * zhnorm article.txt                 # to standard output
 * zhnorm -c none --in-place notes.md # normalization only, no conversion
 * }</pre>
 */
@Command(name = "normalize", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = ManifestVersion.class,
        description = {
            "Turn Chinese text into clean mainland Simplified: Traditional of any region (Taiwan, Hong Kong, "
                    + "OpenCC standard) is converted with the t2cn preset, then punctuation, numerals, width, "
                    + "spacing and Unicode artifacts are normalized (one pass).",
            "Reads FILEs (or standard input) and writes the result to standard output unless -o or --in-place."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  zhnorm article.txt                  result on standard output",
            "  zhnorm -o clean.txt article.txt     result in clean.txt",
            "  zhnorm --in-place -r docs --include '*.md'",
            "  zhnorm --check -r docs              lists files that would change; exit 1",
            "  zhnorm --diff article.txt           the changes as a unified diff",
            "  zhnorm --explain tsv article.txt    each change, its offsets and its rule",
            "  zhnorm --style taiwan --spacing pangu notes.txt",
            "  zhnorm -c none notes.txt            normalize only, no conversion"})
final class NormalizeCommand extends NormalizingCommand {
}
