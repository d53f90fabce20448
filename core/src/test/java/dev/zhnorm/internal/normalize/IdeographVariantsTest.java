package dev.zhnorm.internal.normalize;

import dev.zhnorm.Normalizer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * U2 and U3 through the whole normalizer, for every BMP code point of their ranges: the cleanup
 * table defers the look-up to when such a character is met, and must map exactly what the ICU-derived
 * tables say, including a BMP compatibility ideograph whose unified form is above the BMP.
 */
class IdeographVariantsTest {
    private static final Normalizer PLAIN = Normalizer.builder().noConversion().build();

    @Test
    void knownVariants() {
        assertEquals("\uD850\uDEEE", PLAIN.normalize("\uFA6C"));      // U+FA6C → U+242EE
        assertEquals("既然", PLAIN.normalize("\uFA42然"));              // U+FA42 → 既
        assertEquals("一二", PLAIN.normalize("\u2F00\u2F06"));          // Kangxi radicals ⼀ ⼆
        assertEquals("厂", PLAIN.normalize("\u2E81"));                  // ⺁
        assertEquals("\u2E80", PLAIN.normalize("\u2E80"));              // ⺀: no clear counterpart, stays
    }

    @Test
    void everyCodePointOfBothRangesMapsAsItsTableSays() {
        for (int cp = 0x2E80; cp < 0x2FE0; cp++) {
            check(cp, IdeographVariants.radical(cp));
        }
        for (int cp = 0xF900; cp < 0xFB00; cp++) {
            check(cp, IdeographVariants.compatibility(cp));
        }
    }

    private static void check(int cp, int target) {
        String in = "甲" + Character.toString(cp) + "乙";
        String expected = target == 0 ? in : "甲" + Character.toString(target) + "乙";
        assertEquals(expected, PLAIN.normalize(in), () -> String.format("U+%04X", cp));
    }
}
