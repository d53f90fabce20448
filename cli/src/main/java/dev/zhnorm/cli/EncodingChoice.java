package dev.zhnorm.cli;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code --encoding} option: a named charset, or {@code auto}, which decides from the first
 * {@value #SAMPLE_SIZE} bytes of each input, in this order:
 * <ol>
 *   <li>a byte-order mark (UTF-8, UTF-16, UTF-32) decides;</li>
 *   <li>binary before any guess: NUL bytes or more than
 *       {@value #CONTROL_PERCENT}% control bytes in the first {@value #BINARY_BLOCK} bytes, as git and
 *       ripgrep decide, unless the bytes are UTF-16 or UTF-32 without a byte-order mark (which has such
 *       bytes in a regular pattern) and decode to plain text;</li>
 *   <li>valid UTF-8 is UTF-8; text that is valid UTF-8 but for a few bytes (at least two valid
 *       multi-byte sequences per invalid one) is UTF-8 too, so decoding stops at its first bad byte
 *       instead of guessing a legacy code page;</li>
 *   <li>else what Chinese text comes in: GB18030 (covers GBK and GB2312), Big5, Big5-HKSCS, UTF-16 without
 *       a byte-order mark. Each is decoded strictly and the decoded text scored by how many of its
 *       characters are common Han characters ({@link HanPlausibility}); the best wins only when it is
 *       clearly right (score at least {@value #MIN_SCORE}, {@value #MIN_MARGIN} ahead of the next, on at
 *       least {@value #MIN_CHARACTERS} characters), else
 *       the input is {@linkplain Kind#UNDECIDED undecided} and the command stops, naming what was tried.</li>
 * </ol>
 * A named encoding is used as given; 7-bit encodings (ISO-2022-*) reject bytes above 0x7F, which their
 * Java decoders would pass through as mojibake.
 *
 * <pre>{@code
 * EncodingChoice.parse("auto", "--encoding").choose(firstBytes, true, false);  // Encoding[UTF-8, "valid UTF-8", TEXT, false]
 * EncodingChoice.parse("Big5", "--encoding");                         // always Big5
 * EncodingChoice.parse("latin-9x", "--encoding");                     // CommandFailure (exit 2): unknown encoding
 * }</pre>
 */
final class EncodingChoice {
    /** How many bytes {@code auto} looks at; the stream must support mark/reset over this many. */
    static final int SAMPLE_SIZE = 64 * 1024;
    /** The block in which binary files are recognized. */
    static final int BINARY_BLOCK = 8192;
    static final int CONTROL_PERCENT = 5;
    static final double MIN_SCORE = 0.5;
    static final double MIN_MARGIN = 0.25;
    /** One character is no evidence: a legacy guess needs at least this many. */
    static final int MIN_CHARACTERS = 2;
    /** UTF-16/32 without a byte-order mark: this share of its characters must be plain text. */
    private static final double WIDE_TEXT_SHARE = 0.9;

    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final Charset BIG5 = Charset.forName("Big5");
    private static final Charset BIG5_HKSCS = Charset.forName("Big5-HKSCS");
    private static final Charset UTF_32LE = Charset.forName("UTF-32LE");
    private static final Charset UTF_32BE = Charset.forName("UTF-32BE");
    /** The legacy candidates, in the order they are named in messages. */
    static final List<Charset> CANDIDATES = List.of(GB18030, BIG5, BIG5_HKSCS, StandardCharsets.UTF_16LE,
            StandardCharsets.UTF_16BE);

    private final Charset fixed;

    private EncodingChoice(Charset fixed) {
        this.fixed = fixed;
    }

    /** What {@code auto} found an input to be. */
    enum Kind {
        /** Text in {@link Encoding#charset()}. */
        TEXT,
        /** Not text: skipped under {@code -r}, an error when named. */
        BINARY,
        /** No encoding is clearly right; {@link Encoding#reason()} lists what was tried. */
        UNDECIDED
    }

    /**
     * The encoding chosen for one input and why.
     *
     * @param charset the encoding (for binary and undecided inputs, a placeholder)
     * @param reason why, for {@code --verbose}; for undecided inputs, what was tried
     * @param kind text, binary or undecided
     * @param bom whether the input starts with a byte-order mark
     */
    record Encoding(Charset charset, String reason, Kind kind, boolean bom) {
        /** @return whether the bytes look binary rather than text */
        boolean binary() {
            return kind == Kind.BINARY;
        }

        static Encoding text(Charset charset, String reason, boolean bom) {
            return new Encoding(charset, reason, Kind.TEXT, bom);
        }
    }

    /**
     * @param name {@code auto} or a charset name such as {@code UTF-8}, {@code Big5}, {@code GB18030}
     * @param option the option name, for the error message
     * @return the choice
     * @throws CommandFailure with {@link ExitCodes#USAGE} for an unknown charset
     */
    static EncodingChoice parse(String name, String option) {
        if (name.equalsIgnoreCase("auto")) {
            return new EncodingChoice(null);
        }
        return new EncodingChoice(charset(name, option));
    }

    /**
     * @param name a charset name
     * @param option the option name, for the error message
     * @return the charset
     * @throws CommandFailure with {@link ExitCodes#USAGE} for an unknown charset
     */
    static Charset charset(String name, String option) {
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new CommandFailure(ExitCodes.USAGE, "unknown encoding '" + name + "' for " + option
                    + "; use a Java charset name such as UTF-8, Big5, GBK, GB18030, UTF-16"
                    + (option.equals("--encoding") ? ", or auto" : ""));
        }
    }

    /**
     * @param name a charset name for output
     * @return the charset
     * @throws CommandFailure with {@link ExitCodes#USAGE} for an unknown charset or one Java can only decode
     */
    static Charset outputCharset(String name) {
        Charset c = charset(name, "--output-encoding");
        if (!c.canEncode()) {
            throw new CommandFailure(ExitCodes.USAGE, "--output-encoding " + name + ": Java can read " + c.name()
                    + " but not write it; use UTF-8, GB18030, Big5, UTF-16 or another writable encoding");
        }
        return c;
    }

    /** @return whether a decoder of this charset must see only bytes up to 0x7F (its Java decoder passes others through) */
    static boolean isSevenBit(Charset c) {
        String n = c.name().toUpperCase(Locale.ROOT);
        return n.startsWith("ISO-2022") || n.startsWith("X-ISO-2022");
    }

    /** @return whether this is {@code auto} */
    boolean isAuto() {
        return fixed == null;
    }

    /**
     * Chooses the encoding of one input from its first bytes.
     *
     * @param sample the first {@link #SAMPLE_SIZE} bytes (fewer when the input is shorter)
     * @param complete whether the sample is the whole input
     * @param found whether the input was found by {@code -r} (then a named encoding still skips binary files)
     * @return the encoding
     */
    Encoding choose(byte[] sample, boolean complete, boolean found) {
        if (fixed != null) {
            byte[] start = sample.length <= BINARY_BLOCK ? sample : java.util.Arrays.copyOf(sample, BINARY_BLOCK);
            boolean wide = fixed.name().startsWith("UTF-16") || fixed.name().startsWith("UTF-32");
            if (found && !wide && byteOrderMark(start).isEmpty()) {
                Optional<String> binary = binaryReason(start);
                if (binary.isPresent()) {
                    return new Encoding(fixed, binary.get(), Kind.BINARY, false);
                }
            }
            Optional<Charset> bom = byteOrderMark(start);
            boolean generic = fixed.name().equals("UTF-16") || fixed.name().equals("UTF-32");
            // Java's generic UTF-16 reads either byte order by the mark; name the one it is, to write it back so.
            return Encoding.text(generic && bom.isPresent() ? bom.get() : fixed, "as given by --encoding",
                    bom.isPresent());
        }
        return chooseFor(sample, complete);
    }

    /**
     * @param sample the first bytes of an input
     * @param complete whether the sample is the whole input
     * @return what {@code auto} decides
     */
    static Encoding chooseFor(byte[] sample, boolean complete) {
        Optional<Charset> bom = byteOrderMark(sample);
        if (bom.isPresent()) {
            return Encoding.text(bom.get(), "byte-order mark", true);
        }
        byte[] head = sample.length <= BINARY_BLOCK ? sample : java.util.Arrays.copyOf(sample, BINARY_BLOCK);
        Optional<String> binary = binaryReason(head);
        if (binary.isPresent()) {
            // UTF-16 and UTF-32 without a mark look binary byte by byte (NULs, control bytes) but read as plain text.
            for (Charset wide : List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE, UTF_32LE, UTF_32BE)) {
                Optional<CharSequence> text = decodeStrictly(sample, complete, wide).text();
                if (text.isPresent() && isPlainText(text.get())) {
                    return Encoding.text(wide, "no byte-order mark, but " + binary.get() + " in the pattern of "
                            + wide.name() + ", and plain text when read so", false);
                }
            }
            return new Encoding(StandardCharsets.ISO_8859_1, binary.get(), Kind.BINARY, false);
        }
        // Text first and binary after (a script with an archive appended): a NUL anywhere in the
        // sample is binary too, since no text encoding without one in its first block has any.
        int nul = firstNul(sample);
        if (nul >= 0) {
            return new Encoding(StandardCharsets.ISO_8859_1, "a NUL byte at byte " + nul + ", after text",
                    Kind.BINARY, false);
        }
        Utf8Tally utf8 = Utf8Tally.of(sample, complete);
        if (utf8.invalid() == 0) {
            return Encoding.text(StandardCharsets.UTF_8, sample.length == 0 ? "empty" : "valid UTF-8", false);
        }
        if (utf8.valid() >= 2 * utf8.invalid()) {
            return Encoding.text(StandardCharsets.UTF_8, String.format(Locale.ROOT,
                    "UTF-8 with invalid bytes: %d valid multi-byte sequences, %d invalid", utf8.valid(),
                    utf8.invalid()), false);
        }
        return guessLegacy(sample, complete, utf8);
    }

    /** Decodes with each candidate and keeps the clearly most plausible. */
    private static Encoding guessLegacy(byte[] sample, boolean complete, Utf8Tally utf8) {
        List<String> tried = new ArrayList<>();
        tried.add(String.format(Locale.ROOT, "UTF-8 (invalid at byte %d)", utf8.firstInvalid()));
        Charset best = null;
        double bestScore = -1;
        double secondScore = 0;
        int bestCounted = 0;
        boolean big5Decoded = false;
        for (Charset c : CANDIDATES) {
            if (c == BIG5_HKSCS && big5Decoded) {
                continue; // the same text as Big5, which it extends
            }
            Decoding d = decodeStrictly(sample, complete, c);
            if (d.text().isEmpty()) {
                tried.add(String.format(Locale.ROOT, "%s (invalid at byte %d)", c.name(), d.errorOffset()));
                continue;
            }
            big5Decoded |= c == BIG5;
            HanPlausibility.Score s = HanPlausibility.standard().score(d.text().get());
            double v = s.value();
            tried.add(String.format(Locale.ROOT, "%s (%d%% of %d characters common)", c.name(),
                    Math.round(v * 100), s.counted()));
            if (v > bestScore) {
                secondScore = Math.max(secondScore, bestScore);
                bestScore = v;
                best = c;
                bestCounted = s.counted();
            } else {
                secondScore = Math.max(secondScore, v);
            }
        }
        String triedList = String.join(", ", tried);
        if (best != null && bestScore >= MIN_SCORE && bestScore - secondScore >= MIN_MARGIN && bestCounted >= MIN_CHARACTERS) {
            return Encoding.text(best, String.format(Locale.ROOT, "%d%% common Han characters; tried %s",
                    Math.round(bestScore * 100), triedList), false);
        }
        return new Encoding(StandardCharsets.UTF_8, triedList, Kind.UNDECIDED, false);
    }

    /** @return why the block is binary, or empty */
    static Optional<String> binaryReason(byte[] head) {
        if (hasNul(head)) {
            return Optional.of("NUL bytes");
        }
        int controls = 0;
        for (byte b : head) {
            int v = b & 0xFF;
            if (v < 0x20 && v != '\t' && v != '\n' && v != '\r' && v != '\f' && v != 0x1B || v == 0x7F) {
                controls++;
            }
        }
        if (head.length > 0 && controls * 100L > (long) CONTROL_PERCENT * head.length) {
            return Optional.of(String.format(Locale.ROOT, "%d%% control bytes", controls * 100L / head.length));
        }
        return Optional.empty();
    }

    private static boolean hasNul(byte[] b) {
        return firstNul(b) >= 0;
    }

    private static int firstNul(byte[] b) {
        for (int i = 0; i < b.length; i++) {
            if (b[i] == 0) {
                return i;
            }
        }
        return -1;
    }

    /** Text that UTF-16/32 without a byte-order mark must look like: printable, mostly ASCII or common Han. */
    private static boolean isPlainText(CharSequence text) {
        int plain = 0;
        int total = 0;
        HanPlausibility han = HanPlausibility.standard();
        for (int i = 0; i < text.length(); ) {
            int cp = Character.codePointAt(text, i);
            i += Character.charCount(cp);
            total++;
            if (cp >= 0x20 && cp < 0x7F || cp == '\t' || cp == '\n' || cp == '\r'
                    || cp >= 0x3000 && cp <= 0x303F || cp >= 0xFF01 && cp <= 0xFF5E
                    || han.isCommon(cp)) {
                plain++;
            } else if (Character.isISOControl(cp)) {
                return false;
            }
        }
        return total > 0 && plain >= WIDE_TEXT_SHARE * total;
    }

    /** A strict decoding: the text, or where it failed. */
    private record Decoding(Optional<CharSequence> text, long errorOffset) {
    }

    private static Decoding decodeStrictly(byte[] sample, boolean complete, Charset c) {
        CharsetDecoder d = c.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(sample);
        CharBuffer out = CharBuffer.allocate(sample.length + 4);
        CoderResult r = d.decode(in, out, complete);
        if (r.isError()) {
            return new Decoding(Optional.empty(), in.position());
        }
        if (complete) {
            if (d.flush(out).isError() || in.hasRemaining()) {
                return new Decoding(Optional.empty(), in.position());
            }
        } else if (in.remaining() >= 4) {
            return new Decoding(Optional.empty(), in.position());
        }
        out.flip();
        return new Decoding(Optional.of(out), -1);
    }

    private static Optional<Charset> byteOrderMark(byte[] b) {
        if (startsWith(b, 0xEF, 0xBB, 0xBF)) {
            return Optional.of(StandardCharsets.UTF_8);
        }
        if (startsWith(b, 0xFF, 0xFE, 0x00, 0x00)) {
            return Optional.of(UTF_32LE);
        }
        if (startsWith(b, 0x00, 0x00, 0xFE, 0xFF)) {
            return Optional.of(UTF_32BE);
        }
        if (startsWith(b, 0xFF, 0xFE)) {
            return Optional.of(StandardCharsets.UTF_16LE);
        }
        if (startsWith(b, 0xFE, 0xFF)) {
            return Optional.of(StandardCharsets.UTF_16BE);
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] b, int... prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Valid multi-byte UTF-8 sequences and invalid bytes in a sample (a sequence cut by the end of an
     * incomplete sample is neither).
     *
     * @param valid well-formed sequences of two to four bytes
     * @param invalid bytes that start no well-formed sequence
     * @param firstInvalid offset of the first invalid byte, or -1
     */
    record Utf8Tally(int valid, int invalid, long firstInvalid) {
        static Utf8Tally of(byte[] b, boolean complete) {
            int valid = 0;
            int invalid = 0;
            long first = -1;
            int i = 0;
            while (i < b.length) {
                int lead = b[i] & 0xFF;
                if (lead < 0x80) {
                    i++;
                    continue;
                }
                int length = lead >= 0xC2 && lead <= 0xDF ? 2 : lead >= 0xE0 && lead <= 0xEF ? 3
                        : lead >= 0xF0 && lead <= 0xF4 ? 4 : 0;
                int ok = length == 0 ? 0 : wellFormedLength(b, i, length);
                if (ok == length && length > 0) {
                    valid++;
                    i += length;
                } else if (!complete && length > 0 && i + ok == b.length) {
                    break; // cut by the end of the sample
                } else {
                    invalid++;
                    if (first < 0) {
                        first = i;
                    }
                    i++;
                }
            }
            return new Utf8Tally(valid, invalid, first);
        }

        /** @return how many bytes from {@code i} fit a sequence of {@code length} (stops at the first that does not) */
        private static int wellFormedLength(byte[] b, int i, int length) {
            int lead = b[i] & 0xFF;
            int n = 1;
            for (; n < length && i + n < b.length; n++) {
                int c = b[i + n] & 0xFF;
                int lo = 0x80;
                int hi = 0xBF;
                if (n == 1) { // the second byte's range excludes overlong forms and surrogates
                    if (lead == 0xE0) {
                        lo = 0xA0;
                    } else if (lead == 0xED) {
                        hi = 0x9F;
                    } else if (lead == 0xF0) {
                        lo = 0x90;
                    } else if (lead == 0xF4) {
                        hi = 0x8F;
                    }
                }
                if (c < lo || c > hi) {
                    return n == 1 ? 0 : -n;
                }
            }
            return n;
        }
    }
}
