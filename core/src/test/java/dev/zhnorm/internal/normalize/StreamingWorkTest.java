package dev.zhnorm.internal.normalize;

import dev.zhnorm.Preset;
import dev.zhnorm.internal.BundledData;
import dev.zhnorm.normalize.Indent;
import dev.zhnorm.normalize.Numerals;
import dev.zhnorm.normalize.Spacing;
import dev.zhnorm.normalize.Style;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Streaming normalization is linear even when the reader hands out a few chars per read. */
class StreamingWorkTest {
    @Test
    void aLongLineReadThreeCharsAtATimeIsScannedOnce() throws IOException {
        NormalizationPipeline p = NormalizationPipeline.of(BundledData.pipeline(Preset.T2CN), true, true,
                Style.MAINLAND, Numerals.WIDTH_ONLY, Spacing.NONE, Indent.KEEP, List.of());
        StringBuilder sb = new StringBuilder();
        while (sb.length() < 60_000) {
            sb.append("後來,他說漢字很好");
        }
        String text = sb + "\n短行\n" + sb;
        LineSplitter split = new LineSplitter(LineSplitter.MAX_PIECE, p.conversion());
        StringWriter out = new StringWriter();
        p.normalize(new NormalizerPropertiesTest.ChoppyReader(text, new Random(7), 3), out, split);
        assertEquals(p.normalize(text), out.toString());
        // Each char is looked at once for a line terminator (plus a few at each piece start).
        assertTrue(split.examined() <= text.length() + 64, "examined " + split.examined() + " chars of " + text.length());
    }
}
