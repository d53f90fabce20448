package dev.zhnorm.spark;

import org.apache.spark.SparkContext;
import org.apache.spark.util.LongAccumulator;

import java.io.Serializable;

/**
 * The batch job's counts, as Spark accumulators that the job's expressions add to on the executors.
 * They are updated only inside the final (result) stage of the write, where Spark's scheduler merges
 * a partition's updates once, from its first successful task: a retried or speculative task does not
 * count twice.
 *
 * @param rowsRead rows read from the input
 * @param badRows rows that could not be normalized (malformed record, invalid UTF-8)
 * @param rowsChanged rows whose text normalization changed
 * @param charsChanged chars (UTF-16 units) changed, see {@link #charsChanged(String, String)}
 */
record JobCounters(LongAccumulator rowsRead, LongAccumulator badRows, LongAccumulator rowsChanged,
                   LongAccumulator charsChanged) implements Serializable {

    static JobCounters register(SparkContext sc) {
        return new JobCounters(sc.longAccumulator("zhnorm rows read"), sc.longAccumulator("zhnorm bad rows"),
                sc.longAccumulator("zhnorm rows changed"), sc.longAccumulator("zhnorm chars changed"));
    }

    /**
     * Counts one row whose text the transform changed.
     *
     * @param in the text
     * @param out the transform's result, different from {@code in}
     */
    void changed(String in, String out) {
        rowsChanged.add(1);
        charsChanged.add(charsChanged(in, out));
    }

    /**
     * How many chars a change touched, without diffing: when the lengths are equal (conversion's
     * character-for-character replacements), the positions that differ; otherwise the longer of the
     * two spans left after removing the common prefix and suffix.
     *
     * @param in the input
     * @param out the output
     * @return 0 when they are equal
     */
    static long charsChanged(String in, String out) {
        int n = in.length();
        int m = out.length();
        if (n == m) {
            long d = 0;
            for (int i = 0; i < n; i++) {
                if (in.charAt(i) != out.charAt(i)) {
                    d++;
                }
            }
            return d;
        }
        int prefix = 0;
        int min = Math.min(n, m);
        while (prefix < min && in.charAt(prefix) == out.charAt(prefix)) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < min - prefix && in.charAt(n - 1 - suffix) == out.charAt(m - 1 - suffix)) {
            suffix++;
        }
        return Math.max(n, m) - prefix - suffix;
    }
}
