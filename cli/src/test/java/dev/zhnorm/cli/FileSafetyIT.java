package dev.zhnorm.cli;

import dev.zhnorm.Converter;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 9 as a user's shell sees it, running the built jar in a child JVM: interruption at random
 * points, temporary files on SIGTERM, real /dev/full and /dev/stdin, the working folder, small heaps,
 * and a run by an unprivileged user.
 */
class FileSafetyIT {
    private static Path jar;

    @TempDir
    Path dir;

    @BeforeAll
    static void findJar() {
        jar = Path.of(System.getProperty("zhnorm.jar", "target/zhnorm.jar")).toAbsolutePath();
        assertTrue(Files.isRegularFile(jar), "the shaded jar is built before integration tests: " + jar);
    }

    private record Run(int exit, String stdout, String stderr) {
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The command line of a child zhnorm: JVM options, then zhnorm's arguments. */
    private static List<String> command(List<String> jvm, String... args) {
        List<String> c = new ArrayList<>();
        c.add(java());
        c.addAll(jvm);
        c.add("-jar");
        c.add(jar.toString());
        c.addAll(Arrays.asList(args));
        return c;
    }

    private Run run(ProcessBuilder pb, byte[] stdin) throws IOException, InterruptedException {
        Path out = Files.createTempFile(dir, "stdout", "");
        Path err = Files.createTempFile(dir, "stderr", "");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(stdin);
        } catch (IOException e) {
            // the child did not read all of its input: fine
        }
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "zhnorm finished");
        Run r = new Run(p.exitValue(), Files.readString(out), Files.readString(err));
        Files.delete(out);
        Files.delete(err);
        return r;
    }

    private List<Path> leftovers(Path folder) throws IOException {
        try (Stream<Path> s = Files.walk(folder)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".zhnorm-tmp")
                    || p.getFileName().toString().endsWith(".part")).toList();
        }
    }

    // ---- locale --------------------------------------------------------------------------------------

    /** A child zhnorm in the C locale, as cron, systemd units and containers often run it. */
    private static ProcessBuilder inTheCLocale(ProcessBuilder pb) {
        pb.environment().keySet().removeIf(k -> k.equals("LANG") || k.startsWith("LC_"));
        pb.environment().put("LC_ALL", "C");
        return pb;
    }

    /**
     * In the C locale the JVM cannot spell a Chinese file name: found under {@code -r}, such a file is
     * still rewritten in place (its temporary file takes a name of its own); named on the command
     * line, where the JVM has lost its chars before zhnorm sees them, it fails with the reason and
     * the way out, and the other files are done. Before, the run stopped with an internal error.
     */
    @Test
    void chineseFileNamesInTheCLocale() throws Exception {
        Path tree = Files.createDirectories(dir.resolve("tree"));
        Files.writeString(tree.resolve("a.txt"), "後來\n");
        Files.writeString(tree.resolve("說明.txt"), "後來\n");
        Run walked = run(inTheCLocale(new ProcessBuilder(command(List.of(), "convert", "-c", "t2s", "--in-place", "-r",
                tree.toString()))), new byte[0]);
        assertEquals(0, walked.exit(), walked.stderr());
        assertEquals("后来\n", Files.readString(tree.resolve("a.txt")));
        assertEquals("后来\n", Files.readString(tree.resolve("說明.txt")));
        assertEquals(List.of(), leftovers(tree));

        Files.writeString(tree.resolve("b.txt"), "後來\n");
        Files.writeString(tree.resolve("說明.txt"), "後來\n");
        Run named = run(inTheCLocale(new ProcessBuilder(command(List.of(), "convert", "-c", "t2s", "--in-place",
                tree.resolve("說明.txt").toString(), tree.resolve("b.txt").toString()))), new byte[0]);
        assertEquals(3, named.exit(), named.stderr());
        assertTrue(named.stderr().contains("cannot be read in the locale's charset")
                && named.stderr().contains("LC_ALL=C.UTF-8"), named.stderr());
        assertEquals("后来\n", Files.readString(tree.resolve("b.txt")));
        assertEquals("後來\n", Files.readString(tree.resolve("說明.txt")));
        assertEquals(List.of(), leftovers(tree));
    }

    // ---- interruption ------------------------------------------------------------------------------

    /**
     * Kills {@code --in-place} runs at random points (SIGTERM, and SIGINT where the child receives it):
     * afterwards the file is either exactly the original or exactly the complete result, and no
     * temporary file is left. The seed is fixed and printed, so a failure can be replayed.
     */
    @Test
    void anInPlaceRunKilledAtRandomPointsLeavesTheOriginalOrTheResultAndNoTemporaryFile() throws Exception {
        long seed = 20261202L;
        System.out.println("FileSafetyIT interruption seed " + seed);
        Random random = new Random(seed);
        String line = "隨著時代的發展，臺灣的軟體工程師們後來發現頭髮越來越少。\n";
        Path file = dir.resolve("big.txt");
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < 150_000; i++) {
                w.write(line);
            }
        }
        byte[] original = Files.readAllBytes(file);
        byte[] result = Converter.of("t2s").convert(line).repeat(150_000).getBytes(StandardCharsets.UTF_8);
        int kills = 0;
        for (int round = 0; round < 5; round++) {
            Process p = new ProcessBuilder(command(List.of(), "convert", "-c", "t2s", "--in-place", file.toString()))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(dir.resolve("err" + round).toFile()).start();
            long delay = random.nextInt(1500);
            boolean interrupt = random.nextBoolean();
            if (!p.waitFor(delay, TimeUnit.MILLISECONDS)) {
                if (interrupt) {
                    new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
                } else {
                    p.destroy(); // SIGTERM
                }
                kills++;
            }
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "round " + round + " ended");
            byte[] now = Files.readAllBytes(file);
            assertTrue(Arrays.equals(now, original) || Arrays.equals(now, result),
                    "round " + round + " (" + (interrupt ? "SIGINT" : "SIGTERM") + " after " + delay
                            + " ms): the file is the original or the whole result, never a mix");
            assertEquals(List.of(), leftovers(dir), "round " + round + ": no temporary file");
            Files.write(file, original);
        }
        System.out.println("FileSafetyIT interruption: " + kills + " of 5 runs killed before they ended");
    }

    @Test
    void spoolFilesOfAThreadedRunGoWhenItIsTerminated() throws Exception {
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Path in = Files.createDirectories(dir.resolve("in"));
        String text = "隨著時代的發展，臺灣的軟體工程師們後來發現頭髮越來越少。\n".repeat(30_000); // about 2.7 MB each
        for (int i = 0; i < 6; i++) {
            Files.writeString(in.resolve("f" + i + ".txt"), text);
        }
        Process p = new ProcessBuilder(command(List.of("-Djava.io.tmpdir=" + tmp), "convert", "-c", "t2s",
                "--threads", "2", "-r", in.toString()))
                .redirectError(dir.resolve("err").toFile()).start();
        // Read a little and then stop reading: the workers spool ahead into tmp while stdout is blocked.
        p.getInputStream().readNBytes(1000);
        for (int i = 0; i < 100 && leftovers(tmp).isEmpty() && p.isAlive(); i++) {
            Thread.sleep(50);
        }
        assertTrue(!leftovers(tmp).isEmpty(), "spool files exist while the run waits for its reader");
        p.destroy();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        p.getInputStream().close();
        assertEquals(List.of(), leftovers(tmp), "spool files removed on SIGTERM");
    }

    // ---- exit codes and messages -------------------------------------------------------------------

    @Test
    void aFullDeviceIsAnOutputErrorForDetectPresetsAndHelp() throws Exception {
        Assumptions.assumeTrue(Files.isWritable(Path.of("/dev/full")), "skipped: no /dev/full here");
        Path a = Files.writeString(dir.resolve("a.txt"), "漢字\n");
        for (String[] args : new String[][] {{"detect", a.toString()}, {"presets"}, {"--help"}}) {
            Process p = new ProcessBuilder(command(List.of(), args)).redirectOutput(new File("/dev/full"))
                    .redirectError(dir.resolve("full.err").toFile()).start();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            assertEquals(ExitCodes.INPUT, p.exitValue(), Arrays.toString(args));
            assertEquals("zhnorm: standard output: cannot write: No space left on device\n",
                    Files.readString(dir.resolve("full.err")), Arrays.toString(args));
        }
    }

    @Test
    void devStdinAsAFileIsReadAsAStream() throws Exception {
        Run r = run(new ProcessBuilder(command(List.of(), "convert", "-c", "t2s", "/dev/stdin")),
                "臺灣\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(0, r.exit(), r.stderr());
        assertEquals("台湾\n", r.stdout());
    }

    @Test
    void aPresetIdWinsOverAFileOfTheSameNameUnlessItLooksLikeAPath() throws Exception {
        Files.writeString(dir.resolve("t2s"), "not a config");
        Run preset = run(new ProcessBuilder(command(List.of(), "convert", "-c", "t2s")).directory(dir.toFile()),
                "臺灣\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(0, preset.exit(), preset.stderr());
        assertEquals("台湾\n", preset.stdout());
        Run path = run(new ProcessBuilder(command(List.of(), "convert", "-c", "./t2s")).directory(dir.toFile()),
                "臺灣\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(ExitCodes.CONFIG, path.exit(), path.stderr());
    }

    @Test
    void outOfMemoryIsOneLineAndExit70AndTooLargeForDiffIsRefusedUpFront() throws Exception {
        byte[] line = "臺灣的軟體很好用".repeat(1_500_000).getBytes(StandardCharsets.UTF_8); // 36 MB, one line
        Path out = dir.resolve("out.diff");
        Run oom = run(new ProcessBuilder(command(List.of("-Xmx32m"), "--diff", "-o", out.toString())), line);
        assertEquals(ExitCodes.INTERNAL, oom.exit(), oom.stderr());
        assertEquals(1, oom.stderr().lines().count(), oom.stderr());
        assertTrue(oom.stderr().startsWith("zhnorm: out of memory (Java heap of "), oom.stderr());
        assertTrue(oom.stderr().endsWith("; give Java more with ZHNORM_JAVA_OPTS=-Xmx64m, or use streaming output "
                + "instead of --diff/--explain\n"), oom.stderr());
        assertEquals(List.of(), leftovers(dir), "the -o temporary file is gone");
        // A Markdown document is held whole (about 80 bytes of heap per char): no --diff to blame.
        Path doc = Files.writeString(dir.resolve("guide.md"), "## 標題\n\n他說,臺灣的 Go 軟體很好用.\n\n".repeat(60_000));
        Run document = run(new ProcessBuilder(command(List.of("-Xmx32m"), doc.toString())), new byte[0]);
        assertEquals(ExitCodes.INTERNAL, document.exit(), document.stderr());
        assertTrue(document.stderr().endsWith("; give Java more with ZHNORM_JAVA_OPTS=-Xmx64m\n"), document.stderr());
        Path big = Files.write(dir.resolve("big.txt"), Arrays.copyOf(line, 8 << 20));
        Run refused = run(new ProcessBuilder(command(List.of("-Xmx32m"), "--diff", big.toString())), new byte[0]);
        assertEquals(ExitCodes.INPUT, refused.exit(), refused.stderr());
        assertTrue(refused.stderr().startsWith("zhnorm: " + big + ": 8.0 MiB is too large for --diff with a Java heap"),
                refused.stderr());
    }

    @Test
    void patchAppliesTheDiffToANameWithASpaceAUtf8ByteOrderMarkAndABig5File() throws Exception {
        Assumptions.assumeTrue(Stream.of(System.getenv("PATH").split(File.pathSeparator))
                .anyMatch(d -> Files.isExecutable(Path.of(d, "patch"))), "skipped: no patch on the PATH");
        Path spaced = Files.writeString(dir.resolve("文件 甲.txt"), "臺灣,好\n");
        Path marked = Files.write(dir.resolve("bm.md"), "\uFEFF# 標題,好\n".getBytes(StandardCharsets.UTF_8));
        Path big5 = Files.write(dir.resolve("b.txt"), "他說,好\n".getBytes(java.nio.charset.Charset.forName("Big5")));
        for (List<String> args : List.of(List.of("--diff", "文件 甲.txt", "bm.md"), List.of("-c", "none", "--diff", "b.txt"))) {
            // Relative names, as patch -p0 wants them; the diff's bytes go straight to a file.
            Path patchFile = dir.resolve("changes.patch");
            Process zhnorm = new ProcessBuilder(command(List.of(), args.toArray(String[]::new))).directory(dir.toFile())
                    .redirectOutput(patchFile.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            assertEquals(0, zhnorm.waitFor(), args.toString());
            Process patch = new ProcessBuilder("patch", "-p0", "--batch", "-i", patchFile.toString())
                    .directory(dir.toFile()).redirectErrorStream(true).start();
            String said = new String(patch.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, patch.waitFor(), said);
            Files.delete(patchFile);
        }
        assertEquals("台湾，好\n", Files.readString(spaced));
        assertArrayEquals("\uFEFF# 标题，好\n".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(marked));
        assertArrayEquals("他說，好\n".getBytes(java.nio.charset.Charset.forName("Big5")), Files.readAllBytes(big5));
    }

    @Test
    void checkOnALargeStandardInputStreamsInsteadOfHoldingIt() throws Exception {
        byte[] text = "臺灣的軟體很好用\n".repeat(2_000_000).getBytes(StandardCharsets.UTF_8); // 50 MB
        Run r = run(new ProcessBuilder(command(List.of("-Xmx32m", "-Djava.io.tmpdir=" + dir), "convert", "-c", "t2s",
                "--check")), text);
        assertEquals(ExitCodes.CHANGES, r.exit(), r.stderr());
        assertEquals("<stdin>\n", r.stdout());
        assertEquals(List.of(), leftovers(dir));
    }

    // ---- as an unprivileged user ------------------------------------------------------------------------

    /** Root (as CI runs) may do what users may not: these cases run zhnorm as {@code nobody}, where possible. */
    private void assumeAnotherUserCanRun() throws IOException {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")) && Files.isExecutable(Path.of(
                "/usr/sbin/runuser")), "skipped: needs root and runuser to run zhnorm as another user");
        Files.setAttribute(dir, "unix:mode", 0777);
    }

    /** Runs the jar as user {@code nobody}, its temporary folder in {@link #dir}; skips where nobody cannot run it. */
    private Run runAsNobody(String... args) throws Exception {
        List<String> c = new ArrayList<>(List.of("/usr/sbin/runuser", "-u", "nobody", "--"));
        c.addAll(command(List.of("-Djava.io.tmpdir=" + dir), args));
        Run r = run(new ProcessBuilder(c), new byte[0]);
        Assumptions.assumeFalse(r.stderr().contains("Permission denied") || r.stderr().contains("Error: Unable"),
                "skipped: user nobody cannot run the jar here: " + r.stderr());
        return r;
    }

    @Test
    void anUnprivilegedRunSaysWhichAttributesItCouldNotKeep() throws Exception {
        assumeAnotherUserCanRun();
        Path f = Files.writeString(dir.resolve("shared.txt"), "漢字\n");
        Files.setAttribute(f, "unix:mode", 0666); // root's file, writable by all
        Run r = runAsNobody("convert", "-c", "t2s", "--in-place", f.toString());
        assertEquals(0, r.exit(), r.stderr());
        assertEquals("汉字\n", Files.readString(f));
        assertEquals("zhnorm: " + f + ": could not keep its owner 0, group 0 (not permitted); the new file has this process's\n",
                r.stderr());
        assertEquals(0666, (Integer) Files.getAttribute(f, "unix:mode") & 07777, "the mode is kept");
    }

    /**
     * -o or --in-place into a folder that refuses the temporary file blames the folder, not the
     * (writable) target, in one line that names the target once.
     */
    @Test
    void aFolderThatRefusesTheTemporaryFileIsNamed() throws Exception {
        assumeAnotherUserCanRun();
        Path in = Files.writeString(dir.resolve("in.txt"), "漢字\n");
        Path ro = Files.createDirectories(dir.resolve("ro"));
        Path target = Files.writeString(ro.resolve("x.txt"), "old\n");
        Files.setAttribute(target, "unix:mode", 0666);
        Files.setAttribute(ro, "unix:mode", 0555);
        String expected = "zhnorm: " + target + ": cannot be written: the temporary file that replaces it atomically "
                + "cannot be created in " + ro + " (permission denied)\n";
        Run r = runAsNobody("convert", "-c", "t2s", "-o", target.toString(), in.toString());
        assertEquals(ExitCodes.INPUT, r.exit(), r.stderr());
        assertEquals(expected, r.stderr());
        assertEquals("old\n", Files.readString(target));
        Files.writeString(target, "漢字\n");
        Run inPlace = runAsNobody("convert", "-c", "t2s", "--in-place", target.toString());
        assertEquals(ExitCodes.INPUT, inPlace.exit(), inPlace.stderr());
        assertEquals(expected, inPlace.stderr());
        assertEquals("漢字\n", Files.readString(target));
    }

    /**
     * FileSafetyTest's unreadable-folder case, run as user nobody: as root (CI) every folder is
     * readable, so only another user can meet one.
     */
    @Test
    void anUnreadableFolderUnderRecursiveFailsAloneForAnUnprivilegedUser() throws Exception {
        assumeAnotherUserCanRun();
        Path d = Files.createDirectories(dir.resolve("d"));
        Path a = Files.writeString(d.resolve("a.txt"), "漢\n");
        Path locked = Files.createDirectories(d.resolve("locked"));
        Files.writeString(locked.resolve("b.txt"), "髮\n");
        Path z = Files.writeString(d.resolve("z.txt"), "髮\n");
        Files.setAttribute(d, "unix:mode", 0777);
        Files.setAttribute(a, "unix:mode", 0666);
        Files.setAttribute(z, "unix:mode", 0666);
        Files.setAttribute(locked, "unix:mode", 0700); // root's, closed to nobody
        Run r = runAsNobody("convert", "-c", "t2s", "--in-place", "-r", d.toString());
        assertEquals(ExitCodes.INPUT, r.exit(), r.stderr());
        assertEquals("汉\n", Files.readString(a));
        assertEquals("发\n", Files.readString(z));
        // (the files are root's, so nobody's rewrite also says it could not keep their owner)
        assertTrue(r.stderr().contains("zhnorm: " + locked + ": permission denied\n"), r.stderr());
        assertTrue(r.stderr().endsWith("2 files, 2 changed, 1 file failed\n"), r.stderr());
    }
}
