package dev.zhnorm.cli;

import dev.zhnorm.Converter;
import dev.zhnorm.Normalizer;
import dev.zhnorm.Preset;
import dev.zhnorm.normalize.Indent;
import dev.zhnorm.normalize.Numerals;
import dev.zhnorm.normalize.Spacing;
import dev.zhnorm.normalize.Style;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The default command hands text to the library's Normalizer with exactly the options given. */
class NormalizeCommandTest {
    /** Text that every option can change: Traditional, ASCII punctuation, numerals, spaces, indents. */
    private static final String TEXT = "　　他說\"好\",臺灣 GDP 增長了５%.\r\n"
            + "  「兩個確立」在二〇二二年十月十二日 提出, 共 三百二十五人 參加...\r\n"
            + "使用 Python 編寫 88個 程式  \n";

    @TempDir
    Path dir;

    @Test
    void defaultsAreTheSpecDefaultProfile() {
        Cli.Result r = Cli.withStdin(TEXT);
        assertEquals(0, r.exit(), r.toString());
        assertEquals(Normalizer.defaults().normalize(TEXT), r.stdout());
        assertEquals(Normalizer.builder().conversion(Preset.T2CN).style(Style.MAINLAND).numerals(Numerals.WIDTH_ONLY)
                .spacing(Spacing.AUTO).indent(Indent.KEEP).build().normalize(TEXT), r.stdout());
        assertEquals(r.stdout(), Cli.withStdin(TEXT, "normalize").stdout());
    }

    @Test
    void everyValueOfEveryOptionReachesTheNormalizer() {
        for (Style style : Style.values()) {
            for (Numerals numerals : Numerals.values()) {
                for (Spacing spacing : Spacing.values()) {
                    for (Indent indent : Indent.values()) {
                        Cli.Result r = Cli.withStdin(TEXT, "--style", style.id(), "--numerals", numerals.id(),
                                "--spacing", spacing.id(), "--indent", indent.id());
                        String expected = Normalizer.builder().conversion(Preset.T2CN).style(style).numerals(numerals)
                                .spacing(spacing).indent(indent).build().normalize(TEXT);
                        assertEquals(expected, r.stdout(), style + " " + numerals + " " + spacing + " " + indent);
                    }
                }
            }
        }
    }

    @Test
    void configChoosesTheConversionStepOrNone() {
        assertEquals(Normalizer.builder().noConversion().build().normalize(TEXT),
                Cli.withStdin(TEXT, "-c", "none").stdout());
        assertEquals(Normalizer.builder().conversion(Converter.of("t2s")).build().normalize(TEXT),
                Cli.withStdin(TEXT, "normalize", "--config", "t2s").stdout());
    }

    @Test
    void optionValuesAreTheSpecNamesAndUnknownOnesAreUsageErrors() {
        Cli.Result r = Cli.withStdin(TEXT, "--numerals", "roman");
        assertEquals(ExitCodes.USAGE, r.exit());
        assertEquals(1, r.stderr().lines().count(), r.stderr());
        assertTrue(r.stderr().contains("'roman' is not one of keep, width-only, quantities-to-arabic, "
                + "arabic-to-chinese"), r.stderr());
        assertEquals(ExitCodes.USAGE, Cli.withStdin(TEXT, "--style", "cantonese").exit());
        assertEquals(ExitCodes.USAGE, Cli.withStdin(TEXT, "--spacing", "wide").exit());
        assertEquals(ExitCodes.USAGE, Cli.withStdin(TEXT, "--indent", "tab").exit());
        assertEquals(0, Cli.withStdin(TEXT, "--style", "Taiwan").exit(), "values are case-insensitive");
    }

    @Test
    void streamingFilesThreadsCheckDiffAndExplainAgreeWithTheLibrary() throws IOException {
        Normalizer normalizer = Normalizer.defaults();
        List<String> args = new ArrayList<>();
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            String text = (i + "\n" + TEXT).repeat(1 + i * 2000);
            args.add(Files.writeString(dir.resolve("n" + i + ".txt"), text, StandardCharsets.UTF_8).toString());
            expected.append(normalizer.normalize(text));
        }
        assertEquals(expected.toString(), Cli.run(args.toArray(String[]::new)).stdout());
        List<String> threaded = new ArrayList<>(args);
        threaded.add("--threads=3");
        assertEquals(expected.toString(), Cli.run(threaded.toArray(String[]::new)).stdout());
        Cli.Result check = Cli.run("--check", args.get(0));
        assertEquals(ExitCodes.CHANGES, check.exit(), check.toString());
        Cli.Result diff = Cli.run("--diff", args.get(0));
        assertTrue(diff.stdout().startsWith("--- " + args.get(0)), diff.stdout());
        Cli.Result explain = Cli.run("--explain", "tsv", args.get(0));
        String text = Files.readString(Path.of(args.get(0)));
        // a header, the line naming format and spacing decision, then one line per change
        assertEquals(normalizer.explain(text).changes().size() + 2, explain.stdout().lines().count());
        assertTrue(explain.stdout().lines().anyMatch(l -> l.startsWith("# ") && l.contains("format text, spacing ")),
                explain.stdout());
        Cli.Result inPlace = Cli.run("--in-place", args.get(1));
        assertEquals(0, inPlace.exit(), inPlace.toString());
        assertEquals(normalizer.normalize((1 + "\n" + TEXT).repeat(2001)), Files.readString(Path.of(args.get(1))));
    }
    @Test
    void verboseNamesEachFilesSpacingDecisionAsExplainsHeaderDoes() throws IOException {
        // A long text spaced in its first 65,536 chars and not after, and a Markdown guide whose prose is spaced.
        String spaced = "用 Vue 写前端，用 Go 写后端，再用 Rust 重写。\n";
        Path text = Files.writeString(dir.resolve("long.txt"), spaced.repeat(3000) + "用Vue写前端，用Go写后端。\n".repeat(9000));
        Path guide = Files.writeString(dir.resolve("guide.md"), "# 指南\n\n" + spaced.repeat(4) + "\n```\n用Go写\n```\n");
        for (Path file : List.of(text, guide)) {
            Cli.Result explain = Cli.run("--explain", "tsv", file.toString());
            String header = explain.stdout().lines().filter(l -> l.startsWith("# ")).findFirst().orElseThrow();
            String expected = "zhnorm: " + header.substring(2);
            assertTrue(expected.contains("spacing pangu (auto: "), expected);
            for (List<String> options : List.<List<String>>of(List.of(), List.of("--check"), List.of("--diff"), List.of("--threads", "2"),
                    List.of("-o", dir.resolve("out").toString()))) {
                List<String> args = new ArrayList<>(options);
                args.add("-v");
                args.add(file.toString());
                Cli.Result r = Cli.run(args.toArray(String[]::new));
                assertTrue(r.stderr().lines().filter(expected::equals).count() == 1, options + "\n" + r.stderr());
            }
        }
        Path copy = Files.copy(guide, dir.resolve("copy.md"));
        Cli.Result inPlace = Cli.run("--in-place", "-v", copy.toString());
        assertTrue(inPlace.stderr().contains("zhnorm: " + copy + ": format markdown, spacing pangu (auto: "),
                inPlace.stderr());
        Cli.Result conversion = Cli.run("convert", "-c", "t2s", "-v", guide.toString());
        assertTrue(conversion.stderr().lines().noneMatch(l -> l.contains("spacing")), conversion.stderr());
    }
}
