package dev.zhnorm.internal;

import dev.zhnorm.Preset;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static dev.zhnorm.internal.PhraseFiltersTest.assertPlainAsWalked;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Presets that segment before a chain of phrase stages (hk2s, tw2sp, hk2sp: OpenCC's TSPhrases
 * segments, then each stage converts each segment on its own) convert a whole text stage by stage,
 * asking where segments end only where a phrase matches ({@code Segmenter.convertWhole}); s2twp
 * and s2hkp, whose segmentation is fused into their first stage, do the same for their second. Their
 * output must be the segment-by-segment walk's (a full explanation still walks segment by segment):
 * on soups of segmentation keys and of the stages' phrases cut and overlapped, whole, streamed in
 * chunks, and between user entries (so that the text a stage sees starts inside its array).
 */
class SegmentedChainTest {
    private static final List<Preset> PRESETS = List.of(Preset.HK2S, Preset.TW2SP, Preset.HK2SP, Preset.S2TWP, Preset.S2HKP);

    static {
        // s2twp's and s2hkp's first stage skips only once its filters exist (a long text derives them).
        BundledData.pipeline(Preset.S2TWP).chain().get(0).phraseFilters();
    }

    private static List<String> keys(Pipeline p) {
        List<String> keys = new ArrayList<>();
        Stream.concat(Stream.of(p.segmentation()), p.chain().stream())
                .flatMap(d -> d.entries().stream()).map(FlatEntry::key).filter(k -> k.length() >= 2).forEach(keys::add);
        return keys;
    }

    private static String soup(Random r, List<String> keys, int pieces) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < pieces; i++) {
            String k = keys.get(r.nextInt(keys.size()));
            switch (r.nextInt(6)) {
                case 0 -> sb.append(k.substring(1));
                case 1 -> sb.append(k, 0, k.length() - 1);
                case 2 -> sb.append(k.charAt(r.nextInt(k.length())));
                case 3 -> sb.append(r.nextInt(3) == 0 ? "＃" : r.nextInt(2) == 0 ? "\n" : "，"); // a newline: streaming cuts there
                default -> sb.append(k);
            }
        }
        return sb.toString();
    }

    @Test
    void wholeTextsAsTheSegmentWalk() throws IOException {
        Random r = new Random(20261203);
        for (Preset preset : PRESETS) {
            Pipeline p = BundledData.pipeline(preset);
            List<String> keys = keys(p);
            for (int round = 0; round < 1500; round++) {
                assertPlainAsWalked(p, soup(r, keys, 1 + r.nextInt(25)), 1 + r.nextInt(12));
            }
        }
    }

    /**
     * A value of another length in the first stage (記憶體 → 内存), then a segmentation key K that
     * ends inside a phrase P of the last stage: the boundary at K's end must come back to the last
     * stage shifted by the first stage's change of length, or P matches across it.
     */
    @Test
    void boundariesAfterAValueOfAnotherLength() throws IOException {
        Random r = new Random(20261205);
        int tried = 0;
        for (Preset preset : List.of(Preset.TW2SP, Preset.HK2SP, Preset.HK2S, Preset.TW2S)) {
            Pipeline p = BundledData.pipeline(preset);
            List<String> resizing = p.chain().get(0).entries().stream()
                    .filter(e -> e.key().length() != e.value().length()).map(FlatEntry::key).toList();
            List<String> segKeys = p.segmentation().entries().stream().map(FlatEntry::key).toList();
            List<String> phrases = p.chain().get(p.chain().size() - 1).entries().stream().map(FlatEntry::key)
                    .filter(k -> k.length() >= 2).toList();
            if (resizing.isEmpty()) {
                continue;
            }
            for (String phrase : phrases) {
                for (int cut = 1; cut < phrase.length(); cut++) {
                    String head = phrase.substring(0, cut);
                    for (String k : segKeys) {
                        if (k.endsWith(head) && k.length() > cut) {
                            String text = resizing.get(r.nextInt(resizing.size())) + k + phrase.substring(cut)
                                    + resizing.get(r.nextInt(resizing.size())) + phrase;
                            assertPlainAsWalked(p, text, 1 + r.nextInt(8));
                            tried++;
                        }
                    }
                }
            }
        }
        assertTrue(tried > 50, tried + " texts");
    }

    private static CompiledDictionary dict(String name, String... keysAndValues) {
        List<FlatEntry> entries = new ArrayList<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            entries.add(new FlatEntry(keysAndValues[i], keysAndValues[i + 1], name));
        }
        return CompiledDictionary.compile(name, entries, CompiledDictionary.Purpose.CONVERSION);
    }

    /**
     * Hand-made chains where a later stage's phrase would cross a segment boundary right at the
     * start or end of an earlier stage's value of another length, and through three stages (the
     * bundled data reaches a phrase that ends inside such a value too seldom for a soup to find it).
     */
    @Test
    void phrasesAgainstValuesOfAnotherLength() throws IOException {
        CompiledDictionary seg = CompiledDictionary.compile("seg", List.of(new FlatEntry("ab", "ab", "seg"),
                new FlatEntry("ef", "ef", "seg")), CompiledDictionary.Purpose.SEGMENTATION);
        CompiledDictionary longer = dict("d1", "cd", "xyz", "gh", "u");
        CompiledDictionary phrases = dict("d2", "bx", "Q", "yz", "R", "zf", "S", "ue", "T", "fu", "V");
        CompiledDictionary third = dict("d3", "QR", "W", "Rf", "M", "be", "K", "Ra", "L");
        Pipeline two = new Pipeline(null, List.of(), seg, List.of(longer, phrases));
        Pipeline three = new Pipeline(null, List.of(), seg, List.of(longer, phrases, third));
        String[] texts = {"abcd", "abcdef", "cdef", "ghef", "efgh", "abghefcd", "abcdcdef", "xabcdefghx", "cdcd", "ghgh",
            "cdabef", "ghabef", "cdghabef", "cdabab"};
        for (Pipeline p : List.of(two, three)) {
            for (String text : texts) {
                assertPlainAsWalked(p, text, 3);
                assertPlainAsWalked(p, "＃" + text + "＃" + text, 2);
            }
        }
        // Segments [ab][cd]: bx would span the boundary at cd's start, into its value xyz, whose yz is R.
        assertEquals("abxR", Driver.apply(two, "abcd"));
    }

    @Test
    void betweenUserEntries() throws IOException {
        CompiledDictionary user = CompiledDictionary.compile("user", List.of(new FlatEntry("＃", "#", "user")),
                CompiledDictionary.Purpose.CONVERSION);
        Random r = new Random(20261204);
        int withEntry = 0;
        for (Preset preset : PRESETS) {
            Pipeline p = BundledData.pipeline(preset).withUser(user);
            List<String> keys = keys(p);
            for (int round = 0; round < 1500; round++) {
                String text = soup(r, keys, 1 + r.nextInt(25));
                withEntry += text.indexOf('＃') > 0 ? 1 : 0;
                assertPlainAsWalked(p, text, 1 + r.nextInt(12));
            }
        }
        assertTrue(withEntry > 2000, withEntry + " texts with a user entry after their start");
    }
}
