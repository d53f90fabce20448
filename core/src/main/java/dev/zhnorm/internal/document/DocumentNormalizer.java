package dev.zhnorm.internal.document;

import dev.zhnorm.Change;
import dev.zhnorm.Explanation;
import dev.zhnorm.OffsetMap;
import dev.zhnorm.internal.normalize.KeptPrefix;
import dev.zhnorm.internal.normalize.NormalizationPipeline;
import dev.zhnorm.internal.normalize.ProseMarks;
import dev.zhnorm.normalize.Format;
import dev.zhnorm.normalize.SpacingDecision;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Normalizes a Markdown or HTML document (spec §9): parses it, normalizes the prose of each block
 * with its fixed parts protected, and splices the changes back into the source by position. For
 * spacing=auto the decision (S8) counts the Han–word boundaries of the prose only, in the first
 * {@link NormalizationPipeline#AUTO_PREFIX} chars of prose (among their first
 * {@link NormalizationPipeline#AUTO_COUNTED} non-blank chars, which a second run finds again). Stateless.
 */
public final class DocumentNormalizer {
    private DocumentNormalizer() {
    }

    /** A normalized document: its text, the spacing decided and every change. */
    public record Result(String output, SpacingDecision spacing, List<Change> changes) {
    }

    /**
     * @param format {@link Format#MARKDOWN} or {@link Format#HTML}
     * @param record whether to collect the changes (for explanations)
     */
    public static Result normalize(NormalizationPipeline pipeline, String input, Format format, boolean record) {
        if (!input.isEmpty() && input.charAt(0) == '\uFEFF') {
            // A byte-order mark is no text: the parsers would not see front matter behind it (its
            // YAML then read as prose), and U would delete it as a char of the first paragraph.
            String body = input.substring(1);
            Result r = normalize(pipeline, body, format, record);
            if (r.output() == body) {
                return new Result(input, r.spacing(), List.of());
            }
            List<Change> shifted = new ArrayList<>(r.changes().size());
            for (Change c : r.changes()) {
                shifted.add(new Change(c.inputStart() + 1, c.inputEnd() + 1, c.outputStart() + 1, c.outputEnd() + 1,
                        c.before(), c.after(), c.rule()));
            }
            return new Result('\uFEFF' + r.output(), r.spacing(), shifted);
        }
        List<ProseBlock> blocks = blocks(input, format);
        // All blocks as one text, a line end after each: the engine works line by line, so blocks
        // stay apart, and one call costs far less than one per block.
        List<ProseBlock> prose = new ArrayList<>();
        int total = 0;
        for (ProseBlock block : blocks) {
            if (block.hasProse()) {
                prose.add(block);
                total += block.length() + 1;
            }
        }
        int[] starts = new int[prose.size()];
        StringBuilder all = new StringBuilder(total);
        byte[] marks = new byte[total];
        for (int b = 0; b < prose.size(); b++) {
            starts[b] = all.length();
            prose.get(b).copyTo(all, marks, all.length());
            all.append('\n');
            marks[all.length() - 1] = ProseMarks.WORD;
        }
        String text = all.toString();
        Normalized n = normalizeProse(pipeline, text, marks, starts);
        NormalizationPipeline engine = n.engine();
        String out = n.output();
        if (out.equals(text)) {
            return new Result(input, n.decision(), List.of());
        }
        List<Edit> edits = new ArrayList<>();
        for (Change c : changesOfChangedLines(engine, text, marks, out)) {
            int b = Arrays.binarySearch(starts, c.inputStart());
            b = b >= 0 ? b : -b - 2;
            int shift = starts[b];
            map(input, prose.get(b), new Change(c.inputStart() - shift, c.inputEnd() - shift, c.outputStart(),
                    c.outputEnd(), c.before(), c.after(), c.rule()), edits);
        }
        if (edits.isEmpty()) {
            return new Result(input, n.decision(), List.of());
        }
        edits.sort(Comparator.comparingInt(Edit::start).thenComparingInt(Edit::end));
        StringBuilder sb = new StringBuilder(input.length() + 64);
        List<Change> changes = record ? new ArrayList<>() : List.of();
        int pos = 0;
        for (Edit e : edits) {
            if (e.start < pos) {
                continue; // cannot happen for changes of distinct blocks; never corrupt the source
            }
            sb.append(input, pos, e.start);
            int outStart = sb.length();
            sb.append(e.text);
            if (record) {
                changes.add(new Change(e.start, e.end, outStart, sb.length(), input.substring(e.start, e.end), e.text,
                        e.rule));
            }
            pos = e.end;
        }
        sb.append(input, pos, input.length());
        return new Result(sb.toString(), n.decision(), changes);
    }

    /**
     * The changes that turned {@code text} into {@code out}, at input positions of {@code text}.
     * Lines are independent here (no fences, spacing already decided) and never joined or split, so
     * only the lines that changed are explained again, recording their edits, all in one run.
     */
    private static List<Change> changesOfChangedLines(NormalizationPipeline engine, String text, byte[] marks,
            String out) {
        StringBuilder changed = new StringBuilder();
        byte[] changedMarks = new byte[Math.min(text.length(), 1024)];
        int[] lineStarts = new int[16];
        int[] lineFroms = new int[16];
        int lines = 0;
        int from = 0;
        int outFrom = 0;
        while (from < text.length()) {
            int to = text.indexOf('\n', from);
            int outTo = out.indexOf('\n', outFrom);
            if (!text.regionMatches(from, out, outFrom, Math.max(to - from, outTo - outFrom))) {
                if (lines == lineStarts.length) {
                    lineStarts = Arrays.copyOf(lineStarts, 2 * lines);
                    lineFroms = Arrays.copyOf(lineFroms, 2 * lines);
                }
                lineStarts[lines] = changed.length();
                lineFroms[lines] = from;
                lines++;
                int at = changed.length();
                changed.append(text, from, to + 1);
                if (changed.length() > changedMarks.length) {
                    changedMarks = Arrays.copyOf(changedMarks, Math.max(changed.length(), 2 * changedMarks.length));
                }
                System.arraycopy(marks, from, changedMarks, at, to + 1 - from);
            }
            from = to + 1;
            outFrom = outTo + 1;
        }
        if (lines == 0) {
            return List.of();
        }
        List<Change> changes = new ArrayList<>();
        String joined = changed.toString();
        for (Change c : engine.explainProse(joined, Arrays.copyOf(changedMarks, joined.length())).changes()) {
            int k = Arrays.binarySearch(lineStarts, 0, lines, c.inputStart());
            k = k >= 0 ? k : -k - 2;
            int shift = lineFroms[k] - lineStarts[k];
            changes.add(new Change(c.inputStart() + shift, c.inputEnd() + shift, c.outputStart(), c.outputEnd(),
                    c.before(), c.after(), c.rule()));
        }
        return changes;
    }

    /**
     * Full-width forms whose ASCII twins (W2, W4) are Markdown syntax: as ASCII, {@code ＊重点＊} would
     * become emphasis, {@code ＜ｂ＞} a tag, {@code ＃ x} a heading, {@code ｜} a table cell. They stay.
     */
    private static final String MARKDOWN_SYNTAX_FORMS = "＂＃＄＆＇＊＋－／＜＝＞＠＼＾＿｀｜．";
    /** Full-width forms whose ASCII twins are HTML syntax in a text node: {@code ＜script＞} would become a tag. */
    private static final String HTML_SYNTAX_FORMS = "＜＞＆";

    private static List<ProseBlock> blocks(String input, Format format) {
        List<ProseBlock> blocks = switch (format) {
            case MARKDOWN -> MarkdownProse.blocks(input);
            case HTML -> HtmlProse.blocks(input);
            default -> throw new IllegalArgumentException("not a document format: " + format.id());
        };
        // Normalizing prose must not write markup into the document (spec §9).
        String syntax = format == Format.HTML ? HTML_SYNTAX_FORMS : MARKDOWN_SYNTAX_FORMS;
        for (ProseBlock b : blocks) {
            b.keepEach(syntax);
        }
        return blocks;
    }

    /** The joined prose normalized, with the spacing decided and the engine that applied it. */
    private record Normalized(String output, SpacingDecision decision, NormalizationPipeline engine) {
    }

    /**
     * Decides the spacing and normalizes the joined prose. For spacing=auto the decision (S8) comes
     * from the blocks that start in the first {@link NormalizationPipeline#AUTO_PREFIX} chars of
     * prose, normalized with spacing=keep and counted as {@link NormalizationPipeline#decideSpacing}
     * counts; the pass with the decided spacing takes over the lines of that pass which its spacing
     * leaves as they are (all of them when it decides keep), so most documents take little more
     * than one pass over their prose instead of two.
     */
    private static Normalized normalizeProse(NormalizationPipeline pipeline, String text, byte[] marks,
            int[] starts) {
        SpacingDecision profile = pipeline.decideSpacing("");
        if (!profile.auto()) {
            return new Normalized(pipeline.normalizeProse(text, marks), profile, pipeline);
        }
        int prefixEnd = text.length();
        for (int start : starts) {
            if (start >= NormalizationPipeline.AUTO_PREFIX) {
                prefixEnd = start;
                break;
            }
        }
        KeptPrefix kept = pipeline.keepPass(text, prefixEnd, marks, prefixEnd == text.length());
        NormalizationPipeline engine = pipeline.decided(kept.decision());
        return new Normalized(engine.normalizeProse(text, marks, kept), kept.decision(), engine);
    }

    /** @return the explanation of a document's normalization: output, changes and offsets */
    public static Explanation explain(NormalizationPipeline pipeline, String input, Format format) {
        Result r = normalize(pipeline, input, format, true);
        // The changes are the splices: in source order and non-overlapping, as OffsetMap needs.
        return new Explanation(input, r.output(), r.changes(), OffsetMap.of(r.changes()));
    }

    /** One splice into the source: {@code [start,end)} becomes {@code text}. */
    private record Edit(int start, int end, String text, String rule) {
    }

    /** Maps a change of a block's prose text to source edits. */
    private static void map(String input, ProseBlock block, Change c, List<Edit> edits) {
        int a = c.inputStart();
        int b = c.inputEnd();
        if (a == b) {
            int at = insertionPoint(block, a);
            if (at >= 0) {
                edits.add(new Edit(at, at, c.after(), c.rule()));
            }
            return;
        }
        if (c.after().isEmpty() && isBlank(c.before()) && touchesMarkup(input, block, a, b)) {
            return; // a space beside markup (_强调_, **粗体**) may be what makes it markup: left alone
        }
        // Split [a,b) into runs of consecutive source chars: the new text replaces the first, the
        // others are deleted, so markup between them (a ** or a link's destination) stays.
        boolean placed = false;
        int i = a;
        while (i < b) {
            if (block.source(i) < 0) {
                i++;
                continue;
            }
            int runStart = i;
            while (i + 1 < b && block.source(i + 1) == block.source(i) + 1) {
                i++;
            }
            int from = block.source(runStart);
            int to = block.source(i) + 1;
            edits.add(new Edit(from, to, placed ? "" : c.after(), c.rule()));
            placed = true;
            i++;
        }
        if (!placed && !c.after().isEmpty()) {
            int at = insertionPoint(block, a);
            if (at >= 0) {
                edits.add(new Edit(at, at, c.after(), c.rule()));
            }
        }
    }

    private static boolean isBlank(String s) {
        for (int i = 0; i < s.length(); i++) {
            // isSpaceChar: a no-break space (U+00A0, U+202F) or U+3000 is a space beside markup too
            if (!Character.isWhitespace(s.charAt(i)) && !Character.isSpaceChar(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** @return whether prose chars {@code [a,b)} have markup (left out of the block) right before or after them */
    private static boolean touchesMarkup(String input, ProseBlock block, int a, int b) {
        int first = block.source(a);
        int last = block.source(b - 1);
        if (first < 0 || last < 0) {
            return true;
        }
        // An object (an image) before has no source: the tag that made it is markup all the same.
        boolean gapBefore = a > 0 && (block.source(a - 1) >= 0 ? block.source(a - 1) != first - 1
                : block.charAt(a - 1) == ProseBlock.OBJECT);
        boolean gapAfter;
        if (b < block.length() && block.source(b) >= 0) {
            gapAfter = block.source(b) != last + 1;
        } else {
            // the prose of the line ends here: markup follows unless the source line does ({@code </span>})
            gapAfter = last + 1 < input.length() && input.charAt(last + 1) != '\n' && input.charAt(last + 1) != '\r';
        }
        return gapBefore || gapAfter;
    }

    /**
     * @return where an insertion before prose char {@code a} goes in the source: between two runs
     *     separated by markup, outside the inline element (before {@code **Vue**} when the element
     *     starts, after it when it ends), so a space never lands inside emphasis or a link
     */
    private static int insertionPoint(ProseBlock block, int a) {
        int n = block.length();
        if (n == 0) {
            return -1;
        }
        if (a <= 0) {
            return block.sealed(0) ? -1 : block.source(0);
        }
        if (a >= n) {
            return block.source(n - 1) < 0 || block.sealed(n - 1) ? -1 : block.source(n - 1) + 1;
        }
        int left = block.source(a - 1);
        int right = block.source(a);
        if (left < 0) {
            return block.sealed(a) ? -1 : right;
        }
        if (right < 0) {
            return block.sealed(a - 1) ? -1 : left + 1;
        }
        if (left + 1 == right) {
            return right;
        }
        boolean before = block.depth(a) > block.depth(a - 1);
        // Never into an element whose text must stay (<em>配置</em><code>x</code>: the space goes at the
        // end of the emphasis, not into the code); where both sides are such, nowhere.
        if (before ? block.sealed(a - 1) : block.sealed(a)) {
            before = !before;
            if (before ? block.sealed(a - 1) : block.sealed(a)) {
                return -1;
            }
        }
        return before ? left + 1 : right;
    }
}
