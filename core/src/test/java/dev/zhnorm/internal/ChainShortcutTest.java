package dev.zhnorm.internal;

import dev.zhnorm.Preset;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChainShortcutTest {
    private static CompiledDictionary dict(String name, String... keyValue) {
        List<FlatEntry> entries = new ArrayList<>();
        for (int i = 0; i < keyValue.length; i += 2) {
            entries.add(new FlatEntry(keyValue[i], keyValue[i + 1], name));
        }
        return CompiledDictionary.compile(name, entries, CompiledDictionary.Purpose.CONVERSION);
    }

    /** @return the shortcut's output, or {@code null} where it gives up */
    private static String shortcut(ChainShortcut s, String text) {
        CharBuf out = new CharBuf(16);
        return s.convert(text.toCharArray(), 0, text.length(), out) ? out.toString() : null;
    }

    /**
     * Every string of up to six chars over an alphabet that meets each case: a first-stage phrase
     * that converts otherwise than char by char (XY), one that converts as its chars do (AQ) and a
     * fixed point (PQ), a second-stage key whose preimage under the first stage's map (AX) spans
     * the start of XY, and description sequences (⿰ takes two operands) around them.
     */
    @Test
    void convertsAsTheTwoStagesWhereverItConverts() {
        CompiledDictionary first = dict("s1", "A", "B", "XY", "XZ", "AQ", "BQ", "PQ", "PQ");
        CompiledDictionary second = dict("s2", "B", "b", "BX", "[bx]", "XZ", "xz", "Q", "q", "PQ", "pq", "Y", "y");
        Pipeline chain = new Pipeline(null, List.of(), null, List.of(first, second));
        ChainShortcut s = chain.chainShortcut();
        assertNotNull(s);
        char[] alphabet = "ABXYZPQ⿰".toCharArray();
        int converted = 0;
        int refused = 0;
        StringBuilder sb = new StringBuilder();
        for (int length = 1; length <= 6; length++) {
            for (long n = 0, all = (long) Math.pow(alphabet.length, length); n < all; n++) {
                long rest = n;
                sb.setLength(0);
                for (int i = 0; i < length; i++) {
                    sb.append(alphabet[(int) (rest % alphabet.length)]);
                    rest /= alphabet.length;
                }
                String text = sb.toString();
                String out = shortcut(s, text);
                if (out == null) {
                    refused++;
                    assertTrue(text.contains("XY"), text + ": refused with no XY in it");
                } else {
                    converted++;
                    assertEquals(Driver.apply(chain, text), out, text);
                }
            }
        }
        assertTrue(refused > 10_000 && converted > 200_000, converted + " converted, " + refused + " refused");
        assertNull(shortcut(s, "AXY"), "XY starts inside the match of AX");
        assertEquals("[bx]Z", Driver.apply(chain, "AXY"));
        assertEquals("⿰XY", shortcut(s, "⿰XY"), "inside a description sequence no key matches");
    }

    @Test
    void noShortcutWhereTheChainDoesNotFold() {
        CompiledDictionary second = dict("s2", "B", "b");
        assertNull(new Pipeline(null, List.of(), null, List.of(dict("s1", "A", "BC"), second)).chainShortcut(),
                "a value of two code points is no code point map");
        assertNull(new Pipeline(null, List.of(), null, List.of(dict("s1", "A", "B", "B", "C"), second)).chainShortcut(),
                "a chain: B is a key and a value");
        assertNull(new Pipeline(null, List.of(), null, List.of(second)).chainShortcut(), "one stage");
        assertNull(new Pipeline(dict("user", "A", "a"), List.of(), null, List.of(dict("s1", "A", "B"), second))
                .chainShortcut(), "user entries");
        Pipeline t2cn = BundledData.pipeline(Preset.T2CN);
        assertNull(t2cn.chainShortcut(), "the CJK compatibility stage comes first");
        assertNull(BundledData.pipeline(Preset.TW2S).forNormalization().withoutNormalization().chainShortcut(),
                "a segmentation");
    }

    /** t2cn's chain as a normalizer runs it on a line without compatibility chars. */
    @Test
    void t2cnConvertsAsItsStagesApart() {
        Pipeline chain = BundledData.pipeline(Preset.T2CN).forNormalization().withoutNormalization();
        ChainShortcut s = chain.chainShortcut();
        assertNotNull(s);
        assertEquals("为人民服务，台湾", shortcut(s, "為人民服務，台灣"));
        assertEquals("我们要着力推进", shortcut(s, "我們要著力推進"), "著 → 着 alone as in 著力 → 着力");
        assertNull(shortcut(s, "著名的作家"), "著名 stays 著名 where 著 alone becomes 着");

        List<String> tokens = new ArrayList<>();
        for (FlatEntry e : chain.chain().get(0).entries()) {
            tokens.add(e.key());
        }
        List<FlatEntry> second = chain.chain().get(1).entries();
        Random r = new Random(20261203);
        for (int i = 0; i < 3000; i++) {
            tokens.add(second.get(r.nextInt(second.size())).key());
        }
        tokens.addAll(List.of("，", "。", " ", "a", "1", "⿰", "\uD840\uDC00", "\uD840", "\uDC00"));
        int converted = 0;
        int refused = 0;
        for (int i = 0; i < 4000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int k = 1 + r.nextInt(12); k > 0; k--) {
                String t = tokens.get(r.nextInt(tokens.size()));
                // A piece of a token as often as a whole one: phrases then start and end anywhere.
                int from = r.nextBoolean() ? 0 : r.nextInt(t.length());
                sb.append(t, from, r.nextBoolean() ? t.length() : from + 1 + r.nextInt(t.length() - from));
            }
            String text = sb.toString();
            String out = shortcut(s, text);
            if (out == null) {
                refused++;
            } else {
                converted++;
                assertEquals(Driver.apply(chain, text), out, text);
            }
        }
        assertTrue(converted > 1000 && refused > 100, converted + " converted, " + refused + " refused");
    }
}
