package dev.zhnorm.internal.normalize;

import dev.zhnorm.normalize.Numerals;
import dev.zhnorm.normalize.Spacing;
import dev.zhnorm.normalize.Indent;

import dev.zhnorm.internal.EditLog;
import dev.zhnorm.internal.IdeographicDescription;

/**
 * Runs the pipeline of spec §0 on one line (or one piece of a long line): user terms, U/S0/W
 * cleanup, protected spans, conversion, P, N, S. Each stage runs only if the line holds a char that
 * can trigger it, so a line with nothing to do costs one table look-up per char. Keeps the state
 * that crosses lines (inside a fenced code block or not). One per call or stream; not thread-safe.
 */
final class LineProcessor {
    /** Trigger bits that can make some stage change a line; digits and letters alone cannot. */
    private static final int WORK = ~(CharClasses.T_DIGIT | CharClasses.T_LETTER);
    /** Bound on the rounds of conversion, P, N and S (normally one; a second when S joined text). */
    private static final int MAX_ROUNDS = 3;

    private final NormalizationPipeline settings;
    private final LineWork work;
    private final ConversionStep conversion;
    private final PunctuationRules punctuation;
    private final NumeralRules numerals;
    private final WhitespaceRules whitespace;
    private final Sweep cleanupKeepIndent;
    private final Sweep cleanup;
    private final Sweep convert;

    /** The trigger bits of the line that {@link #convert} is about to convert. */
    private int convertMask;
    private boolean inFence;
    /** For document prose: the {@link ProseMarks} of the whole text; else {@code null}. */
    private byte[] marks;
    private char fenceChar;
    private int fenceLength;

    /**
     * @param record whether to record the edits
     * @param lean whether the recorded logs are {@linkplain EditLog#lean() lean}
     * @param probeSpacing for a spacing=keep pass whose lines a decided pass takes over: note where
     *     the other spacings would have edited ({@link #sameUnder})
     */
    LineProcessor(NormalizationPipeline settings, boolean record, boolean lean, boolean probeSpacing) {
        this.settings = settings;
        this.work = new LineWork(record, lean);
        this.conversion = settings.conversion() == null ? null
                : new ConversionStep(settings.conversion(), settings.lightConversion(), settings.convertToFixedPoint());
        this.convert = conversion == null ? null : (src, dst, ed, log) -> conversion.apply(src, dst, log, convertMask);
        this.punctuation = new PunctuationRules(settings.style());
        this.numerals = new NumeralRules(settings.numerals(), settings.speller());
        this.whitespace = new WhitespaceRules(settings.spacing(), settings.indent(), probeSpacing);
        boolean numeralWidth = settings.numerals() != Numerals.KEEP;
        this.cleanupKeepIndent = (src, dst, ed, log) -> Cleanup.apply(src, dst, ed, log, true, numeralWidth);
        this.cleanup = (src, dst, ed, log) -> Cleanup.apply(src, dst, ed, log, false, numeralWidth);
    }

    /**
     * Switches to document prose (spec §9): {@code proseMarks[i]} tells whether a char of the whole
     * text comes through verbatim ({@link ProseMarks}), and no line opens a code fence (the parser
     * found the real ones).
     */
    void documentProse(byte[] proseMarks) {
        this.marks = proseMarks;
    }

    /**
     * @return the index of the first char of {@code s} that can make some stage change a line, or
     *     its length: a line without one comes through as it is (protected terms aside)
     */
    static int firstTrigger(CharSequence s) {
        int n = s.length();
        int i = 0;
        while (i < n && !CharClasses.triggers(s.charAt(i), WORK)) {
            i++;
        }
        return i;
    }

    /** @return whether the last line left a fenced code block open: the lines that follow are code */
    boolean inFence() {
        return inFence;
    }

    /** @return the normalized text of the last line that {@link #process} reported changed */
    Line result() {
        return work.current();
    }

    /**
     * Whether the last line comes out the same under {@code other} spacing as under keep, which it
     * went through with spacing probed: S4 and S6 are the only rules that differ, and where no sweep
     * of the line would have applied them every stage saw the same input in every round (spec S8's
     * decision pass lends its lines to the decided pass).
     */
    boolean sameUnder(Spacing other) {
        if (!whitespace.probes()) {
            throw new IllegalStateException("spacing was not probed");
        }
        return whitespace.sameUnder(other);
    }

    /**
     * For a pass that probes spacing: whether lines look for S6's places (else each line with Han
     * counts as one pangu may change).
     */
    void probePangu(boolean probe) {
        whitespace.probePangu(probe);
    }

    /** @return the edits of the last processed line, when recording */
    EditLog log() {
        return work.log();
    }

    /**
     * Normalizes {@code a[from,to)}, a line without its terminator or a piece of a long line.
     *
     * @param first whether the text starts a line
     * @param last whether the text ends a line
     * @param keepNonEmpty whether the line sits between a lone {@code \r} and a {@code \n}: emptying
     *     it would join the two terminators into one {@code \r\n}, so it is then left as it is
     * @return whether it changed; the new text is then in {@link #result()}
     */
    boolean process(char[] a, int from, int to, boolean first, boolean last, boolean keepNonEmpty) {
        boolean changed = normalize(a, from, to, first, last);
        return changed && !(keepNonEmpty && work.current().n == 0);
    }

    private boolean normalize(char[] a, int from, int to, boolean first, boolean last) {
        whitespace.startLine();
        boolean whole = first && last && marks == null;
        if (inFence) {
            if (whole && closesFence(a, from, to)) {
                inFence = false;
            }
            return false; // fenced code comes through verbatim
        }
        int mask = CharClasses.classify(a, from, to);
        UserTerms terms = settings.userTerms();
        if ((mask & WORK) == 0 && terms.isEmpty()) {
            return false;
        }
        work.reset(a, from, to);
        Line line = work.current();
        boolean changed = false;
        if (!terms.isEmpty()) {
            terms.mark(line);
        }
        if (marks != null) {
            markFixed(line, from, to);
        }
        if ((mask & (CharClasses.T_CLEAN | CharClasses.T_N1)) != 0) {
            boolean keepIndent = first && settings.indent() == Indent.KEEP;
            if (work.run(keepIndent ? cleanupKeepIndent : cleanup)) {
                changed = true;
                line = work.current();
                mask = CharClasses.classify(line.c, 0, line.n);
            }
        }
        if (whole && opensFence(line)) {
            inFence = true;
            return changed;
        }
        boolean alnumSpan = (mask & CharClasses.T_SPAN) != 0 && (mask & (CharClasses.T_DIGIT | CharClasses.T_LETTER)) != 0;
        if (alnumSpan || (mask & CharClasses.T_SPAN_START) != 0) {
            ProtectedSpans.detect(line, mask);
        }
        if ((mask & CharClasses.T_IDS) != 0 && settings.protectsDescriptions()) {
            markDescriptions(line);
        }
        boolean hasHan = (mask & (CharClasses.T_HAN | CharClasses.T_SURROGATE)) != 0 && line.hasHan();
        // Whitespace rules run last but can join what they separated (一百 人 → 一百人, 5 个 → 5个):
        // while they change something, the later stages run again, as a second normalization would.
        for (int round = 0; round < MAX_ROUNDS; round++) {
            if (round > 0) {
                line = work.current();
                mask = CharClasses.classify(line.c, 0, line.n);
            }
            convertMask = mask;
            if (hasHan && convert != null && work.run(convert)) {
                changed = true;
                line = work.current();
                if (!settings.conversionKeepsPunctuation()) {
                    mask = CharClasses.classify(line.c, 0, line.n);
                }
            }
            if (hasHan) {
                if ((mask & CharClasses.T_PUNCT) != 0) {
                    changed |= punctuation.applyHan(work);
                }
            } else if ((mask & CharClasses.T_P12) != 0) {
                changed |= punctuation.applyLatin(work);
            }
            if (numerals.apply(work, mask, hasHan)) {
                changed = true;
                if (hasHan && !work.current().hasHan()) {
                    // N2 turned the line's last Han into digits (百分之七 → 7%): the next run would
                    // treat it as a line without Han, so the rest of this one does too.
                    hasHan = false;
                    Line now = work.current();
                    if ((CharClasses.classify(now.c, 0, now.n) & CharClasses.T_P12) != 0) {
                        punctuation.applyLatin(work);
                    }
                } else if (hasHan) {
                    // N can create Han context for P (N3 spells digits, the 〇 fix makes ○ into Han 〇):
                    // let P see it now, as the next run would, so that normalizing twice changes nothing.
                    punctuation.applyHan(work);
                }
            }
            boolean hanSweep = whitespace.sweepsWithoutWhitespace(hasHan); // always asked: it notes what it skips
            boolean sweeps = hanSweep || (mask & CharClasses.T_SPACE) != 0;
            boolean spaced = sweeps && whitespace.apply(work, hasHan, first, last);
            changed |= spaced;
            if (!spaced || !hasHan) {
                break;
            }
        }
        return changed;
    }

    /**
     * Marks each complete ideographic description sequence on free chars as a span: conversion keeps
     * it whole, and no later rule may reshape it.
     */
    private static void markDescriptions(Line line) {
        char[] c = line.c;
        byte[] k = line.k;
        int n = line.n;
        byte code = SpanKind.DESCRIPTION.code();
        int i = 0;
        while (i < n) {
            int len = k[i] == 0 && IdeographicDescription.isOperator(c[i])
                    ? IdeographicDescription.length(c, i, n, true) : 0;
            if (len <= 0 || !allFree(k, i, i + len)) {
                i++;
                continue;
            }
            k[i] = (byte) (code | SpanKind.START);
            for (int j = i + 1; j < i + len; j++) {
                k[j] = code;
            }
            i += len;
        }
    }

    private static boolean allFree(byte[] k, int from, int to) {
        for (int i = from; i < to; i++) {
            if (k[i] != 0) {
                return false;
            }
        }
        return true;
    }

    /** Marks the verbatim chars of document prose as spans: markup as code (a word), kept text as the user's terms. */
    private void markFixed(Line line, int from, int to) {
        byte previous = ProseMarks.FREE;
        for (int i = from; i < to; i++) {
            byte mark = marks[i];
            if (mark != ProseMarks.FREE) {
                byte code = mark == ProseMarks.KEPT ? SpanKind.USER.code() : SpanKind.CODE.code();
                line.k[i - from] = mark == previous ? code : (byte) (code | SpanKind.START);
            }
            previous = mark;
        }
    }

    /** A Markdown fence: up to three spaces, then three or more backticks (no backtick after) or tildes. */
    private boolean opensFence(Line line) {
        char[] c = line.c;
        int n = line.n;
        int i = 0;
        while (i < n && i < 3 && c[i] == ' ') {
            i++;
        }
        if (i >= n || (c[i] != '`' && c[i] != '~')) {
            return false;
        }
        char ch = c[i];
        int j = i;
        while (j < n && c[j] == ch) {
            j++;
        }
        if (j - i < 3) {
            return false;
        }
        if (ch == '`') {
            for (int k = j; k < n; k++) {
                if (c[k] == '`') {
                    return false;
                }
            }
        }
        fenceChar = ch;
        fenceLength = j - i;
        return true;
    }

    private boolean closesFence(char[] a, int from, int to) {
        int i = from;
        while (i < to && i - from < 3 && a[i] == ' ') {
            i++;
        }
        int j = i;
        while (j < to && a[j] == fenceChar) {
            j++;
        }
        if (j - i < fenceLength) {
            return false;
        }
        while (j < to && (a[j] == ' ' || a[j] == '\t')) {
            j++;
        }
        return j == to;
    }
}
