package dev.zhnorm.internal.normalize;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LineTest {
    /** {@link Line#endOfFree} reads eight kinds at a time: every start, every length, spans anywhere. */
    @Test
    void endOfFreeFindsTheFirstProtectedChar() {
        Random r = new Random(3);
        for (int round = 0; round < 2000; round++) {
            int n = r.nextInt(40);
            Line line = new Line(n);
            line.n = n;
            for (int i = 0; i < n; i++) {
                line.k[i] = r.nextInt(12) == 0 ? (byte) (1 + r.nextInt(3)) : 0;
            }
            // Stale kinds beyond n must not count.
            for (int i = n; i < line.k.length; i++) {
                line.k[i] = 1;
            }
            for (int from = 0; from <= n; from++) {
                int expected = from;
                while (expected < n && line.k[expected] == 0) {
                    expected++;
                }
                assertEquals(expected, line.endOfFree(from), "round " + round + " from " + from);
            }
        }
    }
}
