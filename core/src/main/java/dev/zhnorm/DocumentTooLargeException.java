package dev.zhnorm;

/**
 * A Markdown or HTML document larger than {@link Normalizer#MAX_DOCUMENT_CHARS}: documents are parsed
 * whole in memory (plain text streams in bounded memory and has no such limit).
 */
public final class DocumentTooLargeException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /**
     * @param format the document format ({@code markdown}, {@code html})
     * @param chars how many chars it has at least
     * @param limit the limit in chars
     */
    public DocumentTooLargeException(String format, long chars, long limit) {
        super("a " + format + " document is parsed whole in memory and may have at most " + limit + " chars ("
                + (limit >> 20) + " Mi); this one has " + (chars > limit ? "more" : chars)
                + "; normalize it with format=text to stream it line by line");
    }
}
