package dev.zhnorm.internal.normalize;

import dev.zhnorm.normalize.Style;
import dev.zhnorm.normalize.Numerals;
import dev.zhnorm.normalize.Spacing;
import dev.zhnorm.normalize.Indent;
import dev.zhnorm.normalize.SpacingDecision;

import dev.zhnorm.Change;
import dev.zhnorm.Explanation;
import dev.zhnorm.LengthChangeListener;
import dev.zhnorm.OffsetMap;
import dev.zhnorm.internal.CharBuf;
import dev.zhnorm.internal.Driver;
import dev.zhnorm.internal.EditLog;
import dev.zhnorm.internal.Engine;
import dev.zhnorm.internal.Explained;
import dev.zhnorm.internal.Pipeline;
import dev.zhnorm.internal.Transducer;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.stream.IntStream;

/**
 * The engine behind {@link dev.zhnorm.Normalizer}; use that class, not this one. Immutable and
 * thread-safe: every call works on its own {@link LineProcessor}.
 *
 * <p>Text is normalized line by line; lines end at {@code \n}, {@code \r\n} or {@code \r}, and the
 * terminators (and a missing final one) come through unchanged. A line longer than
 * {@link LineSplitter#MAX_PIECE} chars is cut into pieces as {@link LineSplitter} describes, and
 * each piece is normalized as a line of its own for every line-level test (Han line, prose line,
 * pairing of quotes and brackets), except that whitespace at a cut is left alone and only a line's
 * real start and end count for indents and trailing whitespace. The whole-string path and the
 * streaming path cut identically, so they give the same output.
 */
public final class NormalizationPipeline implements Engine {
    private final Pipeline conversion;
    /** {@link #conversion} without its normalization stages, for lines with none of their starters; or {@code null}. */
    private final Pipeline lightConversion;
    /**
     * Whether description sequences are protected spans: the conversion keeps each whole, as no key
     * of it starts with an operator (none of OpenCC's does; a user entry could).
     */
    private final boolean protectsDescriptions;
    private final Style style;
    private final Numerals numerals;
    private final Spacing spacing;
    private final Indent indent;
    private final UserTerms userTerms;
    private final NumberSpeller speller;
    private final int maxPiece;
    private final boolean conversionKeepsPunctuation;
    /** Whether converted text is converted again until it stops changing (see {@link #of}). */
    private final boolean convertToFixedPoint;
    /** For spacing=auto: the engines for none, pangu and keep that a decision picks from (S8). */
    private final NormalizationPipeline[] decided;

    private NormalizationPipeline(Pipeline conversion, boolean bundled, boolean stable, Style style, Numerals numerals,
                                  Spacing spacing, Indent indent, List<String> protectedTerms, int maxPiece) {
        // Normalizing twice must change nothing: OpenCC's one-step chains (薴 → 苧 → 苎) are closed.
        this.conversion = conversion == null ? null : conversion.forNormalization();
        // The bundled CJK compatibility stage starts keys only at chars with Cleanup's trigger bit
        // (U+F900–FAFF and U+D87E): a line without that bit converts the same without the stage,
        // which spares a scan of every line that finds nothing.
        this.lightConversion = this.conversion != null && !this.conversion.normalization().isEmpty()
                && this.conversion.everyNormalizationStarter(c -> CharClasses.triggers((char) c, CharClasses.T_CLEAN))
                ? this.conversion.withoutNormalization() : null;
        this.protectsDescriptions = this.conversion == null || IntStream.rangeClosed(0x2FF0, 0x2FFF)
                .noneMatch(c -> this.conversion.anyStageStartsKey((char) c));
        this.conversionKeepsPunctuation = bundled;
        this.convertToFixedPoint = conversion != null && !stable;
        this.style = Objects.requireNonNull(style, "style");
        this.numerals = Objects.requireNonNull(numerals, "numerals");
        this.spacing = Objects.requireNonNull(spacing, "spacing");
        this.indent = Objects.requireNonNull(indent, "indent");
        this.userTerms = protectedTerms.isEmpty() ? UserTerms.NONE : new UserTerms(protectedTerms);
        this.speller = numerals == Numerals.ARABIC_TO_CHINESE ? new NumberSpeller() : null;
        this.maxPiece = maxPiece;
        this.decided = spacing != Spacing.AUTO ? null : new NormalizationPipeline[] {
            new NormalizationPipeline(conversion, bundled, stable, style, numerals, Spacing.NONE, indent, protectedTerms, maxPiece),
            new NormalizationPipeline(conversion, bundled, stable, style, numerals, Spacing.PANGU, indent, protectedTerms, maxPiece),
            new NormalizationPipeline(conversion, bundled, stable, style, numerals, Spacing.KEEP, indent, protectedTerms, maxPiece)};
    }

    /**
     * @param conversion the compiled conversion, or {@code null} for none
     * @param bundled whether the conversion is a bundled preset, whose dictionaries map Han
     *     characters only (so a line's punctuation and numeral triggers need no second look after it)
     * @param protectedTerms terms that come through verbatim (non-empty, without line terminators)
     * @return the engine
     */
    public static NormalizationPipeline of(Pipeline conversion, boolean bundled, Style style, Numerals numerals,
                                           Spacing spacing, Indent indent, List<String> protectedTerms) {
        return of(conversion, bundled, false, style, numerals, spacing, indent, protectedTerms);
    }

    /**
     * @param stable whether the conversion (with its one-char chains closed) is known to leave its
     *     own output unchanged (t2cn, checked by a test over all its keys); otherwise OpenCC's
     *     phrase-level chains (hk2s: 么麼 → 幺麽 → 幺么) make the normalizer convert each changed run
     *     again until it stops changing, which costs a second pass over changed text
     */
    public static NormalizationPipeline of(Pipeline conversion, boolean bundled, boolean stable, Style style,
                                           Numerals numerals, Spacing spacing, Indent indent, List<String> protectedTerms) {
        return new NormalizationPipeline(conversion, bundled, stable, style, numerals, spacing, indent,
                List.copyOf(protectedTerms), LineSplitter.MAX_PIECE);
    }

    boolean convertToFixedPoint() {
        return convertToFixedPoint;
    }

    /** The same engine with a smaller piece bound, so tests can exercise long lines cheaply. */
    NormalizationPipeline withMaxPiece(int max) {
        return new NormalizationPipeline(conversion, conversionKeepsPunctuation, !convertToFixedPoint, style, numerals,
                spacing, indent, userTerms.terms(), max);
    }

    boolean conversionKeepsPunctuation() {
        return conversionKeepsPunctuation;
    }

    Pipeline conversion() {
        return conversion;
    }

    /** @return whether complete ideographic description sequences are protected spans (see the field) */
    boolean protectsDescriptions() {
        return protectsDescriptions;
    }

    /** @return the conversion for lines without {@link CharClasses#T_CLEAN} chars, or {@code null} to use {@link #conversion} */
    Pipeline lightConversion() {
        return lightConversion;
    }

    Style style() {
        return style;
    }

    Numerals numerals() {
        return numerals;
    }

    Spacing spacing() {
        return spacing;
    }

    Indent indent() {
        return indent;
    }

    UserTerms userTerms() {
        return userTerms;
    }

    NumberSpeller speller() {
        return speller;
    }

    // ---- spacing=auto (S8): decide, then run the engine of the decided spacing ----------------------

    /** How much of a text spacing=auto reads: the same prefix for whole texts and streams. */
    public static final int AUTO_PREFIX = 65_536;

    /**
     * How many non-blank chars of that prefix, normalized with spacing=keep, S8 counts the
     * boundaries of: a quarter of the prefix, so that a text whose first run made it longer or
     * shorter still holds that many in the same prefix on a second run, unless more than three
     * quarters of it is blank or goes away in normalization (half was not enough for a line of
     * {@code 好......}, which P8 makes {@code 好……}: 7 chars to 3). 16,384 chars hold thousands of
     * boundaries in a text that has any.
     */
    public static final int AUTO_COUNTED = AUTO_PREFIX / 4;

    /**
     * The S8 decision for a text, from its first {@link #AUTO_PREFIX} chars, or the fixed spacing of
     * this engine. The boundaries are counted on that prefix normalized with spacing=keep, among its
     * first {@link #AUTO_COUNTED} non-blank chars: every other rule has then done its work, and
     * S4/S6 only move spaces, so a normalized text has the same boundaries there, each moved
     * towards the decision, and decides the same again (idempotence).
     */
    public SpacingDecision decideSpacing(CharSequence text) {
        if (spacing != Spacing.AUTO) {
            return new SpacingDecision(spacing, false, 0, 0);
        }
        return keepPass(text).decision();
    }

    /**
     * The decision pass of spacing=auto: {@code text[0, prefixEnd)} normalized with spacing=keep,
     * its boundaries counted, its lines kept for the pass with the decided spacing.
     *
     * @param marks for document prose, the {@link ProseMarks} of the whole text; else {@code null}
     * @param wholeText whether {@code text[0, prefixEnd)} is all of the text
     */
    public KeptPrefix keepPass(CharSequence text, int prefixEnd, byte[] marks, boolean wholeText) {
        if (spacing != Spacing.AUTO) {
            throw new IllegalStateException("only spacing=auto decides");
        }
        NormalizationPipeline keep = decided[2];
        char[] a = new char[prefixEnd];
        Driver.copy(text, 0, prefixEnd, a);
        CharBuf out = new CharBuf(prefixEnd + (prefixEnd >> 4) + 16);
        KeptPrefix.Recorder recorder = new KeptPrefix.Recorder();
        new NormalizationRun(keep, out, keep.newSplitter(), null, marks == null ? null : Arrays.copyOf(marks, prefixEnd),
                null, recorder).push(a, 0, prefixEnd, true);
        return recorder.build(out, a, prefixEnd, wholeText);
    }

    /** The decision pass over the first {@link #AUTO_PREFIX} chars of a plain text. */
    private KeptPrefix keepPass(CharSequence text) {
        return keepPass(text, Math.min(text.length(), AUTO_PREFIX), null, text.length() <= AUTO_PREFIX);
    }

    /**
     * The engine for {@code text}: this one when its spacing is fixed, else the S8 decision's, which
     * in its one run from the text's start takes over the lines of the decision pass that its
     * spacing leaves as they are.
     */
    private Engine decidedFor(CharSequence text) {
        if (spacing != Spacing.AUTO) {
            return this;
        }
        KeptPrefix kept = keepPass(text);
        return new FromKeptPrefix(decided(kept.decision()), kept);
    }

    /** The decided engine for {@code text}, for the entry points that cut it or record (no lines taken over). */
    private NormalizationPipeline decidedEngine(CharSequence text) {
        return spacing == Spacing.AUTO ? decided(decideSpacing(text)) : this;
    }

    /** A stream's engine, what is left to read of it, and the decision pass's lines (or {@code null}). */
    private record Decided(NormalizationPipeline engine, Reader in, KeptPrefix kept) {
    }

    /** For a stream: spacing=auto reads its first {@link #AUTO_PREFIX} chars to decide, and they are read again after. */
    private Decided decidedFor(Reader in) throws IOException {
        if (spacing != Spacing.AUTO) {
            return new Decided(this, in, null);
        }
        PrefixedReader prefixed = PrefixedReader.read(in, AUTO_PREFIX);
        CharSequence prefix = prefixed.prefix();
        KeptPrefix kept = keepPass(prefix, prefix.length(), null, prefix.length() < AUTO_PREFIX);
        return new Decided(decided(kept.decision()), prefixed, kept);
    }

    /** @return the engine that applies a decision (this one when its spacing is fixed) */
    public NormalizationPipeline decided(SpacingDecision decision) {
        if (spacing != Spacing.AUTO) {
            return this;
        }
        return switch (decision.spacing()) {
            case NONE -> decided[0];
            case PANGU -> decided[1];
            default -> decided[2];
        };
    }

    /**
     * @return the normalized text; {@code text} itself when it is a String that nothing changes
     */
    public String normalize(CharSequence text) {
        return Driver.apply(decidedFor(text), text);
    }

    /** Appends the normalized text to {@code out}. */
    public void normalize(CharSequence text, Appendable out) {
        Driver.apply(decidedFor(text), text, out);
    }

    /** @return whether {@link #normalize(CharSequence)} leaves the text as it is, checked chunk by chunk */
    public boolean isNormalized(CharSequence text) {
        return Driver.isUnchanged(decidedFor(text), text);
    }

    /**
     * Normalizes a large text on {@code executor} in pieces cut at line starts, as
     * {@link Driver#apply(Engine, CharSequence, Executor)} does; the result equals
     * {@link #normalize(CharSequence)}. Inside a fenced code block the pieces go serially.
     */
    public String normalize(CharSequence text, Executor executor) {
        return Driver.apply(decidedEngine(text), text, executor);
    }

    // ---- documents (spec §9): the prose of a Markdown or HTML block, its markup marked -----------------

    /**
     * Normalizes the prose of a document block (see {@code dev.zhnorm.internal.document}): chars
     * marked in {@code marks} (inline code, HTML tags, math) come through verbatim and look like
     * Latin text to their neighbours; a line is never taken for a code fence. Spacing must be decided.
     */
    public String normalizeProse(String text, byte[] marks) {
        return normalizeProse(text, marks, null);
    }

    /**
     * {@link #normalizeProse(String, boolean[])} that takes over the lines of the decision pass
     * ({@link #keepPass}) over the same text and marks that this engine's spacing leaves as they are.
     *
     * @param kept that pass, or {@code null}
     */
    public String normalizeProse(String text, byte[] marks, KeptPrefix kept) {
        Objects.requireNonNull(marks, "marks");
        String known = kept == null ? null : kept.wholeOutput(spacing, text);
        if (known != null) {
            return known;
        }
        CharBuf out = new CharBuf(text.length() + (text.length() >> 4) + 16);
        runWholeText(text, new NormalizationRun(this, out, newSplitter(), null, marks, kept, null));
        String result = out.toString();
        return result.equals(text) ? text : result;
    }

    /** {@link #normalizeProse} with every change recorded. */
    public Explanation explainProse(String text, byte[] marks) {
        Objects.requireNonNull(marks, "marks");
        NormalizationRun run = new NormalizationRun(this, new CharBuf(text.length() + 16), newSplitter(),
                new EditLog(), marks);
        runWholeText(text, run);
        return explanation(text, new Explained(run.out().toString(), run.edits()));
    }

    /** {@code marks} cover the whole text: the run reads it in one push, in place. */
    private static void runWholeText(String text, NormalizationRun run) {
        char[] a = text.toCharArray();
        run.push(a, 0, a.length, true);
    }

    /**
     * Streams {@code in} to {@code out} in memory bounded by {@link LineSplitter#MAX_PIECE}; the
     * output equals {@link #normalize(CharSequence)} of the whole input. Neither stream is closed.
     */
    public void normalize(Reader in, Writer out) throws IOException {
        normalize(in, out, newSplitter());
    }

    /** {@link #normalize(Reader, Writer)} with the given splitter, whose work a test can count. */
    void normalize(Reader in, Writer out, LineSplitter split) throws IOException {
        Objects.requireNonNull(out, "out");
        Decided d = decidedFor(Objects.requireNonNull(in, "in"));
        Driver.stream(new NormalizationRun(d.engine(), new CharBuf(8192), split, null, null, d.kept(), null), d.in(), out);
    }

    /**
     * Streams on several threads, as {@link Driver#apply(Engine, Reader, Writer, Executor)}
     * describes: blocks cut at line starts; the output equals {@link #normalize(CharSequence)}.
     */
    public void normalize(Reader in, Writer out, Executor executor) throws IOException {
        Objects.requireNonNull(out, "out");
        Decided d = decidedFor(Objects.requireNonNull(in, "in"));
        Driver.apply(d.engine(), d.in(), out, executor);
    }

    /**
     * @return the output (equal to {@link #normalize(CharSequence)}), every change with its rule id
     *     or dictionary, and the output-to-input offset map
     */
    public Explanation explain(CharSequence text) {
        return explanation(text, Driver.explain(decidedEngine(text), text, false));
    }

    /**
     * Normalizes like {@link #normalize(CharSequence)} and reports the length-changing changes of
     * {@link #explain(CharSequence)}, from a lean log: no change texts or rule names are built.
     *
     * @return the normalized text; {@code text} itself when it is a String that nothing changes
     */
    public String normalize(CharSequence text, LengthChangeListener lengthChanges) {
        Explained r = Driver.explain(decidedEngine(text), text, true);
        r.log().forEachLengthChange(lengthChanges);
        return text instanceof String s && r.output().equals(s) ? s : r.output();
    }

    private static Explanation explanation(CharSequence text, Explained r) {
        String s = text.toString();
        List<Change> changes = r.log().toChanges(s, r.output());
        return new Explanation(s, r.output(), changes, OffsetMap.of(changes));
    }

    private LineSplitter newSplitter() {
        return new LineSplitter(maxPiece, conversion);
    }

    // ---- the engine the Driver runs (spacing decided) ------------------------------------------------

    @Override
    public Transducer newRun(CharBuf out) {
        return new NormalizationRun(decidedSelf(), out, newSplitter(), null, null);
    }

    /** Each line's edits join the log as the line is written. */
    @Override
    public boolean logsAsItWrites() {
        return true;
    }

    @Override
    public Transducer newRecordingRun(CharBuf out, boolean lean) {
        return new NormalizationRun(decidedSelf(), out, newSplitter(), lean ? EditLog.lean() : new EditLog(), null);
    }

    private NormalizationPipeline decidedSelf() {
        if (spacing == Spacing.AUTO) {
            throw new IllegalStateException("spacing=auto: decide the spacing first (decided(decideSpacing(text)))");
        }
        return this;
    }

    /** With protected terms any line may change (they are marked before any rule looks); else the first trigger char. */
    @Override
    public int firstChangeCandidate(CharSequence s) {
        if (!userTerms.isEmpty()) {
            return 0;
        }
        return LineProcessor.firstTrigger(s);
    }

    /**
     * Lines are normalized apart, so a line start after {@code \n} is safe, but for one state that
     * crosses lines, a fenced code block, which the runs report ({@link Transducer#carriesState()}).
     */
    @Override
    public boolean isSafeCut(char[] a, int i) {
        return a[i - 1] == '\n';
    }

    @Override
    public int preferredCut() {
        return '\n';
    }

    @Override
    public String toString() {
        return "style=" + style.id() + ", numerals=" + numerals.id() + ", spacing=" + spacing.id()
                + ", indent=" + indent.id();
    }

    /**
     * A decided engine whose one run, from the start of the text that {@code kept} was made from,
     * takes over the kept lines. It never lets a text be cut (a run from elsewhere would misread
     * the kept lines' positions), and recording runs normalize every line themselves.
     */
    private record FromKeptPrefix(NormalizationPipeline engine, KeptPrefix kept) implements Engine {
        /**
         * The kept output when the run would take over every line of {@code text}, as a short
         * text's run does when it decides keep.
         */
        @Override
        public String knownOutput(CharSequence text) {
            return kept.wholeOutput(engine.spacing, text);
        }

        @Override
        public Transducer newRun(CharBuf out) {
            return new NormalizationRun(engine, out, engine.newSplitter(), null, null, kept, null);
        }

        @Override
        public Transducer newRecordingRun(CharBuf out, boolean lean) {
            return engine.newRecordingRun(out, lean);
        }

        @Override
        public boolean logsAsItWrites() {
            return engine.logsAsItWrites();
        }

        @Override
        public int firstChangeCandidate(CharSequence s) {
            return engine.firstChangeCandidate(s);
        }

        @Override
        public boolean isSafeCut(char[] a, int i) {
            return false;
        }

        @Override
        public int preferredCut() {
            return -1;
        }
    }
}
