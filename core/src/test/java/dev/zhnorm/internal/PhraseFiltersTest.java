package dev.zhnorm.internal;

import dev.zhnorm.Preset;
import dev.zhnorm.SharedCorpus;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A dense dictionary's plain conversion skips the keys that convert as their chars do
 * ({@link PhraseFilters}); a recording run walks every segment. Both must give the greedy walk's
 * output, on text built to make keys overlap: runs of keys of STPhrases, their prefixes and
 * suffixes, cut at every chunk size when streaming.
 */
class PhraseFiltersTest {
    /** s2t converts with the stage alone; s2hk and s2tw fuse segmentation into it, then map char by char. */
    private static final List<Pipeline> DENSE_FIRST = List.of(BundledData.pipeline(Preset.S2T),
            BundledData.pipeline(Preset.S2HK), BundledData.pipeline(Preset.S2TW), BundledData.pipeline(Preset.S2TWP),
            BundledData.pipeline(Preset.S2HKP));
    private static final Pipeline S2T = DENSE_FIRST.get(0);

    static {
        // Derived on first use by a long text; derived now, every text below takes the skipping path.
        for (Pipeline p : DENSE_FIRST) {
            p.chain().get(0).phraseFilters();
            if (p.chain().size() == 2) {
                // s2hk and s2tw: their char map folded into the first stage (null for s2twp, s2hkp).
                p.chain().get(0).followedBy(p.chain().get(1), Integer.MAX_VALUE);
            }
        }
    }
    private static final List<String> KEYS = BundledData.stage("st").entries().stream()
            .map(FlatEntry::key).filter(k -> k.length() >= 2).toList();

    /**
     * The Simplified sources of the phrases of s2twp's and s2hkp's second stages (their keys through
     * t2s): in a soup they put those phrases where segment boundaries of the first stage may cut them.
     */
    private static final List<String> SECOND_STAGE_SOURCES = java.util.stream.Stream.of("twp", "hkp")
            .flatMap(id -> BundledData.stage(id).entries().stream())
            .map(FlatEntry::key).filter(k -> k.length() >= 2)
            .map(k -> Driver.apply(BundledData.pipeline(Preset.T2S), k)).distinct().toList();

    /** Keys whose value has another length in chars (㓆 → 𠗣, 复𫗧 → 覆餗): output and input positions part there. */
    private static final List<String> RESIZING = BundledData.stage("st").entries().stream()
            .filter(e -> e.key().length() != e.value().length()).map(FlatEntry::key).toList();

    static String keySoup(Random r, int pieces) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < pieces; i++) {
            int kind = r.nextInt(12);
            String k = kind < 4 ? SECOND_STAGE_SOURCES.get(r.nextInt(SECOND_STAGE_SOURCES.size()))
                    : kind == 4 ? RESIZING.get(r.nextInt(RESIZING.size()))
                    : KEYS.get(r.nextInt(KEYS.size()));
            switch (r.nextInt(5)) {
                case 0 -> sb.append(k.substring(1));                    // a suffix: keys start inside keys
                case 1 -> sb.append(k, 0, k.length() - 1);              // a prefix
                case 2 -> sb.append(k.charAt(r.nextInt(k.length())));   // one char
                case 3 -> sb.append(r.nextInt(6) == 0 ? "⿰" : r.nextInt(2) == 0 ? "\n" : "，"); // a barrier, or a description operator
                default -> sb.append(k);
            }
        }
        return sb.toString();
    }

    /**
     * The plain conversion, whole and (with {@code chunk} above 0) streamed in chunks of that many
     * chars, against the match-by-match walk of a full explanation.
     */
    static void assertPlainAsWalked(Pipeline preset, String text, int chunk) throws IOException {
        String walked = Driver.explain(preset, text, false).output();
        assertEquals(walked, Driver.apply(preset, text), text);
        if (chunk > 0) {
            StringWriter w = new StringWriter();
            Driver.apply(preset, new PipelineVersusReferenceTest.ChunkedReader(text, chunk), w);
            assertEquals(walked, w.toString(), () -> "chunks of " + chunk + ": " + text);
        }
    }

    @Test
    void skippingGivesTheWalksOutput() throws IOException {
        Random r = new Random(20261202);
        for (int round = 0; round < 3000; round++) {
            String text = keySoup(r, 1 + r.nextInt(30));
            Pipeline preset = DENSE_FIRST.get(round % DENSE_FIRST.size());
            int chunk = 1 + r.nextInt(12);
            assertPlainAsWalked(preset, text, round % 10 < 4 ? chunk : 0);
        }
    }

    /** s2twp and s2hkp: their segments bound a second phrase stage, and windows end anywhere when streaming. */
    @Test
    void segmentsThatBoundASecondPhraseStage() throws IOException {
        Random r = new Random(20261203);
        List<Pipeline> presets = List.of(BundledData.pipeline(Preset.S2TWP), BundledData.pipeline(Preset.S2HKP));
        for (int round = 0; round < 6000; round++) {
            String text = keySoup(r, 1 + r.nextInt(12));
            assertPlainAsWalked(presets.get(round % 2), text, 1 + r.nextInt(9));
        }
    }

    /**
     * A first-stage key that ends inside a second-stage phrase: for each phrase source S and each
     * cut, a key K of STPhrases whose end is S's start, then the rest of S, so that the segment
     * boundary falls inside S (which must then not match as a whole).
     */
    @Test
    void firstStageKeysEndingInsideSecondStagePhrases() throws IOException {
        java.util.Map<String, List<String>> bySuffix = new java.util.HashMap<>();
        for (String k : KEYS) {
            for (int i = 1; i < k.length() && i <= 3; i++) {
                bySuffix.computeIfAbsent(k.substring(k.length() - i), x -> new java.util.ArrayList<>()).add(k);
            }
        }
        Random r = new Random(20261204);
        List<Pipeline> presets = List.of(BundledData.pipeline(Preset.S2TWP), BundledData.pipeline(Preset.S2HKP));
        int tried = 0;
        for (String source : SECOND_STAGE_SOURCES) {
            for (int cut = 1; cut < source.length() && cut <= 3; cut++) {
                List<String> keys = bySuffix.get(source.substring(0, cut));
                if (keys == null) {
                    continue;
                }
                String k = keys.get(r.nextInt(keys.size()));
                String text = KEYS.get(r.nextInt(KEYS.size())) + k + source.substring(cut) + KEYS.get(r.nextInt(KEYS.size()));
                for (Pipeline preset : presets) {
                    assertPlainAsWalked(preset, text, 1 + r.nextInt(6));
                }
                tried++;
            }
        }
        assertTrue(tried > 100, tried + " texts");
    }

    @Test
    void thereAreKeysOfEachKind() {
        assertTrue(RESIZING.size() > 100, RESIZING.size() + " resizing keys");
        assertTrue(SECOND_STAGE_SOURCES.size() > 100, SECOND_STAGE_SOURCES.size() + " phrase sources");
    }

    @Test
    void identityKeysAreSkippedButStillBlock() {
        // 一干二净 changes 干; 干净 alone is 乾淨; in 一干二净 the walk starts at 一, so 干净 never matches there.
        String text = "一干二净";
        assertEquals(Driver.explain(S2T, text, false).output(), Driver.apply(S2T, text));
        PhraseFilters f = BundledData.stage("st").phraseFilters();
        // A longer key stops the loop at its first pair or at its second and third chars, the rarer in phrases.
        assertTrue(f.mayChange('一', '干') || f.mayChange('干', '二'));
        assertTrue(f.mayContinue('干', '二'));
    }

    @Test
    void zuozhuanAsTheWalkConvertsIt() {
        String text = SharedCorpus.read(SharedCorpus.ZUOZHUAN);
        for (Pipeline preset : DENSE_FIRST) {
            String walked = Driver.explain(preset, text, false).output();
            assertEquals(walked, Driver.apply(preset, text));
            assertFalse(walked.equals(text));
        }
    }
}
