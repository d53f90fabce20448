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
}
