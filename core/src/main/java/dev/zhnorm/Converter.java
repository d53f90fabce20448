package dev.zhnorm;

import dev.zhnorm.config.ConfigException;
import dev.zhnorm.config.OpenccConfig;
import dev.zhnorm.config.OpenccConfigReader;
import dev.zhnorm.config.TofuPolicy;
import dev.zhnorm.dict.Dictionary;
import dev.zhnorm.dict.DictionaryEntry;
import dev.zhnorm.dict.DictionaryFormatException;
import dev.zhnorm.dict.TextDictionary;
import dev.zhnorm.internal.BundledData;
import dev.zhnorm.internal.CompiledCache;
import dev.zhnorm.internal.CompiledDictionary;
import dev.zhnorm.internal.DictionaryFlattener;
import dev.zhnorm.internal.Driver;
import dev.zhnorm.internal.Explained;
import dev.zhnorm.internal.FlatEntry;
import dev.zhnorm.internal.Pipeline;
import dev.zhnorm.internal.WellFormed;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * Converts Chinese text with OpenCC's semantics: a bundled {@link Preset}, an OpenCC JSON config read
 * at run time, or either of them with user entries that take precedence. Immutable and thread-safe;
 * {@link #of(Preset)} returns one cached instance per preset, loaded on first use.
 *
 * <pre>{@code
 * Converter t2s = Converter.of("t2s");
 * t2s.convert("漢字");                                    // "汉字"
 * Converter.toSimplified().convert("隨著時代");             // "随着时代" (preset t2cn)
 * Converter tw = Converter.fromOpenccConfig(Path.of("opencc/s2twp.json"));
 * Converter mine = Converter.builder().preset(Preset.T2S).userEntry("乾隆", "乾隆").build();
 * try (Reader in = ...; Writer out = ...) { t2s.convert(in, out); }   // streaming
 * }</pre>
 */
public final class Converter implements TextTransform {
    private static final Map<Preset, Converter> PRESETS = new ConcurrentHashMap<>();

    private final String name;
    private final Preset preset;
    private final Pipeline pipeline;

    private Converter(String name, Preset preset, Pipeline pipeline) {
        this.name = name;
        this.preset = preset;
        this.pipeline = pipeline;
    }

    /**
     * @param preset a bundled preset
     * @return the shared converter for it
     */
    public static Converter of(Preset preset) {
        Objects.requireNonNull(preset, "preset");
        return PRESETS.computeIfAbsent(preset, p -> new Converter(p.id(), p, BundledData.pipeline(p)));
    }

    /**
     * @param presetId a preset id such as {@code t2s} or {@code s2twp} (see {@link Preset})
     * @return the shared converter for it
     * @throws IllegalArgumentException for an unknown id; the message lists the valid ids
     */
    public static Converter of(String presetId) {
        Objects.requireNonNull(presetId, "presetId");
        return of(Preset.fromId(presetId).orElseThrow(() -> new IllegalArgumentException(
                "unknown preset '" + presetId + "'; valid presets: " + Preset.validIds())));
    }

    /** @return the default conversion to Simplified: {@link Preset#T2CN}, Traditional of any region to mainland */
    public static Converter toSimplified() {
        return of(Preset.T2CN);
    }

    /**
     * @return the conversion to Traditional: {@link Preset#S2T}, mainland Simplified to OpenCC's
     *     standard Traditional characters (use {@code of("s2twp")} or {@code of("s2hk")} for regional forms)
     */
    public static Converter toTraditional() {
        return of(Preset.S2T);
    }

    /**
     * Reads an OpenCC JSON config and the text dictionaries it names, resolved next to the config.
     * Dictionaries marked {@code may_output_tofu} are used.
     *
     * @param configJson the config file
     * @return a new converter
     * @throws ConfigException on bad JSON, an unknown key, type or match policy, or a missing file
     * @throws DictionaryFormatException on a malformed dictionary line
     */
    public static Converter fromOpenccConfig(Path configJson) {
        return builder().openccConfig(configJson).build();
    }

    /** @return a builder; without a preset or config it builds {@link Preset#T2CN} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Converts a text.
     *
     * @param text the input
     * @return the converted text; the input itself if it is a String that nothing changes
     */
    public String convert(CharSequence text) {
        return Driver.apply(pipeline, text);
    }

    /**
     * Converts a text, appending the result.
     *
     * @param text the input
     * @param out where the result goes
     * @throws java.io.UncheckedIOException when {@code out} fails
     */
    public void convert(CharSequence text, Appendable out) {
        Driver.apply(pipeline, text, out);
    }

    /**
     * Converts a large text on several threads. The text is cut only before characters that occur in
     * no key of any dictionary of this converter (a newline, for every bundled preset), so each piece
     * converts exactly as it would inside the whole: the result equals {@link #convert(CharSequence)}
     * character for character. Pieces are an eighth of the text, at least 256 K chars; smaller texts run on the caller's thread.
     *
     * <pre>{@code
     * ExecutorService pool = Executors.newFixedThreadPool(2);
     * String out = Converter.of("t2s").convert(bigText, pool);
     * }</pre>
     *
     * @param text the input
     * @param executor runs the pieces
     * @return the converted text
     */
    public String convert(CharSequence text, Executor executor) {
        return Driver.apply(pipeline, text, executor);
    }

    /**
     * Streams a text in bounded memory (each stage keeps back at most its longest key); the output
     * equals {@link #convert(CharSequence)} of the whole text. Neither stream is closed.
     *
     * @param in the input
     * @param out the output
     * @throws IOException when reading or writing fails
     */
    public void convert(Reader in, Writer out) throws IOException {
        Driver.apply(pipeline, Objects.requireNonNull(in, "in"), Objects.requireNonNull(out, "out"));
    }

    /**
     * Converts a text and reports every replacement: its input and output ranges, the text before
     * and after, and the dictionary (or user entries) that made it. Slower than {@link #convert};
     * meant for diagnostics and for tools that map offsets.
     *
     * <pre>{@code
     * Explanation e = Converter.of("t2s").explain("頭髮很長");
     * e.output();              // "头发很长"
     * e.changes().size();      // the replaced tokens
     * e.offsets().toInput(2);  // 2
     * }</pre>
     *
     * @param text the input
     * @return the output (equal to {@link #convert(CharSequence)}), changes and offset map
     */
    @Override
    public Explanation explain(CharSequence text) {
        Explained e = Driver.explain(pipeline, text, false);
        List<Change> changes = e.log().toChanges(text, e.output());
        return new Explanation(text.toString(), e.output(), changes, OffsetMap.of(changes));
    }

    /**
     * Streams a large input on several threads: this thread reads and writes while blocks of about a
     * million chars, cut where no dictionary key can span (a newline for every bundled preset),
     * convert on {@code executor}; a few blocks are in flight at a time, so memory stays bounded. The
     * output equals {@link #convert(CharSequence)} of the whole input. Neither stream is closed.
     *
     * <pre>{@code
     * try (Reader in = Files.newBufferedReader(big); Writer out = Files.newBufferedWriter(target)) {
     *     Converter.of("t2s").convert(in, out, pool);
     * }
     * }</pre>
     *
     * @param in the input
     * @param out the output
     * @param executor converts the blocks
     * @throws IOException when reading or writing fails
     */
    public void convert(Reader in, Writer out, Executor executor) throws IOException {
        Driver.apply(pipeline, in, out, executor);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Text is held up to the last place where no key of this converter can span (for the bundled
     * presets, any char in no key: punctuation, whitespace, Latin).
     */
    @Override
    public TextRun start(LengthChangeListener lengthChanges) {
        return new EngineTextRun(pipeline, Objects.requireNonNull(lengthChanges, "lengthChanges"));
    }

    /** Checked chunk by chunk: the first converted char that differs ends the check, and the text is not copied whole. */
    @Override
    public boolean isUnchanged(CharSequence text) {
        return Driver.isUnchanged(pipeline, Objects.requireNonNull(text, "text"));
    }

    @Override
    public String apply(CharSequence text) {
        return convert(text);
    }

    @Override
    public void apply(CharSequence text, Appendable out) {
        convert(text, out);
    }

    @Override
    public String apply(CharSequence text, LengthChangeListener lengthChanges) {
        Objects.requireNonNull(lengthChanges, "lengthChanges");
        Explained e = Driver.explain(pipeline, text, true);
        e.log().forEachLengthChange(lengthChanges);
        String out = e.output();
        return text instanceof String s && out.equals(s) ? s : out;
    }

    @Override
    public void apply(Reader in, Writer out) throws IOException {
        convert(in, out);
    }

    @Override
    public void apply(Reader in, Writer out, Executor executor) throws IOException {
        convert(in, out, executor);
    }

    /** @return the preset id, or the config's name */
    @Override
    public String name() {
        return name;
    }

    /** @return the preset, when this converter is an unmodified bundled preset */
    public Optional<Preset> preset() {
        return Optional.ofNullable(preset);
    }

    /** @return the compiled pipeline; internal, for zhnorm's own packages */
    Pipeline pipeline() {
        return pipeline;
    }

    @Override
    public String toString() {
        return "Converter[" + name + "]";
    }

    /**
     * Configures a {@link Converter}: a preset or an OpenCC config, extra data folders, the tofu
     * policy, and user entries that take precedence over every dictionary (their values are final).
     */
    public static final class Builder {
        private Preset preset;
        private Path config;
        private final List<Path> dataFolders = new ArrayList<>();
        private TofuPolicy tofu = TofuPolicy.INCLUDE;
        private boolean tofuSet;
        private OpenccConfig configObject;
        /** User entries from every userEntry and userDictionary call, in call order: the first for a key wins. */
        private final List<FlatEntry> userEntries = new ArrayList<>();
        private final Set<String> singleEntryKeys = new HashSet<>();

        private Builder() {
        }

        /**
         * @param preset the bundled preset to start from (clears a config set before)
         * @return this builder
         */
        public Builder preset(Preset preset) {
            this.preset = Objects.requireNonNull(preset, "preset");
            this.config = null;
            this.configObject = null;
            return this;
        }

        /**
         * @param presetId a preset id
         * @return this builder
         * @throws IllegalArgumentException for an unknown id, listing the valid ids
         */
        public Builder preset(String presetId) {
            return preset(Preset.fromId(presetId).orElseThrow(() -> new IllegalArgumentException(
                    "unknown preset '" + presetId + "'; valid presets: " + Preset.validIds())));
        }

        /**
         * @param configJson an OpenCC JSON config to use instead of a preset
         * @return this builder
         */
        public Builder openccConfig(Path configJson) {
            this.config = Objects.requireNonNull(configJson, "configJson");
            this.preset = null;
            this.configObject = null;
            return this;
        }

        /**
         * Builds from a config already read, e.g. one read once with {@link OpenccConfigReader} and
         * shared, or one assembled in code. Its dictionaries are already resolved, so
         * {@link #dataFolder} and {@link #tofu} do not apply to it: {@link #build()} rejects them.
         *
         * <pre>{@code
         * OpenccConfig c = OpenccConfigReader.builder().dataFolder(data).build().read(Path.of("t2s.json"));
         * Converter t2s = Converter.builder().openccConfig(c).build();
         * }</pre>
         *
         * @param config a config
         * @return this builder
         */
        public Builder openccConfig(OpenccConfig config) {
            this.configObject = Objects.requireNonNull(config, "config");
            this.config = null;
            this.preset = null;
            return this;
        }

        /**
         * @param folder a folder searched for the config's dictionaries after the config's own folder
         * @return this builder
         */
        public Builder dataFolder(Path folder) {
            dataFolders.add(Objects.requireNonNull(folder, "folder"));
            return this;
        }

        /**
         * Whether dictionaries an OpenCC config marks {@code may_output_tofu} are used (default:
         * included, as in OpenCC's library; OpenCC's command line leaves them out). Applies to
         * {@link #openccConfig} only: {@link #build()} throws if it is set for a bundled preset.
         *
         * @param policy the policy
         * @return this builder
         */
        public Builder tofu(TofuPolicy policy) {
            this.tofu = Objects.requireNonNull(policy, "policy");
            this.tofuSet = true;
            return this;
        }

        /**
         * Adds user entries from a file in OpenCC's text format; they take precedence over every
         * dictionary and over entries added later.
         *
         * @param file the dictionary file
         * @return this builder
         * @throws DictionaryFormatException on a malformed line
         */
        public Builder userDictionary(Path file) {
            return userDictionary(TextDictionary.load(file));
        }

        /**
         * Adds user entries that take precedence over every dictionary and over entries added later
         * (by this or any other user-entry call).
         *
         * @param dictionary user entries
         * @return this builder
         */
        public Builder userDictionary(TextDictionary dictionary) {
            Objects.requireNonNull(dictionary, "dictionary");
            for (DictionaryEntry e : dictionary.entries()) {
                userEntries.add(new FlatEntry(e.key(), e.value(), dictionary.name()));
            }
            return this;
        }

        /**
         * Adds one user entry. It takes precedence over every dictionary and over entries added later;
         * an entry added earlier for the same key (from a user dictionary) wins over it.
         *
         * <pre>{@code
         * Converter.builder().preset(Preset.T2S).userEntry("乾隆", "乾隆").build().convert("乾隆皇帝");  // "乾隆皇帝"
         * }</pre>
         *
         * @param key text to match
         * @param value its replacement, final (not converted further)
         * @return this builder
         * @throws IllegalArgumentException when {@code userEntry} was already called with this key
         *     (as Lucene's {@code NormalizeCharMap.Builder} rejects a duplicate), for an empty key or
         *     value, or for one with a lone surrogate
         */
        public Builder userEntry(String key, String value) {
            DictionaryEntry entry = new DictionaryEntry(key, List.of(value)); // validates
            rejectLoneSurrogate(key, "key");
            rejectLoneSurrogate(value, "value");
            if (!singleEntryKeys.add(key)) {
                throw new IllegalArgumentException("userEntry was already called with the key '" + key + "'");
            }
            userEntries.add(new FlatEntry(entry.key(), entry.value(), "user entries"));
            return this;
        }

        /** A lone surrogate would make the output ill-formed UTF-16 that no encoder can write. */
        private static void rejectLoneSurrogate(String s, String what) {
            int i = WellFormed.loneSurrogate(s);
            if (i >= 0) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "user entry %s has a lone surrogate U+%04X at index %d; keys and values must be "
                                + "well-formed text", what, (int) s.charAt(i), i));
            }
        }

        /**
         * @return the converter
         * @throws ConfigException for a bad config
         * @throws DictionaryFormatException for a malformed dictionary
         * @throws IllegalStateException when {@link #tofu} or {@link #dataFolder} is set without an
         *     OpenCC config: a bundled preset has its data compiled in, so they could not apply
         */
        public Converter build() {
            String name;
            Pipeline pipeline;
            Preset p = null;
            if (configObject != null) {
                if (tofuSet || !dataFolders.isEmpty()) {
                    throw new IllegalStateException("dataFolder and tofu apply to a config read from a file, "
                            + "not to an OpenccConfig object, whose dictionaries are already loaded");
                }
                name = configObject.name();
                pipeline = compile(configObject);
            } else if (config == null && (tofuSet || !dataFolders.isEmpty())) {
                throw new IllegalStateException((tofuSet ? "tofu(" + tofu + ")" : "dataFolder(" + dataFolders.get(0) + ")")
                        + " applies to an OpenCC config (openccConfig), not to the bundled preset "
                        + (preset == null ? Preset.T2CN : preset).id() + ", whose data is compiled in");
            } else if (config != null) {
                OpenccConfigReader.Builder rb = OpenccConfigReader.builder().tofu(tofu);
                dataFolders.forEach(rb::dataFolder);
                OpenccConfig c = rb.build().read(config);
                name = c.name();
                pipeline = compile(c);
            } else {
                p = preset == null ? Preset.T2CN : preset;
                name = p.id();
                pipeline = BundledData.pipeline(p);
            }
            List<FlatEntry> user = userEntries();
            if (!user.isEmpty()) {
                pipeline = pipeline.withUser(CompiledDictionary.compile("user entries", user,
                        CompiledDictionary.Purpose.SEGMENTATION));
                p = null;
            }
            if (p != null) {
                return of(p);
            }
            return new Converter(name, null, pipeline);
        }

        private List<FlatEntry> userEntries() {
            Map<String, FlatEntry> merged = new LinkedHashMap<>();
            for (FlatEntry e : userEntries) {
                merged.putIfAbsent(e.key(), e);
            }
            return new ArrayList<>(merged.values());
        }

        private static Pipeline compile(OpenccConfig c) {
            List<CompiledDictionary> norm = new ArrayList<>();
            for (Dictionary d : c.normalization()) {
                norm.add(compile(d, CompiledDictionary.Purpose.CONVERSION));
            }
            CompiledDictionary seg = c.segmentation()
                    .map(d -> compile(d, CompiledDictionary.Purpose.SEGMENTATION)).orElse(null);
            List<CompiledDictionary> chain = new ArrayList<>();
            for (Dictionary d : c.conversionChain()) {
                chain.add(compile(d, CompiledDictionary.Purpose.CONVERSION));
            }
            return new Pipeline(null, norm, seg, chain);
        }

        private static CompiledDictionary compile(Dictionary d, CompiledDictionary.Purpose purpose) {
            // Text dictionaries read at run time: compiled once per content, then read from the cache.
            return CompiledCache.standard().compile(d, purpose);
        }
    }
}
