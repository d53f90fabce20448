package dev.zhnorm.internal.normalize;

import dev.zhnorm.Normalizer;
import dev.zhnorm.Preset;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A line longer than 65,536 chars is cut into pieces; ASCII punctuation, numerals and chain chars
 * right at a cut used to be left for a second run ({@code 甲.乙} became {@code 甲。乙} only then).
 */
class LongLineIdempotenceTest {
    @Test
    void punctuationAtEveryPossibleCutIsNormalizedInTheFirstRun() throws IOException {
        Normalizer n = Normalizer.builder().conversion(Preset.T2S).build();
        String unit = "甲.乙,丙;丁:戊!己?庚...辛．壬：癸-子/丑十五人薴";
        for (int shift = 0; shift < unit.length(); shift += 3) {
            StringBuilder line = new StringBuilder("甲".repeat(shift));
            while (line.length() < 140_000) {
                line.append(unit);
            }
            String once = n.normalize(line);
            assertEquals(once, n.normalize(once), "shift " + shift);
            StringWriter streamed = new StringWriter();
            n.normalize(new NormalizerPropertiesTest.ChoppyReader(line.toString(), new Random(shift)), streamed);
            assertEquals(once, streamed.toString(), "streamed, shift " + shift);
            assertEquals(-1, once.indexOf('.'), "an ASCII full stop left at a cut, shift " + shift);
        }
    }
}
