package dev.zhnorm;

import dev.zhnorm.config.ConfigException;
import dev.zhnorm.dict.DictionaryException;
import dev.zhnorm.dict.DictionaryFormatException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad input gets a clear error naming the file and the line or JSON path, and nothing else breaks. */
class ConfigErrorsTest {
    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    private ConfigException configError(String json) throws IOException {
        Path cfg = write("c.json", json);
        return assertThrows(ConfigException.class, () -> Converter.fromOpenccConfig(cfg));
    }

    @Test
    void malformedDictionaryLineNamesFileAndLine() throws IOException {
        write("d.txt", "漢\t汉\n# a comment\n\n字 without tab\n");
        Path cfg = write("c.json", "{\"conversion_chain\":[{\"dict\":{\"type\":\"text\",\"file\":\"d.txt\"}}]}");
        DictionaryFormatException e = assertThrows(DictionaryFormatException.class, () -> Converter.fromOpenccConfig(cfg));
        assertEquals(4, e.line());
        assertTrue(e.getMessage().startsWith(dir.resolve("d.txt") + ":4: "), e.getMessage());
        assertTrue(e.getMessage().contains("no tab"), e.getMessage());
    }

    @Test
    void dictionaryFormatErrorsAreSpecific() throws IOException {
        assertDictError("\t汉\n", 1, "empty key");
        // A malformed line may be megabytes long: the message quotes its start and says how long it is.
        String longLine = "漢".repeat(200_000);
        assertDictError("漢\t汉\n" + longLine + "\n", 2, "no tab in '" + "漢".repeat(80) + "…' (200000 characters)");
        Path d = write("long.txt", longLine + "\n");
        DictionaryFormatException e = assertThrows(DictionaryFormatException.class, () -> dev.zhnorm.dict.TextDictionary.load(d));
        assertTrue(e.getMessage().length() < 300, () -> e.getMessage().length() + " chars");
        assertDictError(longLine + "\t汉\n" + longLine + "\t汉\n", 2, "(200000 characters) is already defined on line 1");
        assertDictError("漢\t\n", 1, "no value");
        assertDictError("漢\t汉  漢\n", 1, "empty value");
        assertDictError("漢\t汉\n漢\t漢\n", 2, "already defined on line 1");
        assertDictError("a\tb\tc\n", 1, "second tab");
    }

    private void assertDictError(String content, int line, String expected) throws IOException {
        Path d = write("bad.txt", content);
        DictionaryFormatException e = assertThrows(DictionaryFormatException.class, () -> dev.zhnorm.dict.TextDictionary.load(d));
        assertEquals(line, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void loneSurrogateInAnInlineDictionaryOfAConfigIsRejected() throws IOException {
        Path value = write("v.json", "{\"conversion_chain\":[{\"dict\":{\"type\":\"inline\",\"entries\":{\"漢\":\"\\ud800\"}}}]}");
        ConfigException e = assertThrows(ConfigException.class, () -> Converter.fromOpenccConfig(value));
        assertTrue(e.getMessage().contains("lone surrogate U+D800") && e.getMessage().contains("entries['漢']"),
                e.getMessage());
        Path key = write("k.json", "{\"conversion_chain\":[{\"dict\":{\"type\":\"inline\",\"entries\":{\"\\udc00\":[\"a\"]}}}]}");
        assertTrue(assertThrows(ConfigException.class, () -> Converter.fromOpenccConfig(key)).getMessage()
                .contains("lone surrogate U+DC00"));
        Path fine = write("f.json", "{\"conversion_chain\":[{\"dict\":{\"type\":\"inline\",\"entries\":{\"漢\":\"\\ud840\\udc00\"}}}]}");
        assertEquals("\uD840\uDC00字", Converter.fromOpenccConfig(fine).convert("漢字"));
    }

    @Test
    void loneSurrogateInADictionaryIsRejected() {
        DictionaryFormatException e = assertThrows(DictionaryFormatException.class,
                () -> dev.zhnorm.dict.TextDictionary.parse(new java.io.StringReader("a\tb\nc\t\uDC00\n"), "inline"));
        assertEquals(2, e.line());
        assertTrue(e.getMessage().startsWith("inline:2: lone surrogate U+DC00"), e.getMessage());
    }

    @Test
    void dictionaryThatIsNotUtf8IsRejected() throws IOException {
        Path d = dir.resolve("big5.txt");
        Files.write(d, new byte[] {(byte) 0xBA, (byte) 0x7E, '\t', 'a', '\n'});
        DictionaryException e = assertThrows(DictionaryException.class, () -> dev.zhnorm.dict.TextDictionary.load(d));
        assertTrue(e.getMessage().contains("not valid UTF-8"), e.getMessage());
    }

    /** A folder given as a dictionary is a DictionaryException, as the README promises for unreadable files. */
    @Test
    void aFolderGivenAsADictionaryIsRejectedAsOne() {
        DictionaryException e = assertThrows(DictionaryException.class,
                () -> dev.zhnorm.Converter.builder().preset("t2s").userDictionary(dir).build());
        assertTrue(e.getMessage().startsWith(dir + ": cannot read dictionary"), e.getMessage());
    }

    @Test
    void unknownRootKeyNamesItsPath() throws IOException {
        ConfigException e = configError("{\"conversion_chain\":[],\"segmentaton\":{}}");
        assertEquals("$.segmentaton", e.jsonPath().orElseThrow());
        assertTrue(e.getMessage().contains("unknown key 'segmentaton'"), e.getMessage());
    }

    @Test
    void unknownDictionaryTypeNamesItsPath() throws IOException {
        ConfigException e = configError("{\"conversion_chain\":[{\"dict\":{\"type\":\"marisa\",\"file\":\"x\"}}]}");
        assertEquals("$.conversion_chain[0].dict.type", e.jsonPath().orElseThrow());
        assertTrue(e.getMessage().contains("unknown dictionary type 'marisa'"), e.getMessage());
    }

    @Test
    void unknownMatchPolicyNamesItsPath() throws IOException {
        write("d.txt", "a\tb\n");
        ConfigException e = configError("{\"conversion_chain\":[{\"dict\":{\"type\":\"group\",\"match_policy\":\"longest\","
                + "\"dicts\":[{\"type\":\"text\",\"file\":\"d.txt\"}]}}]}");
        assertEquals("$.conversion_chain[0].dict.match_policy", e.jsonPath().orElseThrow());
        assertTrue(e.getMessage().contains("short_circuit or union"), e.getMessage());
    }

    @Test
    void unknownKeyInsideNestedDictNamesItsPath() throws IOException {
        write("d.txt", "a\tb\n");
        ConfigException e = configError("{\"conversion_chain\":[{\"dict\":{\"type\":\"group\",\"dicts\":["
                + "{\"type\":\"text\",\"file\":\"d.txt\",\"mayOutputTofu\":true}]}}]}");
        assertEquals("$.conversion_chain[0].dict.dicts[0].mayOutputTofu", e.jsonPath().orElseThrow());
    }

    @Test
    void unknownSegmentationTypeAndMissingChainAreErrors() throws IOException {
        assertEquals("$.segmentation.type", configError("{\"segmentation\":{\"type\":\"jieba\"},\"conversion_chain\":[]}")
                .jsonPath().orElseThrow());
        ConfigException missing = configError("{\"name\":\"x\"}");
        assertTrue(missing.getMessage().contains("missing required key 'conversion_chain'"), missing.getMessage());
        assertEquals("$.name", configError("{\"name\":3,\"conversion_chain\":[]}").jsonPath().orElseThrow());
    }

    @Test
    void missingDictionaryNamesEveryPathTried() throws IOException {
        Path extra = Files.createDirectory(dir.resolve("extra"));
        Path cfg = write("c.json", "{\"conversion_chain\":[{\"dict\":{\"type\":\"text\",\"file\":\"Nope.txt\"}}]}");
        ConfigException e = assertThrows(ConfigException.class,
                () -> Converter.builder().openccConfig(cfg).dataFolder(extra).build());
        assertTrue(e.getMessage().contains(dir.resolve("Nope.txt").toString()), e.getMessage());
        assertTrue(e.getMessage().contains(extra.resolve("Nope.txt").toString()), e.getMessage());
        assertEquals("$.conversion_chain[0].dict.file", e.jsonPath().orElseThrow());
    }

    @Test
    void binaryDictionaryNamesResolveToTextOfTheSameNameOrFailClearly() throws IOException {
        write("TSCharacters.txt", "漢\t汉\n");
        Path ok = write("ok.json", "{\"conversion_chain\":[{\"dict\":{\"type\":\"ocd2\",\"file\":\"TSCharacters.ocd2\"}}]}");
        assertEquals("汉", Converter.fromOpenccConfig(ok).convert("漢"));
        ConfigException e = configError("{\"conversion_chain\":[{\"dict\":{\"type\":\"ocd2\",\"file\":\"STPhrases.ocd2\"}}]}");
        assertTrue(e.getMessage().contains("'STPhrases.ocd2' is an OpenCC binary dictionary"), e.getMessage());
        assertTrue(e.getMessage().contains("STPhrases.txt"), e.getMessage());
    }

    @Test
    void invalidJsonGivesLineAndColumn() throws IOException {
        ConfigException e = configError("{\n  \"conversion_chain\": [\n    {\"dict\": }\n  ]\n}");
        assertTrue(e.getMessage().contains("invalid JSON at line 3"), e.getMessage());
    }

    @Test
    void commentsAndTrailingCommasAreAccepted() throws IOException {
        write("d.txt", "a\tb\n");
        Path cfg = write("c.json", "{ // OpenCC reads JSONC\n \"conversion_chain\":[{\"dict\":{\"type\":\"text\",\"file\":\"d.txt\",},},],}");
        assertEquals("b", Converter.fromOpenccConfig(cfg).convert("a"));
    }

    @Test
    void missingConfigFileIsAConfigError() {
        ConfigException e = assertThrows(ConfigException.class, () -> Converter.fromOpenccConfig(dir.resolve("none.json")));
        assertTrue(e.getMessage().contains("config file not found"), e.getMessage());
    }

    @Test
    void unknownPresetListsTheValidIds() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Converter.of("t2x"));
        assertTrue(e.getMessage().contains("unknown preset 't2x'"), e.getMessage());
        for (Preset p : Preset.values()) {
            assertTrue(e.getMessage().contains(p.id()), e.getMessage());
        }
    }

    @Test
    void aFailedLoadLeavesOtherConvertersWorking() throws IOException {
        configError("{\"conversion_chain\":[{\"dict\":{\"type\":\"text\",\"file\":\"missing.txt\"}}]}");
        assertEquals("汉字", Converter.of(Preset.T2S).convert("漢字"));
    }
}
