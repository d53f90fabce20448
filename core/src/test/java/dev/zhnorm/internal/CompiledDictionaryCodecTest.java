package dev.zhnorm.internal;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

/** The binary form: a round trip is identical; a truncated or corrupted table is an IOException, never garbage. */
class CompiledDictionaryCodecTest {
    private static final CompiledDictionary DICT = CompiledDictionary.compile("demo", List.of(
            new FlatEntry("漢", "汉", "chars"), new FlatEntry("漢字", "汉字", "phrases"),
            new FlatEntry("頭髮", "头发", "phrases"), new FlatEntry("\uD840\uDC00", "X", "chars"),
            new FlatEntry("後", "后", "chars")), CompiledDictionary.Purpose.CONVERSION);

    private static byte[] bytes(CompiledDictionary d) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(b)) {
            CompiledDictionaryCodec.write(d, out);
        }
        return b.toByteArray();
    }

    private static CompiledDictionary read(byte[] b) throws IOException {
        return CompiledDictionaryCodec.read(new DataInputStream(new ByteArrayInputStream(b)));
    }

    @Test
    void roundTripIsIdentical() throws IOException {
        CompiledDictionary back = read(bytes(DICT));
        assertEquals(DICT, back);
        assertEquals(DICT.entries().size(), back.entries().size());
    }

    /** Every cut in the header and the small tables, and a sample of cuts in the 256 KB first level. */
    @Test
    void truncationIsAnIOException() throws IOException {
        byte[] full = bytes(DICT);
        Random rnd = new Random(11);
        List<Integer> cuts = new ArrayList<>();
        for (int n = 0; n < 400; n++) {
            cuts.add(n);
            cuts.add(full.length - 1 - n);
        }
        for (int k = 0; k < 100; k++) {
            cuts.add(rnd.nextInt(full.length));
        }
        for (int n : cuts) {
            byte[] cut = Arrays.copyOf(full, n);
            assertThrows(IOException.class, () -> read(cut), "truncated to " + n + " of " + full.length);
        }
    }

    /** A flipped byte gives an IOException or a dictionary whose every match stays within its arrays. */
    @Test
    void corruptionNeverEscapesAsAnotherException() throws IOException {
        byte[] full = bytes(DICT);
        long seed = 7;
        Random rnd = new Random(seed);
        char[] text = "漢字頭髮後來\uD840\uDC00甲".toCharArray();
        for (int round = 0; round < 1_000; round++) {
            byte[] b = full.clone();
            int flips = 1 + rnd.nextInt(3);
            for (int k = 0; k < flips; k++) {
                // Half the flips in the header and small tables, where a flip changes lengths and ids.
                int at = rnd.nextBoolean() ? rnd.nextInt(Math.min(b.length, 200)) : rnd.nextInt(b.length);
                b[at] ^= (byte) (1 << rnd.nextInt(8));
            }
            if (rnd.nextInt(4) == 0) {
                // ...and some flips in the tail: edges, value chars, offsets and sources.
                b[b.length - 1 - rnd.nextInt(Math.min(b.length, 300))] ^= (byte) (1 << rnd.nextInt(8));
            }
            CompiledDictionary d;
            try {
                d = read(b);
            } catch (IOException expected) {
                continue;
            } catch (RuntimeException e) {
                fail("seed " + seed + " round " + round + ": " + e, e);
                return;
            }
            try {
                for (int p = 0; p < text.length; p++) {
                    long m = d.match(text, p, text.length);
                    if (m != CompiledDictionary.NO_MATCH) {
                        d.value(CompiledDictionary.matchValue(m));
                        d.source(CompiledDictionary.matchValue(m));
                    }
                }
            } catch (RuntimeException e) {
                fail("seed " + seed + " round " + round + ": a corrupt table was accepted and then failed: " + e, e);
            }
        }
    }

    @Test
    void anotherFormatVersionIsRefused() throws IOException {
        byte[] b = bytes(DICT);
        b[3] = 99;
        IOException e = assertThrows(IOException.class, () -> read(b));
        assertEquals("unsupported compiled dictionary format 99 (expected " + CompiledDictionaryCodec.FORMAT_VERSION + ")",
                e.getMessage());
    }
}
