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
}
