package dev.zhnorm.internal;

import java.util.concurrent.atomic.LongAdder;

/**
 * The chars converted without a table that pays back only over many of them, towards deriving it:
 * once they reach the threshold, going without it has cost about what deriving it costs (rent or
 * buy), so a process that converts less never pays for it and one that converts more soon wins it
 * back, whether its chars come in one text or in many. Thread-safe: concurrent counts may pass the
 * threshold together and derive twice, which the tables' owners allow (a race never derives wrongly).
 */
final class Demand {
    private final LongAdder chars = new LongAdder();
    private final long threshold;

    /** @param threshold the chars after which the table is worth deriving */
    Demand(long threshold) {
        this.threshold = threshold;
    }

    /**
     * Counts {@code n} more chars.
     *
     * @return whether the threshold is reached
     */
    boolean add(long n) {
        chars.add(n);
        return reached();
    }

    /** @return whether the threshold is reached, counting nothing */
    boolean reached() {
        return chars.sum() >= threshold;
    }

    /** Counts what {@code other} has counted too: a table derived from another's owner inherits its demand. */
    void addAll(Demand other) {
        chars.add(other.chars.sum());
    }
}
