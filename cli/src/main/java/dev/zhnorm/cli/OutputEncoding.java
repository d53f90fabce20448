package dev.zhnorm.cli;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * How output is encoded: a charset that writes no byte-order mark of its own, and the mark (if any)
 * to write once at the start of the stream. Java's {@code UTF-16} encoder starts every encoder with a
 * mark, so writing several inputs with one encoder each would put U+FEFF in the middle of the output.
 *
 * <pre>{@code
 * OutputEncoding.of(Charset.forName("UTF-16"));          // UTF-16BE, mark FE FF
 * OutputEncoding.forFile(UTF_16LE, true);                 // UTF-16LE, mark FF FE (kept by --in-place)
 * OutputEncoding.forFile(Charset.forName("Big5"), false); // Big5, no mark
 * }</pre>
 *
 * @param charset the encoding, without a mark of its own
 * @param bom the byte-order mark to write first, possibly empty
 */
record OutputEncoding(Charset charset, byte[] bom) {
    private static final Charset UTF_32BE = Charset.forName("UTF-32BE");
    private static final Charset UTF_32LE = Charset.forName("UTF-32LE");

    /**
     * @param c the {@code --output-encoding}
     * @return the encoding, with the mark {@code c} itself writes (UTF-16 and the x-...-BOM charsets)
     */
    static OutputEncoding of(Charset c) {
        String n = c.name().toUpperCase(Locale.ROOT);
        return switch (n) {
            case "UTF-16" -> new OutputEncoding(StandardCharsets.UTF_16BE, markOf(StandardCharsets.UTF_16BE));
            case "X-UTF-16LE-BOM" -> new OutputEncoding(StandardCharsets.UTF_16LE, markOf(StandardCharsets.UTF_16LE));
            case "X-UTF-32BE-BOM" -> new OutputEncoding(UTF_32BE, markOf(UTF_32BE));
            case "X-UTF-32LE-BOM" -> new OutputEncoding(UTF_32LE, markOf(UTF_32LE));
            case "UTF-32" -> new OutputEncoding(UTF_32BE, new byte[0]);
            default -> new OutputEncoding(c, new byte[0]);
        };
    }

    /**
     * @param c the encoding of the file (or the {@code --output-encoding})
     * @param mark whether the file had a byte-order mark
     * @return the same encoding, with the mark when the file had one and the encoding is a Unicode one
     */
    static OutputEncoding forFile(Charset c, boolean mark) {
        OutputEncoding plain = of(c);
        return new OutputEncoding(plain.charset(), mark ? markOf(plain.charset()) : new byte[0]);
    }

    /** @return whether a byte-order mark is written */
    boolean hasBom() {
        return bom.length > 0;
    }

    /** @return the byte-order mark of a Unicode encoding, empty for the others */
    static byte[] markOf(Charset c) {
        String n = c.name().toUpperCase(Locale.ROOT);
        if (n.equals("UTF-8") || n.startsWith("UTF-16") || n.startsWith("UTF-32")) {
            return "\uFEFF".getBytes(c);
        }
        return new byte[0];
    }
}
