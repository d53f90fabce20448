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
import dev.zhnorm.internal.EditLog;
import dev.zhnorm.internal.Pipeline;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.List;
import java.util.Objects;

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
public final class NormalizationPipeline {
    private final Pipeline conversion;
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

    /** How much of a text spacing=auto looks at: the same prefix for whole texts and streams. */
    public static final int AUTO_PREFIX = 65_536;

    /**
     * The S8 decision for a text, from its first {@link #AUTO_PREFIX} chars, or the fixed spacing of
     * this engine. The boundaries are counted on that prefix normalized with spacing=keep: every
     * other rule has then done its work, and S4/S6 only move boundaries towards the decision, so
     * the normalized text decides the same again (idempotence).
     */
    public SpacingDecision decideSpacing(CharSequence text) {
        if (spacing != Spacing.AUTO) {
            return new SpacingDecision(spacing, false, 0, 0);
        }
        CharSequence prefix = text.length() <= AUTO_PREFIX ? text : text.subSequence(0, AUTO_PREFIX);
        return countBoundaries(decided[2].normalize(prefix));
    }

    /** @return the S8 decision from the boundaries of an already normalized (spacing=keep) text */
    public static SpacingDecision countBoundaries(CharSequence keepNormalized) {
        SpacingCounter counter = new SpacingCounter();
        counter.add(keepNormalized, 0, keepNormalized.length());
        return SpacingDecision.of(counter.spaced(), counter.unspaced());
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
        if (spacing == Spacing.AUTO) {
            return decided(decideSpacing(text)).normalize(text);
        }
        return normalizeWith(text.toString(), null);
    }

    // ---- documents (spec §9): the prose of a Markdown or HTML block, its markup marked fixed ----------

    /**
     * Normalizes the prose of a document block (see {@code dev.zhnorm.internal.document}): chars
     * marked in {@code fixed} (inline code, HTML tags, math) come through verbatim and look like
     * Latin text to their neighbours; a line is never taken for a code fence. Spacing must be decided.
     */
    public String normalizeProse(String text, boolean[] fixed) {
        return normalizeWith(text, Objects.requireNonNull(fixed, "fixed"));
    }

    /** {@link #normalizeProse} with every change recorded. */
    public Explanation explainProse(String text, boolean[] fixed) {
        return explainWith(text, Objects.requireNonNull(fixed, "fixed"));
    }

    private String normalizeWith(String s, boolean[] fixed) {
        int n = s.length();
        char[] a = s.toCharArray();
        LineProcessor p = null;
        LineSplitter split = new LineSplitter(maxPiece, conversion);
        Line out = null;
        boolean first = true;
        boolean afterLoneCr = false;
        int pos = 0;
        while (split.next(a, pos, n, true)) {
            if (p == null) {
                p = new LineProcessor(this, false);
                p.documentProse(fixed);
            }
            if (p.process(a, pos, split.pieceEnd, first, split.lineEnd, keepsLinesApart(afterLoneCr, a, split))) {
                if (out == null) {
                    out = new Line(0);
                    out.ensure(n + (n >> 4) + 16);
                    out.appendChars(a, 0, pos);
                }
                Line r = p.result();
                out.appendChars(r.c, 0, r.n);
            } else if (out != null) {
                out.appendChars(a, pos, split.pieceEnd);
            }
            if (out != null) {
                out.appendChars(a, split.pieceEnd, split.nextStart);
            }
            first = split.lineEnd;
            afterLoneCr = endsWithLoneCr(a, split);
            pos = split.nextStart;
        }
        return out == null ? s : out.toString();
    }

    /**
     * Streams {@code in} to {@code out} in memory bounded by {@link LineSplitter#MAX_PIECE}; the
     * output equals {@link #normalize(CharSequence)} of the whole input. Neither stream is closed.
     */
    public void normalize(Reader in, Writer out) throws IOException {
        normalize(in, out, new LineSplitter(maxPiece, conversion));
    }

    /** {@link #normalize(Reader, Writer)} with the given splitter, whose work a test can count. */
    void normalize(Reader in, Writer out, LineSplitter split) throws IOException {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(out, "out");
        if (spacing == Spacing.AUTO) {
            PrefixedReader prefixed = PrefixedReader.read(in, AUTO_PREFIX);
            decided(decideSpacing(prefixed.prefix())).normalize(prefixed, out);
            return;
        }
        char[] buf = new char[2 * maxPiece + 8192];
        char[] outBuf = new char[8192];
        int outLen = 0;
        LineProcessor p = new LineProcessor(this, false);
        int pos = 0;
        int limit = 0;
        boolean eof = false;
        boolean first = true;
        boolean afterLoneCr = false;
        while (true) {
            while (split.next(buf, pos, limit, eof)) {
                char[] src;
                int from;
                int len;
                if (p.process(buf, pos, split.pieceEnd, first, split.lineEnd, keepsLinesApart(afterLoneCr, buf, split))) {
                    Line r = p.result();
                    src = r.c;
                    from = 0;
                    len = r.n;
                } else {
                    src = buf;
                    from = pos;
                    len = split.pieceEnd - pos;
                }
                int term = split.nextStart - split.pieceEnd;
                if (outLen + len + term > outBuf.length) {
                    out.write(outBuf, 0, outLen);
                    outLen = 0;
                    if (len + term > outBuf.length) {
                        outBuf = new char[len + term + 8192];
                    }
                }
                System.arraycopy(src, from, outBuf, outLen, len);
                outLen += len;
                System.arraycopy(buf, split.pieceEnd, outBuf, outLen, term);
                outLen += term;
                first = split.lineEnd;
                afterLoneCr = endsWithLoneCr(buf, split);
                pos = split.nextStart;
            }
            if (eof) {
                break;
            }
            if (pos > 0) {
                System.arraycopy(buf, pos, buf, 0, limit - pos);
                limit -= pos;
                split.shift(pos);
                pos = 0;
            }
            int r = in.read(buf, limit, buf.length - limit);
            if (r < 0) {
                eof = true;
            } else {
                limit += r;
            }
        }
        out.write(outBuf, 0, outLen);
    }

    /**
     * @return the output (equal to {@link #normalize(CharSequence)}), every change with its rule id
     *     or dictionary, and the output-to-input offset map
     */
    public Explanation explain(CharSequence text) {
        if (spacing == Spacing.AUTO) {
            return decided(decideSpacing(text)).explain(text);
        }
        return explainWith(text.toString(), null);
    }

    /**
     * Normalizes like {@link #normalize(CharSequence)} and reports the length-changing changes of
     * {@link #explain(CharSequence)}, from a lean log: no change texts or rule names are built.
     *
     * @return the normalized text; {@code text} itself when it is a String that nothing changes
     */
    public String normalize(CharSequence text, LengthChangeListener lengthChanges) {
        if (spacing == Spacing.AUTO) {
            return decided(decideSpacing(text)).normalize(text, lengthChanges);
        }
        String s = text.toString();
        Aligned r = align(s, null, true);
        r.log().forEachLengthChange(lengthChanges);
        return r.output().equals(s) ? s : r.output();
    }

    private Explanation explainWith(String s, boolean[] fixed) {
        Aligned r = align(s, fixed, false);
        List<Change> changes = r.log().toChanges(s, r.output());
        return new Explanation(s, r.output(), changes, OffsetMap.of(changes));
    }

    /** A normalized text and the log that aligns it with the input. */
    private record Aligned(String output, EditLog log) {
    }

    /** The one recording walk over the lines, behind both explain and the lean path. */
    private Aligned align(String s, boolean[] fixed, boolean lean) {
        int n = s.length();
        char[] a = s.toCharArray();
        LineProcessor p = new LineProcessor(this, true, lean);
        p.documentProse(fixed);
        LineSplitter split = new LineSplitter(maxPiece, conversion);
        StringBuilder out = new StringBuilder(n + 16);
        EditLog all = lean ? EditLog.lean() : new EditLog();
        boolean first = true;
        boolean afterLoneCr = false;
        int pos = 0;
        while (split.next(a, pos, n, true)) {
            if (p.process(a, pos, split.pieceEnd, first, split.lineEnd, keepsLinesApart(afterLoneCr, a, split))) {
                Line r = p.result();
                all.addAllShifted(p.log(), pos, out.length());
                out.append(r.c, 0, r.n);
            } else {
                out.append(a, pos, split.pieceEnd - pos);
            }
            out.append(a, split.pieceEnd, split.nextStart - split.pieceEnd);
            first = split.lineEnd;
            afterLoneCr = endsWithLoneCr(a, split);
            pos = split.nextStart;
        }
        return new Aligned(out.toString(), all);
    }

    /**
     * @return whether the piece follows a lone {@code \r} and ends with {@code \n}, so
     *     that it must not become empty (the terminators would merge into one {@code \r\n})
     */
    private static boolean keepsLinesApart(boolean afterLoneCr, char[] a, LineSplitter split) {
        return afterLoneCr && split.nextStart - split.pieceEnd == 1 && a[split.pieceEnd] == '\n';
    }

    private static boolean endsWithLoneCr(char[] a, LineSplitter split) {
        return split.nextStart - split.pieceEnd == 1 && a[split.pieceEnd] == '\r';
    }

    @Override
    public String toString() {
        return "style=" + style.id() + ", numerals=" + numerals.id() + ", spacing=" + spacing.id()
                + ", indent=" + indent.id();
    }
}
