package dev.zhnorm.cli;

import com.ibm.icu.text.CharsetDetector;
import com.ibm.icu.text.CharsetMatch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code --encoding} option: a named charset, or {@code auto}, which looks at the first bytes of
 * each input: a byte-order mark decides; else bytes that are valid UTF-8 are UTF-8 (ICU's detector
 * can mistake short UTF-8 Chinese for a legacy encoding, UTF-8 validity cannot); else ICU4J's
 * {@link CharsetDetector} picks (Big5, GB18030, …). Bytes with NUL and no byte-order mark that ICU
 * does not recognize as UTF-16 or UTF-32 are binary.
 *
 * <pre>{@code
 * EncodingChoice.parse("auto").choose(bufferedInput);   // Encoding[UTF-8, "valid UTF-8"]
 * EncodingChoice.parse("Big5");                          // always Big5
 * EncodingChoice.parse("latin-9x");                      // CommandFailure (exit 2): unknown encoding
 * }</pre>
 */
final class EncodingChoice {
    /** How many bytes {@code auto} looks at; the stream must support mark/reset over this many. */
    static final int SAMPLE_SIZE = 64 * 1024;

    private final Charset fixed;

    private EncodingChoice(Charset fixed) {
        this.fixed = fixed;
    }

    /**
     * The encoding chosen for one input and why.
     *
     * @param charset the encoding
     * @param reason why, for {@code --verbose}
     * @param binary whether the bytes look binary rather than text
     * @param bom whether the input starts with a byte-order mark
     */
    record Encoding(Charset charset, String reason, boolean binary, boolean bom) {
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

    /** @return whether this is {@code auto} */
    boolean isAuto() {
        return fixed == null;
    }

    /**
     * Chooses the encoding of one input, reading ahead at most {@link #SAMPLE_SIZE} bytes and
     * resetting the stream to where it was.
     *
     * @param in a stream supporting mark/reset
     * @return the encoding
     * @throws IOException when reading fails
     */
    Encoding choose(InputStream in) throws IOException {
        if (fixed != null) {
            in.mark(4);
            byte[] start = in.readNBytes(4);
            in.reset();
            return new Encoding(fixed, "as given by --encoding", false, byteOrderMark(start).isPresent());
        }
        in.mark(SAMPLE_SIZE);
        byte[] sample = in.readNBytes(SAMPLE_SIZE);
        in.reset();
        boolean complete = sample.length < SAMPLE_SIZE;
        return chooseFor(sample, complete);
    }

    static Encoding chooseFor(byte[] sample, boolean complete) {
        Optional<Charset> bom = byteOrderMark(sample);
        if (bom.isPresent()) {
            return new Encoding(bom.get(), "byte-order mark", false, true);
        }
        boolean hasNul = false;
        for (byte b : sample) {
            if (b == 0) {
                hasNul = true;
                break;
            }
        }
        if (!hasNul && isUtf8(sample, complete)) {
            return new Encoding(StandardCharsets.UTF_8, sample.length == 0 ? "empty" : "valid UTF-8", false, false);
        }
        CharsetDetector detector = new CharsetDetector();
        detector.setText(sample);
        CharsetMatch match = detector.detect();
        Charset detected = match == null ? null : supported(match.getName());
        if (hasNul && (detected == null || !detected.name().startsWith("UTF-"))) {
            return new Encoding(StandardCharsets.ISO_8859_1, "binary: NUL bytes", true, false);
        }
        if (detected == null) {
            return new Encoding(StandardCharsets.UTF_8, "nothing better detected", false, false);
        }
        return new Encoding(detected, String.format(Locale.ROOT, "detected by ICU, confidence %d%%",
                match.getConfidence()), false, false);
    }

    private static Charset supported(String icuName) {
        try {
            // ICU says GB18030 for any GB text; GB18030 is a superset of GBK and GB2312.
            return Charset.forName(icuName);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Optional<Charset> byteOrderMark(byte[] b) {
        if (startsWith(b, 0xEF, 0xBB, 0xBF)) {
            return Optional.of(StandardCharsets.UTF_8);
        }
        if (startsWith(b, 0xFF, 0xFE, 0x00, 0x00)) {
            return Optional.of(Charset.forName("UTF-32LE"));
        }
        if (startsWith(b, 0x00, 0x00, 0xFE, 0xFF)) {
            return Optional.of(Charset.forName("UTF-32BE"));
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

    /** Valid UTF-8, allowing a sequence cut by the end of an incomplete sample. */
    private static boolean isUtf8(byte[] sample, boolean complete) {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(sample);
        try {
            CharBuffer out = CharBuffer.allocate(sample.length + 1);
            CoderResult r = d.decode(in, out, complete);
            if (r.isError()) {
                return false;
            }
            // An incomplete final sequence of at most 3 bytes is fine when the sample was cut short.
            return complete ? d.flush(out).isUnderflow() && !in.hasRemaining() : in.remaining() < 4;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
