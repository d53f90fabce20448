package dev.zhnorm.internal.normalize;

/**
 * The kinds of protected span (spec §6). Their characters come through verbatim: no stage after
 * detection changes them. The kind decides how a span looks to its neighbours' rules: the opaque
 * kinds (URL, e-mail, code, HTML, path) count as Latin text that spacing rules keep their distance
 * from; numbers, times and expressions are ordinary digits and letters to every context test.
 */
enum SpanKind {
    URL(true), EMAIL(true), CODE(true), HTML(true), ENTITY(true), PATH(true),
    TIME(false), DECIMAL(false), GROUPED_NUMBER(false), VERSION(false), DATE(false), EXPRESSION(false),
    /** A term the user asked to protect ({@code Normalizer.Builder.protect}). */
    USER(false),
    /**
     * An ideographic description sequence ({@code ⿰糹會}), which conversion keeps whole: a later rule
     * that reshaped it (P8's {@code …} to {@code ……}) would make a second normalization read another
     * sequence and convert what the first kept.
     */
    DESCRIPTION(false);

    /** Set on the first character of each span, so that adjacent spans stay distinguishable. */
    static final byte START = (byte) 0x80;
    private static final SpanKind[] BY_CODE = values();

    private final boolean opaque;

    SpanKind(boolean opaque) {
        this.opaque = opaque;
    }

    /** @return the byte stored per character of a span of this kind (never 0, which means free) */
    byte code() {
        return (byte) (ordinal() + 1);
    }

    /** @return whether the span is URL-like: never Han or punctuation to its neighbours, exempt from S4 */
    boolean opaque() {
        return opaque;
    }

    /** @return the kind stored in a character's kind byte, or {@code null} for a free character */
    static SpanKind of(byte kindByte) {
        int code = kindByte & 0x3F;
        return code == 0 ? null : BY_CODE[code - 1];
    }

    static boolean isOpaque(byte kindByte) {
        int code = kindByte & 0x3F;
        return code != 0 && BY_CODE[code - 1].opaque;
    }
}
