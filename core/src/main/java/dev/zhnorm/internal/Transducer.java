package dev.zhnorm.internal;

/**
 * The run contract of both engines: text is pushed in pieces, and the transducer writes into its
 * output buffer everything it can already decide, holding back only what could still change with
 * the text that follows (a stage's possible match, a line without its end). Pushing a whole text
 * with {@code end = true} gives the whole-text result; pushing it in any pieces gives the same
 * output. Mutable, one per call or stream.
 */
public interface Transducer {
    /**
     * Feeds {@code a[from,to)}. With {@code end} the text is complete: everything is flushed to the
     * output and the transducer can start over with a new text.
     */
    void push(char[] a, int from, int to, boolean end);

    /** @return the buffer this transducer appends its output to */
    CharBuf out();

    /**
     * After a push with {@code end}: whether the text pushed so far leaves a state that text pushed
     * next depends on (normalization inside a fenced code block), so that a cut the engine called
     * safe is not. Such a run reads what is pushed next as the continuation of the same text; the
     * {@link Driver}'s parallel forms then go on through it instead of a fresh run.
     */
    default boolean carriesState() {
        return false;
    }

    /**
     * @return for a recording run ({@link Engine#newRecordingRun}), the edits of the text pushed
     *     since it began, input to output positions, complete after a push with {@code end}
     */
    default EditLog edits() {
        throw new UnsupportedOperationException("not a recording run");
    }
}
