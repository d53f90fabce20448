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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /**
     * Chars that t2cn maps onto a phrase key's char but that no text writes in those phrases, so the
     * texts they make are not words: 瀋 (瀋陽; OpenCC maps it to 沈, the key char of 沈默 and the
     * like), 迴 and 旂 (迴覆, 昇旂), variants 佈 傢 査 敎 颳 鬪 鬭 (坏佈, 有著作傢, 覆査, 祕敎, 蒐颳, 昇鬪小民).
     */
    private static final String NOT_IN_THESE_WORDS = "瀋迴旂佈傢査敎颳鬪鬭";

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

    /**
     * A phrase key may hold a char that t2cn itself outputs for another char (坏 for 壞): the text
     * with that other char there converts to the key's chars, which a second run would then take for
     * the phrase (壞子弟 → 坏子弟 → 坯子弟). For every phrase key of both stages and every char that
     * t2cn maps alone onto one of the key's chars, the text so made converts to a fixed point.
     */
    @Test
    void whatConvertsIntoAPhraseKeyIsAFixedPoint() {
        Map<Character, List<Character>> preimages = new HashMap<>();
        for (int c = 0; c < 0x10000; c++) {
            if (Character.isSurrogate((char) c)) {
                continue;
            }
            String out = t2cn.convert(String.valueOf((char) c));
            if (out.length() == 1 && out.charAt(0) != c) {
                preimages.computeIfAbsent(out.charAt(0), k -> new ArrayList<>()).add((char) c);
            }
        }
        List<String> moved = new ArrayList<>();
        for (String stage : List.of("t2cn-variants", "t2cn-simplify")) {
            for (FlatEntry e : BundledData.stage(stage).entries()) {
                String key = e.key();
                if (key.codePointCount(0, key.length()) < 2) {
                    continue;
                }
                for (int i = 0; i < key.length(); i++) {
                    for (char c : preimages.getOrDefault(key.charAt(i), List.of())) {
                        if (NOT_IN_THESE_WORDS.indexOf(c) >= 0) {
                            continue;
                        }
                        String text = key.substring(0, i) + c + key.substring(i + 1);
                        String once = t2cn.convert(text);
                        String twice = t2cn.convert(once);
                        if (!twice.equals(once) && !ALLOWED.contains(once)) {
                            moved.add(text + " → " + once + " → " + twice + " (key " + key + ", " + e.source() + ")");
                        }
                    }
                }
            }
        }
        assertTrue(moved.isEmpty(), moved.size() + " texts that t2cn converts twice:\n" + String.join("\n", moved));
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
        String zuozhuan = t2cn.convert(SharedCorpus.read(SharedCorpus.ZUOZHUAN_HANT));
        assertEquals(zuozhuan, t2cn.convert(zuozhuan));
    }

    @Test
    void mainlandSimplifiedComesThroughUnchanged() {
        String mainland = "他以显著的成绩著称，秘书说这是个秘密；乾县和乾安县都是地名，什么也没说，"
                + "随着时代发展，着力推动标准化，幺么小丑，镟床。他是个坏子弟，改掉这一坏习惯，这块坏布不要了，"
                + "瓷坏了，毛坏了，土坏了。";
        assertEquals(mainland, t2cn.convert(mainland));
    }
}
