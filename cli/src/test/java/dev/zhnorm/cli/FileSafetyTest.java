package dev.zhnorm.cli;

import dev.zhnorm.Converter;
import dev.zhnorm.Normalizer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 9: the CLI never loses or corrupts a byte. One test (or more) per numbered item and bullet;
 * devices, FIFOs and ownership run where the platform allows and are skipped with a message otherwise.
 */
class FileSafetyTest {
    private static final Charset BIG5 = Charset.forName("Big5");
    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final String TRADITIONAL = EncodingDetectionTest.TRADITIONAL;

    @TempDir
    Path dir;

    // ---- 1. encoding guesses ---------------------------------------------------------------------

    private static final byte[] CAFE = concat("Meeting at the caf".getBytes(StandardCharsets.UTF_8),
            new byte[] {(byte) 0xE9}, " (咖啡館) in 臺北.\n".getBytes(StandardCharsets.UTF_8));

    @Test
    void utf8WithOneStrayByteIsReportedAtThatByteAndTheFileIsLeftAlone() throws IOException {
        Path cafe = Files.write(dir.resolve("cafe.txt"), CAFE);
        Cli.Result r = Cli.run("--in-place", cafe.toString());
        assertEquals(ExitCodes.INPUT, r.exit(), r.toString());
        assertEquals("zhnorm: " + cafe + ": invalid UTF-8 at byte 18 (0xE9); use --encoding to name the right "
                + "encoding or --replace-invalid\n", r.stderr());
        assertArrayEquals(CAFE, Files.readAllBytes(cafe));
        assertEquals(List.of(cafe), list(dir));
    }

    @Test
    void replaceInvalidOnMostlyUtf8ReplacesTheBadByteNotTheText() throws IOException {
        Path cafe = Files.write(dir.resolve("cafe.txt"), CAFE);
        Cli.Result r = Cli.run("convert", "-c", "t2s", "--replace-invalid", cafe.toString());
        assertEquals(0, r.exit(), r.toString());
        assertEquals("Meeting at the caf\uFFFD (咖啡馆) in 台北.\n", r.stdout());
    }

    @Test
    void big5AndGb18030OnStandardInputAreReadAsSuch() {
        Cli.Result big5 = Cli.run("臺灣的軟體很好用\n".getBytes(BIG5), "convert", "-c", "t2s");
        assertEquals("台湾的软体很好用\n", big5.stdout(), big5.toString());
        Cli.Result gb = Cli.run("他說,好.\n".getBytes(GB18030), "convert", "-c", "t2s");
        assertEquals("他说,好.\n", gb.stdout(), gb.toString());
    }

    @Test
    void anInputNoEncodingClearlyFitsStopsNamingTheEncodingsTried() throws IOException {
        byte[] latin1 = "Caf\u00e9 cr\u00e8me br\u00fbl\u00e9e\n".getBytes(StandardCharsets.ISO_8859_1);
        Path f = Files.write(dir.resolve("menu.txt"), latin1);
        Cli.Result r = Cli.run("--in-place", f.toString());
        assertEquals(ExitCodes.INPUT, r.exit(), r.toString());
        assertTrue(r.stderr().startsWith("zhnorm: " + f + ": cannot tell its encoding; tried UTF-8 (invalid at byte 3), "
                + "GB18030"), r.stderr());
        assertTrue(r.stderr().contains("Big5") && r.stderr().endsWith("; name it with --encoding\n"), r.stderr());
        assertArrayEquals(latin1, Files.readAllBytes(f));
    }

    @Test
    void aNamedSevenBitEncodingRejectsBytesItCannotHaveInsteadOfWritingMojibake() {
        Cli.Result r = Cli.run("臺灣\n".getBytes(StandardCharsets.UTF_8), "convert", "-c", "t2s", "--encoding",
                "ISO-2022-CN");
        assertEquals(ExitCodes.INPUT, r.exit(), r.toString());
        assertEquals("", r.stdout());
        assertTrue(r.stderr().startsWith("zhnorm: <stdin>: invalid ISO-2022-CN at byte 0 (0xE8)"), r.stderr());
    }

    // ---- 2. binary files -------------------------------------------------------------------------

    @Test
    void binaryFilesAreDecidedBeforeAnyGuessSkippedUnderRecursiveAndRefusedWhenNamed() throws IOException {
        Path d = Files.createDirectories(dir.resolve("d"));
        byte[] list0 = "a.txt\0b.txt\0".getBytes(StandardCharsets.US_ASCII);
        Path nul = Files.write(d.resolve("list0"), list0);
        byte[] elf = concat(new byte[] {0x7F, 'E', 'L', 'F', 2, 1, 1, 0}, new byte[120]);
        Files.write(d.resolve("prog"), elf);
        byte[] gzip = {0x1F, (byte) 0x8B, 8, 0, 0, 0, 0, 0, 0, 3, (byte) 0xCB, 0x48, 0, 0, 0};
        Files.write(d.resolve("a.gz"), gzip);
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F', 0, 1};
        Files.write(d.resolve("p.jpg"), jpeg);
        byte[] random = new byte[4096];
        new java.util.Random(5).nextBytes(random);
        byte[] pdf = concat("%PDF-1.7\n1 0 obj\n<</Filter/FlateDecode>>stream\n".getBytes(StandardCharsets.US_ASCII),
                random);
        Files.write(d.resolve("doc.pdf"), pdf);
        Path text = Files.writeString(d.resolve("t.txt"), "漢字\n");
        Cli.Result r = Cli.run("convert", "-c", "t2s", "--in-place", "-r", "-v", d.toString());
        assertEquals(0, r.exit(), r.toString());
        assertArrayEquals(list0, Files.readAllBytes(nul));
        assertArrayEquals(elf, Files.readAllBytes(d.resolve("prog")));
        assertArrayEquals(gzip, Files.readAllBytes(d.resolve("a.gz")));
        assertArrayEquals(jpeg, Files.readAllBytes(d.resolve("p.jpg")));
        assertArrayEquals(pdf, Files.readAllBytes(d.resolve("doc.pdf")));
        assertEquals("汉字\n", Files.readString(text));
        assertTrue(r.stderr().contains(nul + ": skipped, looks binary (NUL bytes)"), r.stderr());
        assertTrue(r.stderr().contains("1 file, 1 changed, 5 skipped"), r.stderr());

        Cli.Result named = Cli.run("convert", "-c", "t2s", "--in-place", nul.toString());
        assertEquals(ExitCodes.INPUT, named.exit());
        assertEquals("zhnorm: " + nul + ": looks like a binary file (NUL bytes); name its encoding with --encoding "
                + "to read it as text\n", named.stderr());
    }

    // ---- 3. special files as -o ------------------------------------------------------------------

    @Test
    void aCharacterDeviceGivenToOutputIsWrittenIntoNotReplaced() throws Exception {
        Path dev = dir.resolve("mynull");
        Assumptions.assumeTrue(run("mknod", dev.toString(), "c", "1", "3"),
                "skipped: cannot create a character device here (needs root and mknod)");
        Path in = Files.writeString(dir.resolve("in.txt"), "漢字\n");
        Cli.Result r = Cli.run("convert", "-c", "t2s", "-o", dev.toString(), in.toString());
        assertEquals(0, r.exit(), r.toString());
        assertEquals(0020000, mode(dev) & 0170000, "still a character device");
        assertEquals(List.of(in, dev), list(dir), "no temporary file beside it");
    }

    @Test
    void aFifoGivenToOutputIsWrittenIntoNotReplaced() throws Exception {
        Path fifo = dir.resolve("fifo");
        Assumptions.assumeTrue(run("mkfifo", fifo.toString()), "skipped: mkfifo is not available here");
        Path in = Files.writeString(dir.resolve("in.txt"), "漢字\n");
        CompletableFuture<byte[]> reader = CompletableFuture.supplyAsync(() -> {
            try (InputStream s = Files.newInputStream(fifo)) {
                return s.readAllBytes();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        Cli.Result r = Cli.run("convert", "-c", "t2s", "-o", fifo.toString(), in.toString());
        assertEquals(0, r.exit(), r.toString());
        assertEquals("汉字\n", new String(reader.get(30, TimeUnit.SECONDS), StandardCharsets.UTF_8));
        assertEquals(0010000, mode(fifo) & 0170000, "still a FIFO");
    }

    @Test
    void aReadOnlyOutputFileIsRefusedAsTheShellWould() throws IOException {
        Path in = Files.writeString(dir.resolve("in.txt"), "漢字\n");
        Path out = Files.writeString(dir.resolve("out.txt"), "keep me");
        Files.setAttribute(out, "unix:mode", 0444);
        Cli.Result r = Cli.run("convert", "-c", "t2s", "-o", out.toString(), in.toString());
        assertEquals(ExitCodes.INPUT, r.exit(), r.toString());
        assertEquals("zhnorm: " + out + ": read-only file, not replaced (make it writable or remove it first)\n",
                r.stderr());
        assertEquals("keep me", Files.readString(out));
        assertEquals(0444, mode(out) & 07777);
    }

    /**
     * /proc answers "no such file" to a new file in a folder that exists: the error says that the
     * file cannot be written and why, naming the file once, for --in-place, a link and -o alike.
     */
    @Test
    void aFileInAFolderThatTakesNoNewFilesIsNotReportedMissing() throws IOException {
        Path version = Path.of("/proc/version");
        Assumptions.assumeTrue(Files.isRegularFile(version), "skipped: no /proc/version here (not Linux)");
        String why = ": cannot be written: the temporary file that replaces it atomically cannot be created in /proc "
                + "(the folder takes no new files)\n";
        // A user entry makes the ASCII file change: only then does it need the temporary file.
        Path dict = Files.writeString(dir.resolve("dict.txt"), "Linux\tLINUX\n");
        Cli.Result r = Cli.run("convert", "-c", "t2s", "--dict", dict.toString(), "--in-place", version.toString());
        assertEquals(ExitCodes.INPUT, r.exit(), r.toString());
        assertEquals("zhnorm: /proc/version" + why, r.stderr());
        Path link = Files.createSymbolicLink(dir.resolve("version.txt"), version);
        Cli.Result viaLink = Cli.run("convert", "-c", "t2s", "--dict", dict.toString(), "--in-place", link.toString());
        assertEquals(ExitCodes.INPUT, viaLink.exit(), viaLink.toString());
        assertEquals("zhnorm: " + link + why, viaLink.stderr());
        Files.delete(link); // before @TempDir's cleanup, which warns about links out of the folder
        Path in = Files.writeString(dir.resolve("in.txt"), "漢字\n");
        Cli.Result out = Cli.run("convert", "-c", "t2s", "-o", "/proc/zhnorm-new.txt", in.toString());
        assertEquals(ExitCodes.INPUT, out.exit(), out.toString());
        assertEquals("zhnorm: /proc/zhnorm-new.txt" + why, out.stderr());
    }

    /**
     * A file that would not change needs no temporary file: in a folder that takes none (/proc, a
     * read-only mount) it is done as anywhere else, untouched, and the run succeeds.
     */
    @Test
    void aFileThatWouldNotChangeIsDoneInAFolderThatTakesNoNewFiles() throws IOException {
        Path version = Path.of("/proc/version");
        Assumptions.assumeTrue(Files.isRegularFile(version), "skipped: no /proc/version here (not Linux)");
        Cli.Result r = Cli.run("convert", "-c", "t2s", "-v", "--in-place", version.toString());
        assertEquals(ExitCodes.OK, r.exit(), r.toString());
        assertTrue(r.stderr().contains("/proc/version: unchanged, not rewritten"), r.stderr());
        Cli.Result check = Cli.run("convert", "-c", "t2s", "--check", version.toString());
        assertEquals(ExitCodes.OK, check.exit(), check.toString());
    }

    /** Mounts a 64 KB tmpfs on {@code at}, or skips the test where that cannot be done (not root). */
    private static void mountSmallTmpfs(Path at) {
        Assumptions.assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", at.toString()),
                "skipped: cannot mount a small file system here (needs root)");
    }

    /** A read-only file system refuses the temporary file: said so, with the folder's name as it is spelled. */
    @Test
    void aFolderOnAReadOnlyFileSystemIsNamedWithTheReason() throws IOException {
        Path mounted = Files.createDirectories(dir.resolve("ReadOnly"));
        mountSmallTmpfs(mounted);
        try {
            Path f = Files.writeString(mounted.resolve("F.txt"), "漢字\n");
            Path done = Files.writeString(mounted.resolve("G.txt"), "汉字\n");
            // Its result (台湾) is no Big5: it must change, and the folder is what stops it first.
            Path big5 = Files.write(mounted.resolve("B.txt"), "臺灣\n".getBytes(java.nio.charset.Charset.forName("Big5")));
            Assumptions.assumeTrue(run("mount", "-o", "remount,ro", mounted.toString()), "skipped: cannot remount read-only");
            Cli.Result unchanged = Cli.run("convert", "-c", "t2s", "--in-place", done.toString());
            assertEquals(ExitCodes.OK, unchanged.exit(), unchanged.toString()); // nothing to write: no temporary file
            assertEquals("汉字\n", Files.readString(done));
            String why = ": cannot be written: the temporary file that replaces it atomically cannot be created in "
                    + mounted + " (read-only file system)\n";
            Cli.Result r = Cli.run("convert", "-c", "t2s", "--in-place", f.toString());
            assertEquals(ExitCodes.INPUT, r.exit(), r.toString());
            assertEquals("zhnorm: " + f + why, r.stderr());
            Cli.Result notBig5 = Cli.run("convert", "-c", "t2s", "--in-place", big5.toString());
            assertEquals(ExitCodes.INPUT, notBig5.exit(), notBig5.toString());
            assertEquals("zhnorm: " + big5 + why, notBig5.stderr());
            Path in = Files.writeString(dir.resolve("in.txt"), "漢字\n");
            Path target = mounted.resolve("New.txt");
            Cli.Result out = Cli.run("convert", "-c", "t2s", "-o", target.toString(), in.toString());
            assertEquals(ExitCodes.INPUT, out.exit(), out.toString());
            assertEquals("zhnorm: " + target + why, out.stderr());
            assertEquals("漢字\n", Files.readString(f));
        } finally {
            run("umount", mounted.toString());
        }
    }

    // ---- 4. one byte-order mark per output stream --------------------------------------------------

    @Test
    void utf16OutputOfSeveralInputsHasOneByteOrderMark() throws IOException {
        Path a = Files.writeString(dir.resolve("a.txt"), "漢\n");
        Path b = Files.writeString(dir.resolve("b.txt"), "字\n");
        for (String threads : List.of("1", "2")) {
            Cli.Result r = Cli.run("convert", "-c", "t2s", "--threads", threads, "--output-encoding", "UTF-16",
                    a.toString(), b.toString());
            assertEquals(0, r.exit(), r.toString());
            assertArrayEquals(concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, "汉\n字\n".getBytes(StandardCharsets.UTF_16BE)),
                    r.stdoutBytes(), "--threads " + threads);
        }
    }

    // ---- 5. ownership and mode ---------------------------------------------------------------------

    @Test
    void ownerGroupAndAllModeBitsAreKeptByInPlaceAndOutput() throws IOException {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
                "skipped: changing a file's owner needs root");
        Path a = Files.writeString(dir.resolve("a.txt"), "漢字\n");
        Path out = Files.writeString(dir.resolve("out.txt"), "old\n");
        for (Path p : List.of(a, out)) {
            Files.setAttribute(p, "unix:uid", 65534);
            Files.setAttribute(p, "unix:gid", 65534);
            Files.setAttribute(p, "unix:mode", 07640);
        }
        Path in = Files.writeString(dir.resolve("in.txt"), "頭髮\n");
        Cli.Result r = Cli.run("convert", "-c", "t2s", "--in-place", a.toString());
        assertEquals(0, r.exit(), r.toString());
        Cli.Result o = Cli.run("convert", "-c", "t2s", "-o", out.toString(), in.toString());
        assertEquals(0, o.exit(), o.toString());
        assertEquals("汉字\n", Files.readString(a));
        assertEquals("头发\n", Files.readString(out));
        for (Path p : List.of(a, out)) {
            assertEquals(65534, Files.getAttribute(p, "unix:uid"), p.toString());
            assertEquals(65534, Files.getAttribute(p, "unix:gid"), p.toString());
            assertEquals(07640, mode(p) & 07777, p.toString());
        }
    }

    // ---- 6. --in-place keeps each file's encoding ----------------------------------------------------

    @Test
    void inPlaceKeepsBig5AndDoesNotRewriteAnUnchangedFile() throws IOException {
        String before = TRADITIONAL.replace("，", ",").replace("。", ".");
        Path big5 = Files.write(dir.resolve("big5.txt"), before.getBytes(BIG5));
        Cli.Result r = Cli.run("-c", "none", "--in-place", "-v", big5.toString());
        assertEquals(0, r.exit(), r.toString());
        String after = Normalizer.builder().noConversion().build().normalize(before);
        assertArrayEquals(after.getBytes(BIG5), Files.readAllBytes(big5), "still Big5");
        FileTime old = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(big5, old);
        Cli.Result again = Cli.run("-c", "none", "--in-place", "-v", big5.toString());
        assertEquals(0, again.exit(), again.toString());
        assertEquals(old, Files.getLastModifiedTime(big5));
        assertTrue(again.stderr().contains(big5 + ": unchanged, not rewritten"), again.stderr());
        assertEquals(1, again.stderr().lines().filter(l -> l.contains(": encoding Big5")).count(),
                "the encoding is said once: " + again.stderr());
    }

    @Test
    void inPlaceKeepsUtf16LittleEndianWithItsByteOrderMark() throws IOException {
        byte[] bom = {(byte) 0xFF, (byte) 0xFE};
        Path f = Files.write(dir.resolve("u16.txt"), concat(bom, "漢字\r\n".getBytes(StandardCharsets.UTF_16LE)));
        Cli.Result r = Cli.run("convert", "-c", "t2s", "--in-place", f.toString());
        assertEquals(0, r.exit(), r.toString());
        assertArrayEquals(concat(bom, "汉字\r\n".getBytes(StandardCharsets.UTF_16LE)), Files.readAllBytes(f));
        Cli.Result next = Cli.run("convert", "-c", "t2s", "--check", f.toString());
        assertEquals(0, next.exit(), "the next run reads it as text: " + next);
    }

    @Test
    void aCharacterTheFilesEncodingCannotHoldStopsThatFileWithItsPosition() throws IOException {
        byte[] original = ("第一行\n" + TRADITIONAL).getBytes(BIG5);
        Path big5 = Files.write(dir.resolve("big5.txt"), original);
        Cli.Result r = Cli.run("convert", "-c", "t2s", "--in-place", big5.toString());
        assertEquals(ExitCodes.INPUT, r.exit(), r.toString());
        // 臺灣 -> 台湾: 台 is in Big5, 湾 is not
        assertEquals("zhnorm: " + big5 + ": line 2, column 2: 湾 (U+6E7E) cannot be written in Big5 (in its result); "
                + "left as it was; use --output-encoding UTF-8\n", r.stderr());
        assertArrayEquals(original, Files.readAllBytes(big5));
        assertEquals(List.of(big5), list(dir));
    }

    /**
     * {@code --check} answers for {@code --in-place}: a file that {@code --in-place} would refuse
     * (its result holds a char its encoding cannot) fails with that error, not "would change".
     */
    @Test
    void checkReportsTheErrorInPlaceWouldStopWith() throws IOException {
        byte[] original = ("第一行\n" + TRADITIONAL).getBytes(BIG5);
        Path big5 = Files.write(dir.resolve("big5.txt"), original);
        String error = "zhnorm: " + big5 + ": line 2, column 2: 湾 (U+6E7E) cannot be written in Big5 (in its result); ";
        for (String[] args : List.of(new String[] {"--check"}, new String[] {"--check", "--explain", "tsv"},
                new String[] {"--check", "--threads", "2"})) {
            Cli.Result check = Cli.run(argv(new String[] {"convert", "-c", "t2s"}, args, big5.toString()));
            assertEquals(ExitCodes.INPUT, check.exit(), check.toString());
            assertEquals(error + "--in-place would leave it as it is; use --output-encoding UTF-8\n", check.stderr());
            assertFalse(check.stdout().contains(big5.toString()), "not reported as changing, nor explained: " + check);
        }
        Cli.Result inPlace = Cli.run("convert", "-c", "t2s", "--in-place", big5.toString());
        assertEquals(ExitCodes.INPUT, inPlace.exit(), inPlace.toString());
        assertEquals(error + "left as it was; use --output-encoding UTF-8\n", inPlace.stderr());
        assertArrayEquals(original, Files.readAllBytes(big5));

        // Checked as --in-place --output-encoding UTF-8 would write it, it changes; a result Big5
        // holds is a change too; and a pipe is checked as standard output would take it (UTF-8).
        Cli.Result asUtf8 = Cli.run("convert", "-c", "t2s", "--check", "--output-encoding", "UTF-8", big5.toString());
        assertEquals(ExitCodes.CHANGES, asUtf8.exit(), asUtf8.toString());
        assertEquals(big5 + "\n", asUtf8.stdout());
        Path punctuation = Files.write(dir.resolve("p.txt"), "臺灣,你好.\n".getBytes(BIG5));
        Cli.Result holds = Cli.run("-c", "none", "--check", punctuation.toString());
        assertEquals(ExitCodes.CHANGES, holds.exit(), holds.toString());
        Cli.Result piped = Cli.run(original, "convert", "-c", "t2s", "--check", "--encoding", "Big5");
        assertEquals(ExitCodes.CHANGES, piped.exit(), piped.toString());
    }

    private static String[] argv(String[] a, String[] b, String last) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length + 1);
        System.arraycopy(b, 0, all, a.length, b.length);
        all[all.length - 1] = last;
        return all;
    }

    @Test
    void outputKeepsAUtf8ByteOrderMark() throws IOException {
        Path in = Files.write(dir.resolve("in.txt"), concat(UTF8_BOM, "漢\n".getBytes(StandardCharsets.UTF_8)));
        Path out = dir.resolve("out.txt");
        Cli.Result r = Cli.run("convert", "-c", "t2s", "-o", out.toString(), in.toString());
        assertEquals(0, r.exit(), r.toString());
        assertArrayEquals(concat(UTF8_BOM, "汉\n".getBytes(StandardCharsets.UTF_8)), Files.readAllBytes(out));
    }

    // ---- 7. links ----------------------------------------------------------------------------------

    @Test
    void symbolicLinksOutOfTheTreeAreNotFollowedUnlessAsked() throws IOException {
        Path docs = Files.createDirectories(dir.resolve("docs"));
        Path outside = Files.writeString(dir.resolve("outside.txt"), "漢\n");
        Path inside = Files.writeString(docs.resolve("in.txt"), "漢\n");
        Path out = Files.createSymbolicLink(docs.resolve("x.txt"), Path.of("../outside.txt"));
        Files.createSymbolicLink(docs.resolve("y.txt"), Path.of("in.txt"));
        Cli.Result r = Cli.run("convert", "-c", "t2s", "--in-place", "-r", "-v", docs.toString());
        assertEquals(0, r.exit(), r.toString());
        assertEquals("漢\n", Files.readString(outside));
        assertEquals("汉\n", Files.readString(inside));
        assertTrue(r.stderr().contains(out + ": skipped, a symbolic link out of " + docs), r.stderr());
        Cli.Result followed = Cli.run("convert", "-c", "t2s", "--in-place", "-r", "--follow", docs.toString());
        assertEquals(0, followed.exit(), followed.toString());
        assertEquals("汉\n", Files.readString(outside));
        assertTrue(Files.isSymbolicLink(out), "the link stays a link");
    }

    /**
     * --check, --diff and --explain are about files, as --in-place is: a file reached by several names
     * (a link to it in the tree, the same name twice) is done once, under its name that is not a link
     * (patch refuses a link). The text output repeats it, as cat does.
     */
    @Test
    void aFileReachedByTwoNamesIsCheckedDiffedAndExplainedOnce() throws IOException {
        Path d = Files.createDirectories(dir.resolve("d"));
        Path real = Files.writeString(d.resolve("b.txt"), "漢\n");
        Path link = Files.createSymbolicLink(d.resolve("a.txt"), Path.of("b.txt")); // sorts first
        Path other = Files.writeString(d.resolve("c.txt"), "髮\n");
        for (List<String> walk : List.of(List.of("-r"), List.of("-r", "--follow"))) {
            List<String> args = new java.util.ArrayList<>(List.of("convert", "-c", "t2s", "--check", "-v"));
            args.addAll(walk);
            args.addAll(List.of(d.toString(), real.toString()));
            Cli.Result check = Cli.run(args.toArray(String[]::new));
            assertEquals(ExitCodes.CHANGES, check.exit(), check.toString());
            assertEquals(real + "\n" + other + "\n", check.stdout(), walk.toString());
            List<String> notes = check.stderr().lines().toList();
            assertTrue(notes.contains("zhnorm: " + link + ": the same file as " + real + ", done once under that name"),
                    check.stderr());
            assertTrue(notes.contains("zhnorm: " + real + ": named more than once, done once"), check.stderr());
            assertEquals("zhnorm: 2 of 2 files would change", notes.get(notes.size() - 1), check.stderr());
        }
        Cli.Result diff = Cli.run("convert", "-c", "t2s", "--diff", "-r", d.toString());
        assertEquals(List.of("--- " + real, "--- " + other), diff.stdout().lines().filter(l -> l.startsWith("--- "))
                .map(l -> l.substring(0, l.indexOf('\t'))).toList(), diff.stdout());
        Cli.Result explain = Cli.run("convert", "-c", "t2s", "--explain", "json", "-r", d.toString());
        assertEquals(2, explain.stdout().lines().count(), explain.stdout());
        Cli.Result text = Cli.run("convert", "-c", "t2s", "-r", d.toString());
        assertEquals("汉\n汉\n发\n", text.stdout(), text.toString());
    }

    @Test
    void everyItemRecursiveSkipsIsSaidUnderVerboseAndCounted() throws Exception {
        Path d = Files.createDirectories(dir.resolve("d"));
        Path text = Files.writeString(d.resolve("a.txt"), "汉\n");
        Path hidden = Files.writeString(d.resolve(".hidden.txt"), "漢\n");
        Path git = Files.createDirectories(d.resolve(".git"));
        Files.writeString(git.resolve("HEAD"), "漢\n");
        Path fifo = d.resolve("fifo");
        Assumptions.assumeTrue(run("mkfifo", fifo.toString()), "skipped: mkfifo is not available here");
        Path zero = Files.createSymbolicLink(d.resolve("zero"), Path.of("/dev/zero"));
        Path socket = d.resolve("sock");
        try (var server = java.nio.channels.ServerSocketChannel.open(java.net.StandardProtocolFamily.UNIX)) {
            server.bind(java.net.UnixDomainSocketAddress.of(socket));
            Cli.Result r = Cli.run("convert", "-c", "t2s", "--check", "-r", "-v", d.toString());
            assertEquals(0, r.exit(), r.toString());
            List<String> lines = r.stderr().lines().toList();
            assertTrue(lines.contains("zhnorm: " + hidden + ": skipped, a hidden file"), r.stderr());
            assertTrue(lines.contains("zhnorm: " + git + ": skipped, a hidden folder"), r.stderr());
            assertTrue(lines.contains("zhnorm: " + fifo + ": skipped, a named pipe (FIFO), not a regular file"),
                    r.stderr());
            assertTrue(lines.contains("zhnorm: " + socket + ": skipped, a socket, not a regular file"), r.stderr());
            assertTrue(lines.contains("zhnorm: " + zero + ": skipped, a symbolic link to a character device, not a "
                    + "regular file"), r.stderr());
            assertEquals("zhnorm: 1 file, 0 changed, 5 skipped", lines.get(lines.size() - 1), r.stderr());
            assertTrue(r.stderr().contains(text + ": encoding"), r.stderr());
        }
    }

    @Test
    void inPlaceReplacesAHardLinkedFileSoTheLinksSplitAsDocumented() throws IOException {
        Path a = Files.writeString(dir.resolve("a.txt"), "漢\n");
        Path b = Files.createLink(dir.resolve("b.txt"), a);
        Cli.Result r = Cli.run("convert", "-c", "t2s", "--in-place", a.toString());
        assertEquals(0, r.exit(), r.toString());
        assertEquals("汉\n", Files.readString(a));
        assertEquals("漢\n", Files.readString(b), "the other name keeps the old content");
    }

    // ---- many files, partial failure ---------------------------------------------------------------

    @Test
    void oneBadFileIsReportedAndTheOthersAreStillDoneWithOrWithoutThreads() throws IOException {
        for (String threads : List.of("1", "2")) {
            Path d = Files.createDirectories(dir.resolve("t" + threads));
            Path a = Files.writeString(d.resolve("a.txt"), "漢\n");
            Path b = Files.write(d.resolve("b.txt"), new byte[] {'x', (byte) 0xFF, '\n'});
            Path c = Files.writeString(d.resolve("c.txt"), "髮\n");
            Cli.Result r = Cli.run("convert", "-c", "t2s", "--encoding", "UTF-8", "--in-place", "-r", "--threads",
                    threads, d.toString());
            assertEquals(ExitCodes.INPUT, r.exit(), r.toString());
            assertEquals("汉\n", Files.readString(a));
            assertEquals("发\n", Files.readString(c));
            assertEquals(List.of("zhnorm: " + b + ": invalid UTF-8 at byte 1 (0xFF); use --encoding to name the right "
                    + "encoding or --replace-invalid", "zhnorm: 2 files, 2 changed, 1 file failed"),
                    r.stderr().lines().toList(), "--threads " + threads);
            assertEquals(List.of(a, b, c), list(d));
        }
    }

    @Test
    void aMissingFileIsReportedOnOneLineAndTheOthersAreStillDoneByEveryCommand() throws IOException {
        Path a = Files.writeString(dir.resolve("a.txt"), "漢\n");
        Path c = Files.writeString(dir.resolve("c.txt"), "髮\n");
        String missing = dir.resolve("missing.txt").toString();
        String line = "zhnorm: " + missing + ": no such file or directory";
        for (String threads : List.of("1", "2")) {
            Cli.Result text = Cli.run("convert", "-c", "t2s", "--threads", threads, a.toString(), missing, c.toString());
            assertEquals(ExitCodes.INPUT, text.exit(), text.toString());
            assertEquals("汉\n发\n", text.stdout());
            assertEquals(List.of(line, "zhnorm: 2 files done, 1 file failed"), text.stderr().lines().toList());

            Cli.Result check = Cli.run("convert", "-c", "t2s", "--check", "--threads", threads, a.toString(), missing,
                    c.toString());
            assertEquals(ExitCodes.INPUT, check.exit(), check.toString());
            assertEquals(a + "\n" + c + "\n", check.stdout());
            assertTrue(check.stderr().startsWith(line + "\n"), check.stderr());

            Cli.Result diff = Cli.run("convert", "-c", "t2s", "--diff", "--threads", threads, missing, a.toString());
            assertEquals(ExitCodes.INPUT, diff.exit(), diff.toString());
            assertTrue(diff.stdout().contains("+汉\n"), diff.stdout());
            assertTrue(diff.stderr().startsWith(line + "\n"), diff.stderr());
        }
        Cli.Result detect = Cli.run("detect", a.toString(), missing, c.toString());
        assertEquals(ExitCodes.INPUT, detect.exit(), detect.toString());
        assertEquals(2, detect.stdout().lines().count(), detect.stdout());
        assertEquals(line + "\n", detect.stderr());

        Cli.Result inPlace = Cli.run("convert", "-c", "t2s", "--in-place", a.toString(), missing, c.toString());
        assertEquals(ExitCodes.INPUT, inPlace.exit(), inPlace.toString());
        assertEquals("汉\n", Files.readString(a));
        assertEquals("发\n", Files.readString(c));
        assertEquals(List.of(line, "zhnorm: 2 files, 2 changed, 1 file failed"), inPlace.stderr().lines().toList());
        assertEquals(List.of(a, c), list(dir));

        Cli.Result tree = Cli.run("convert", "-c", "t2s", "-r", "--check", dir.resolve("gone").toString(), a.toString());
        assertEquals(ExitCodes.INPUT, tree.exit(), tree.toString());
        assertTrue(tree.stderr().startsWith("zhnorm: " + dir.resolve("gone") + ": no such file or directory\n"),
                tree.stderr());
    }

    @Test
    void anUnreadableFolderUnderRecursiveFailsAloneAndTheRestOfTheTreeIsDone() throws IOException {
        Path d = Files.createDirectories(dir.resolve("d"));
        Path a = Files.writeString(d.resolve("a.txt"), "漢\n");
        Path locked = Files.createDirectories(d.resolve("locked"));
        Files.writeString(locked.resolve("b.txt"), "髮\n");
        Path z = Files.writeString(d.resolve("z.txt"), "髮\n");
        try {
            Files.setPosixFilePermissions(locked, java.util.Set.of());
            Assumptions.assumeFalse(Files.isReadable(locked), "skipped: as root every folder is readable");
            Cli.Result r = Cli.run("convert", "-c", "t2s", "--in-place", "-r", d.toString());
            assertEquals(ExitCodes.INPUT, r.exit(), r.toString());
            assertEquals("汉\n", Files.readString(a));
            assertEquals("发\n", Files.readString(z));
            assertTrue(r.stderr().startsWith("zhnorm: " + locked + ": permission denied\n"), r.stderr());
        } finally {
            Files.setPosixFilePermissions(locked, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void inPlaceLeavesAFileWrittenWhileItWasNormalizedAsItIsAndDeletesTheTemporaryFile() throws IOException {
        Path log = Files.writeString(dir.resolve("log.txt"), "漢\n");
        Path other = Files.writeString(dir.resolve("other.txt"), "髮\n");
        // A writer appends to log.txt once zhnorm has opened it (its --verbose note on the encoding says so),
        // before the rename: the appended line must stay.
        StringBuilder said = new StringBuilder();
        java.io.Writer err = new java.io.Writer() {
            @Override
            public void write(char[] cbuf, int off, int len) throws IOException {
                said.append(cbuf, off, len);
                if (said.toString().contains(log + ": encoding") && Files.readString(log).equals("漢\n")) {
                    Files.writeString(log, "新行\n", java.nio.file.StandardOpenOption.APPEND);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        int exit = ZhnormCli.run(new StandardStreams(InputStream.nullInputStream(), OutputStream.nullOutputStream(),
                false, false), OutputStream.nullOutputStream(), new java.io.PrintWriter(err, true), "convert", "-c", "t2s",
                "--in-place", "-v", log.toString(), other.toString());
        assertEquals(ExitCodes.INPUT, exit, said.toString());
        assertEquals("漢\n新行\n", Files.readString(log));
        assertEquals("发\n", Files.readString(other), "the other files are still done");
        assertTrue(said.toString().contains("zhnorm: " + log + ": changed while being normalized; left as it is (run "
                + "zhnorm again once nothing writes to it)\n"), said.toString());
        assertTrue(said.toString().endsWith("zhnorm: 1 file, 1 changed, 1 file failed\n"), said.toString());
        assertEquals(List.of(log, other), list(dir), "no temporary file is left");
    }

    @Test
    void detectReportsAFailingInputAndGoesOnWithTheOthers() throws IOException {
        Path bin = Files.write(dir.resolve("a.bin"), new byte[] {1, 0, 2, 0});
        Path text = Files.writeString(dir.resolve("b.txt"), "臺灣的軟體\n");
        Cli.Result r = Cli.run("detect", bin.toString(), text.toString());
        assertEquals(ExitCodes.INPUT, r.exit(), r.toString());
        assertTrue(r.stdout().startsWith(text + ": traditional"), r.stdout());
        assertTrue(r.stderr().startsWith("zhnorm: " + bin + ": looks like a binary file"), r.stderr());
    }

    @Test
    void theMostSevereCodeWinsAndCheckStillListsTheOthers() throws IOException {
        Path a = Files.writeString(dir.resolve("a.txt"), "漢\n");
        Path bad = Files.write(dir.resolve("bad.txt"), "a.txt\0".getBytes(StandardCharsets.US_ASCII));
        Cli.Result r = Cli.run("convert", "-c", "t2s", "--check", bad.toString(), a.toString());
        assertEquals(ExitCodes.INPUT, r.exit(), r.toString());
        assertEquals(a + "\n", r.stdout());
    }

    /**
     * A NUL past the block that decides text or binary is binary data all the same: within the
     * sample the detection says so, further in the decoding does; the file fails alone and
     * --in-place leaves it as it was, instead of writing it back with its NULs deleted. A named
     * encoding says the input is text: then U1 deletes the NULs, as documented.
     */
    @Test
    void aNulLateInAFileFailsItAndLeavesItAsItWas() throws IOException {
        byte[] inSample = ("臺灣軟體,好.\n".repeat(1000) + "payload\0\0\1tail\n").getBytes(StandardCharsets.UTF_8);
        byte[] pastSample = ("臺灣軟體,好.\n".repeat(4000) + "payload\0\0\1tail\n").getBytes(StandardCharsets.UTF_8);
        Path a = Files.write(dir.resolve("a.txt"), inSample);
        Path b = Files.write(dir.resolve("b.txt"), pastSample);
        Path other = Files.writeString(dir.resolve("other.txt"), "臺灣\n");
        Cli.Result r = Cli.run("--in-place", a.toString(), b.toString(), other.toString());
        assertEquals(ExitCodes.INPUT, r.exit(), r.toString());
        assertTrue(r.stderr().contains("a.txt: looks like a binary file (a NUL byte at byte 18007, after text)"),
                r.stderr());
        assertTrue(r.stderr().contains("b.txt: binary data (a NUL character) at char 32007"), r.stderr());
        assertArrayEquals(inSample, Files.readAllBytes(a), "left as it was");
        assertArrayEquals(pastSample, Files.readAllBytes(b), "left as it was");
        assertEquals("台湾\n", Files.readString(other), "the other file is done");
        assertEquals(ExitCodes.INPUT, Cli.run(b.toString()).exit());
        Cli.Result named = Cli.run("--encoding", "UTF-8", b.toString());
        assertEquals(0, named.exit(), named.toString());
        assertTrue(named.stdout().endsWith("payloadtail\n"), "U1 deleted the NULs and the control char");
    }

    /** A full device as -o: the failure names it, and is not replaced by the bare one of closing it. */
    @Test
    void aFullDeviceAsOutputIsNamed() throws IOException {
        Assumptions.assumeTrue(Files.isWritable(Path.of("/dev/full")), "skipped: no /dev/full here");
        Path a = Files.writeString(dir.resolve("a.txt"), "臺灣\n");
        Cli.Result r = Cli.run("-o", "/dev/full", a.toString());
        assertEquals(ExitCodes.INPUT, r.exit(), r.toString());
        assertTrue(r.stderr().startsWith("zhnorm: /dev/full: "), r.stderr());
    }

    @Test
    void aFolderAsOutputAndASocketAsInputSayWhatIsWrong() throws IOException {
        Path a = Files.writeString(dir.resolve("a.txt"), "臺灣\n");
        Path folder = Files.createDirectories(dir.resolve("out"));
        Cli.Result toFolder = Cli.run("-o", folder.toString(), a.toString());
        assertEquals(ExitCodes.INPUT, toFolder.exit(), toFolder.toString());
        assertTrue(toFolder.stderr().contains(folder + ": is a directory; -o names the one file to write"),
                toFolder.stderr());
        Path socket = dir.resolve("sock");
        try (var server = java.nio.channels.ServerSocketChannel.open(java.net.StandardProtocolFamily.UNIX)) {
            server.bind(java.net.UnixDomainSocketAddress.of(socket));
            Cli.Result fromSocket = Cli.run(socket.toString(), a.toString());
            assertEquals(ExitCodes.INPUT, fromSocket.exit(), fromSocket.toString());
            assertTrue(fromSocket.stderr().contains(socket + ": cannot open: no such device or address (a socket?)"),
                    fromSocket.stderr());
            assertEquals("台湾\n", fromSocket.stdout());
        }
    }

    @Test
    void aLinkToNothingIsNamedSo() throws IOException {
        Path loop = dir.resolve("loop");
        Files.createSymbolicLink(loop, loop);
        Path dangling = Files.createSymbolicLink(dir.resolve("dangling"), dir.resolve("gone.txt"));
        Path a = Files.writeString(dir.resolve("a.txt"), "臺灣\n");
        Cli.Result r = Cli.run(loop.toString(), dangling.toString(), a.toString());
        assertEquals(ExitCodes.INPUT, r.exit(), r.toString());
        assertTrue(r.stderr().contains(loop + ": a symbolic link to nothing"), r.stderr());
        assertTrue(r.stderr().contains(dangling + ": a symbolic link to nothing"), r.stderr());
        assertEquals("台湾\n", r.stdout());
    }

    @Test
    void optionsThatCannotMeanAnythingAreUsageErrors() throws IOException {
        Path a = Files.writeString(dir.resolve("a.txt"), "臺灣\n");
        Cli.Result empty = Cli.run("-o", "", a.toString());
        assertEquals(ExitCodes.USAGE, empty.exit(), empty.toString());
        assertTrue(empty.stderr().contains("-o needs a file name"), empty.stderr());
        // An empty operand (an unset "$DIR") is no file: as a path it is the working folder, which -r
        // would walk (and --in-place rewrite).
        for (String[] args : new String[][] {{"--check", "-r", ""}, {"--check", "", a.toString()}, {"detect", ""}}) {
            Cli.Result none = Cli.run(args);
            assertEquals(ExitCodes.USAGE, none.exit(), none.toString());
            assertTrue(none.stderr().contains("an empty file name"), none.stderr());
        }
        Cli.Result follow = Cli.run("--follow", a.toString());
        assertEquals(ExitCodes.USAGE, follow.exit(), follow.toString());
        assertTrue(follow.stderr().contains("--follow is about links under directories; it needs -r"), follow.stderr());
        Cli.Result detectFollow = Cli.run("detect", "--follow", a.toString());
        assertEquals(ExitCodes.USAGE, detectFollow.exit(), detectFollow.toString());
        // patch reads lines of ASCII-compatible bytes: a UTF-16 diff is one nothing can apply.
        Cli.Result wideDiff = Cli.run("--diff", "--output-encoding", "UTF-16", a.toString());
        assertEquals(ExitCodes.USAGE, wideDiff.exit(), wideDiff.toString());
        assertTrue(wideDiff.stderr().contains("--diff cannot be written in UTF-16"), wideDiff.stderr());
        assertEquals(ExitCodes.CHANGES, Cli.run("--check", "--diff", "--output-encoding", "GB18030", a.toString()).exit());
        Cli.Result data = Cli.run("-c", "none", "--opencc-data", dir.toString(), a.toString());
        assertEquals(ExitCodes.USAGE, data.exit(), data.toString());
        assertTrue(data.stderr().contains("--opencc-data needs a conversion"), data.stderr());
    }

    /** Once the cleanup has run (a shutdown), no temporary file can appear that nobody will delete. */
    @Test
    void noTemporaryFileIsCreatedAfterTheCleanupRan() throws IOException {
        TempFiles temps = TempFiles.start();
        Path made = temps.create(() -> Files.createFile(dir.resolve(".a.zhnorm-tmp")));
        temps.close();
        assertFalse(Files.exists(made));
        Path late = dir.resolve(".b.zhnorm-tmp");
        assertThrows(IOException.class, () -> temps.create(() -> Files.createFile(late)));
        assertFalse(Files.exists(late), "the creation did not run");
    }

    /**
     * A worker that created its file just before a shutdown's cleanup deleted it must not bring it
     * back by opening it (SIGTERM during a threaded run left a spool file so, under load).
     */
    @Test
    void openingAFileTheCleanupDeletedDoesNotCreateItAgain() throws IOException {
        TempFiles temps = TempFiles.start();
        Path made = temps.create(() -> Files.createTempFile(dir, "zhnorm-", ".part"));
        temps.close();
        assertThrows(IOException.class, () -> TempFiles.openCreated(made).close());
        assertFalse(Files.exists(made), "not created again");
    }

    @Test
    void temporaryFilesAreDeletedWhenTheRunEndsAndSpoolsStayInMemoryForSmallOutputs() throws IOException {
        Path t = Files.createFile(dir.resolve(".x.zhnorm-tmp"));
        try (TempFiles temps = TempFiles.start()) {
            temps.register(t);
            Spool small = new Spool(temps);
            small.write(new byte[1000]);
            assertFalse(small.spilled());
            Spool big = new Spool(temps);
            big.write(new byte[Spool.MEMORY_LIMIT + 1]);
            assertTrue(big.spilled());
            assertEquals(2, temps.size());
            ByteArrayOutputStream copy = new ByteArrayOutputStream();
            big.copyTo(copy);
            assertEquals(Spool.MEMORY_LIMIT + 1, copy.size());
            assertEquals(1, temps.size(), "the spool file is gone once copied");
        }
        assertFalse(Files.exists(t));
    }

    @Test
    void includePatternsAreGitignoreStyleRelativeToEachRootAndWarnWhenUnused() throws IOException {
        Files.createDirectories(dir.resolve("docs/x"));
        Files.writeString(dir.resolve("docs/a.md"), "漢\n");
        Files.writeString(dir.resolve("docs/x/b.md"), "字\n");
        Files.writeString(dir.resolve("c.md"), "髮\n");
        Files.writeString(dir.resolve("docs/d.txt"), "體\n");
        Cli.Result deep = Cli.run("convert", "-c", "t2s", "-r", "--include", "docs/**/*.md", dir.toString());
        assertEquals("汉\n字\n", deep.stdout(), deep.toString());
        Cli.Result any = Cli.run("convert", "-c", "t2s", "-r", "--include", "**/*.md", dir.toString());
        assertEquals("髮\n汉\n字\n".replace("髮", "发"), any.stdout(), any.toString());
        Cli.Result fromRoot = Cli.run("convert", "-c", "t2s", "-r", "--include", "*.txt",
                dir.resolve("docs").toString());
        assertEquals("体\n", fromRoot.stdout(), fromRoot.toString());
        Cli.Result unused = Cli.run("convert", "-c", "t2s", "-r", "--include", "*.md", "--include", "*.rst",
                dir.toString());
        assertEquals(0, unused.exit());
        assertEquals("zhnorm: --include '*.rst' matches no file under " + dir
                + " (patterns are relative to each directory given)\n", unused.stderr());
    }

    /**
     * A pattern is relative to the directory given, as README says: the directory's own name, as typed
     * from the working folder, is no part of the path matched (-r r --include 'r/a.txt' means r/r/a.txt),
     * and the warning says how to write what was meant.
     */
    @Test
    void includePatternsDoNotMatchThroughTheNameOfTheDirectoryGiven() throws IOException {
        Files.createDirectories(dir.resolve("r/r/sub"));
        Files.writeString(dir.resolve("r/a.txt"), "漢\n");
        Files.writeString(dir.resolve("r/r/a.txt"), "髮\n");
        Files.writeString(dir.resolve("r/r/sub/b.md"), "體\n");
        // The directory as a user types it, relative to the working folder.
        String root = separatedBySlash(Path.of("").toAbsolutePath().relativize(dir.resolve("r")));
        Cli.Result nested = Cli.run("convert", "-c", "t2s", "-r", "--include", "r/a.txt", root);
        assertEquals("发\n", nested.stdout(), nested.toString());
        assertEquals("", nested.stderr());
        Cli.Result typed = Cli.run("convert", "-c", "t2s", "-r", "--include", root + "/a.txt", "--include",
                root + "/r/**/*.md", root);
        assertEquals(0, typed.exit(), typed.toString());
        assertEquals("", typed.stdout(), typed.toString());
        assertEquals("zhnorm: --include '" + root + "/a.txt' matches no file under " + root + " (patterns are relative to "
                + "each directory given: try '/a.txt')\nzhnorm: --include '" + root + "/r/**/*.md' matches no file under "
                + root + " (patterns are relative to each directory given: try 'r/**/*.md')\n", typed.stderr());
        Cli.Result suggested = Cli.run("convert", "-c", "t2s", "-r", "--include", "/a.txt", "--include", "r/**/*.md",
                root);
        assertEquals("汉\n体\n", suggested.stdout(), suggested.toString());
        assertEquals("", suggested.stderr());
    }

    private static String separatedBySlash(Path p) {
        return String.join("/", java.util.stream.StreamSupport.stream(p.spliterator(), false).map(Path::toString)
                .toList());
    }

    // ---- exit codes and messages ---------------------------------------------------------------------

    /** Fails every write with the given message, like a closed pipe or a full device. */
    private static OutputStream failing(String message) {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException(message);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                throw new IOException(message);
            }
        };
    }

    @Test
    void aClosedPipeIsQuietButKeepsTheTrueResult() throws IOException {
        Files.writeString(dir.resolve("a.txt"), "漢\n");
        Cli.Result r = Cli.run(new byte[0], failing("Broken pipe"), "convert", "-c", "t2s", "--check", "-r",
                dir.toString());
        assertEquals(ExitCodes.CHANGES, r.exit(), r.toString());
        assertEquals("zhnorm: 1 of 1 file would change\n", r.stderr());
    }

    @Test
    void aFullDeviceIsAnOutputErrorForEveryCommand() throws IOException {
        Path a = Files.writeString(dir.resolve("a.txt"), "漢\n");
        for (List<String> args : List.of(List.of("detect", a.toString()), List.of("presets"), List.of("--help"),
                List.of("convert", "--help"), List.of("--version"), List.of("convert", "-c", "t2s", a.toString()))) {
            Cli.Result r = Cli.run(new byte[0], failing("No space left on device"), args.toArray(String[]::new));
            assertEquals(ExitCodes.INPUT, r.exit(), args + ": " + r);
            assertEquals("zhnorm: standard output: cannot write: No space left on device\n", r.stderr(), args.toString());
        }
    }

    @Test
    void anOutputEncodingJavaCanOnlyReadIsAUsageError() {
        Cli.Result r = Cli.withStdin("漢", "convert", "-c", "t2s", "--output-encoding", "ISO-2022-CN");
        assertEquals(ExitCodes.USAGE, r.exit(), r.toString());
        assertEquals(1, r.stderr().lines().count(), r.stderr());
        assertTrue(r.stderr().startsWith("zhnorm: --output-encoding ISO-2022-CN: Java can read ISO-2022-CN but not "
                + "write it"), r.stderr());
    }

    @Test
    void aFolderGivenAsDictIsAConfigErrorNamingIt() {
        Cli.Result r = Cli.withStdin("漢", "convert", "-c", "t2s", "--dict", dir.toString());
        assertEquals(ExitCodes.CONFIG, r.exit(), r.toString());
        assertEquals("zhnorm: " + dir + ": --dict needs a dictionary file, not a folder\n", r.stderr());
    }

    @Test
    void outputErrorsNameTheOutputOrItsMissingFolderNeverATemporaryFile() throws IOException {
        Path in = Files.writeString(dir.resolve("in.txt"), "漢\n");
        Path missing = dir.resolve("missing");
        Cli.Result r = Cli.run("convert", "-c", "t2s", "-o", missing.resolve("x.txt").toString(), in.toString());
        assertEquals(ExitCodes.INPUT, r.exit(), r.toString());
        assertEquals("zhnorm: " + missing + ": no such folder (for " + missing.resolve("x.txt") + ")\n", r.stderr());
        Path locked = Files.createDirectories(dir.resolve("locked"));
        Files.setAttribute(locked, "unix:mode", 0555);
        if (!Files.isWritable(locked)) { // as root every folder is writable: nothing more to see
            Cli.Result denied = Cli.run("convert", "-c", "t2s", "-o", locked.resolve("x.txt").toString(), in.toString());
            assertFalse(denied.stderr().contains("zhnorm-tmp"), denied.stderr());
        }
    }

    @Test
    void aFullDiskNamesTheOutputFileNotTheTemporaryFile() throws IOException {
        Path small = Files.createDirectories(dir.resolve("small"));
        mountSmallTmpfs(small);
        try {
            Path in = Files.writeString(dir.resolve("in.txt"), "漢字\n".repeat(100_000));
            Path out = small.resolve("out.txt");
            Cli.Result r = Cli.run("convert", "-c", "t2s", "-o", out.toString(), in.toString());
            assertEquals(ExitCodes.INPUT, r.exit(), r.toString());
            assertEquals("zhnorm: " + out + ": cannot write: No space left on device\n", r.stderr());
            assertEquals(List.of(), list(small));
            byte[] original = "漢".repeat(14_000).getBytes(StandardCharsets.UTF_8); // 42 KB: no room for a second copy
            Path f = Files.write(small.resolve("f.txt"), original);
            Cli.Result inPlace = Cli.run("convert", "-c", "t2s", "--in-place", f.toString());
            assertEquals(ExitCodes.INPUT, inPlace.exit(), inPlace.toString());
            assertEquals("zhnorm: " + f + ": No space left on device\n", inPlace.stderr());
            assertArrayEquals(original, Files.readAllBytes(f));
            assertEquals(List.of(f), list(small));
        } finally {
            run("umount", small.toString());
        }
    }

    @Test
    void aFifoNamedAsInputIsReadAsAStream() throws Exception {
        Path fifo = dir.resolve("in.fifo");
        Assumptions.assumeTrue(run("mkfifo", fifo.toString()), "skipped: mkfifo is not available here");
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try (OutputStream s = Files.newOutputStream(fifo)) {
                s.write("臺灣\n".getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        Cli.Result r = Cli.run("convert", "-c", "t2s", "--check", fifo.toString());
        writer.get(30, TimeUnit.SECONDS);
        assertEquals(ExitCodes.CHANGES, r.exit(), r.toString());
        assertEquals(fifo + "\n", r.stdout());
    }

    @Test
    void errorsQuoteAtMostEightyCharactersOfALine() throws IOException {
        Path dict = Files.writeString(dir.resolve("d.txt"), "漢".repeat(500) + "\n");
        Cli.Result r = Cli.withStdin("漢", "convert", "-c", "t2s", "--dict", dict.toString());
        assertEquals(ExitCodes.CONFIG, r.exit(), r.toString());
        assertTrue(r.stderr().contains("'" + "漢".repeat(80) + "…' (500 characters)"), r.stderr());
        assertFalse(r.stderr().contains("漢".repeat(81)), r.stderr());
    }

    @Test
    void loneSurrogatesInUserEntriesAreRejectedWithAClearMessage() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Converter.builder().preset(dev.zhnorm.Preset.T2S).userEntry("a\uD800", "b"));
        assertEquals("user entry key has a lone surrogate U+D800 at index 1; keys and values must be well-formed text",
                e.getMessage());
        assertThrowsArg(() -> Converter.builder().userEntry("漢", "\uDC00x"));
    }

    private static void assertThrowsArg(org.junit.jupiter.api.function.Executable e) {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, e);
    }

    // ---- polish ----------------------------------------------------------------------------------

    @Test
    void quietAndVerboseTogetherAreAUsageError() {
        Cli.Result r = Cli.withStdin("漢", "-v", "-q");
        assertEquals(ExitCodes.USAGE, r.exit(), r.toString());
        assertEquals("zhnorm: -q/--quiet and -v/--verbose cannot go together\n", r.stderr());
    }

    @Test
    void helpIsACommand() {
        Cli.Result r = Cli.run("help");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.stdout().contains("Usage:") || r.stdout().contains("zhnorm [normalize]"), r.stdout());
    }

    @Test
    void explainFormatsAreListedAsUsersTypeThem() {
        Cli.Result r = Cli.withStdin("漢", "--explain", "xml");
        assertEquals(ExitCodes.USAGE, r.exit(), r.toString());
        assertTrue(r.stderr().contains("'xml' is not one of tsv, json"), r.stderr());
    }

    @Test
    void usageErrorsStartInLowerCaseLikeEveryOtherMessage() {
        Cli.Result r = Cli.run("--no-such-option");
        assertTrue(r.stderr().startsWith("zhnorm: unknown option"), r.stderr());
    }

    @Test
    void noProgressBarWhileStandardInputIsATerminal() {
        Diagnostics d = new Diagnostics(new java.io.PrintWriter(new java.io.StringWriter()), false, false);
        java.io.InputStream in = InputStream.nullInputStream();
        assertTrue(TransformRunner.progressShown(new StandardStreams(in, OutputStream.nullOutputStream(), false, true), d));
        assertFalse(TransformRunner.progressShown(new StandardStreams(in, OutputStream.nullOutputStream(), true, true), d));
    }

    @Test
    void standardInputEndsAtTheFirstEndOfFileAsOneCtrlDAtATerminal() {
        // A terminal reports the end once per Ctrl-D; reading again would wait for a second one.
        InputStream terminal = new InputStream() {
            private final java.io.ByteArrayInputStream line = new java.io.ByteArrayInputStream(
                    "漢字\n".getBytes(StandardCharsets.UTF_8));
            private boolean ended;

            @Override
            public int read() {
                throw new UnsupportedOperationException();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (ended) {
                    throw new AssertionError("read again after the end: the user would have to press Ctrl-D twice");
                }
                int n = line.read(b, off, Math.min(len, 3));
                ended = n < 0;
                return n;
            }
        };
        Cli.Result r = Cli.run(terminal, "convert", "-c", "t2s");
        assertEquals(0, r.exit(), r.toString());
        assertEquals("汉字\n", r.stdout());
    }

    @Test
    void helpExamplesFitTheScreenInsteadOfWrappingMidPhrase() {
        for (String command : List.of("", "normalize", "convert", "detect", "presets")) {
            Cli.Result r = command.isEmpty() ? Cli.run("--help") : Cli.run(command, "--help");
            String help = r.stdout();
            int examples = help.indexOf("Examples:");
            if (examples < 0) {
                continue;
            }
            for (String line : help.substring(examples).lines().skip(1).toList()) {
                // picocli continues a footer line that is too long at column 0, mid-phrase
                assertTrue(line.isEmpty() || line.startsWith("  ") || line.startsWith("Run '"),
                        command + " --help, a wrapped example: '" + line + "'");
            }
        }
    }

    // ---- helpers -----------------------------------------------------------------------------------

    private static int mode(Path p) throws IOException {
        return (Integer) Files.getAttribute(p, "unix:mode", java.nio.file.LinkOption.NOFOLLOW_LINKS);
    }

    private static boolean run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
