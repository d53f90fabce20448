package dev.zhnorm.internal;

import dev.zhnorm.conformance.OpenccCaseTable;
import dev.zhnorm.dict.DictionaryEntry;
import dev.zhnorm.dict.TextDictionary;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bundled binary tables and the derivations they are built from. */
class BundledDataTest {
    private final BundledSources sources = new BundledSources(getClass().getClassLoader());

    @Test
    void everyBundledTableEqualsAFreshCompileOfItsSources() {
        // Catches a stale build step and any non-determinism in compilation.
        for (BundledStages.Stage stage : BundledStages.STAGES.values()) {
            assertEquals(BundledStages.compile(stage, sources), BundledData.stage(stage.id()), stage.id());
        }
    }

    @Test
    void declaredRunShortcutMatchesTheData() {
        for (dev.zhnorm.Preset p : dev.zhnorm.Preset.values()) {
            BundledPlans.Plan plan = BundledPlans.plan(p);
            CompiledDictionary seg = plan.segmentation() == null ? null : BundledData.stage(plan.segmentation());
            List<CompiledDictionary> chain = plan.chain().stream().map(BundledData::stage).toList();
            assertEquals(Pipeline.segmentationFuses(seg, chain), plan.fusedSegmentation(), p.id());
        }
    }

    @Test
    void compiledTablesKeepEveryFlattenedEntry() {
        BundledStages.Stage ts = BundledStages.STAGES.get("ts");
        List<FlatEntry> flat = DictionaryFlattener.flatten(ts.definition().apply(sources));
        Map<String, String> expected = new HashMap<>();
        flat.forEach(e -> {
            if (!(e.key().length() == 1 && e.key().equals(e.value()))) {
                expected.put(e.key(), e.value());
            }
        });
        Map<String, String> actual = new HashMap<>();
        BundledData.stage("ts").entries().forEach(e -> actual.put(e.key(), e.value()));
        assertEquals(expected, actual);
    }

    @Test
    void taiwanVariantsAreRekeyedToStandardTraditional() {
        TextDictionary tw = sources.twVariants();
        assertEquals("偽", value(tw, "僞"));
        assertEquals("裡", value(tw, "裏"));
        assertEquals("麵", value(tw, "麪"));
        assertEquals("著", value(tw, "着"), "着 has no other standard form, so it stays the key");
        assertEquals("才", value(tw, "纔"));
        assertTrue(tw.get("里").isEmpty(), "里 (as in 公里) is not a Taiwan variant of anything");
        assertTrue(tw.get("面").isEmpty(), "面 (face) stays 面 in Taiwan");
        assertTrue(tw.entries().stream().noneMatch(e -> e.key().equals(e.value())));
    }

    @Test
    void taiwanPhrasesAreRekeyedThroughS2t() {
        TextDictionary twp = sources.twPhrases();
        assertEquals("滑鼠", value(twp, "鼠標"));
        assertEquals("平行計算", value(twp, "並行計算"));
        assertTrue(twp.get("鼠标").isEmpty());
    }

    @Test
    void reverseTablesFollowOpenccsDerivation() {
        TextDictionary rev = BundledSources.reverse(sources.twVariants(), "rev");
        assertEquals("着", value(rev, "著"));
        assertEquals("裏", value(rev, "裡"));
        TextDictionary multi = TextDictionary.of("m", List.of(
                new DictionaryEntry("乙", List.of("X")), new DictionaryEntry("甲", List.of("X", "Y"))));
        // Keys are visited in code point order (甲 U+7532 before 乙 U+4E59? no: 乙 is smaller).
        assertEquals(List.of("乙", "甲"), BundledSources.reverse(multi, "r").get("X").orElseThrow().values());
        assertEquals(List.of("甲"), BundledSources.reverse(multi, "r").get("Y").orElseThrow().values());
        // Code point order, not UTF-16 order: U+FF21 comes before U+20000 (a surrogate pair, D840 DC00).
        TextDictionary wide = TextDictionary.of("w", List.of(
                new DictionaryEntry("\uD840\uDC00", List.of("Z")), new DictionaryEntry("\uFF21", List.of("Z"))));
        assertEquals(List.of("\uFF21", "\uD840\uDC00"), BundledSources.reverse(wide, "r").get("Z").orElseThrow().values());
    }

    @Test
    void cjkCompatibilityIdeographsComeFromUnicodeData() {
        TextDictionary cjk = sources.cjkCompatibilityIdeographs();
        assertEquals("六", value(cjk, "\uF9D1"));
        assertEquals("丽", value(cjk, new String(Character.toChars(0x2F800))));
        assertFalse(cjk.get("\uFA0E").isPresent(), "U+FA0E is a unified ideograph despite its block");
    }

    @Test
    void cjkCompatibilityIdeographsEqualOpenccsOwnTable() {
        // OpenCC 1.4's CJK_Compatibility_Ideographs.txt, when the conformance data is present.
        TextDictionary opencc = TextDictionary.load(OpenccCaseTable.packageDir().resolve("data/CJK_Compatibility_Ideographs.txt"));
        Map<String, String> theirs = new HashMap<>();
        opencc.entries().forEach(e -> theirs.put(e.key(), e.value()));
        Map<String, String> ours = new HashMap<>();
        sources.cjkCompatibilityIdeographs().entries().forEach(e -> ours.put(e.key(), e.value()));
        assertEquals(theirs, ours);
    }

    private static String value(TextDictionary d, String key) {
        return d.get(key).map(DictionaryEntry::value).orElse(null);
    }
}
