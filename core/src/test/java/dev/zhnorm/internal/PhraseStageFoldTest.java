package dev.zhnorm.internal;

import dev.zhnorm.Preset;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

import static dev.zhnorm.internal.PhraseFiltersTest.assertPlainAsWalked;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * s2twp's and s2hkp's two stages folded into one ({@link PhraseStageFold}) against the
 * segment-by-segment walk of a full explanation, on the bundled data: soups of the first stage's
 * phrases and of the second stage's phrases in Simplified (which the fold holds as run keys, through
 * the first stage's char map), cut and overlapped, whole and streamed, through the table loop with
 * a walk at each stop and through the skipping loop. Each pipeline here has its own copy of the
 * stages, so the shared bundled ones keep converting unfolded for the other tests.
 */
class PhraseStageFoldTest {
    /** A copy of {@code d} with none of its derived tables: tests of derivation keep the shared stages as they are. */
    static CompiledDictionary copy(CompiledDictionary d) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                CompiledDictionaryCodec.write(d, out);
            }
            return CompiledDictionaryCodec.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The preset's pipeline with copies of its two chain stages, the first not yet folded. */
    /** {@code preset}'s bundled pipeline with copies of its two chain stages ({@link #copy}). */
    static Pipeline copied(Preset preset) {
        Pipeline p = BundledData.pipeline(preset);
        return new Pipeline(null, p.normalization(), p.segmentation(),
                List.of(copy(p.chain().get(0)), copy(p.chain().get(1))), true);
    }

    /** The run keys of a fold: the second stage's phrases as the first stage's input writes them. */
    private static List<String> runKeys(PhraseStageFold fold) {
        List<String> keys = new ArrayList<>();
        for (FlatEntry e : fold.dict.entries()) {
            char[] k = e.key().toCharArray();
            if (fold.runCheck(CompiledDictionary.matchValue(fold.dict.match(k, 0, k.length))) != 0) {
                keys.add(e.key());
            }
        }
        return keys;
    }

    @Test
    void foldedAsTheSegmentWalkThroughBothLoops() throws IOException {
        Random r = new Random(20261206);
        for (Preset preset : List.of(Preset.S2TWP, Preset.S2HKP)) {
            Pipeline p = copied(preset);
            PhraseStageFold fold = p.chain().get(0).foldedWith(p.chain().get(1));
            assertNotNull(fold, preset.id());
            List<String> runKeys = runKeys(fold);
            assertTrue(runKeys.size() > 100, runKeys.size() + " run keys");
            assertTrue(preset == Preset.S2HKP || runKeys.contains("人工智能"), "人工智能 is a run key of s2twp");
            // First without the fold's skipping filters (a table loop and a walk at each stop), then with them.
            for (int pass = 0; pass < 2; pass++) {
                if (pass == 1) {
                    fold.dict.phraseFilters();
                }
                for (int round = 0; round < 2500; round++) {
                    StringBuilder text = new StringBuilder(PhraseFiltersTest.keySoup(r, 1 + r.nextInt(12)));
                    for (int i = r.nextInt(4); i > 0; i--) {
                        String k = runKeys.get(r.nextInt(runKeys.size()));
                        int at = r.nextInt(text.length() + 1);
                        text.insert(at, r.nextInt(3) == 0 ? k.substring(0, k.length() - 1) : k);
                    }
                    assertPlainAsWalked(p, text.toString(), round % 3 == 0 ? 1 + r.nextInt(9) : 0);
                }
            }
        }
    }

    /**
     * @return for every run key {@code w} of the fold and each offset inside it, up to three
     *     phrases {@code k} of the first stage that start with the rest of {@code w} and go on past
     *     it: the texts {@code w[0,d) + k}, where the segment {@code k} cuts the run
     */
    private static List<String> cutRunKeys(PhraseStageFold fold) {
        TreeSet<String> phrases = new TreeSet<>();
        BundledData.stage("st-seg").entries().forEach(e -> phrases.add(e.key()));
        List<String> texts = new ArrayList<>();
        for (String w : runKeys(fold)) {
            for (int d = 1; d < w.length(); d++) {
                String tail = w.substring(d);
                List<String> goOn = phrases.subSet(tail, false, tail + Character.MAX_VALUE, false).stream()
                        .filter(k -> k.startsWith(tail)).limit(3).toList();
                for (String k : goOn) {
                    texts.add(w.substring(0, d) + k);
                }
            }
        }
        return texts;
    }

    /**
     * Every run key with a phrase of the first stage that starts inside it and reaches past it
     * (人工智能 and 智能卡, say): the segment cuts the run, so the key must give way to a shorter one.
     */
    @Test
    void runKeysCutBySegmentsThatStartInsideThem() throws IOException {
        for (Preset preset : List.of(Preset.S2TWP, Preset.S2HKP)) {
            Pipeline p = copied(preset);
            PhraseStageFold fold = p.chain().get(0).foldedWith(p.chain().get(1));
            List<String> cut = cutRunKeys(fold);
            for (int i = 0; i < cut.size(); i++) {
                assertPlainAsWalked(p, cut.get(i), 0);
                assertPlainAsWalked(p, "，" + cut.get(i) + cut.get((i + 1) % cut.size()), 1 + i % 5);
            }
            assertTrue(cut.size() > (preset == Preset.S2TWP ? 200 : 10), preset.id() + ": " + cut.size() + " cut run keys");
        }
    }

    /** Pieces converted on other threads, and a stream in blocks, join into the one-thread output. */
    @Test
    void parallelAndStreamedAsOneThread() throws Exception {
        Pipeline p = copied(Preset.S2TWP);
        PhraseStageFold fold = p.chain().get(0).foldedWith(p.chain().get(1));
        List<String> runKeys = runKeys(fold);
        List<String> cut = cutRunKeys(fold);
        Random r = new Random(20261207);
        StringBuilder sb = new StringBuilder();
        while (sb.length() < 200_000) {
            // No description operator: a window holding one goes segment by segment, not through the fold.
            sb.append(PhraseFiltersTest.keySoup(r, 1 + r.nextInt(12)).replace('⿰', '，'));
            sb.append(runKeys.get(r.nextInt(runKeys.size()))).append(cut.get(r.nextInt(cut.size())));
        }
        String text = sb.toString();
        String whole = Driver.apply(p, text);
        assertEquals(Driver.explain(p, text, false).output(), whole);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(3);
        try {
            for (int piece : new int[] {1 << 10, 1 << 12, 1 << 14}) {
                assertEquals(whole, Driver.apply(p, text, pool, piece), "pieces of " + piece);
            }
            java.io.StringWriter out = new java.io.StringWriter();
            Driver.apply(p, new java.io.StringReader(text), out, pool, 1 << 12, 4);
            assertEquals(whole, out.toString(), "a stream in blocks");
        } finally {
            pool.shutdownNow();
        }
    }

    /** Derived once its callers have converted {@link CompiledDictionary#FOLD_AFTER_CHARS} chars, not before. */
    @Test
    void derivedAfterEnoughTextAndTheSameOutput() {
        Pipeline p = copied(Preset.S2TWP);
        CompiledDictionary first = p.chain().get(0);
        String text = "用人工智能的计算机软件处理头发和面条。".repeat(1 << 15);
        String before = Driver.apply(p, text);
        assertNull(first.foldedWith(p.chain().get(1), 0), "not derived after " + text.length() + " chars");
        int calls = 1;
        int enough = CompiledDictionary.FOLD_AFTER_CHARS / text.length() + 2;
        while (first.foldedWith(p.chain().get(1), 0) == null && calls <= enough) {
            assertEquals(before, Driver.apply(p, text));
            calls++;
        }
        assertNotNull(first.foldedWith(p.chain().get(1), 0), "derived after " + calls + " calls");
        assertTrue((long) calls * text.length() >= CompiledDictionary.FOLD_AFTER_CHARS, calls + " calls");
        assertEquals(before, Driver.apply(p, text));
        String head = text.substring(0, 19 * 50);
        assertEquals(Driver.explain(p, head, false).output(), Driver.apply(p, head));
    }
}
