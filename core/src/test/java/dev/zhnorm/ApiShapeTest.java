package dev.zhnorm;

import dev.zhnorm.config.OpenccConfig;
import dev.zhnorm.config.TofuPolicy;
import dev.zhnorm.dict.DictionaryEntry;
import dev.zhnorm.dict.TextDictionary;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The API pieces users of other converters look for, and the builder's rules for user entries and configs. */
class ApiShapeTest {
    @Test
    void toTraditionalBesideToSimplified() {
        assertSame(Converter.of(Preset.S2T), Converter.toTraditional());
        assertEquals("漢字轉換", Converter.toTraditional().convert("汉字转换"));
        assertSame(Converter.of(Preset.T2CN), Converter.toSimplified());
    }

    @Test
    void scriptChecks() {
        ScriptDetector d = ScriptDetector.standard();
        assertTrue(d.isTraditional("臺灣的軟體"));
        assertFalse(d.isTraditional("台湾的软件"));
        assertFalse(d.isTraditional("中文"));
        assertTrue(d.isSimplified("台湾的软件"));
        assertFalse(d.isSimplified("這是简体"));
        assertTrue(d.containsTraditional("这是简体，只有一個繁体字"));
        assertFalse(d.containsTraditional("这是简体"));
        assertFalse(d.containsTraditional(""));
    }

    /** containsTraditional takes its own path through the tables: it must agree with detect on every Han code point. */
    @Test
    void containsTraditionalAgreesWithDetect() {
        int supplementaryTraditional = 0;
        for (int cp = 0x3400; cp <= 0x3134F; cp++) {
            if (!Character.isIdeographic(cp)) {
                continue;
            }
            String s = new String(Character.toChars(cp));
            boolean expected = ScriptDetector.standard().detect(s).traditional() > 0;
            assertEquals(expected, ScriptDetector.standard().containsTraditional("abc" + s), s);
            if (expected && cp >= 0x10000) {
                supplementaryTraditional++;
            }
        }
        assertTrue(supplementaryTraditional > 0, "the supplementary table was exercised");
    }

    @Test
    void userEntriesFollowCallOrder() {
        TextDictionary dict = TextDictionary.of("mine", Map.of("頭髮", "DICT"));
        Converter dictFirst = Converter.builder().preset(Preset.T2S).userDictionary(dict).userEntry("頭髮", "ENTRY").build();
        Converter entryFirst = Converter.builder().preset(Preset.T2S).userEntry("頭髮", "ENTRY").userDictionary(dict).build();
        assertEquals("DICT", dictFirst.convert("頭髮"));
        assertEquals("ENTRY", entryFirst.convert("頭髮"));
    }

    @Test
    void aDuplicateUserEntryThrows() {
        Converter.Builder b = Converter.builder().userEntry("乾隆", "乾隆");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> b.userEntry("乾隆", "干隆"));
        assertTrue(e.getMessage().contains("乾隆"), e.getMessage());
    }

    @Test
    void aConfigObjectBuildsAConverter() {
        TextDictionary chars = TextDictionary.of("chars", List.of(new DictionaryEntry("甲", List.of("乙"))));
        OpenccConfig c = new OpenccConfig("demo", List.of(), Optional.empty(), List.of(chars));
        Converter conv = Converter.builder().openccConfig(c).build();
        assertEquals("乙乙丙", conv.convert("甲乙丙"));
        assertEquals("demo", conv.name());
        assertTrue(conv.preset().isEmpty());
        assertThrows(IllegalStateException.class,
                () -> Converter.builder().openccConfig(c).dataFolder(Path.of("x")).build());
        assertThrows(IllegalStateException.class,
                () -> Converter.builder().openccConfig(c).tofu(TofuPolicy.EXCLUDE).build());
    }
}
