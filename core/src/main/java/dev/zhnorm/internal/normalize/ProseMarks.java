package dev.zhnorm.internal.normalize;

/**
 * The per-char marks of document prose (spec §9): which chars come through verbatim, and how the
 * rules of their neighbours see them. Constants only.
 */
public final class ProseMarks {
    /** Prose: normalized. */
    public static final byte FREE = 0;
    /** Markup or code (inline code, math, a tag, a line end between blocks): verbatim, a word to its neighbours. */
    public static final byte WORD = 1;
    /**
     * Verbatim, but its own chars to its neighbours (the text of a link that is also its label:
     * {@code [臺灣][]} must keep matching its definition, yet it is Han to the text around it).
     */
    public static final byte KEPT = 2;

    /**
     * U+FFFC OBJECT REPLACEMENT CHARACTER: stands in document prose, {@link #KEPT}, for an element
     * that shows something neither Han nor a word (an image, a form control). It ends a word (S4/S6),
     * as it would in plain text, so nothing is spaced across it.
     */
    public static final char OBJECT = '\uFFFC';

    private ProseMarks() {
    }
}
