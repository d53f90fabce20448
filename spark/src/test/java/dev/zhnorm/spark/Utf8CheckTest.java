package dev.zhnorm.spark;

import org.apache.spark.unsafe.types.UTF8String;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The UTF-8 check against the JDK's strict decoder, on named cases and random bytes. */
class Utf8CheckTest {
    private static int check(int... bytes) {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            b[i] = (byte) bytes[i];
        }
        return Utf8Check.firstInvalid(UTF8String.fromBytes(b));
    }

    @Test
    void namedCases() {
        assertEquals(-1, check());
        assertEquals(-1, check('a', 0xE6, 0xBC, 0xA2)); // a漢
        assertEquals(-1, check(0xF0, 0xA0, 0x80, 0xBE)); // 𠀾, Extension B
        assertEquals(0, check(0x80)); // continuation without a lead
        assertEquals(0, check(0xC0, 0xAF)); // overlong '/'
        assertEquals(0, check(0xE0, 0x80, 0xAF)); // overlong
        assertEquals(1, check('x', 0xED, 0xA0, 0x80)); // encoded surrogate U+D800
        assertEquals(0, check(0xF4, 0x90, 0x80, 0x80)); // above U+10FFFF
        assertEquals(0, check(0xF5, 0x80, 0x80, 0x80));
        assertEquals(2, check('a', 'b', 0xE6, 0xBC)); // truncated at the end
        assertEquals(0, check(0xE6, 'a', 0xA2)); // interrupted
    }

    @Test
    void agreesWithTheJdkStrictDecoderOnRandomBytes() {
        long seed = 7L;
        System.out.println("Utf8CheckTest seed " + seed);
        Random random = new Random(seed);
        int[] interesting = {0x00, 0x41, 0x7F, 0x80, 0xBF, 0xC0, 0xC2, 0xDF, 0xE0, 0xE6, 0xED, 0xEF, 0xF0, 0xF4,
            0xF5, 0xFF, 0x9F, 0xA0, 0x8F, 0x90};
        for (int n = 0; n < 20_000; n++) {
            byte[] b = new byte[random.nextInt(8)];
            for (int i = 0; i < b.length; i++) {
                b[i] = (byte) interesting[random.nextInt(interesting.length)];
            }
            boolean valid;
            try {
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b));
                valid = true;
            } catch (CharacterCodingException e) {
                valid = false;
            }
            assertEquals(valid, Utf8Check.firstInvalid(UTF8String.fromBytes(b)) < 0, java.util.HexFormat.of().formatHex(b));
        }
    }

    @Test
    void charsChangedCountsSubstitutionsOrTheChangedSpan() {
        assertEquals(0, JobCounters.charsChanged("漢字", "漢字"));
        assertEquals(2, JobCounters.charsChanged("漢字與", "汉字与"));
        assertEquals(1, JobCounters.charsChanged("a,b", "a，b"));
        assertEquals(1, JobCounters.charsChanged("中文abc", "中文 abc")); // one space inserted
        assertEquals(2, JobCounters.charsChanged("ab", ""));
        assertEquals(5, JobCounters.charsChanged("a「好」b", "a“好”b!")); // lengths differ: from the first to the last difference
    }
}
