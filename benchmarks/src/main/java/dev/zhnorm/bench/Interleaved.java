package dev.zhnorm.bench;

import java.util.Arrays;
import java.util.Locale;

/**
 * The interleaved timing of two builds that {@link NormalizerAB} and {@link ConverterAB} share: after
 * the warm-up, each round times A and B once each, in alternating order, so drift of a busy machine
 * falls on both alike.
 */
final class Interleaved {
    /** One timed call of a build, in seconds of this thread's CPU time. */
    @FunctionalInterface
    interface Timed {
        double seconds() throws Throwable;
    }

    private Interleaved() {
    }

    /**
     * @param mb the MB of UTF-8 input one call converts
     * @return "A … MB/s, B … MB/s, B/A median (quartiles …), N rounds": the medians of each build's
     *     MB/s and the median and quartiles of the per-round speed-up of B over A
     */
    static String compare(Timed a, Timed b, double mb, int rounds, int warmup) throws Throwable {
        for (int i = 0; i < warmup; i++) {
            a.seconds();
            b.seconds();
        }
        double[] ta = new double[rounds];
        double[] tb = new double[rounds];
        double[] speedUp = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            boolean aFirst = r % 2 == 0;
            double first = (aFirst ? a : b).seconds();
            double second = (aFirst ? b : a).seconds();
            ta[r] = aFirst ? first : second;
            tb[r] = aFirst ? second : first;
            speedUp[r] = ta[r] / tb[r];
        }
        Arrays.sort(ta);
        Arrays.sort(tb);
        Arrays.sort(speedUp);
        return String.format(Locale.ROOT, "A %.1f MB/s, B %.1f MB/s, B/A %.3f (quartiles %.3f, %.3f), %d rounds",
                mb / ta[rounds / 2], mb / tb[rounds / 2], speedUp[rounds / 2], speedUp[rounds / 4],
                speedUp[3 * rounds / 4], rounds);
    }
}
