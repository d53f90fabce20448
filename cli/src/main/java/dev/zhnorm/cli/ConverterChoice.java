package dev.zhnorm.cli;

import dev.zhnorm.Converter;
import dev.zhnorm.Preset;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Resolves {@code -c/--config} and the data options into a {@link Converter}: {@code none} (where a
 * command allows it), an OpenCC JSON config file, {@code NAME} found as {@code NAME.json} in
 * {@code --opencc-data}, or a bundled preset id ({@code t2s}, {@code t2s.json} as OpenCC's CLI
 * accepts). A preset id wins over a file of the same name unless the value looks like a path (it
 * contains a separator or ends in {@code .json}). Never falls back silently: an
 * unknown name is a usage error that lists the presets.
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
     * @throws dev.zhnorm.ZhnormException for a bad config or dictionary (exit 4)
     */
    static Optional<Converter> resolve(String config, boolean noneAllowed, DataOptions data, Diagnostics diagnostics) {
        if (config.equals(NONE)) {
            if (!noneAllowed) {
                throw new CommandFailure(ExitCodes.USAGE, "-c none is only for normalize; convert needs a preset "
                        + "or an OpenCC config: " + Preset.validIds());
            }
            if (!data.dictionaries.isEmpty()) {
                throw new CommandFailure(ExitCodes.USAGE, "--dict needs a conversion; it cannot go with -c none");
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
        Path inDataFolder = data.openccData == null || !bareName ? null : data.openccData.resolve(name + ".json");
        if (bareName && !config.endsWith(".json") && Preset.fromId(config).isPresent()
                && (inDataFolder == null || !Files.isRegularFile(inDataFolder))) {
            // A preset id wins over a file of the same name in the working folder: ./t2s is meant by -c ./t2s.
            Preset preset = Preset.fromId(config).get();
            builder.preset(preset);
            diagnostics.note("conversion: bundled preset " + preset.id() + " (" + preset.description() + ")");
        } else if (Files.isRegularFile(file)) {
            builder.openccConfig(file);
            diagnostics.note("conversion: OpenCC config " + file);
        } else if (inDataFolder != null && Files.isRegularFile(inDataFolder)) {
            builder.openccConfig(inDataFolder);
            diagnostics.note("conversion: OpenCC config " + inDataFolder);
        } else if (bareName && Preset.fromId(config).isPresent()) {
            Preset preset = Preset.fromId(config).get();
            builder.preset(preset);
            diagnostics.note("conversion: bundled preset " + preset.id() + " (" + preset.description() + ")");
        } else if (config.endsWith(".json") || !bareName) {
            builder.openccConfig(file); // reports "config file not found" (exit 4), naming the file
        } else {
            throw new CommandFailure(ExitCodes.USAGE, "unknown preset '" + config + "'; valid presets: "
                    + Preset.validIds() + (noneAllowed ? ", none" : "") + ", or an OpenCC config FILE.json "
                    + "(zhnorm presets lists them)");
        }
        if (data.openccData != null) {
            builder.dataFolder(data.openccData);
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
}
