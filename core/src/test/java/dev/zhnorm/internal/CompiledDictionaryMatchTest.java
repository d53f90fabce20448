package dev.zhnorm.internal;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link CompiledDictionary#match} against a plain longest-prefix search over the same keys. The
 * alphabet is chosen so that the derived pair table's filter of third chars (bit {@code c & 31})
 * has false positives ({@code A}, {@code a}, {@code !} and {@code 丁} share bit 1), and the keys mix
 * two-char keys that end the trie, two-char prefixes that are no key, deep keys and pairs whose
 * first char is itself a key.
 */
class CompiledDictionaryMatchTest {
    /** 'A' (0x41), 'a' (0x61), '!' (0x21) and U+4E01 all fall on filter bit 1; the others differ. */
    private static final char[] ALPHABET = {'A', 'a', '!', '\u4E01', 'B', 'x', '\u4E00', 'z'};

    @Test
    void matchIsTheLongestKeyPrefix() {
        Random random = new Random(15);
        for (int round = 0; round < 40; round++) {
            Map<String, String> keys = new HashMap<>();
            int count = 5 + random.nextInt(60);
            while (keys.size() < count) {
                keys.put(word(random, 1 + random.nextInt(5)), word(random, 1 + random.nextInt(3)));
            }
            List<FlatEntry> entries = new ArrayList<>();
            keys.forEach((k, v) -> entries.add(new FlatEntry(k, v, "test")));
            CompiledDictionary d = CompiledDictionary.compile("random", entries,
                    CompiledDictionary.Purpose.SEGMENTATION);
            int maxLen = keys.keySet().stream().mapToInt(String::length).max().orElse(0);
            for (int t = 0; t < 50; t++) {
                char[] text = word(random, 1 + random.nextInt(12)).toCharArray();
                for (int p = 0; p < text.length; p++) {
                    int expected = 0;
                    for (int len = 1; len <= Math.min(maxLen, text.length - p); len++) {
                        if (keys.containsKey(new String(text, p, len))) {
                            expected = len;
                        }
                    }
                    long m = d.match(text, p, text.length);
                    String where = new String(text) + " at " + p + " with keys " + keys.keySet();
                    if (expected == 0) {
                        assertEquals(CompiledDictionary.NO_MATCH, m, where);
                    } else {
                        assertEquals(expected, CompiledDictionary.matchLength(m), where);
                        assertEquals(keys.get(new String(text, p, expected)),
                                d.value(CompiledDictionary.matchValue(m)), where);
                    }
                }
            }
        }
    }

    /** {@link CompiledDictionary#firstStarter} skips by the range of starting chars: its ends, and no key at all. */
    @Test
    void firstStarterFindsKeysAtTheEndsOfTheRange() {
        String text = "\u0000a\u4E00\uD87E\uDC00\uFAFF\uFFFF";
        char[] a = text.toCharArray();
        for (int i = 0; i < a.length; i++) {
            CompiledDictionary d = CompiledDictionary.compile("one", List.of(new FlatEntry(String.valueOf(a[i]),
                    "x", "test")), CompiledDictionary.Purpose.SEGMENTATION);
            assertEquals(i, d.firstStarter(a, 0, a.length), "key U+" + Integer.toHexString(a[i]));
            assertEquals(a.length, d.firstStarter(a, i + 1, a.length));
        }
        CompiledDictionary two = CompiledDictionary.compile("two", List.of(new FlatEntry("\u4E00", "x", "t"),
                new FlatEntry("\uFAFF", "y", "t")), CompiledDictionary.Purpose.SEGMENTATION);
        assertEquals(2, two.firstStarter(a, 0, a.length));
        assertEquals(5, two.firstStarter(a, 3, a.length));
        CompiledDictionary none = CompiledDictionary.compile("none", List.of(), CompiledDictionary.Purpose.SEGMENTATION);
        assertEquals(a.length, none.firstStarter(a, 0, a.length));
    }

    private static String word(Random random, int length) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < length; i++) {
            b.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return b.toString();
    }
}
