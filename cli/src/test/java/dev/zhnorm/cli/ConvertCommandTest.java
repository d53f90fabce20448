package dev.zhnorm.cli;

import dev.zhnorm.Converter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConvertCommandTest {
    @TempDir
    Path dir;

    @Test
    void convertsStandardInputToStandardOutput() {
        Cli.Result r = Cli.withStdin("鼠标和软件\n", "convert", "-c", "s2twp");
        assertEquals(0, r.exit(), r.toString());
        assertEquals("滑鼠和軟體\n", r.stdout());
        assertEquals("", r.stderr());
    }

    @Test
    void convertsFilesInOrderAndAcceptsOpenccStyleJsonSuffix() throws IOException {
        Path a = write("a.txt", "漢字\n");
        Path b = write("b.txt", "頭髮\n");
        Cli.Result r = Cli.run("convert", "--config", "t2s.json", a.toString(), b.toString());
        assertEquals(0, r.exit(), r.toString());
        assertEquals("汉字\n头发\n", r.stdout());
    }

    @Test
    void dashReadsStandardInputAmongFiles() throws IOException {
        Path a = write("a.txt", "漢\n");
        Cli.Result r = Cli.withStdin("語\n", "convert", "-c", "t2s", a.toString(), "-");
        assertEquals("汉\n语\n", r.stdout(), r.toString());
    }

    @Test
    void outputEqualsTheLibraryOnTheWholeTextAndKeepsCrlf() throws IOException {
        long seed = 7L;
        Random random = new Random(seed);
        String alphabet = "頭髮後來隨著時代乾燥發現臺灣軟體甚麼 abc，。\r\n";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 300_000; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        String text = sb.toString();
        Path in = write("big.txt", text);
        for (String preset : new String[] {"t2s", "tw2sp", "t2cn"}) {
            Cli.Result r = Cli.run("convert", "-c", preset, in.toString());
            assertEquals(0, r.exit(), r.stderr());
            assertEquals(Converter.of(preset).convert(text), r.stdout(), "seed " + seed + ", preset " + preset);
        }
        assertTrue(Cli.run("convert", "-c", "t2s", in.toString()).stdout().contains("\r\n"));
    }

    @Test
    void userDictionaryWins() throws IOException {
        Path dict = write("names.txt", "# keep these\n後來\t後來\n");
        Cli.Result r = Cli.withStdin("後來後面\n", "convert", "-c", "t2s", "--dict", dict.toString());
        assertEquals(0, r.exit(), r.toString());
        assertEquals("後來后面\n", r.stdout());
    }

    @Test
    void openccJsonConfigWithDictionariesInTheDataFolder() throws IOException {
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.writeString(data.resolve("Tiny.txt"), "漢\t汉\n", StandardCharsets.UTF_8);
        Path config = write("tiny.json", """
                {"name": "tiny", "conversion_chain": [{"dict": {"type": "text", "file": "Tiny.txt"}}]}
                """);
        Cli.Result r = Cli.withStdin("漢字\n", "convert", "-c", config.toString(), "--opencc-data", data.toString());
        assertEquals(0, r.exit(), r.toString());
        assertEquals("汉字\n", r.stdout());
        // -c NAME finds NAME.json in --opencc-data before the bundled presets.
        Files.copy(config, data.resolve("t2s.json"));
        Cli.Result named = Cli.withStdin("漢語\n", "convert", "-c", "t2s", "--opencc-data", data.toString(), "-v");
        assertEquals("汉語\n", named.stdout(), named.toString());
        assertTrue(named.stderr().contains("OpenCC config " + data.resolve("t2s.json")), named.stderr());
    }

    @Test
    void unknownPresetIsAUsageErrorListingThePresets() {
        Cli.Result r = Cli.withStdin("x", "convert", "-c", "t2x");
        assertEquals(ExitCodes.USAGE, r.exit());
        assertTrue(r.stderr().startsWith("zhnorm: unknown preset 't2x'; valid presets: s2t, t2s"), r.stderr());
        assertEquals(1, r.stderr().lines().count(), r.stderr());
        assertEquals("", r.stdout());
    }

    @Test
    void convertNeedsAConfigAndNotNone() {
        Cli.Result missing = Cli.withStdin("x", "convert");
        assertEquals(ExitCodes.USAGE, missing.exit());
        assertTrue(missing.stderr().contains("missing required option: '--config"), missing.stderr());
        Cli.Result none = Cli.withStdin("x", "convert", "-c", "none");
        assertEquals(ExitCodes.USAGE, none.exit());
        assertTrue(none.stderr().contains("-c none is only for normalize"), none.stderr());
    }

    @Test
    void badJsonConfigIsAConfigErrorNamingTheFile() throws IOException {
        Path config = write("bad.json", "{\"name\": \"x\", \"conversion_chain\": [ }");
        Cli.Result r = Cli.withStdin("漢", "convert", "-c", config.toString());
        assertEquals(ExitCodes.CONFIG, r.exit(), r.toString());
        assertTrue(r.stderr().startsWith("zhnorm: " + config + ": invalid JSON at line 1"), r.stderr());
        assertEquals(1, r.stderr().lines().count(), r.stderr());
    }

    @Test
    void unknownConfigKeyNamesTheJsonPath() throws IOException {
        Path config = write("odd.json", "{\"name\": \"x\", \"segmentaton\": {}, \"conversion_chain\": []}");
        Cli.Result r = Cli.withStdin("漢", "convert", "-c", config.toString());
        assertEquals(ExitCodes.CONFIG, r.exit(), r.toString());
        assertTrue(r.stderr().contains(config.toString()) && r.stderr().contains("segmentaton"), r.stderr());
    }

    @Test
    void missingConfigFileIsAConfigError() {
        Cli.Result r = Cli.withStdin("漢", "convert", "-c", dir.resolve("nope.json").toString());
        assertEquals(ExitCodes.CONFIG, r.exit(), r.toString());
        assertTrue(r.stderr().contains("nope.json: config file not found"), r.stderr());
    }

    @Test
    void malformedOrMissingUserDictionaryIsADictionaryError() throws IOException {
        Path dict = write("bad.txt", "乾隆 乾隆\n");
        Cli.Result bad = Cli.withStdin("漢", "convert", "-c", "t2s", "--dict", dict.toString());
        assertEquals(ExitCodes.CONFIG, bad.exit(), bad.toString());
        assertTrue(bad.stderr().startsWith("zhnorm: " + dict + ":1: expected KEY<TAB>VALUE"), bad.stderr());
        Cli.Result missing = Cli.withStdin("漢", "convert", "-c", "t2s", "--dict", dir.resolve("none.txt").toString());
        assertEquals(ExitCodes.CONFIG, missing.exit(), missing.toString());
        assertTrue(missing.stderr().contains("none.txt: dictionary file not found"), missing.stderr());
    }

    @Test
    void openccDataMustBeAFolder() {
        Cli.Result r = Cli.withStdin("漢", "convert", "-c", "t2s", "--opencc-data", dir.resolve("nowhere").toString());
        assertEquals(ExitCodes.CONFIG, r.exit(), r.toString());
        assertTrue(r.stderr().contains("nowhere: --opencc-data needs a folder"), r.stderr());
    }

    @Test
    void helpShowsExamples() {
        Cli.Result r = Cli.run("convert", "--help");
        assertEquals(0, r.exit());
        assertTrue(r.stdout().contains("Examples:") && r.stdout().contains("zhnorm convert -c s2twp"), r.stdout());
        assertFalse(r.stdout().isEmpty());
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    @Test
    void tofuRiskDictionariesAreLeftOutAsOpenccDoesUnlessAskedFor() throws IOException {
        Path data = Files.createDirectories(dir.resolve("tofu"));
        Files.writeString(data.resolve("Ext.txt"), "鱄\t𫚋\n", StandardCharsets.UTF_8);
        Files.writeString(data.resolve("Chars.txt"), "鱄\t鱄\n漢\t汉\n", StandardCharsets.UTF_8);
        Files.writeString(data.resolve("x.json"), """
                {"name": "x", "conversion_chain": [{"dict": {"type": "group", "dicts": [
                  {"type": "ocd2", "file": "Ext.ocd2", "may_output_tofu": true},
                  {"type": "text", "file": "Chars.txt"}]}}]}
                """, StandardCharsets.UTF_8);
        Cli.Result plain = Cli.withStdin("鱄漢\n", "convert", "-c", "x", "--opencc-data", data.toString());
        assertEquals("鱄汉\n", plain.stdout(), plain.toString());
        Cli.Result with = Cli.withStdin("鱄漢\n", "convert", "-c", "x", "--opencc-data", data.toString(),
                "--include-tofu-risk-dictionaries");
        assertEquals("𫚋汉\n", with.stdout(), with.toString());
        // normalize with -c CONFIG follows the same rule.
        Cli.Result normalized = Cli.withStdin("鱄漢\n", "-c", data.resolve("x.json").toString());
        assertEquals("鱄汉\n", normalized.stdout(), normalized.toString());
        Cli.Result preset = Cli.withStdin("漢\n", "convert", "-c", "t2s", "--include-tofu-risk-dictionaries");
        assertEquals(ExitCodes.USAGE, preset.exit(), preset.toString());
        assertTrue(preset.stderr().contains("applies to an OpenCC config"), preset.stderr());
    }

    @Test
    void dashIReadsAFileAsOpenccDoes() throws IOException {
        Path a = write("i.txt", "漢字\n");
        Cli.Result r = Cli.run("convert", "-c", "t2s", "-i", a.toString());
        assertEquals(0, r.exit(), r.toString());
        assertEquals("汉字\n", r.stdout());
        Cli.Result longForm = Cli.run("convert", "-c", "t2s", "--input", a.toString(), "-o", dir.resolve("o.txt").toString());
        assertEquals(0, longForm.exit(), longForm.toString());
        assertEquals("汉字\n", Files.readString(dir.resolve("o.txt")));
        assertFalse(r.stderr().contains("in-place"), r.stderr());
    }

    @Test
    void openccDataWithoutTheConfigIsAnErrorNotTheBundledPreset() throws IOException {
        Path installed = Files.createDirectories(dir.resolve("installed"));
        Files.write(installed.resolve("TSCharacters.ocd2"), new byte[] {1, 2, 3});
        Cli.Result r = Cli.withStdin("漢\n", "convert", "-c", "t2s", "--opencc-data", installed.toString());
        assertEquals(ExitCodes.CONFIG, r.exit(), r.toString());
        assertEquals("", r.stdout());
        assertTrue(r.stderr().contains("no t2s.json here") && r.stderr().contains("never falls back"), r.stderr());
        assertTrue(r.stderr().contains("opencc_dict -i X.ocd2 -o X.txt -f ocd2 -t text"), r.stderr());
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Cli.Result plain = Cli.withStdin("漢\n", "convert", "-c", "t2s", "--opencc-data", empty.toString());
        assertEquals(ExitCodes.CONFIG, plain.exit(), plain.toString());
        assertFalse(plain.stderr().contains("opencc_dict"), plain.stderr());
    }

    @Test
    void theOpenccDataPackageLayoutWorks() throws IOException {
        // opencc-data's package/data: dictionaries in data/, configs in data/config/.
        Path data = Files.createDirectories(dir.resolve("package/data/config")).getParent();
        Files.writeString(data.resolve("TSCharacters.txt"), "漢\t汉\n", StandardCharsets.UTF_8);
        Files.writeString(data.resolve("config/t2s.json"), """
                {"name": "t2s", "conversion_chain": [{"dict": {"type": "ocd2", "file": "TSCharacters.ocd2"}}]}
                """, StandardCharsets.UTF_8);
        Cli.Result r = Cli.withStdin("漢語\n", "convert", "-c", "t2s", "--opencc-data", data.toString());
        assertEquals("汉語\n", r.stdout(), r.toString());
    }
}
