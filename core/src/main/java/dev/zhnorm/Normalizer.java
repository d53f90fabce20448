package dev.zhnorm;

import dev.zhnorm.normalize.Indent;
import dev.zhnorm.internal.normalize.NormalizationPipeline;
import dev.zhnorm.normalize.Numerals;
import dev.zhnorm.normalize.Spacing;
import dev.zhnorm.normalize.SpacingDecision;
import dev.zhnorm.normalize.Style;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * Turns Chinese text into clean, standard text: conversion (by default any Traditional to mainland
 * Simplified, {@link Preset#T2CN}) composed with normalization of punctuation, numerals, width,
 * whitespace and Unicode artifacts, following the rules of the normalization spec (rule ids such as
 * P1, N2a, S4 appear in {@link #explain} output). Immutable and thread-safe.
 *
 * <pre>{@code
 * Normalizer.defaults().normalize("以來,習近平總書記多次到吉林考察調研.");
 *                                              // "以来，习近平总书记多次到吉林考察调研。"
 * Normalizer tw = Normalizer.builder().noConversion().style(Style.TAIWAN).build();
 * tw.normalize("他說“好”");                     // "他說「好」"
 * Normalizer.builder().numerals(Numerals.QUANTITIES_TO_ARABIC).build()
 *           .normalize("三百二十五人");          // "325人"
 * try (Reader in = ...; Writer out = ...) { Normalizer.defaults().normalize(in, out); }
 * }</pre>
 *
 * <p>Text is processed line by line ({@code \n}, {@code \r\n}, {@code \r}); lines are never joined
 * or split and terminators come through unchanged. Protected spans (URLs, e-mail addresses, code,
 * HTML, paths, times, decimals, versions, ASCII dates and expressions) and user-protected terms come
 * through verbatim and are never converted. Lines longer than 65,536 chars are normalized in pieces,
 * cut after a sentence end or whitespace (see {@link NormalizationPipeline}); streaming and
 * whole-string calls cut identically.
 */
public final class Normalizer implements TextTransform {
    private final Converter converter;
    private final Style style;
    private final Numerals numerals;
    private final Spacing spacing;
    private final Indent indent;
    private final List<String> protectedTerms;
    private final NormalizationPipeline pipeline;

    private Normalizer(Builder b) {
        this.converter = b.noConversion ? null : (b.converter != null ? b.converter : Converter.of(b.preset));
        this.style = b.style;
        this.numerals = b.numerals;
        this.spacing = b.spacing;
        this.indent = b.indent;
        this.protectedTerms = List.copyOf(b.terms);
        this.pipeline = NormalizationPipeline.of(converter == null ? null : converter.pipeline(),
                converter != null && converter.preset().isPresent(), style, numerals, spacing, indent, protectedTerms);
    }

    /**
     * @return the default profile: conversion {@link Preset#T2CN}, {@link Style#MAINLAND},
     *     {@link Numerals#WIDTH_ONLY}, {@link Spacing#AUTO}, {@link Indent#KEEP}
     */
    public static Normalizer defaults() {
        return Defaults.INSTANCE;
    }

    /** Built on first use, so that other profiles do not load the default dictionaries. */
    private static final class Defaults {
        static final Normalizer INSTANCE = builder().build();
    }

    /** @return a builder starting from the default profile */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Normalizes a text.
     *
     * @param text the input
     * @return the normalized text; the same String instance when nothing changes
     */
    public String normalize(CharSequence text) {
        return pipeline.normalize(Objects.requireNonNull(text, "text"));
    }

    /**
     * Normalizes a text, appending the result.
     *
     * <pre>{@code
     * StringBuilder sb = new StringBuilder("> ");
     * Normalizer.defaults().normalize("臺灣,你好.", sb);     // sb: "> 台湾，你好。"
     * }</pre>
     *
     * @param text the input
     * @param out where the result goes
     * @throws UncheckedIOException when {@code out} fails
     */
    public void normalize(CharSequence text, Appendable out) {
        Objects.requireNonNull(out, "out");
        try {
            out.append(normalize(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Quick check, like ICU's {@code Normalizer2.isNormalized}: whether {@link #normalize(CharSequence)}
     * would leave the text as it is. A String input is not copied.
     *
     * <pre>{@code
     * Normalizer.defaults().isNormalized("台湾，你好。");   // true
     * Normalizer.defaults().isNormalized("臺灣,你好.");     // false
     * }</pre>
     *
     * @param text the input
     * @return true when normalizing changes nothing
     */
    public boolean isNormalized(CharSequence text) {
        String s = text.toString();
        String result = normalize(s);
        return result == s || result.equals(s);
    }

    @Override
    public boolean isUnchanged(CharSequence text) {
        return isNormalized(text);
    }

    @Override
    public String apply(CharSequence text) {
        return normalize(text);
    }

    @Override
    public void apply(CharSequence text, Appendable out) {
        normalize(text, out);
    }

    @Override
    public void apply(Reader in, Writer out) throws IOException {
        normalize(in, out);
    }

    /** Normalization runs serially: the executor is not used. */
    @Override
    public void apply(Reader in, Writer out, Executor executor) throws IOException {
        normalize(in, out);
    }

    /**
     * @return a description of the profile, e.g.
     *     {@code normalization (conversion t2cn, style mainland, numerals width-only, spacing auto, indent keep)}
     */
    @Override
    public String name() {
        return "normalization (conversion " + (converter == null ? "none" : converter.name()) + ", style "
                + style.id() + ", numerals " + numerals.id() + ", spacing " + spacing.id()
                + ", indent " + indent.id() + ")";
    }

    /**
     * Streams a text line by line in constant memory for any number of lines, and a single line of
     * any length in bounded memory. The output equals {@link #normalize(CharSequence)} of the whole
     * text; {@code \n}, {@code \r\n}, {@code \r} and a missing final newline are preserved. Neither
     * stream is closed.
     *
     * @param in the input
     * @param out the output
     * @throws IOException when reading or writing fails
     */
    public void normalize(Reader in, Writer out) throws IOException {
        pipeline.normalize(in, out);
    }

    /**
     * Normalizes a text and reports every change: input and output range, text before and after,
     * and the rule id ({@code P1}, {@code N2a}, {@code S4}, …) or the conversion dictionary that
     * made it; stacked changes name all their rules joined by {@code " > "}.
     *
     * <pre>{@code
     * Explanation e = Normalizer.defaults().explain("他說,好");
     * e.output();                  // "他说，好"
     * e.changes();                 // [說→说 by a dictionary, ,→， by P1]
     * e.offsets().toInput(3);      // 3
     * }</pre>
     *
     * @param text the input
     * @return the output (equal to {@link #normalize(CharSequence)}), changes and output-to-input offsets
     */
    @Override
    public Explanation explain(CharSequence text) {
        return pipeline.explain(Objects.requireNonNull(text, "text"));
    }

    /** @return the conversion step, or empty when there is none */
    public Optional<Converter> conversion() {
        return Optional.ofNullable(converter);
    }

    /** @return the punctuation style */
    public Style style() {
        return style;
    }

    /** @return the numerals mode */
    public Numerals numerals() {
        return numerals;
    }

    /** @return the spacing mode between Han and Latin letters or digits */
    public Spacing spacing() {
        return spacing;
    }

    /**
     * The spacing this normalizer applies to a text: for {@link Spacing#AUTO} the text's own majority
     * convention (spec S8, from its first 65,536 chars), else the fixed mode.
     *
     * <pre>{@code
     * Normalizer.defaults().decideSpacing("短文 Go 语言").spacing();   // KEEP (fewer than 8 boundaries)
     * }</pre>
     *
     * @param text the input
     * @return the decision with the boundaries counted
     */
    public SpacingDecision decideSpacing(CharSequence text) {
        return pipeline.decideSpacing(Objects.requireNonNull(text, "text"));
    }

    /** @return what happens to leading whitespace */
    public Indent indent() {
        return indent;
    }

    /** @return the user-protected terms */
    public List<String> protectedTerms() {
        return protectedTerms;
    }

    @Override
    public String toString() {
        return "Normalizer[conversion=" + (converter == null ? "none" : converter.name()) + ", " + pipeline
                + (protectedTerms.isEmpty() ? "" : ", protected=" + protectedTerms.size()) + "]";
    }

    /** Configures a {@link Normalizer}; starts from the default profile. Not thread-safe. */
    public static final class Builder {
        private Preset preset = Preset.T2CN;
        private Converter converter;
        private boolean noConversion;
        private Style style = Style.MAINLAND;
        private Numerals numerals = Numerals.WIDTH_ONLY;
        private Spacing spacing = Spacing.AUTO;
        private Indent indent = Indent.KEEP;
        private final List<String> terms = new ArrayList<>();

        private Builder() {
        }

        /**
         * @param preset the bundled conversion to apply (default {@link Preset#T2CN})
         * @return this builder
         */
        public Builder conversion(Preset preset) {
            this.preset = Objects.requireNonNull(preset, "preset");
            this.converter = null;
            this.noConversion = false;
            return this;
        }

        /**
         * @param converter any converter, e.g. {@code Converter.fromOpenccConfig(path)}
         * @return this builder
         */
        public Builder conversion(Converter converter) {
            this.converter = Objects.requireNonNull(converter, "converter");
            this.noConversion = false;
            return this;
        }

        /** @return this builder, set to normalize without converting */
        public Builder noConversion() {
            this.noConversion = true;
            this.converter = null;
            return this;
        }

        /**
         * @param s quotes and punctuation style (default {@link Style#MAINLAND}: “” ‘’)
         * @return this builder
         */
        public Builder style(Style s) {
            this.style = Objects.requireNonNull(s, "style");
            return this;
        }

        /**
         * @param n numerals mode (default {@link Numerals#WIDTH_ONLY}: ２０２２ → 2022)
         * @return this builder
         */
        public Builder numerals(Numerals n) {
            this.numerals = Objects.requireNonNull(n, "numerals");
            return this;
        }

        /**
         * @param s spacing between Han and words of Latin letters or digits (default {@link Spacing#AUTO}:
         *     each document's own majority convention)
         * @return this builder
         */
        public Builder spacing(Spacing s) {
            this.spacing = Objects.requireNonNull(s, "spacing");
            return this;
        }

        /**
         * @param i leading whitespace of lines (default {@link Indent#KEEP})
         * @return this builder
         */
        public Builder indent(Indent i) {
            this.indent = Objects.requireNonNull(i, "indent");
            return this;
        }

        /**
         * Protects terms: wherever one occurs (longest first) it comes through verbatim, neither
         * converted nor normalized. Matched on the raw text.
         *
         * @param terms non-empty terms without line terminators
         * @return this builder
         * @throws IllegalArgumentException for an empty term or one containing a line terminator
         */
        public Builder protect(String... terms) {
            for (String t : terms) {
                Objects.requireNonNull(t, "term");
                if (t.isEmpty() || t.indexOf('\n') >= 0 || t.indexOf('\r') >= 0) {
                    throw new IllegalArgumentException("a protected term must be non-empty and on one line: '" + t + "'");
                }
                this.terms.add(t);
            }
            return this;
        }

        /** @return the normalizer */
        public Normalizer build() {
            return new Normalizer(this);
        }
    }
}
