package dev.zhnorm;

import dev.zhnorm.normalize.Format;
import dev.zhnorm.normalize.Indent;
import dev.zhnorm.internal.document.DocumentNormalizer;
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
 *
 * <p><b>Documents</b> (spec §9): with {@link Format#MARKDOWN} or {@link Format#HTML} (set on the
 * builder, passed per call, or picked from a file name by {@link Format#AUTO}) the text is parsed
 * (commonmark-java, jsoup), only its prose is normalized and the changes are spliced back by
 * source position, so code, link destinations, tags, attributes, front matter, math and every
 * other byte outside prose come through identical:
 *
 * <pre>{@code
 * Normalizer.defaults().normalize("详见[指南](docs/指南.md).", "README.md");   // "详见[指南](docs/指南.md)。"
 * Normalizer.defaults().normalize("<p>你好,<code>a,b</code></p>", Format.HTML); // "<p>你好，<code>a,b</code></p>"
 * }</pre>
 *
 * A document is held whole in memory, up to {@link #MAX_DOCUMENT_CHARS}.
 */
public final class Normalizer implements TextTransform {
    /** The largest Markdown or HTML document normalized (256 Mi chars); plain text has no limit. */
    public static final int MAX_DOCUMENT_CHARS = 256 << 20;
    /**
     * How many chars at a text's start {@link Spacing#AUTO} decides from (65,536, spec S8): a caller
     * that wants to report the decision of a streamed text keeps that many.
     */
    public static final int SPACING_DECISION_CHARS = NormalizationPipeline.AUTO_PREFIX;

    private final Converter converter;
    private final Format format;
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
        this.format = b.format;
        this.protectedTerms = List.copyOf(b.terms);
        this.pipeline = NormalizationPipeline.of(converter == null ? null : converter.pipeline(),
                converter != null && converter.preset().isPresent(),
                converter != null && converter.preset().filter(Preset.T2CN::equals).isPresent(),
                style, numerals, spacing, indent, protectedTerms);
    }

    /** The same profile for another document format (shares the compiled engine). */
    private Normalizer(Normalizer base, Format format) {
        this.converter = base.converter;
        this.style = base.style;
        this.numerals = base.numerals;
        this.spacing = base.spacing;
        this.indent = base.indent;
        this.format = format;
        this.protectedTerms = base.protectedTerms;
        this.pipeline = base.pipeline;
    }

    /** The same profile with a decided spacing (shares the compiled engines). */
    private Normalizer(Normalizer base, Spacing spacing, NormalizationPipeline pipeline) {
        this.converter = base.converter;
        this.style = base.style;
        this.numerals = base.numerals;
        this.spacing = spacing;
        this.indent = base.indent;
        this.format = base.format;
        this.protectedTerms = base.protectedTerms;
        this.pipeline = pipeline;
    }

    /**
     * The normalizer {@link Spacing#AUTO} picks for a text whose beginning is {@code prefix}: this
     * profile with the spacing decided from the prefix's first 65,536 chars (spec S8), or this
     * normalizer when its spacing is fixed. For callers that normalize one text in pieces (a search
     * char filter) and must apply one decision to all of them, as {@link #normalize(Reader, Writer)}
     * does. Cheap: the decided engines are built with this normalizer.
     *
     * <pre>{@code
     * Normalizer one = Normalizer.defaults().decidedFor(firstPieceOrMore);
     * one.spacing();   // NONE, PANGU or KEEP; then one.normalize(piece) for every piece
     * }</pre>
     *
     * @param prefix the text, or at least its first 65,536 chars
     * @return a normalizer with a fixed spacing
     */
    public Normalizer decidedFor(CharSequence prefix) {
        if (spacing != Spacing.AUTO) {
            return this;
        }
        SpacingDecision d = pipeline.decideSpacing(prefix);
        return new Normalizer(this, d.spacing(), pipeline.decided(d));
    }

    /**
     * @param fileName the document's file name, or {@code null}
     * @return this normalizer when its format is fixed, else one with the format the name tells
     *     ({@link Format#forFileName}; text for {@code null})
     */
    @Override
    public Normalizer forDocument(String fileName) {
        Format f = format.resolve(fileName);
        return f == format ? this : new Normalizer(this, f);
    }

    /**
     * @return e.g. {@code format markdown, spacing pangu (auto: 9 of 10 Han-word boundaries spaced)}
     */
    @Override
    public String describe(CharSequence text) {
        Format f = format.resolve(null);
        return "format " + f.id() + ", spacing " + decideSpacing(text, f);
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
        return normalize(text, format);
    }

    /**
     * Normalizes a document whose format the file name tells ({@link Format#forFileName}) unless the
     * builder named one.
     *
     * @param text the input
     * @param fileName the document's file name or path, or {@code null} (then: text)
     * @return the normalized text; the same String instance when nothing changes
     * @throws DocumentTooLargeException for a Markdown or HTML document above {@link #MAX_DOCUMENT_CHARS}
     */
    public String normalize(CharSequence text, String fileName) {
        return normalize(text, format.resolve(fileName));
    }

    /**
     * Normalizes a text as the given format: Markdown and HTML only in their prose.
     *
     * @param text the input
     * @param as the format ({@link Format#AUTO} here means text: there is no file name)
     * @return the normalized text; the same String instance when nothing changes
     * @throws DocumentTooLargeException for a Markdown or HTML document above {@link #MAX_DOCUMENT_CHARS}
     */
    public String normalize(CharSequence text, Format as) {
        Objects.requireNonNull(text, "text");
        Format f = Objects.requireNonNull(as, "format").resolve(null);
        if (f == Format.TEXT) {
            return pipeline.normalize(text);
        }
        checkSize(f, text.length()); // before the copy: a refused document is never copied
        String s = text.toString();
        String out = DocumentNormalizer.normalize(pipeline, s, f, false).output();
        return out.equals(s) ? s : out;
    }

    private static void checkSize(Format f, long chars) {
        if (chars > MAX_DOCUMENT_CHARS) {
            throw new DocumentTooLargeException(f.id(), chars, MAX_DOCUMENT_CHARS);
        }
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
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(out, "out");
        if (format.resolve(null) == Format.TEXT) {
            pipeline.normalize(text, out);
            return;
        }
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
        Objects.requireNonNull(text, "text");
        Format f = format.resolve(null);
        if (f == Format.TEXT) {
            return pipeline.isNormalized(text);
        }
        String s = text.toString();
        String result = normalize(s, f);
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

    /**
     * {@inheritDoc}
     *
     * <p>For text (the default format) this is the fast path; a Markdown or HTML format takes its
     * changes from {@link #explain(CharSequence)}, at its cost.
     */
    @Override
    public String apply(CharSequence text, LengthChangeListener lengthChanges) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(lengthChanges, "lengthChanges");
        Format f = format.resolve(null);
        if (f == Format.TEXT) {
            return pipeline.normalize(text, lengthChanges);
        }
        Explanation e = explain(text, f);
        for (Change c : e.changes()) {
            if (c.inputEnd() - c.inputStart() != c.outputEnd() - c.outputStart()) {
                lengthChanges.lengthChanged(c.inputStart(), c.inputEnd(), c.outputStart(), c.outputEnd());
            }
        }
        return text instanceof String s && e.output().equals(s) ? s : e.output();
    }

    /**
     * {@inheritDoc}
     *
     * <p>With {@code spacing=auto} the first 65,536 chars are held until S8 has decided from them; a
     * Markdown or HTML format (set on the builder) holds the document whole.
     */
    @Override
    public TextRun start(LengthChangeListener lengthChanges) {
        Objects.requireNonNull(lengthChanges, "lengthChanges");
        return new NormalizerTextRun(this, pipeline, format.resolve(null), lengthChanges);
    }

    @Override
    public void apply(Reader in, Writer out) throws IOException {
        normalize(in, out);
    }

    @Override
    public void apply(Reader in, Writer out, Executor executor) throws IOException {
        normalize(in, out, executor);
    }

    /**
     * @return a description of the profile, e.g.
     *     {@code normalization (conversion t2cn, style mainland, numerals width-only, spacing auto, indent keep)}
     */
    @Override
    public String name() {
        return "normalization (conversion " + (converter == null ? "none" : converter.name()) + ", style "
                + style.id() + ", numerals " + numerals.id() + ", spacing " + spacing.id()
                + ", indent " + indent.id() + (format == Format.AUTO ? "" : ", format " + format.id()) + ")";
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
        normalize(in, out, (String) null);
    }

    /**
     * Streams a large text on several threads: this thread reads and writes while blocks of about a
     * million chars, cut at line starts, normalize on {@code executor}; a few blocks are in flight at
     * a time, so memory stays bounded. Lines inside a fenced code block go serially, since a fence
     * is a state that crosses lines. The output equals {@link #normalize(Reader, Writer)}. A
     * Markdown or HTML format (set on the builder) is read whole and normalized on this thread.
     *
     * <pre>{@code
     * try (Reader in = Files.newBufferedReader(big); Writer out = Files.newBufferedWriter(target)) {
     *     Normalizer.defaults().normalize(in, out, pool);
     * }
     * }</pre>
     *
     * @param in the input
     * @param out the output
     * @param executor normalizes the blocks
     * @throws IOException when reading or writing fails
     */
    public void normalize(Reader in, Writer out, Executor executor) throws IOException {
        Objects.requireNonNull(executor, "executor");
        if (format.resolve(null) == Format.TEXT) {
            pipeline.normalize(in, out, executor);
        } else {
            normalize(in, out, (String) null);
        }
    }

    /**
     * Normalizes a large text on several threads, in pieces cut at line starts (an eighth of the
     * text, at least 256 K chars; smaller texts run on the caller's thread). The result equals
     * {@link #normalize(CharSequence)} char for char. A Markdown or HTML format (set on the builder)
     * runs on this thread.
     *
     * <pre>{@code
     * ExecutorService pool = Executors.newFixedThreadPool(2);
     * String out = Normalizer.defaults().normalize(bigText, pool);
     * }</pre>
     *
     * @param text the input
     * @param executor normalizes the pieces
     * @return the normalized text
     */
    public String normalize(CharSequence text, Executor executor) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(executor, "executor");
        if (format.resolve(null) == Format.TEXT) {
            return pipeline.normalize(text, executor);
        }
        return normalize(text);
    }

    /**
     * Streams a document: text line by line in bounded memory, a Markdown or HTML document (by the
     * builder's format, else by {@code fileName}) read whole first.
     *
     * @param in the input
     * @param out the output
     * @param fileName the document's file name, or {@code null} (then: the builder's format, else text)
     * @throws IOException when reading or writing fails
     * @throws DocumentTooLargeException for a Markdown or HTML document above {@link #MAX_DOCUMENT_CHARS}
     */
    public void normalize(Reader in, Writer out, String fileName) throws IOException {
        Format f = format.resolve(fileName);
        if (f == Format.TEXT) {
            pipeline.normalize(in, out);
            return;
        }
        StringBuilder sb = new StringBuilder();
        char[] buf = new char[8192];
        int r;
        while ((r = in.read(buf)) >= 0) {
            sb.append(buf, 0, r);
            checkSize(f, sb.length());
        }
        out.write(normalize(sb, f));
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
        return explain(text, format);
    }

    /**
     * {@link #explain(CharSequence)} of a document: for Markdown and HTML the changes are those
     * spliced into the source, with source offsets.
     *
     * @param text the input
     * @param as the format ({@link Format#AUTO}: text)
     * @return the output, changes and offsets
     */
    public Explanation explain(CharSequence text, Format as) {
        Objects.requireNonNull(text, "text");
        Format f = Objects.requireNonNull(as, "format").resolve(null);
        if (f == Format.TEXT) {
            return pipeline.explain(text);
        }
        checkSize(f, text.length());
        return DocumentNormalizer.explain(pipeline, text.toString(), f);
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
        return decideSpacing(text, format);
    }

    /**
     * @param text the input
     * @param as the format: for Markdown and HTML only prose counts ({@link Format#AUTO}: text)
     * @return the spacing decision for the document
     */
    public SpacingDecision decideSpacing(CharSequence text, Format as) {
        Objects.requireNonNull(text, "text");
        Format f = Objects.requireNonNull(as, "format").resolve(null);
        if (f == Format.TEXT) {
            return pipeline.decideSpacing(text);
        }
        checkSize(f, text.length());
        return DocumentNormalizer.normalize(pipeline, text.toString(), f, false).spacing();
    }

    /** @return the document format ({@link Format#AUTO}: by file name where one is given, else text) */
    public Format format() {
        return format;
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
        private Format format = Format.AUTO;
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
         * @param f the document format (default {@link Format#AUTO}: by the file name given to
         *     {@link Normalizer#normalize(CharSequence, String)}, text when there is none)
         * @return this builder
         */
        public Builder format(Format f) {
            this.format = Objects.requireNonNull(f, "format");
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
