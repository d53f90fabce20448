package dev.zhnorm;

import dev.zhnorm.dict.DictionaryEntry;
import dev.zhnorm.dict.TextDictionary;
import dev.zhnorm.internal.BundledSources;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScriptDetectorTest {
    private final ScriptDetector detector = ScriptDetector.standard();

    @Test
    void traditionalTextOfEveryRegionIsTraditional() {
        assertEquals(Script.TRADITIONAL, detector.detect("臺灣的軟體工程師們").script());
        assertEquals(Script.TRADITIONAL, detector.detect("香港的巴士站在這裏").script());
        assertEquals(Script.TRADITIONAL, detector.detect("隨著時代的發展，後來").script());
    }

    @Test
    void simplifiedTextIsSimplified() {
        ScriptDetection d = detector.detect("台湾的软件工程师们");
        assertEquals(Script.SIMPLIFIED, d.script());
        assertEquals(0, d.traditional());
        assertEquals(4, d.simplified()); // 湾 软 师 们; 台 的 件 工 程 are shared
        assertEquals(9, d.han());
    }

    @Test
    void countsAreExact() {
        // 這 體 are Traditional-only; 这 简 体 Simplified-only; 是 繁 字 are shared; the comma is not Han.
        ScriptDetection d = detector.detect("這是繁體字，这是简体字");
        assertEquals(new ScriptDetection(Script.MIXED, 2, 3, 10), d);
    }

    @Test
    void charactersBothScriptsUseDecideNothing() {
        // 台 后 里 干 于 著 乾 are standard in both scripts although a table converts them by default.
        ScriptDetection d = detector.detect("台后里干于著乾只系面");
        assertEquals(Script.NONE, d.script());
        assertEquals(0, d.traditional() + d.simplified());
        assertEquals(10, d.han());
    }

    @Test
    void textWithoutHanIsNone() {
        assertEquals(new ScriptDetection(Script.NONE, 0, 0, 0), detector.detect("Hello, world! 123 😀"));
        assertEquals(new ScriptDetection(Script.NONE, 0, 0, 0), detector.detect(""));
    }

    @Test
    void aFewCharactersOfTheOtherScriptDoNotMakeALongTextMixed() {
        String trad = "這是一個關於臺灣歷史與文學發展的長篇報導。".repeat(3);
        ScriptDetection d = detector.detect(trad + "这");
        assertEquals(Script.TRADITIONAL, d.script());
        assertEquals(1, d.simplified());
    }

    @Test
    void ruleOfTheTenthDecidesMixed() {
        assertEquals(Script.NONE, ScriptDetector.decide(0, 0));
        assertEquals(Script.TRADITIONAL, ScriptDetector.decide(1, 0));
        assertEquals(Script.SIMPLIFIED, ScriptDetector.decide(0, 1));
        assertEquals(Script.MIXED, ScriptDetector.decide(1, 1));
        assertEquals(Script.MIXED, ScriptDetector.decide(9, 1));
        assertEquals(Script.TRADITIONAL, ScriptDetector.decide(10, 1));
        assertEquals(Script.SIMPLIFIED, ScriptDetector.decide(1, 10));
    }

    @Test
    void extensionBCharactersAreCodePointsAndMayBeSplitBetweenChunks() {
        // 𫝈 (U+2B748) is the Simplified form OpenCC gives for 㑮; 𠮷 (U+20BB7) belongs to no script.
        String s = "\uD86D\uDF48\uD842\uDFB7";
        ScriptDetection whole = detector.detect(s);
        assertEquals(2, whole.han());
        ScriptDetector.Tally t = detector.tally();
        t.accept(s.substring(0, 1)).accept(s.substring(1, 3)).accept(s.substring(3));
        assertEquals(whole, t.result());
        // A lone surrogate is not Han, and does not swallow the character after it.
        assertEquals(new ScriptDetection(Script.TRADITIONAL, 1, 0, 1), detector.detect("\uD842這"));
    }

    @Test
    void chunkedEqualsWholeOnRandomText() throws IOException {
        long seed = 20240611L;
        Random random = new Random(seed);
        String alphabet = "這是繁體字这是简体字台后里 abc，。\uD86D\uDF48\uD842\uDFB7";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        String text = sb.toString();
        ScriptDetection whole = detector.detect(text);
        for (int chunk : new int[] {1, 2, 3, 7, 4096}) {
            ScriptDetector.Tally t = detector.tally();
            for (int i = 0; i < text.length(); i += chunk) {
                char[] part = text.substring(i, Math.min(text.length(), i + chunk)).toCharArray();
                t.accept(part, 0, part.length);
            }
            assertEquals(whole, t.result(), "seed " + seed + ", chunk " + chunk);
        }
        try (Reader r = new StringReader(text)) {
            assertEquals(whole, detector.detect(r));
        }
    }

    @Test
    void standardDetectorIsShared() {
        assertSame(ScriptDetector.standard(), ScriptDetector.standard());
    }

    /** The shared list must be exactly what OpenCC's character tables say, so it cannot drift. */
    @Test
    void sharedCharactersAreThoseOpenccListsAsTheirOwnConversion() {
        BundledSources sources = new BundledSources(getClass().getClassLoader());
        Set<String> expected = new TreeSet<>();
        for (String table : new String[] {"STCharacters", "TSCharacters"}) {
            TextDictionary d = sources.jar(table);
            for (DictionaryEntry e : d.entries()) {
                if (!e.values().get(0).equals(e.key()) && e.values().contains(e.key())) {
                    expected.add(e.key());
                }
            }
        }
        Set<String> actual = ScriptDetector.SHARED.codePoints().mapToObj(Character::toString)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(expected, actual);
        assertTrue(ScriptDetector.SHARED.chars().noneMatch(c -> Character.isSurrogate((char) c)));
    }
}
