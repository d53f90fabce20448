package dev.zhnorm;

import java.util.Arrays;
import java.util.List;

/**
 * Maps offsets in an output text back to the input it came from, in the manner of Lucene's
 * {@code BaseCharFilter}: sorted arrays of change boundaries and a binary search. Outside changes an
 * offset moves by the accumulated length difference; inside a change it maps into the changed input
 * range, never beyond its end, so the mapping is monotonic. Immutable.
 *
 * <pre>{@code
 * OffsetMap m = normalizer.explain("你好 , 世界").offsets();
 * m.toInput(3);   // input offset of output char 3
 * }</pre>
 */
public final class OffsetMap {
    private final int[] outStart;
    private final int[] outEnd;
    private final int[] inStart;
    private final int[] inEnd;

    OffsetMap(int[] outStart, int[] outEnd, int[] inStart, int[] inEnd) {
        this.outStart = outStart;
        this.outEnd = outEnd;
        this.inStart = inStart;
        this.inEnd = inEnd;
    }

    /**
     * @param changes changes sorted by position, not overlapping
     * @return the map for them
     */
    public static OffsetMap of(List<Change> changes) {
        int n = changes.size();
        int[] os = new int[n];
        int[] oe = new int[n];
        int[] is = new int[n];
        int[] ie = new int[n];
        for (int i = 0; i < n; i++) {
            Change c = changes.get(i);
            os[i] = c.outputStart();
            oe[i] = c.outputEnd();
            is[i] = c.inputStart();
            ie[i] = c.inputEnd();
        }
        return new OffsetMap(os, oe, is, ie);
    }

    /**
     * @param outputOffset an offset in the output, 0 to its length
     * @return the corresponding input offset
     */
    public int toInput(int outputOffset) {
        // Last change starting at or before the offset; among equal starts (empty changes) the last one.
        int lo = 0;
        int hi = outStart.length - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (outStart[mid] <= outputOffset) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        if (found < 0) {
            return outputOffset;
        }
        if (outputOffset < outEnd[found]) {
            return inStart[found] + Math.min(outputOffset - outStart[found], inEnd[found] - inStart[found]);
        }
        return inEnd[found] + (outputOffset - outEnd[found]);
    }

    /** @return the number of change boundaries recorded */
    public int size() {
        return outStart.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OffsetMap m && Arrays.equals(outStart, m.outStart) && Arrays.equals(outEnd, m.outEnd)
                && Arrays.equals(inStart, m.inStart) && Arrays.equals(inEnd, m.inEnd);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(outStart) * 31 + Arrays.hashCode(inStart);
    }
}
