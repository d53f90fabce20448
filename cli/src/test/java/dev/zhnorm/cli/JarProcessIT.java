package dev.zhnorm.cli;

import dev.zhnorm.Converter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the built jar ({@code cli/target/zhnorm.jar}, made in the package phase) as a separate
 * process, as a user's shell would: manifest version, exit codes, stdin/stdout, and streaming of a
 * file far larger than the heap it is given.
 */
class JarProcessIT {
    private static Path jar;

    @TempDir
    Path dir;

    @BeforeAll
    static void findJar() {
        jar = Path.of(System.getProperty("zhnorm.jar", "target/zhnorm.jar"));
        assertTrue(Files.isRegularFile(jar), "the shaded jar is built before integration tests: " + jar);
    }

    private record Run(int exit, String stdout, String stderr) {
    }

    private Run run(byte[] stdin, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String a : args) {
            if (a.startsWith("-Xmx")) {
                command.add(a);
            }
        }
        command.add("-jar");
        command.add(jar.toString());
        for (String a : args) {
            if (!a.startsWith("-Xmx")) {
                command.add(a);
            }
        }
        Path out = dir.resolve("stdout");
        Path err = dir.resolve("stderr");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(stdin);
        }
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "zhnorm finished");
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    @Test
    void versionComesFromTheJarManifest() throws Exception {
        Run r = run(new byte[0], "--version");
        assertEquals(0, r.exit(), r.stderr());
        assertTrue(r.stdout().matches("(?s)zhnorm \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\RJava .*"), r.stdout());
    }

    @Test
    void convertsStandardInputAndDefaultsToTraditionalOfAnyRegion() throws Exception {
        Run r = run("頭髮\r\n".getBytes(StandardCharsets.UTF_8), "convert", "-c", "t2s");
        assertEquals(0, r.exit(), r.stderr());
        assertEquals("头发\r\n", r.stdout());
        Run d = run("他說\"臺灣的軟體\".\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(0, d.exit(), d.stderr());
        assertEquals("他说“台湾的软体”。\n", d.stdout());
        Run options = run("他說\"臺灣\"在2022年\n".getBytes(StandardCharsets.UTF_8),
                "--style", "taiwan", "--spacing", "pangu", "--numerals", "arabic-to-chinese");
        assertEquals(dev.zhnorm.Normalizer.builder().style(dev.zhnorm.normalize.Style.TAIWAN)
                .spacing(dev.zhnorm.normalize.Spacing.PANGU).numerals(dev.zhnorm.normalize.Numerals.ARABIC_TO_CHINESE)
                .build().normalize("他說\"臺灣\"在2022年\n"), options.stdout());
    }

    @Test
    void errorsAreOneLineWithTheDocumentedExitCode() throws Exception {
        Run missing = run(new byte[0], "convert", "-c", "t2s", dir.resolve("missing.txt").toString());
        assertEquals(ExitCodes.INPUT, missing.exit());
        assertEquals("zhnorm: " + dir.resolve("missing.txt") + ": no such file or directory\n", missing.stderr());
        Run usage = run(new byte[0], "--no-such-option");
        assertEquals(ExitCodes.USAGE, usage.exit());
        assertEquals(1, usage.stderr().lines().count(), usage.stderr());
        Path bad = Files.writeString(dir.resolve("bad.json"), "{", StandardCharsets.UTF_8);
        assertEquals(ExitCodes.CONFIG, run(new byte[0], "convert", "-c", bad.toString()).exit());
        Path a = Files.writeString(dir.resolve("a.txt"), "漢字", StandardCharsets.UTF_8);
        Run check = run(new byte[0], "convert", "-c", "t2s", "--check", a.toString());
        assertEquals(ExitCodes.CHANGES, check.exit());
        assertEquals(a + "\n", check.stdout());
    }

    @Test
    void aClosedPipeEndsQuietlyAndAFullDiskIsAnOutputError() throws Exception {
        Path in = Files.writeString(dir.resolve("many.txt"), "隨著時代的發展\n".repeat(2_000_000), StandardCharsets.UTF_8);
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                jar.toString(), in.toString()).redirectError(dir.resolve("err").toFile()).start();
        byte[] first = p.getInputStream().readNBytes(100);
        p.getInputStream().close(); // like `| head -c 100`
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(100, first.length);
        assertEquals(0, p.exitValue());
        assertEquals("", Files.readString(dir.resolve("err")));
        if (Files.isWritable(Path.of("/dev/full"))) {
            Process full = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                    jar.toString(), in.toString()).redirectOutput(new java.io.File("/dev/full"))
                    .redirectError(dir.resolve("err").toFile()).start();
            assertTrue(full.waitFor(60, TimeUnit.SECONDS));
            assertEquals(ExitCodes.INPUT, full.exitValue());
            assertEquals("zhnorm: standard output: cannot write: No space left on device\n",
                    Files.readString(dir.resolve("err")));
        }
    }

    /**
     * {@code --check} says what it found even when the reader of its diff or explanation goes away
     * (a CI step's {@code zhnorm --check --diff -r docs | head -50}): exit 1, nothing on standard
     * error. Before, the closed pipe ended the run with exit 0 before the file counted as changed.
     */
    @Test
    void checkWithADiffOrExplanationExitsOneWhenThePipeCloses() throws Exception {
        Path in = Files.writeString(dir.resolve("many.txt"), "隨著時代的發展\n".repeat(200_000), StandardCharsets.UTF_8);
        for (List<String> how : List.of(List.of("--diff"), List.of("--explain", "tsv"))) {
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString(),
                    "convert", "-c", "t2s", "--check"));
            command.addAll(how);
            command.add(in.toString());
            Process p = new ProcessBuilder(command).redirectError(dir.resolve("err").toFile()).start();
            byte[] first = p.getInputStream().readNBytes(100);
            p.getInputStream().close(); // like `| head -c 100`
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            assertEquals(100, first.length, how.toString());
            assertEquals(ExitCodes.CHANGES, p.exitValue(), how + ": " + Files.readString(dir.resolve("err")));
            assertEquals("", Files.readString(dir.resolve("err")), how.toString());
        }
    }

    /** A file many times the heap converts in bounded memory, identical to the library's result. */
    @Test
    void streamsAFileLargerThanTheHeap() throws Exception {
        String line = "隨著時代的發展，臺灣的軟體工程師們後來發現頭髮越來越少。Hello 123\r\n";
        int lines = 200_000; // about 20 MB of UTF-8, against a 24 MB heap
        Path in = dir.resolve("big.txt");
        try (BufferedWriter w = Files.newBufferedWriter(in, StandardCharsets.UTF_8)) {
            for (int i = 0; i < lines; i++) {
                w.write(line);
            }
        }
        Path out = dir.resolve("big.out");
        Run r = run(new byte[0], "-Xmx24m", "convert", "-c", "t2cn", "-o", out.toString(), in.toString());
        assertEquals(0, r.exit(), r.stderr());
        String expected = Converter.of("t2cn").convert(line);
        int count = 0;
        try (BufferedReader reader = Files.newBufferedReader(out, StandardCharsets.UTF_8)) {
            char[] buf = new char[expected.length()];
            while (reader.read(buf, 0, buf.length) == buf.length) {
                assertEquals(expected, new String(buf), "line " + count);
                count++;
            }
        }
        assertEquals(lines, count);
    }
}
