package dev.zhnorm.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.zhnorm.dict.Dictionary;
import dev.zhnorm.dict.DictionaryException;
import dev.zhnorm.dict.DictionaryFormatException;
import dev.zhnorm.dict.DictionaryEntry;
import dev.zhnorm.dict.DictionaryGroup;
import dev.zhnorm.dict.MatchPolicy;
import dev.zhnorm.dict.TextDictionary;
import dev.zhnorm.internal.WellFormed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads OpenCC JSON configs strictly: unknown keys, types and match policies are errors naming their
 * JSON path; comments and trailing commas are accepted (OpenCC reads JSONC). Dictionary files are
 * looked up next to the config, then in the extra folders, in order; a file named {@code X.ocd2} or
 * {@code X.ocd} is read from {@code X.txt} (zhnorm reads OpenCC's text format only). Immutable;
 * each {@link #read} loads every dictionary file once even when the config names it several times.
 *
 * <pre>{@code
 * OpenccConfig c = OpenccConfigReader.builder()
 *         .dataFolder(Path.of("/usr/share/opencc"))
 *         .tofu(TofuPolicy.EXCLUDE)
 *         .build()
 *         .read(Path.of("t2s.json"));
 * }</pre>
 */
public final class OpenccConfigReader {
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_TRAILING_COMMA)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final List<Path> dataFolders;
    private final TofuPolicy tofu;

    private OpenccConfigReader(Builder b) {
        this.dataFolders = List.copyOf(b.dataFolders);
        this.tofu = b.tofu;
    }

    /** @return a builder with no extra folders and {@link TofuPolicy#INCLUDE} */
    public static Builder builder() {
        return new Builder();
    }

    /** Configures an {@link OpenccConfigReader}. */
    public static final class Builder {
        private final List<Path> dataFolders = new ArrayList<>();
        private TofuPolicy tofu = TofuPolicy.INCLUDE;

        private Builder() {
        }

        /**
         * Adds a folder searched for dictionary files after the config's own folder.
         *
         * @param folder the folder
         * @return this builder
         */
        public Builder dataFolder(Path folder) {
            dataFolders.add(Objects.requireNonNull(folder, "folder"));
            return this;
        }

        /**
         * @param policy whether dictionaries marked {@code may_output_tofu} take part
         * @return this builder
         */
        public Builder tofu(TofuPolicy policy) {
            this.tofu = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** @return the reader */
        public OpenccConfigReader build() {
            return new OpenccConfigReader(this);
        }
    }

    /**
     * Reads a config file and the dictionaries it names.
     *
     * @param configJson the JSON file
     * @return the config
     * @throws ConfigException on bad JSON, an unknown key, type or policy, or a missing dictionary
     * @throws DictionaryFormatException on a malformed dictionary line
     */
    public OpenccConfig read(Path configJson) {
        String source = configJson.toString();
        JsonNode root;
        try {
            root = JSON.readTree(Files.readAllBytes(configJson));
        } catch (NoSuchFileException e) {
            throw new ConfigException(source, null, "config file not found", e);
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            String where = loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
            throw new ConfigException(source, null, "invalid JSON" + where + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ConfigException(source, null, "cannot read config: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new ConfigException(source, "$", "the config must be a JSON object");
        }
        Path dir = configJson.toAbsolutePath().getParent();
        return new Parse(source, dir).config(root);
    }

    /** The state of reading one config: its folder and the dictionaries already loaded. */
    private final class Parse {
        private final String source;
        private final List<Path> searchPath = new ArrayList<>();
        private final Map<Path, TextDictionary> loaded = new HashMap<>();

        Parse(String source, Path configDir) {
            this.source = source;
            if (configDir != null) {
                searchPath.add(configDir);
            }
            searchPath.addAll(dataFolders);
        }

        OpenccConfig config(JsonNode root) {
            allowKeys(root, "$", "name", "normalization", "segmentation", "conversion_chain");
            String name = root.has("name") ? text(root.get("name"), "$.name") : source;
            List<Dictionary> normalization = new ArrayList<>();
            if (root.has("normalization")) {
                JsonNode arr = array(root.get("normalization"), "$.normalization");
                for (int i = 0; i < arr.size(); i++) {
                    stage(arr.get(i), "$.normalization[" + i + "]", true).ifPresent(normalization::add);
                }
            }
            Optional<Dictionary> segmentation = Optional.empty();
            if (root.has("segmentation")) {
                JsonNode seg = object(root.get("segmentation"), "$.segmentation");
                allowKeys(seg, "$.segmentation", "type", "dict");
                String type = text(required(seg, "type", "$.segmentation"), "$.segmentation.type");
                if (!type.equals("mmseg")) {
                    throw new ConfigException(source, "$.segmentation.type",
                            "unknown segmentation type '" + type + "' (expected mmseg)");
                }
                // OpenCC segments with tofu-risk dictionaries too: they only decide boundaries.
                segmentation = dict(object(required(seg, "dict", "$.segmentation"), "$.segmentation.dict"),
                        "$.segmentation.dict", true);
            }
            JsonNode chainNode = array(required(root, "conversion_chain", "$"), "$.conversion_chain");
            List<Dictionary> chain = new ArrayList<>();
            for (int i = 0; i < chainNode.size(); i++) {
                stage(chainNode.get(i), "$.conversion_chain[" + i + "]", false).ifPresent(chain::add);
            }
            return new OpenccConfig(name, normalization, segmentation, chain);
        }

        private Optional<Dictionary> stage(JsonNode node, String path, boolean alwaysIncludeTofu) {
            object(node, path);
            allowKeys(node, path, "dict");
            return dict(object(required(node, "dict", path), path + ".dict"), path + ".dict", alwaysIncludeTofu);
        }

        /** Parses a dict node; empty when it is left out by the tofu policy. */
        private Optional<Dictionary> dict(JsonNode node, String path, boolean alwaysIncludeTofu) {
            String type = text(required(node, "type", path), path + ".type");
            switch (type) {
                case "group" -> {
                    allowKeys(node, path, "type", "match_policy", "dicts");
                    MatchPolicy policy = MatchPolicy.SHORT_CIRCUIT;
                    if (node.has("match_policy")) {
                        String p = text(node.get("match_policy"), path + ".match_policy");
                        policy = MatchPolicy.fromId(p).orElseThrow(() -> new ConfigException(source,
                                path + ".match_policy", "unknown match policy '" + p + "' (expected short_circuit or union)"));
                    }
                    JsonNode dicts = array(required(node, "dicts", path), path + ".dicts");
                    List<Dictionary> children = new ArrayList<>();
                    for (int i = 0; i < dicts.size(); i++) {
                        String childPath = path + ".dicts[" + i + "]";
                        dict(object(dicts.get(i), childPath), childPath, alwaysIncludeTofu).ifPresent(children::add);
                    }
                    if (dicts.isEmpty()) {
                        throw new ConfigException(source, path + ".dicts", "a group needs at least one dictionary");
                    }
                    return children.isEmpty() ? Optional.empty() : Optional.of(new DictionaryGroup(policy, children));
                }
                case "text", "ocd2", "ocd" -> {
                    allowKeys(node, path, "type", "file", "may_output_tofu");
                    String file = text(required(node, "file", path), path + ".file");
                    boolean tofuRisk = node.has("may_output_tofu")
                            && bool(node.get("may_output_tofu"), path + ".may_output_tofu");
                    Dictionary d = load(file, type, path + ".file");
                    return tofuRisk && tofu == TofuPolicy.EXCLUDE && !alwaysIncludeTofu ? Optional.empty() : Optional.of(d);
                }
                case "inline" -> {
                    allowKeys(node, path, "type", "entries");
                    JsonNode entries = object(required(node, "entries", path), path + ".entries");
                    List<DictionaryEntry> list = new ArrayList<>();
                    for (Map.Entry<String, JsonNode> e : entries.properties()) {
                        String entryPath = path + ".entries['" + e.getKey() + "']";
                        if (e.getKey().isEmpty()) {
                            throw new ConfigException(source, entryPath, "empty key");
                        }
                        List<String> values = new ArrayList<>();
                        if (e.getValue().isArray()) {
                            for (int i = 0; i < e.getValue().size(); i++) {
                                values.add(nonEmpty(text(e.getValue().get(i), entryPath + "[" + i + "]"), entryPath));
                            }
                        } else {
                            values.add(nonEmpty(text(e.getValue(), entryPath), entryPath));
                        }
                        if (values.isEmpty()) {
                            throw new ConfigException(source, entryPath, "no value");
                        }
                        // As in a dictionary file: a lone surrogate would make output no encoder can write.
                        wellFormed(e.getKey(), entryPath);
                        for (String v : values) {
                            wellFormed(v, entryPath);
                        }
                        list.add(new DictionaryEntry(e.getKey(), values));
                    }
                    return Optional.of(TextDictionary.of(source + " " + path, list));
                }
                default -> throw new ConfigException(source, path + ".type",
                        "unknown dictionary type '" + type + "' (expected text, ocd2, ocd, group or inline)");
            }
        }

        private Dictionary load(String file, String type, String path) {
            String wanted = file;
            if (!type.equals("text") || file.endsWith(".ocd2") || file.endsWith(".ocd")) {
                int dot = file.lastIndexOf('.');
                wanted = (dot > file.lastIndexOf('/') ? file.substring(0, dot) : file) + ".txt";
            }
            Set<Path> tried = new LinkedHashSet<>();
            Path asGiven = Path.of(wanted);
            if (asGiven.isAbsolute()) {
                tried.add(asGiven);
            } else {
                for (Path dir : searchPath) {
                    tried.add(dir.resolve(wanted).normalize());
                }
            }
            for (Path candidate : tried) {
                if (Files.isRegularFile(candidate)) {
                    try {
                        return loaded.computeIfAbsent(candidate.toAbsolutePath(), TextDictionary::load);
                    } catch (DictionaryFormatException e) {
                        throw e;
                    } catch (DictionaryException e) {
                        throw new ConfigException(source, path, e.getMessage(), e);
                    }
                }
            }
            String binaryNote = wanted.equals(file) ? ""
                    : " ('" + file + "' is an OpenCC binary dictionary; zhnorm reads its text form '" + wanted
                    + "': opencc_dict -i " + file + " -o " + wanted + " -f ocd2 -t text writes it)";
            throw new ConfigException(source, path, "dictionary file not found" + binaryNote + "; looked for "
                    + tried.stream().map(Path::toString).collect(Collectors.joining(", ")));
        }

        private void allowKeys(JsonNode node, String path, String... allowed) {
            Set<String> ok = Set.of(allowed);
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (!ok.contains(key)) {
                    throw new ConfigException(source, path + "." + key,
                            "unknown key '" + key + "' (expected one of " + String.join(", ", allowed) + ")");
                }
            }
        }

        private JsonNode required(JsonNode node, String key, String path) {
            JsonNode v = node.get(key);
            if (v == null) {
                throw new ConfigException(source, path, "missing required key '" + key + "'");
            }
            return v;
        }

        private JsonNode object(JsonNode node, String path) {
            if (node == null || !node.isObject()) {
                throw new ConfigException(source, path, "expected a JSON object, found " + kind(node));
            }
            return node;
        }

        private JsonNode array(JsonNode node, String path) {
            if (!node.isArray()) {
                throw new ConfigException(source, path, "expected a JSON array, found " + kind(node));
            }
            return node;
        }

        private String text(JsonNode node, String path) {
            if (!node.isTextual()) {
                throw new ConfigException(source, path, "expected a string, found " + kind(node));
            }
            return node.asText();
        }

        private boolean bool(JsonNode node, String path) {
            if (!node.isBoolean()) {
                throw new ConfigException(source, path, "expected true or false, found " + kind(node));
            }
            return node.asBoolean();
        }

        /** Refuses a lone surrogate in an inline entry, naming the entry and the char. */
        private void wellFormed(String s, String entryPath) {
            int i = WellFormed.loneSurrogate(s);
            if (i >= 0) {
                throw new ConfigException(source, entryPath, String.format(Locale.ROOT,
                        "lone surrogate U+%04X (keys and values must be well-formed text)", (int) s.charAt(i)));
            }
        }

        private String nonEmpty(String s, String path) {
            if (s.isEmpty()) {
                throw new ConfigException(source, path, "empty value");
            }
            return s;
        }

        private String kind(JsonNode node) {
            return node == null ? "nothing" : node.getNodeType().name().toLowerCase(Locale.ROOT);
        }
    }
}
