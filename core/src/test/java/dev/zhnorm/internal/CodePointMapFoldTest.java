package dev.zhnorm.internal;

import dev.zhnorm.Preset;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static dev.zhnorm.internal.PhraseFiltersTest.assertPlainAsWalked;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * The CJK compatibility stage folded into each bundled preset's first stage and segmentation
 * ({@link Pipeline#folded()}, {@link CompiledDictionary#precededBy}): a long text or a stream goes
 * through the folded pipeline, a full explanation through the stages apart, and both must give the
 * same output on soups of compatibility ideographs (BMP and supplementary), their unified targets,
 * the stages' keys and those keys with a target replaced by a compatibility ideograph that maps to
 * it, description sequences around them, whole, long and streamed.
 */
class CodePointMapFoldTest {
    private static final CompiledDictionary COMPAT = BundledData.stage("cjk-compat");
    /** Unified ideograph → the compatibility ideographs that map to it. */
    private static final Map<String, List<String>> PREIMAGES = new HashMap<>();

    static {
        for (FlatEntry e : COMPAT.entries()) {
            PREIMAGES.computeIfAbsent(e.value(), v -> new ArrayList<>()).add(e.key());
        }
    }

    @Test
    void everyPresetButTheDenseOnesFolds() {
        for (Preset preset : Preset.values()) {
            Pipeline p = BundledData.pipeline(preset);
            Pipeline f = p.folded();
            if (p.chain().get(0).skipsUnchangingKeys()) {
                assertSame(p, f, preset + ": s2t's stage is not folded");
            } else {
                assertNotSame(p, f, preset.id());
                assertEquals(List.of(), f.normalization(), preset.id());
                assertSame(f, p.folded(), "derived once");
                assertSame(f.chain().get(0), p.chain().get(0).precededBy(COMPAT, CompiledDictionary.Purpose.CONVERSION),
                        "presets that share a first stage share its fold");
            }
        }
    }

    /**
     * One dictionary asked for both purposes gets two folds: the map's keys whose image is no key
     * become keys for conversion only (in a segmentation such a key would cut a segment).
     */
    @Test
    void eachPurposeItsOwnFold() {
        CompiledDictionary d = CompiledDictionary.compile("d", List.of(new FlatEntry("ab", "AB", "d")),
                CompiledDictionary.Purpose.CONVERSION);
        CompiledDictionary conversion = d.precededBy(COMPAT, CompiledDictionary.Purpose.CONVERSION);
        CompiledDictionary segmentation = d.precededBy(COMPAT, CompiledDictionary.Purpose.SEGMENTATION);
        assertNotSame(conversion, segmentation);
        assertSame(segmentation, d.precededBy(COMPAT, CompiledDictionary.Purpose.SEGMENTATION));
        assertEquals(d.size() + COMPAT.size(), conversion.size(), "every compatibility ideograph maps to its image");
        assertEquals(d.size(), segmentation.size(), "ab holds no compatibility target");
    }

    /**
     * Only a long text or a long stream derives the folded pipeline: a short one (a 1 KB file on the
     * command line) would pay the derivation for nothing.
     */
    @Test
    void onlyLongInputsDeriveTheFold() throws IOException {
        Pipeline p = new Pipeline(null, List.of(COMPAT), null, List.of(BundledData.stage("hk-rev")));
        String line = "香港的裏面，著名的台灣。\n";
        String shortText = line.repeat(80);
        String longText = line.repeat(4000);
        Driver.apply(p, shortText);
        Driver.apply(p, new java.io.StringReader(shortText), new java.io.StringWriter());
        Driver.apply(p, new PipelineVersusReferenceTest.ChunkedReader(longText, 100), new java.io.StringWriter());
        assertFalse(p.hasFolded(), "short texts, and a stream whose first read is short");
        java.io.StringWriter w = new java.io.StringWriter();
        Driver.apply(p, new java.io.StringReader(longText), w);
        assertTrue(p.hasFolded(), "a long stream");
        assertEquals(Driver.explain(p, longText, false).output(), w.toString());
        Pipeline q = new Pipeline(null, List.of(COMPAT), null, List.of(BundledData.stage("hk-rev")));
        Driver.apply(q, longText);
        assertTrue(q.hasFolded(), "a long String");
    }

    @Test
    void foldedPresetsConvertAsTheirStagesApart() throws IOException {
        Random r = new Random(20261203);
        List<String> compat = COMPAT.entries().stream().map(FlatEntry::key).toList();
        List<String> targets = List.copyOf(PREIMAGES.keySet());
        for (Preset preset : Preset.values()) {
            Pipeline p = BundledData.pipeline(preset);
            if (p.folded() == p) {
                continue;
            }
            List<String> keys = Stream.concat(Stream.ofNullable(p.segmentation()), p.chain().stream())
                    .flatMap(d -> d.entries().stream()).map(FlatEntry::key).toList();
            List<String> touching = keys.stream().filter(k -> PREIMAGES.keySet().stream().anyMatch(k::contains)).toList();
            if (touching.isEmpty()) {
                touching = targets; // t2tw: no key of TWVariants is a compatibility target
            }
            for (int round = 0; round < 60; round++) {
                StringBuilder sb = new StringBuilder();
                int pieces = round % 10 == 0 ? 20_000 : 1 + r.nextInt(40); // long texts go in blocks
                for (int i = 0; i < pieces; i++) {
                    switch (r.nextInt(9)) {
                        case 0 -> sb.append(compat.get(r.nextInt(compat.size())));
                        case 1 -> sb.append(targets.get(r.nextInt(targets.size())));
                        case 2, 3 -> sb.append(withPreimage(touching.get(r.nextInt(touching.size())), r));
                        case 4 -> sb.append(touching.get(r.nextInt(touching.size())));
                        case 5 -> sb.append(r.nextInt(3) == 0 ? "⿰" : r.nextInt(2) == 0 ? "\n" : "，");
                        default -> {
                            String k = keys.get(r.nextInt(keys.size()));
                            sb.append(r.nextBoolean() ? k : k.substring(0, Math.max(1, k.length() - 1)));
                        }
                    }
                }
                // User entries come first, on the text as it is: one keyed by a compatibility ideograph
                // (rounds 10, 30, 50 are long: their pipelines fold).
                Pipeline subject = round % 4 == 2 ? p.withUser(user(compat.get(r.nextInt(compat.size())), touching.get(0))) : p;
                assertPlainAsWalked(subject, sb.toString(), round % 3 == 0 ? 1 + r.nextInt(700) : 0);
            }
        }
    }

    private static CompiledDictionary user(String compatKey, String touchingKey) {
        return CompiledDictionary.compile("user", List.of(new FlatEntry(compatKey, "〔甲〕", "user"),
                new FlatEntry(touchingKey, "〔乙〕", "user")), CompiledDictionary.Purpose.SEGMENTATION);
    }

    /** {@code key} with one of its unified ideographs replaced by a compatibility ideograph that maps to it. */
    private static String withPreimage(String key, Random r) {
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i < key.length(); i += Character.charCount(key.codePointAt(i))) {
            if (PREIMAGES.containsKey(Character.toString(key.codePointAt(i)))) {
                at.add(i);
            }
        }
        int i = at.get(r.nextInt(at.size()));
        String target = Character.toString(key.codePointAt(i));
        List<String> pre = PREIMAGES.get(target);
        return key.substring(0, i) + pre.get(r.nextInt(pre.size())) + key.substring(i + target.length());
    }
}
