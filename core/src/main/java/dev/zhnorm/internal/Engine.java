package dev.zhnorm.internal;

/**
 * A compiled text transformation as the {@link Driver} sees it: a factory of {@link Transducer}
 * runs, a quick test for text that cannot change, and where text may be cut for parallel work.
 * Implementations are immutable and thread-safe.
 */
public interface Engine {
    /** @return a new run appending to {@code out} */
    Transducer newRun(CharBuf out);

    /**
     * A run for a long text or a stream, for which the engine may first derive tables that pay back
     * only over many chars; the output is {@link #newRun}'s.
     */
    default Transducer newLongRun(CharBuf out) {
        return newRun(out);
    }

    /**
     * A run for one short text of {@code chars} chars; the engine may count them towards deriving
     * what {@link #newLongRun} derives at once. The output is {@link #newRun}'s.
     */
    default Transducer newShortRun(CharBuf out, int chars) {
        return newRun(out);
    }

    /**
     * @param lean whether the log is {@linkplain EditLog#lean() lean}: only the length-changing edits
     * @return a new run appending to {@code out} that records its edits ({@link Transducer#edits()})
     */
    Transducer newRecordingRun(CharBuf out, boolean lean);

    /**
     * Whether a recording run's log is complete for all the output it has written after every
     * push, not only after the end (normalization logs each line as it writes it; a conversion
     * composes its stages' logs at the end). {@link Driver.Incremental} then keeps one run for the
     * whole text instead of cutting it into texts of their own.
     */
    default boolean logsAsItWrites() {
        return false;
    }

    /**
     * The whole output for {@code text} when the engine already has it, so that no run need be built
     * (spacing=auto's decision pass when its lines are all of a short text's output); else {@code null}.
     */
    default String knownOutput(CharSequence text) {
        return null;
    }

    /** @return the index of the first char of {@code s} that could change, or its length */
    int firstChangeCandidate(CharSequence s);

    /**
     * Whether text may be cut before {@code a[i]}: converting the parts before and from it apart gives
     * exactly the whole result. {@code false} everywhere makes every entry point serial.
     *
     * @param a the text
     * @param i an index in {@code (0, a.length)}
     */
    boolean isSafeCut(char[] a, int i);

    /** @return the char at which cuts are preferred where {@link #isSafeCut} allows them (a line end), or -1 */
    int preferredCut();
}
