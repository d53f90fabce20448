package dev.zhnorm.lucene;

import dev.zhnorm.Explanation;
import dev.zhnorm.Normalizer;
import dev.zhnorm.TextTransform;
import dev.zhnorm.normalize.Spacing;
import org.apache.lucene.analysis.CharFilter;

import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;
import java.util.Objects;

/**
 * A {@link org.apache.lucene.analysis.CharFilter} that converts or normalizes its input with a zhnorm
 * {@link TextTransform} ({@link dev.zhnorm.Converter} or {@link dev.zhnorm.Normalizer}) and corrects
 * offsets exactly: {@link #correctOffset(int)} of every output offset equals what the transform's own
 * {@link Explanation#offsets() offset map} gives, so highlighters mark the original text. A phrase
 * that changes length (OpenCC phrases can) maps inside itself onto the input phrase, never beyond its
 * end; characters that only change identity (漢 → 汉) cost no correction entry at all.
 *
 * <pre>{@code
 * Reader r = new ZhnormCharFilter(new StringReader("頭髮很長"), Converter.of("t2s"));   // reads 头发很长
 * Analyzer a = new Analyzer() {
 *     protected Reader initReader(String field, Reader in) { return new ZhnormCharFilter(in, Converter.of("t2s")); }
 *     protected TokenStreamComponents createComponents(String field) { ... }
 * };
 * }</pre>
 *
 * <p><b>Streaming and its bound.</b> The input is transformed in pieces: the filter reads at least
 * {@value #PIECE_CHARS} chars (or the whole input if it is shorter) and cuts right after the last line
 * end ({@code \n}) read, so a field of any size streams: the filter holds one piece and its output,
 * plus the offset corrections of the whole stream (two ints per length-changing edit, as Lucene's own
 * {@code MappingCharFilter} does). Cutting at line ends changes nothing for the bundled presets (no
 * dictionary key spans {@code \n}) nor for normalization (which works line by line), except that a
 * Markdown fenced code block spanning a cut is not recognised as one after the cut. A single line
 * longer than {@value #MAX_PIECE_CHARS} chars is cut after the last whitespace or sentence-ending
 * punctuation in its second half (else between two code points); a dictionary key spanning such a
 * cut would not match, which no bundled key does at whitespace or sentence ends.
 *
 * <p><b>Cost.</b> Each piece goes through {@link TextTransform#apply(CharSequence,
 * dev.zhnorm.LengthChangeListener)}, the transform's fast path that also reports the edits that
 * change length (the only ones that move offsets): no per-change objects, and nothing recorded for
 * the one-char replacements that make up most of a conversion. A converter runs at close to its
 * plain {@code apply} speed (5% slower for t2cn on 左传, about 15% for the phrase-heavy s2tw, s2hk
 * and s2twp); a normalizer records its rules' edits line by line, which costs more than its
 * {@code apply} (see BENCHMARKS.md, "Search analysis").
 *
 * <p>Not thread-safe, like every Lucene {@code Reader}; the transform is shared freely.
 */
public final class ZhnormCharFilter extends CharFilter {
    /** Pieces are at least this many chars (unless the input ends first), cut after a line end. */
    public static final int PIECE_CHARS = 1 << 16;
    /** A line longer than this many chars is cut inside itself. */
    public static final int MAX_PIECE_CHARS = 1 << 20;

    private final TextTransform transform;
    /**
     * What the pieces go through: the transform, or for a normalizer with spacing=auto the one its
     * decision on the first 65,536 chars picks, so that every piece gets the same spacing as the
     * whole text would (set on the first read).
     */
    private TextTransform active;
    private final int pieceChars;
    /** How much a normalizer with spacing=auto reads before deciding (spec S8: the first 65,536 chars). */
    private static final int AUTO_PREFIX = 65_536;
    private final int maxPieceChars;
    private final char[] readBuffer = new char[8192];
    /** Input read but not yet transformed. */
    private final StringBuilder pending = new StringBuilder();
    private boolean inputEnded;
    /** The transformed current piece and how much of it has been read. */
    private String out = "";
    private int outPos;
    /** Input and output chars before the text being transformed (a piece, or a line of it). */
    private int inputBase;
    private int outputBase;
    /**
     * The offset corrections, as Lucene's {@code BaseCharFilter} keeps them (from output offset
     * {@code correctionOffsets[i]} on, add {@code correctionDiffs[i]}), but searched from the last
     * answer: a tokenizer asks for offsets in increasing order, and a binary search per token
     * offset measured as a quarter of the analysis time of 左传 under t2cn.
     */
    private int[] correctionOffsets = new int[0];
    private int[] correctionDiffs = new int[0];
    private int corrections;
    /** The index of the correction that answered last, or -1. */
    private int lastCorrection = -1;

    /**
     * @param input the text to filter
     * @param transform a converter or normalizer
     */
    public ZhnormCharFilter(Reader input, TextTransform transform) {
        this(input, transform, PIECE_CHARS, MAX_PIECE_CHARS);
    }

    /** For tests: small pieces exercise the cuts. */
    ZhnormCharFilter(Reader input, TextTransform transform, int pieceChars, int maxPieceChars) {
        super(input);
        this.transform = Objects.requireNonNull(transform, "transform");
        if (pieceChars < 1 || maxPieceChars < 2 * pieceChars) {
            throw new IllegalArgumentException("need 1 <= pieceChars and 2 * pieceChars <= maxPieceChars");
        }
        this.pieceChars = pieceChars;
        this.maxPieceChars = maxPieceChars;
    }

    /** @return the transform this filter applies */
    public TextTransform transform() {
        return transform;
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, cbuf.length);
        if (len == 0) {
            return 0;
        }
        while (outPos >= out.length()) {
            if (!nextPiece()) {
                return -1;
            }
        }
        int n = Math.min(len, out.length() - outPos);
        out.getChars(outPos, outPos + n, cbuf, off);
        outPos += n;
        return n;
    }

    /** Transforms the next piece of input; false at the end of the input. */
    private boolean nextPiece() throws IOException {
        if (active == null) {
            active = decide();
        }
        fill();
        if (pending.length() == 0) {
            return false;
        }
        int cut = inputEnded ? pending.length() : cut();
        String piece = pending.substring(0, cut);
        pending.delete(0, cut);
        transform(piece);
        return true;
    }

    /** Reads the first 65,536 chars when a normalizer decides its spacing from them (spec S8). */
    private TextTransform decide() throws IOException {
        if (!(transform instanceof Normalizer n) || n.spacing() != Spacing.AUTO) {
            return transform;
        }
        while (!inputEnded && pending.length() < AUTO_PREFIX) {
            int r = input.read(readBuffer, 0, readBuffer.length);
            if (r < 0) {
                inputEnded = true;
            } else {
                pending.append(readBuffer, 0, r);
            }
        }
        return n.decidedFor(pending.length() <= AUTO_PREFIX ? pending : pending.subSequence(0, AUTO_PREFIX));
    }

    /** Transforms a piece, recording the offset corrections of its length-changing edits. */
    private void transform(String text) {
        out = active.apply(text, this::recordCorrection);
        outPos = 0;
        inputBase += text.length();
        outputBase += out.length();
    }

    /**
     * Records where the cumulative offset difference (input minus output) changes because of one
     * length-changing edit of the current piece, so that {@link #correct} reproduces the transform's
     * offset map: inside an edit an output offset maps to the same distance into the input range,
     * capped at its end.
     */
    private void recordCorrection(int inputStart, int inputEnd, int outputStart, int outputEnd) {
        int inLen = inputEnd - inputStart;
        int inEnd = inputBase + inputEnd;
        int outStart = outputBase + outputStart;
        int outEnd = outputBase + outputEnd;
        if (outputEnd - outputStart < inLen) {
            addOffCorrectMap(outEnd, inEnd - outEnd);
        } else {
            // Output offsets past the input's length pile up at the input range's end.
            for (int o = outStart + inLen + 1; o <= outEnd; o++) {
                addOffCorrectMap(o, inEnd - o);
            }
        }
    }

    /** Records that from output offset {@code off} on, the input offset is {@code off + cumulativeDiff}. */
    private void addOffCorrectMap(int off, int cumulativeDiff) {
        if (corrections > 0 && correctionOffsets[corrections - 1] == off) {
            correctionDiffs[corrections - 1] = cumulativeDiff;
            return;
        }
        if (corrections == correctionOffsets.length) {
            int capacity = Math.max(64, corrections * 2);
            correctionOffsets = Arrays.copyOf(correctionOffsets, capacity);
            correctionDiffs = Arrays.copyOf(correctionDiffs, capacity);
        }
        correctionOffsets[corrections] = off;
        correctionDiffs[corrections++] = cumulativeDiff;
    }

    @Override
    protected int correct(int currentOff) {
        // The last correction at or before the offset: a few steps on from the last answer, else a search.
        int i = lastCorrection;
        if (i >= 0 && correctionOffsets[i] > currentOff) {
            i = search(currentOff);
        } else {
            int stop = Math.min(corrections, i + 1 + 8);
            while (i + 1 < stop && correctionOffsets[i + 1] <= currentOff) {
                i++;
            }
            if (i + 1 < corrections && correctionOffsets[i + 1] <= currentOff) {
                i = search(currentOff);
            }
        }
        lastCorrection = i;
        return i < 0 ? currentOff : currentOff + correctionDiffs[i];
    }

    /** @return the index of the last correction at or before {@code off}, or -1 */
    private int search(int off) {
        int i = Arrays.binarySearch(correctionOffsets, 0, corrections, off);
        return i >= 0 ? i : -i - 2;
    }

    /** Reads until a piece is available: pieceChars and a line end, or maxPieceChars, or the end. */
    private void fill() throws IOException {
        int scanned = 0;
        boolean lineEnd = false;
        while (!inputEnded) {
            if (!lineEnd) {
                lineEnd = pending.indexOf("\n", scanned) >= 0;
                scanned = pending.length();
            }
            if (pending.length() >= pieceChars && (lineEnd || pending.length() >= maxPieceChars)) {
                return;
            }
            int n = input.read(readBuffer, 0, readBuffer.length);
            if (n < 0) {
                inputEnded = true;
            } else {
                pending.append(readBuffer, 0, n);
            }
        }
    }

    /** Where to cut pending when the input goes on: after its last line end, else inside a long line. */
    private int cut() {
        int nl = pending.lastIndexOf("\n");
        if (nl >= 0) {
            return nl + 1;
        }
        int end = pending.length();
        for (int i = end - 1; i >= end / 2; i--) {
            if (isSoftBreak(pending.charAt(i))) {
                return i + 1;
            }
        }
        return Character.isHighSurrogate(pending.charAt(end - 1)) ? end - 1 : end;
    }

    private static boolean isSoftBreak(char c) {
        return Character.isWhitespace(c) || c == '。' || c == '！' || c == '？' || c == '；'
                || c == '.' || c == '!' || c == '?' || c == ';';
    }
}
