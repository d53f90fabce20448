package dev.zhnorm.internal;

import dev.zhnorm.Preset;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.BooleanSupplier;

import static dev.zhnorm.internal.PhraseStageFoldTest.copied;
import static dev.zhnorm.internal.PhraseStageFoldTest.copy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A stream of short texts (search fields, table rows, lines) takes the tables that a long text
 * derives at once, once {@link CompiledDictionary#SHORT_TEXTS_DERIVE_AFTER} of their chars have gone
 * through without them, and converts exactly as before: the skipping filters of a dense stage (s2t),
 * the first stage with its char map (s2hk), the compatibility stage folded into a sparse first stage
 * (hk2t), the phrase stage's fold and its own filters (s2twp). Every pipeline has its own copies of
 * the stages, so the shared bundled ones stay as the other tests expect them.
 */
class ShortTextsDeriveTest {
    private static final CompiledDictionary COMPAT = BundledData.stage("cjk-compat");
    /** Phrases that change, chars that do, an IT word of s2twp's, a compatibility ideograph (U+F900). */
    private static final String SIMPLIFIED = "用人工智能的计算机软件处理头发和面条，出租车里的干部说：后来发现了！\uF900";
    private static final String TRADITIONAL = "香港的裏面，著名的台灣才子啓發了一口吃個的人。\uF900";

    /**
     * Converts {@code text} until {@code derived} holds, every output the full explanation's (the
     * reference walk); bounded, so that a rule that never derives fails instead of hanging.
     *
     * @return how many chars went through before it held
     */
    private static long convertUntil(Pipeline p, String text, BooleanSupplier derived) {
        String expected = Driver.explain(p, text, false).output();
        long bound = CompiledDictionary.SHORT_TEXTS_DERIVE_AFTER / text.length() + 2;
        long calls = 0;
        while (!derived.getAsBoolean()) {
            assertTrue(calls <= bound, "not derived after " + calls + " texts of " + text.length() + " chars");
            assertEquals(expected, Driver.apply(p, text));
            calls++;
        }
        assertEquals(expected, Driver.apply(p, text), "after");
        return calls * text.length();
    }

    private static String shortText(String piece) {
        String text = piece.repeat(4);
        assertTrue(text.length() < 4096, "a short text: " + text.length());
        return text;
    }

    @Test
    void aDenseStageDerivesItsSkippingFilters() {
        CompiledDictionary st = copy(BundledData.stage("st"));
        Pipeline p = new Pipeline(null, List.of(COMPAT), null, List.of(st));
        String text = shortText(SIMPLIFIED);
        Driver.apply(p, text);
        assertFalse(st.hasPhraseFilters(), "one short text does not derive them");
        long chars = convertUntil(p, text, st::hasPhraseFilters);
        assertTrue(chars >= CompiledDictionary.SHORT_TEXTS_DERIVE_AFTER - text.length(), chars + " chars");
    }

    @Test
    void aFusedFirstStageDerivesItsFoldWithTheCharMap() {
        Pipeline p = copied(Preset.S2HK);
        CompiledDictionary st = p.chain().get(0);
        CompiledDictionary hk = p.chain().get(1);
        String text = shortText(SIMPLIFIED);
        long chars = convertUntil(p, text, () -> st.followedBy(hk, 0) != null);
        assertTrue(chars >= CompiledDictionary.SHORT_TEXTS_DERIVE_AFTER - text.length(), chars + " chars");
        CompiledDictionary both = st.followedBy(hk, 0);
        assertEquals(Driver.explain(p, text, false).output(), Driver.apply(p, text));
        assertTrue(both.hasPhraseFilters(), "the derived stage counts the texts its parent converted");
    }

    @Test
    void aSparsePresetDerivesItsCompatibilityFold() {
        Pipeline p = new Pipeline(null, List.of(COMPAT), null, List.of(BundledData.stage("hk-rev")));
        String text = shortText(TRADITIONAL);
        Driver.apply(p, text);
        assertFalse(p.hasFolded());
        long chars = convertUntil(p, text, p::hasFolded);
        assertTrue(chars >= CompiledDictionary.SHORT_TEXTS_DERIVE_AFTER - text.length(), chars + " chars");
    }

    @Test
    void thePhraseStageFoldTakesTheSkippingLoopForShortTexts() {
        Pipeline p = copied(Preset.S2TWP);
        CompiledDictionary st = p.chain().get(0);
        CompiledDictionary twp = p.chain().get(1);
        String text = shortText(SIMPLIFIED);
        long needed = CompiledDictionary.FOLD_AFTER_CHARS / text.length() + 2;
        String expected = Driver.explain(p, text, false).output();
        for (long i = 0; i < needed && st.foldedWith(twp, 0) == null; i++) {
            assertEquals(expected, Driver.apply(p, text));
        }
        PhraseStageFold fold = st.foldedWith(twp, 0);
        assertNotNull(fold, "short texts derive the fold too");
        assertTrue(st.hasPhraseFilters(), "the first stage's filters, before the fold");
        assertEquals(expected, Driver.apply(p, text));
        assertTrue(fold.dict.hasPhraseFilters(), "the fold counts the texts its first stage converted");
        assertEquals(expected, Driver.apply(p, text));
    }
}
