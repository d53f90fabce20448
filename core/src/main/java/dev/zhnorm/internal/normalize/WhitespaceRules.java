package dev.zhnorm.internal.normalize;

import dev.zhnorm.normalize.Spacing;
import dev.zhnorm.normalize.Indent;

import dev.zhnorm.internal.EditLog;

import static dev.zhnorm.internal.normalize.CharClasses.isCp;
import static dev.zhnorm.internal.normalize.CharClasses.isHan;
import static dev.zhnorm.internal.normalize.CharClasses.isHanBmp;
import static dev.zhnorm.internal.normalize.CharClasses.isHanOrCp;
import static dev.zhnorm.internal.normalize.CharClasses.isSpace;

/**
 * The S rules (spec §4) after punctuation and numerals, one sweep over the whitespace runs of a
 * line: S1 trailing, S2 leading (indent=strip), S3 around Chinese punctuation, S4 or S6 between Han
 * and Latin, S5 between two Han characters, and the second half of S0 (a U+3000 that touches
 * neither Han nor Chinese punctuation becomes a space). In a line without Han only S0–S2 apply.
 * Whitespace inside protected spans is never touched. Not thread-safe.
 */
final class WhitespaceRules {
    private final Spacing spacing;
    private final Indent indent;
    /** Whether this keep-spacing sweep notes where pangu or none would have edited (spec S8's decision pass). */
    private final boolean probe;
    private final Sweep sweep = this::sweep;
    /** Since {@link #startLine}: whether S6 (pangu) or S4 (none) would have edited where keep did not. */
    private boolean panguWould;
    private boolean noneWould;
    /** For a probing sweep: whether it looks for S6's places at all ({@link #probePangu}). */
    private boolean probePangu = true;
    private boolean hanLine;
    private boolean lineStart;
    private boolean lineEnd;
    private int prose;

    WhitespaceRules(Spacing spacing, Indent indent) {
        this(spacing, indent, false);
    }

    /** @param probe with spacing=keep, whether to note where the other spacings would edit */
    WhitespaceRules(Spacing spacing, Indent indent, boolean probe) {
        if (probe && spacing != Spacing.KEEP) {
            throw new IllegalArgumentException("only a keep sweep probes the other spacings");
        }
        this.spacing = spacing;
        this.indent = indent;
        this.probe = probe;
    }

    /** @return whether this sweep probes, and so must also run on a Han line without whitespace */
    boolean probes() {
        return probe;
    }

    /** Starts a line: forgets what the sweeps of the previous one would have done under other spacings. */
    void startLine() {
        panguWould = false;
        noneWould = false;
    }

    /**
     * For a probing sweep: whether the lines that follow look for S6's places; a line with Han that
     * does not counts as one pangu may change.
     */
    void probePangu(boolean probe) {
        this.probePangu = probe;
    }

    /**
     * Whether a line with no whitespace needs a sweep all the same: with Han, under pangu or while
     * probing for it. A Han line not probed is noted as one pangu may change.
     *
     * @param hasHan whether the line has Han characters
     */
    boolean sweepsWithoutWhitespace(boolean hasHan) {
        if (!hasHan || (spacing != Spacing.PANGU && !probe)) {
            return false;
        }
        if (probe && !probePangu) {
            panguWould = true;
            return false;
        }
        return true;
    }

    /**
     * Whether the sweeps since {@link #startLine} would have made the same edits under
     * {@code other} spacing. Decisions read the sweep's input only, and S4 and S6 are the only
     * rules that depend on spacing, so where neither would have acted the output is the same.
     */
    boolean sameUnder(Spacing other) {
        return switch (other) {
            case KEEP -> true;
            case NONE -> !noneWould;
            case PANGU -> !panguWould;
            default -> false;
        };
    }

    /**
     * @param hasHan whether the line has Han characters (outside opaque spans)
     * @param first whether the text starts a line (else it continues a cut long line)
     * @param last whether the text ends a line
     */
    boolean apply(LineWork lines, boolean hasHan, boolean first, boolean last) {
        this.hanLine = hasHan;
        this.lineStart = first;
        this.lineEnd = last;
        this.prose = -1;
        return lines.run(sweep);
    }

    private boolean sweep(Line src, Line dst, LineEditor ed, EditLog log) {
        ed.begin(src, dst, log);
        char[] c = src.c;
        int n = src.n;
        // S6 inserts only next to a word, and a line without one has none to space
        boolean pangu = (spacing == Spacing.PANGU || (probe && !panguWould)) && hanLine && Words.anyQualifies(src);
        int i = 0;
        while (i < n) {
            if (!isSpace(c[i]) || !src.free(i)) {
                if (pangu && i > 0 && !isSpace(c[i - 1]) && !Character.isLowSurrogate(c[i]) && mayGap(src, i)) {
                    if (!probe) {
                        panguGap(src, ed, i);
                    } else if (panguGapAt(src, i)) {
                        panguWould = true;
                        pangu = false; // one place settles it
                    }
                }
                i++;
                continue;
            }
            int s = i;
            while (i < n && isSpace(c[i]) && src.free(i)) {
                i++;
            }
            run(src, ed, s, i);
        }
        return ed.finish();
    }

    /**
     * S6 where Han and a word touch without a space. A word (S4 v2) is spaced as one unit with the
     * symbols attached to it ({@code C++}, {@code +886}, {@code $100}, {@code Yahoo!}), a path or a
     * code span included; a space never goes inside a word or a protected span.
     */
    private static void panguGap(Line src, LineEditor ed, int i) {
        if (panguGapAt(src, i)) {
            ed.insert(i, ' ', Rule.S6);
        }
    }

    /**
     * A cheap test before {@link #panguGapAt}: S6 needs Han on one side only, so two BMP chars
     * outside spans that are both Han or both not never need the full test.
     */
    private static boolean mayGap(Line src, int i) {
        char a = src.c[i - 1];
        char b = src.c[i];
        return Character.isSurrogate(a) || Character.isSurrogate(b) || src.k[i - 1] != 0 || src.k[i] != 0
                || isHanBmp(a) != isHanBmp(b);
    }

    /** @return whether S6 puts a space before {@code i}, where Han and a word touch */
    private static boolean panguGapAt(Line src, int i) {
        if (src.k[i] != 0 && (src.k[i] & SpanKind.START) == 0 && src.k[i - 1] != 0) {
            return false; // inside a protected span
        }
        int before = CharClasses.codePointEndingAt(src.c, i - 1, 0);
        int after = CharClasses.codePointAt(src.c, i, src.n);
        boolean hanBefore = !src.opaque(i - 1) && isHan(before);
        boolean hanAfter = !src.opaque(i) && isHan(after);
        if (hanBefore && !hanAfter) {
            return Words.startsWord(src, i);
        }
        return hanAfter && !hanBefore && Words.endsWord(src, i - 1) && !Words.pathRunsIntoHan(src, i - 1);
    }

    /** Decides the whitespace run [s, e). */
    private void run(Line src, LineEditor ed, int s, int e) {
        int n = src.n;
        boolean atStart = s == 0 && lineStart;
        boolean atEnd = e == n && lineEnd;
        if (atEnd) {
            ed.delete(s, e, Rule.S1);
            return;
        }
        if (atStart) {
            if (indent == Indent.STRIP) {
                ed.delete(s, e, Rule.S2);
            }
            return;
        }
        if (s == 0 || e == n) {
            return; // the edge of a piece of a long line: decided by nothing on the other side
        }
        int left = CharClasses.codePointEndingAt(src.c, s - 1, 0);
        int right = CharClasses.codePointAt(src.c, e, n);
        boolean opaqueLeft = src.opaque(s - 1);
        boolean opaqueRight = src.opaque(e);
        int l = opaqueLeft ? CharClasses.OPAQUE : left;
        int r = opaqueRight ? CharClasses.OPAQUE : right;
        if (hanLine) {
            if (e - s == 1 && src.c[s] == '\u3000' && Words.honorificAt(src, e)) {
                return; // S5 v2: the deliberate blank before 神, 上帝, 主 … of Chinese Bible editions
            }
            if (isCp(l) || isCp(r)) {
                ed.delete(s, e, Rule.S3);
                return;
            }
            if (isHan(l) && isHan(r)) {
                if (isProse(src)) {
                    ed.delete(s, e, Rule.S5);
                } else if (e - s > 1 && allAsciiSpaces(src, s, e)) {
                    ed.replace(s, e, ' ', Rule.S5);
                }
                return;
            }
            if (probe) {
                noteOtherSpacings(src, s, e, l, r, opaqueLeft, opaqueRight);
            } else if (spacing == Spacing.NONE) {
                // S4: URL, e-mail, code and path spans keep their distance (v1); other words join.
                boolean wordLeft = !opaqueLeft && Words.endsWord(src, s - 1);
                boolean wordRight = !opaqueRight && Words.startsWord(src, e);
                if ((isHan(l) && wordRight) || (wordLeft && isHan(r))) {
                    ed.delete(s, e, Rule.S4);
                    return;
                }
            } else if (spacing == Spacing.PANGU) {
                if ((isHan(l) && Words.startsWord(src, e)) || (Words.endsWord(src, s - 1) && isHan(r))) {
                    if (e - s != 1 || src.c[s] != ' ') {
                        ed.replace(s, e, ' ', Rule.S6);
                    }
                    return;
                }
            }
        }
        if (!isHanOrCp(l) && !isHanOrCp(r)) {
            for (int j = s; j < e; j++) {
                if (src.c[j] == '\u3000') {
                    ed.replace(j, j + 1, ' ', Rule.S0);
                }
            }
        }
    }

    /** For a keep sweep that probes: whether S4 (none) or S6 (pangu) would have edited the run [s, e). */
    private void noteOtherSpacings(Line src, int s, int e, int l, int r, boolean opaqueLeft, boolean opaqueRight) {
        if (!noneWould && ((isHan(l) && !opaqueRight && Words.startsWord(src, e))
                || (!opaqueLeft && Words.endsWord(src, s - 1) && isHan(r)))) {
            noneWould = true;
        }
        if (!panguWould && (e - s != 1 || src.c[s] != ' ')
                && ((isHan(l) && Words.startsWord(src, e)) || (Words.endsWord(src, s - 1) && isHan(r)))) {
            panguWould = true;
        }
    }

    private static boolean allAsciiSpaces(Line src, int s, int e) {
        for (int j = s; j < e; j++) {
            if (src.c[j] != ' ') {
                return false;
            }
        }
        return true;
    }

    /** Prose line: after P, one of ，。、；？！ outside opaque spans (a colon alone does not count). */
    private boolean isProse(Line src) {
        if (prose < 0) {
            prose = 0;
            for (int i = 0; i < src.n; i++) {
                if ("，。、；？！".indexOf(src.c[i]) >= 0 && !src.opaque(i)) {
                    prose = 1;
                    break;
                }
            }
        }
        return prose == 1;
    }
}
