package dev.zhnorm.internal;

import dev.zhnorm.Preset;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * {@link CompiledDictionary#followedBy}: one conversion with the combined dictionary gives what the
 * dictionary and then the char map give, for the bundled s2hk and s2tw stages and for small
 * dictionaries built to reach each case of the derivation (a char that is only the map's key, a
 * char that is a prefix of longer keys but no key itself, value ids past the inline limit).
 */
class FollowedByTest {
    private static String twoPasses(CompiledDictionary d, CompiledDictionary map, String text) {
        char[] a = text.toCharArray();
        CharBuf mid = new CharBuf(16);
        d.convert(a, 0, a.length, true, mid);
        CharBuf out = new CharBuf(16);
        char[] b = mid.toString().toCharArray();
        map.convert(b, 0, b.length, true, out);
        return out.toString();
    }

    private static String onePass(CompiledDictionary both, String text) {
        char[] a = text.toCharArray();
        CharBuf out = new CharBuf(16);
        both.convert(a, 0, a.length, true, out);
        return out.toString();
    }

    @Test
    void bundledStagesAsTwoPasses() {
        CompiledDictionary st = BundledData.stage("st");
        List<String> keys = st.entries().stream().map(FlatEntry::key).toList();
        for (String mapId : List.of("hk", "tw")) {
            CompiledDictionary map = BundledData.stage(mapId);
            CompiledDictionary both = st.followedBy(map, Integer.MAX_VALUE);
            assertNotNull(both, mapId);
            assertSame(both, st.followedBy(map, 0), "derived once, then kept");
            List<String> mapKeys = map.entries().stream().map(FlatEntry::key).toList();
            Random r = new Random(mapId.hashCode());
            for (int round = 0; round < 200; round++) {
                StringBuilder sb = new StringBuilder();
                int pieces = round % 10 == 0 ? 3000 : 1 + r.nextInt(40); // long texts take the skipping loop
                for (int i = 0; i < pieces; i++) {
                    String k = r.nextInt(3) == 0 ? mapKeys.get(r.nextInt(mapKeys.size())) : keys.get(r.nextInt(keys.size()));
                    sb.append(r.nextInt(4) == 0 ? k.substring(0, Math.max(1, k.length() - 1)) : k);
                }
                String text = sb.toString();
                assertEquals(twoPasses(st, map, text), onePass(both, text), text.length() < 200 ? text : mapId);
            }
        }
    }

    @Test
    void s2hkAndS2twConvertAsTheirStagesApart() {
        String text = "头发里面的软件，历史上的台湾和香港，干净的面条，后来的系统";
        for (Preset preset : List.of(Preset.S2HK, Preset.S2TW)) {
            Pipeline p = BundledData.pipeline(preset);
            p.chain().get(0).followedBy(p.chain().get(1), Integer.MAX_VALUE);
            String walked = Driver.explain(p, text, false).output();
            assertEquals(walked, Driver.apply(p, text));
            String repeated = text.repeat(300); // past the length at which the combined stage is used
            assertEquals(walked.repeat(300), Driver.apply(p, repeated));
        }
    }

    @Test
    void everyKindOfRootEntry() {
        List<FlatEntry> entries = new ArrayList<>();
        entries.add(new FlatEntry("a", "b", "d"));     // inline leaf whose value the map changes
        entries.add(new FlatEntry("cd", "ce", "d"));   // c: a prefix, no key of its own
        entries.add(new FlatEntry("f", "g", "d"));     // a key with longer keys after it
        entries.add(new FlatEntry("fh", "ij", "d"));
        CompiledDictionary d = CompiledDictionary.compile("d", entries, CompiledDictionary.Purpose.CONVERSION);
        CompiledDictionary map = CompiledDictionary.compile("m", List.of(
                new FlatEntry("b", "B", "m"), new FlatEntry("c", "C", "m"), new FlatEntry("e", "E", "m"),
                new FlatEntry("g", "G", "m"), new FlatEntry("j", "J", "m"), new FlatEntry("z", "Z", "m")),
                CompiledDictionary.Purpose.CONVERSION);
        CompiledDictionary both = d.followedBy(map, Integer.MAX_VALUE);
        for (String text : List.of("abcdcfhfzcb", "c", "cd", "ffh", "zzz", "xyz", "bcf")) {
            assertEquals(twoPasses(d, map, text), onePass(both, text), text);
        }
        assertEquals("BBCCEiJZ", onePass(both, "abccdfhz"));
    }

    @Test
    void valueIdsPastTheInlineLimit() {
        // More values than an inline root entry can name: the map's own keys get trie nodes.
        List<FlatEntry> entries = new ArrayList<>();
        for (int i = 0; i < CompiledDictionary.MAX_INLINE_VALUE_ID + 10; i++) {
            entries.add(new FlatEntry("" + (char) (0x4E00 + i / 64) + (char) (0x4E00 + i % 64), "x", "d"));
        }
        CompiledDictionary d = CompiledDictionary.compile("d", entries, CompiledDictionary.Purpose.CONVERSION);
        CompiledDictionary map = CompiledDictionary.compile("m", List.of(
                new FlatEntry("x", "y", "m"), new FlatEntry("q", "r", "m"), new FlatEntry("\u9FA0", "s", "m")),
                CompiledDictionary.Purpose.CONVERSION);
        CompiledDictionary both = d.followedBy(map, Integer.MAX_VALUE);
        String text = "q\u4E00\u4E01\u9FA0xq\u4E05";
        assertEquals(twoPasses(d, map, text), onePass(both, text));
        assertEquals("rysyr\u4E05", onePass(both, text));
    }

    @Test
    void notACharMapOrTooShortAText() {
        CompiledDictionary st = BundledData.stage("st");
        CompiledDictionary twoChars = CompiledDictionary.compile("m", List.of(new FlatEntry("a", "bc", "m")),
                CompiledDictionary.Purpose.CONVERSION);
        CompiledDictionary supplementary = CompiledDictionary.compile("m", List.of(new FlatEntry("a", "\uD840\uDC00", "m")),
                CompiledDictionary.Purpose.CONVERSION);
        assertNull(st.followedBy(twoChars, Integer.MAX_VALUE));
        assertNull(st.followedBy(supplementary, Integer.MAX_VALUE));
        assertNull(st.followedBy(st, Integer.MAX_VALUE), "keys of two chars");
        CompiledDictionary fresh = CompiledDictionary.compile("m", List.of(new FlatEntry("a", "b", "m")),
                CompiledDictionary.Purpose.CONVERSION);
        // A copy: the shared stage may have converted enough short texts in this JVM to derive it.
        assertNull(PhraseStageFoldTest.copy(st).followedBy(fresh, 100), "a short text does not derive it");
    }
}
