package dev.zhnorm.t2cn;

import dev.zhnorm.Converter;
import dev.zhnorm.Preset;
import dev.zhnorm.SharedCorpus;
import dev.zhnorm.internal.BundledData;
import dev.zhnorm.internal.FlatEntry;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * t2cn's output is a fixed point of t2cn: converting mainland Simplified text (or normalizing twice)
 * changes nothing. Regional reverse tables and one-to-many defaults would otherwise undo kept forms
 * (显著 → 显着, 乾县 → 干县, 秘书 → 祕书).
 */
class T2cnIdempotenceTest {
    /**
     * Values whose second pass legitimately differs: 苧 is both the Simplified form of 薴 (níng) and the
     * Traditional form of 苎 (zhù, ramie) in OpenCC's tables, so 薴 → 苧 → 苎.
     */
    private static final Set<String> ALLOWED = Set.of("苧");

    private final Converter t2cn = Converter.of(Preset.T2CN);

    @Test
    void everyOutputValueOfTheSimplifyingStageIsAFixedPoint() {
        List<String> moved = new ArrayList<>();
        for (FlatEntry e : BundledData.stage("t2cn-simplify").entries()) {
            String v = e.value();
            if (!ALLOWED.contains(v) && !t2cn.convert(v).equals(v)) {
                moved.add(v + " → " + t2cn.convert(v) + " (from " + e.key() + ", " + e.source() + ")");
            }
        }
        assertTrue(moved.isEmpty(), "t2cn changes its own output:\n" + String.join("\n", moved));
    }

    @Test
    void convertingTwiceEqualsConvertingOnceOnTheProofSetAndTheArticle() throws IOException {
        StringBuilder text = new StringBuilder();
        try (InputStream in = getClass().getResourceAsStream("/dev/zhnorm/t2cn/sentences.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String[] cols = line.split("\t");
                if (cols.length > 4) {
                    text.append(cols[3]).append('\n').append(cols[4]).append('\n');
                }
            }
        }
        String once = t2cn.convert(text);
        assertEquals(once, t2cn.convert(once));
        String article = t2cn.convert(SharedCorpus.read(SharedCorpus.ARTICLE));
        assertEquals(article, t2cn.convert(article));
    }

    @Test
    void mainlandSimplifiedComesThroughUnchanged() {
        String mainland = "他以显著的成绩著称，秘书说这是个秘密；乾县和乾安县都是地名，什么也没说，"
                + "随着时代发展，着力推动标准化，幺么小丑，镟床。";
        assertEquals(mainland, t2cn.convert(mainland));
    }
}
