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
        }
    }
    private static final List<String> KEYS = BundledData.stage("st").entries().stream()
            .map(FlatEntry::key).filter(k -> k.length() >= 2).toList();

    private static String keySoup(Random r, int pieces) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < pieces; i++) {
            String k = KEYS.get(r.nextInt(KEYS.size()));
            switch (r.nextInt(5)) {
                case 0 -> sb.append(k.substring(1));                    // a suffix: keys start inside keys
                case 1 -> sb.append(k, 0, k.length() - 1);              // a prefix
                case 2 -> sb.append(k.charAt(r.nextInt(k.length())));   // one char
                case 3 -> sb.append(r.nextInt(6) == 0 ? "⿰" : "，");   // a barrier, or a description operator
                default -> sb.append(k);
            }
        }
        return sb.toString();
    }

    @Test
    void skippingGivesTheWalksOutput() throws IOException {
        Random r = new Random(20261202);
        for (int round = 0; round < 3000; round++) {
            String text = keySoup(r, 1 + r.nextInt(30));
            Pipeline preset = DENSE_FIRST.get(round % DENSE_FIRST.size());
            String walked = Driver.explain(preset, text, false).output();
            assertEquals(walked, Driver.apply(preset, text), text);
            if (round % 10 < 4) {
                int chunk = 1 + r.nextInt(12);
                StringWriter w = new StringWriter();
                Driver.apply(preset, new PipelineVersusReferenceTest.ChunkedReader(text, chunk), w);
                assertEquals(walked, w.toString(), () -> "chunks of " + chunk + ": " + text);
            }
        }
    }

    @Test
    void identityKeysAreSkippedButStillBlock() {
        // 一干二净 changes 干; 干净 alone is 乾淨; in 一干二净 the walk starts at 一, so 干净 never matches there.
        String text = "一干二净";
        assertEquals(Driver.explain(S2T, text, false).output(), Driver.apply(S2T, text));
        PhraseFilters f = BundledData.stage("st").phraseFilters();
        assertTrue(f.mayChange('一', '干'));
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
