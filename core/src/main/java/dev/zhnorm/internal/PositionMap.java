package dev.zhnorm.internal;

import java.util.Arrays;

/**
 * Where the positions of one stage's output stand in the original text, when each stage converts a
 * whole text in turn ({@link CompiledDictionary#convertWhole}, {@link CompiledDictionary#convertWithin})
 * and segment boundaries are known only in the original's positions. A stage's output is aligned char for char with its input
 * except inside a value of another length than its key (rare: 記憶體 → 内存, 單車 → 自行车), which
 * the stage notes with {@link #resized}. A position inside such a value has no place of its own in
 * the input: a match that starts there starts, for segmentation, at the key's start, and one that
 * ends there ends at the key's end; segment boundaries never fall inside a key, so a boundary maps
 * back exactly. Not thread-safe; one per text and stage.
 */
final class PositionMap {
    /** The map of this stage's input, or null: the input is the original text. */
    private final PositionMap input;
    private final int inBase;
    private final int outBase;
    /** Per resized value, in order: its output start and end, and its key's input start and end. */
    private int[] outStart = new int[4];
    private int[] outEnd = new int[4];
    private int[] inStart = new int[4];
    private int[] inEnd = new int[4];
    private int count;

    /**
     * @param input the map of the stage's input, or null when the input is the original text
     * @param inBase where the stage's input starts in its array
     * @param outBase where its output starts in its array
     */
    PositionMap(PositionMap input, int inBase, int outBase) {
        this.input = input;
        this.inBase = inBase;
        this.outBase = outBase;
    }

    /** The key at input {@code [in0, in1)} became the value at output {@code [out0, out1)}, of another length. */
    void resized(int out0, int out1, int in0, int in1) {
        if (count == outStart.length) {
            outStart = Arrays.copyOf(outStart, 2 * count);
            outEnd = Arrays.copyOf(outEnd, 2 * count);
            inStart = Arrays.copyOf(inStart, 2 * count);
            inEnd = Arrays.copyOf(inEnd, 2 * count);
        }
        outStart[count] = out0;
        outEnd[count] = out1;
        inStart[count] = in0;
        inEnd[count] = in1;
        count++;
    }

    /**
     * @param ceil where a position inside a resized value goes: its key's end (a match's end) or,
     *     if false, its key's start (a match's start)
     * @return the original position of output position {@code x}
     */
    private int outputToOriginal(int x, boolean ceil) {
        int i = last(outStart, x);
        int in;
        if (i < 0) {
            in = x - outBase + inBase;
        } else if (x >= outEnd[i]) {
            in = inEnd[i] + (x - outEnd[i]);
        } else {
            in = x == outStart[i] ? inStart[i] : ceil ? inEnd[i] : inStart[i];
        }
        return input == null ? in : input.outputToOriginal(in, ceil);
    }

    /** @return the output position of original position {@code y}, which is no position inside a key */
    private int originalToOutput(int y) {
        int x = input == null ? y : input.originalToOutput(y);
        int i = last(inStart, x);
        if (i < 0) {
            return x - inBase + outBase;
        }
        return x >= inEnd[i] ? outEnd[i] + (x - inEnd[i]) : outStart[i];
    }

    /** @return the index of the last entry of {@code at[0,count)} not after {@code x}, or -1 */
    private int last(int[] at, int x) {
        int lo = 0;
        int hi = count - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (at[mid] <= x) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    /** @return the segment boundaries of {@code segments} as positions of this stage's output (the next stage's input) */
    CompiledDictionary.Boundaries outputBoundaries(SegmentBoundaries segments) {
        return (at, limit) -> {
            int end = outputToOriginal(limit, true);
            int b = segments.firstAfter(outputToOriginal(at, false), end);
            return b >= end ? limit : Math.min(limit, originalToOutput(b));
        };
    }
}
