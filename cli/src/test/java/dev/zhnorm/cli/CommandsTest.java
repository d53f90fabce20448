package dev.zhnorm.cli;

import dev.zhnorm.Normalizer;
import dev.zhnorm.Preset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The root command, normalize, presets, detect, help and version. */
class CommandsTest {
    @TempDir
    Path dir;

    @Test
    void theDefaultCommandTurnsTraditionalOfAnyRegionIntoCleanSimplified() {
        String taiwan = "隨著時代的發展,臺灣的軟體工程師們說\"好\".\n";
        Cli.Result r = Cli.withStdin(taiwan);
        assertEquals(0, r.exit(), r.toString());
        assertEquals(Normalizer.defaults().normalize(taiwan), r.stdout());
        assertEquals("随着时代的发展，台湾的软体工程师们说“好”。\n", r.stdout());
        assertEquals(r.stdout(), Cli.withStdin(taiwan, "normalize").stdout());
    }

    @Test
    void normalizeTakesAnotherPresetOrNone() {
        assertEquals("汉字。\n", Cli.withStdin("漢字.\n", "-c", "t2s").stdout());
        assertEquals("漢字。\n", Cli.withStdin("漢字.\n", "normalize", "-c", "none").stdout());
        Cli.Result bad = Cli.withStdin("漢字\n", "normalize", "-c", "nein");
        assertEquals(ExitCodes.USAGE, bad.exit());
        assertTrue(bad.stderr().contains("valid presets: s2t") && bad.stderr().contains(", none,"), bad.stderr());
        assertEquals(ExitCodes.USAGE, Cli.withStdin("x", "-c", "none", "--dict", "d.txt").exit());
    }

    @Test
    void unknownOptionIsAUsageErrorWithASuggestionOnOneLine() {
        Cli.Result r = Cli.withStdin("x", "--dif");
        assertEquals(ExitCodes.USAGE, r.exit());
        assertEquals(1, r.stderr().lines().count(), r.stderr());
        assertTrue(r.stderr().startsWith("zhnorm: unknown option: '--dif'"), r.stderr());
        assertTrue(r.stderr().contains("did you mean --diff"), r.stderr());
        assertTrue(r.stderr().contains("see 'zhnorm --help'"), r.stderr());
        Cli.Result sub = Cli.withStdin("x", "convert", "-c", "t2s", "--nope");
        assertTrue(sub.stderr().contains("see 'zhnorm convert --help'"), sub.stderr());
        assertEquals(ExitCodes.USAGE, Cli.withStdin("x", "--threads", "many").exit());
    }

    @Test
    void aMistypedCommandIsNotTakenForAMissingFile() throws IOException {
        Path a = Files.writeString(dir.resolve("a.txt"), "漢", StandardCharsets.UTF_8);
        Cli.Result r = Cli.run("conver", a.toString());
        assertEquals(ExitCodes.USAGE, r.exit());
        assertEquals("zhnorm: conver: no such file or directory, nor a command; did you mean 'zhnorm convert'?\n",
                r.stderr());
        assertTrue(Cli.run("Detcet").stderr().contains("'zhnorm detect'"));
        Cli.Result missing = Cli.run(dir.resolve("report.txt").toString());
        assertEquals(ExitCodes.INPUT, missing.exit(), "a path is never mistaken for a command");
    }

    @Test
    void presetsListsEveryIdWithADescriptionDefaultFirst() {
        Cli.Result r = Cli.run("presets");
        assertEquals(0, r.exit());
        List<String> lines = r.stdout().lines().toList();
        assertEquals(Preset.values().length, lines.size());
        assertTrue(lines.get(0).startsWith("t2cn    Traditional Chinese of any region"), lines.get(0));
        assertTrue(lines.get(0).endsWith("(default of zhnorm normalize)"), lines.get(0));
        for (Preset p : Preset.values()) {
            assertTrue(lines.stream().anyMatch(l -> l.startsWith(String.format("%-6s  %s", p.id(), p.description()))),
                    p.id());
        }
    }

    @Test
    void detectSaysTheScriptWithItsCounts() throws IOException {
        Path t = Files.writeString(dir.resolve("t.txt"), "臺灣的軟體", StandardCharsets.UTF_8);
        Path s = Files.writeString(dir.resolve("s.txt"), "台湾的软件", StandardCharsets.UTF_8);
        Path m = Files.writeString(dir.resolve("m.txt"), "這是繁體字，这是简体字", StandardCharsets.UTF_8);
        Path n = Files.writeString(dir.resolve("n.txt"), "hello", StandardCharsets.UTF_8);
        Cli.Result r = Cli.run("detect", t.toString(), s.toString(), m.toString(), n.toString());
        assertEquals(0, r.exit(), r.toString());
        assertEquals(t + ": traditional (traditional-only 4, simplified-only 0, Han 5)\n"
                + s + ": simplified (traditional-only 0, simplified-only 2, Han 5)\n"
                + m + ": mixed (traditional-only 2, simplified-only 3, Han 10)\n"
                + n + ": none (traditional-only 0, simplified-only 0, Han 0)\n", r.stdout());
        assertEquals("traditional (traditional-only 1, simplified-only 0, Han 2)\n", Cli.withStdin("漢字", "detect").stdout());
    }

    @Test
    void detectReadsAnyEncodingAndWalksDirectories() throws IOException {
        String text = "這是一個關於臺灣歷史與文學發展的長篇報導，記者訪問了許多學者和作家。\n".repeat(10);
        Files.write(dir.resolve("big5.txt"), text.getBytes(Charset.forName("Big5")));
        Files.writeString(dir.resolve("skip.md"), "台湾", StandardCharsets.UTF_8);
        Cli.Result r = Cli.run("detect", "-r", "--include", "*.txt", dir.toString());
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.stdout().startsWith(dir.resolve("big5.txt") + ": traditional"), r.stdout());
        assertEquals(1, r.stdout().lines().count());
        assertEquals(ExitCodes.INPUT, Cli.run("detect", dir.resolve("nope").toString()).exit());
        assertEquals(ExitCodes.USAGE, Cli.run("detect", dir.toString()).exit());
    }

    @Test
    void readingATerminalSaysSoUnlessQuiet() {
        for (boolean quiet : new boolean[] {false, true}) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            java.io.StringWriter err = new java.io.StringWriter();
            var cli = ZhnormCli.commandLine(new StandardStreams(
                    new java.io.ByteArrayInputStream("漢".getBytes(StandardCharsets.UTF_8)), out, true, false));
            cli.setErr(new java.io.PrintWriter(err, true));
            assertEquals(0, quiet ? cli.execute("-q") : cli.execute());
            assertEquals("汉", out.toString(StandardCharsets.UTF_8));
            assertEquals(quiet ? "" : "zhnorm: reading standard input; end it with Ctrl-D (zhnorm --help shows how "
                    + "to name files)\n", err.toString());
        }
    }

    @Test
    void versionComesFromTheManifest() {
        Cli.Result r = Cli.run("--version");
        assertEquals(0, r.exit());
        // In-process tests run from classes, without the jar's manifest; JarProcessIT checks the real version.
        assertTrue(r.stdout().startsWith("zhnorm "), r.stdout());
        assertTrue(r.stdout().contains("Java 17") || r.stdout().contains("Java "), r.stdout());
    }

    @Test
    void helpListsCommandsOptionsExamplesAndExitCodes() {
        Cli.Result r = Cli.run("--help");
        assertEquals(0, r.exit());
        String help = r.stdout();
        for (String expected : new String[] {"zhnorm [normalize] [OPTIONS] [FILE...]", "convert", "detect", "presets",
                "--config", "--in-place", "--check", "--diff", "--explain", "--encoding", "--output-encoding",
                "--replace-invalid", "--include", "--threads", "--opencc-data", "--dict", "--quiet", "--verbose",
                "Examples:", "Exit codes:", "1    under --check", "4    config or dictionary error"}) {
            assertTrue(help.contains(expected), "help lacks " + expected + ":\n" + help);
        }
        assertTrue(Cli.run("detect", "--help").stdout().contains("mixed"));
        assertTrue(Cli.run("presets", "-h").stdout().contains("none"));
    }
}
