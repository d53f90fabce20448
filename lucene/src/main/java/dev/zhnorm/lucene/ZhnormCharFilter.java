package dev.zhnorm.lucene;

import dev.zhnorm.Explanation;
import dev.zhnorm.TextRun;
import dev.zhnorm.TextTransform;
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
 * <p><b>Streaming.</b> The input is read in chunks and pushed through the transform's
 * {@link TextTransform#start(dev.zhnorm.LengthChangeListener) incremental run}, which writes what
 * the rest of the text can no longer change and reports every length-changing edit with its offsets
 * in the whole text: the filter's output and offsets are those of the whole text, whatever the
 * field's size, and it holds what the run holds back (see {@link dev.zhnorm.TextRun}: up to the last
 * char in no dictionary key for a converter, an unfinished line for a normalizer, whose code
 * fences, quote pairing and long lines therefore come out exactly as in a whole-text call; a
 * Markdown or HTML normalizer holds the document whole) plus the offset corrections of the whole
 * stream (two ints per length-changing edit, as Lucene's own {@code MappingCharFilter} keeps).
 *
 * <p><b>Cost.</b> The run is the transform's fast path that also reports the edits that change
 * length (the only ones that move offsets): no per-change objects, and nothing recorded for the
 * one-char replacements that make up most of a conversion (see BENCHMARKS.md, "Search analysis").
 *
 * <p>Not thread-safe, like every Lucene {@code Reader}; the transform is shared freely.
 */
public final class ZhnormCharFilter extends CharFilter {
    /** How many chars the filter reads from its input at a time. */
    public static final int READ_CHARS = 1 << 13;

    private final TextTransform transform;
    private final TextRun run;
    private final char[] readBuffer;
    private boolean inputEnded;
    /** The output decided so far and not yet read, from {@link #outPos}. */
    private final StringBuilder out = new StringBuilder();
    private int outPos;
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
        this(input, transform, READ_CHARS);
    }

    /** For tests: small reads push the text in small pieces. */
    ZhnormCharFilter(Reader input, TextTransform transform, int readChars) {
        super(input);
        this.transform = Objects.requireNonNull(transform, "transform");
        if (readChars < 1) {
            throw new IllegalArgumentException("readChars must be at least 1");
        }
        this.readBuffer = new char[readChars];
        this.run = transform.start(this::recordCorrection);
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
            if (!fill()) {
                return -1;
            }
        }
        int n = Math.min(len, out.length() - outPos);
        out.getChars(outPos, outPos + n, cbuf, off);
        outPos += n;
        return n;
    }

    /** Reads and pushes input until some output is decided; false at the end of the output. */
    private boolean fill() throws IOException {
        out.setLength(0);
        outPos = 0;
        while (out.length() == 0 && !inputEnded) {
            int n = input.read(readBuffer, 0, readBuffer.length);
            if (n < 0) {
                inputEnded = true;
                run.push(readBuffer, 0, 0, true, out);
            } else {
                run.push(readBuffer, 0, n, false, out);
            }
        }
        return out.length() > 0;
    }

    /**
     * Records where the cumulative offset difference (input minus output) changes because of one
     * length-changing edit (offsets in the whole text), so that {@link #correct} reproduces the transform's
     * offset map: inside an edit an output offset maps to the same distance into the input range,
     * capped at its end.
     */
    private void recordCorrection(int inputStart, int inputEnd, int outputStart, int outputEnd) {
        int inLen = inputEnd - inputStart;
        if (outputEnd - outputStart < inLen) {
            addOffCorrectMap(outputEnd, inputEnd - outputEnd);
        } else {
            // Output offsets past the input's length pile up at the input range's end.
            for (int o = outputStart + inLen + 1; o <= outputEnd; o++) {
                addOffCorrectMap(o, inputEnd - o);
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
}
