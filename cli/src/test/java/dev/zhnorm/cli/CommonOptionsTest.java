package dev.zhnorm.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The options every text command shares, exercised through {@code convert -c t2s}. */
class CommonOptionsTest {
    private static final Charset BIG5 = Charset.forName("Big5");
    private static final Charset GB18030 = Charset.forName("GB18030");
    /** Long enough for ICU's detector to be sure. */
    private static final String TRADITIONAL = "這是一個關於臺灣歷史與文學發展的長篇報導，記者訪問了許多學者和作家。\n".repeat(20);

    @TempDir
    Path dir;

    // ---- inputs ----------------------------------------------------------------------------------

    @Test
    void missingFileIsAnInputErrorNamingIt() throws IOException {
        Path a = write("a.txt", "漢");
        Cli.Result r = Cli.run("convert", "-c", "t2s", a.toString(), dir.resolve("missing.txt").toString());
        assertEquals(ExitCodes.INPUT, r.exit());
        assertEquals("zhnorm: " + dir.resolve("missing.txt") + ": no such file or directory\n"
                + "zhnorm: 1 file done, 1 file failed\n", r.stderr());
        assertEquals("汉", r.stdout(), "a missing file does not stop the others");
    }

    @Test
    void directoryWithoutRecursiveIsAUsageError() {
        Cli.Result r = Cli.run("convert", "-c", "t2s", dir.toString());
        assertEquals(ExitCodes.USAGE, r.exit());
        assertEquals("zhnorm: " + dir + ": is a directory; use -r to process the files under it\n", r.stderr());
    }

    @Test
    void recursiveWalksSortedSkipsHiddenAndFiltersWithInclude() throws IOException {
        write("b.txt", "後\n");
        write("a.txt", "漢\n");
        write("notes.md", "語\n");
        write("sub/c.txt", "髮\n");
        write(".hidden/d.txt", "體\n");
        write(".e.txt", "體\n");
        Cli.Result all = Cli.run("convert", "-c", "t2s", "-r", dir.toString());
        assertEquals("汉\n后\n语\n发\n", all.stdout(), all.toString());
        Cli.Result txt = Cli.run("convert", "-c", "t2s", "-r", "--include", "*.txt", dir.toString());
        assertEquals("汉\n后\n发\n", txt.stdout(), txt.toString());
        Cli.Result sub = Cli.run("convert", "-c", "t2s", "-r", "--include", "sub/*.txt", "--include", "*.md",
                dir.toString());
        assertEquals("语\n发\n", sub.stdout(), sub.toString());
    }

    @Test
    void includeWithoutRecursiveIsAUsageError() {
        Cli.Result r = Cli.run("convert", "-c", "t2s", "--include", "*.txt", dir.toString());
        assertEquals(ExitCodes.USAGE, r.exit());
        assertTrue(r.stderr().contains("--include") && r.stderr().contains("-r"), r.stderr());
    }

    @Test
    void binaryFilesAreSkippedUnderRecursiveAndRefusedWhenNamed() throws IOException {
        write("a.txt", "漢\n");
        Path bin = Files.write(dir.resolve("b.bin"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 1, 2});
        Cli.Result walked = Cli.run("convert", "-c", "t2s", "-r", "-v", dir.toString());
        assertEquals(0, walked.exit(), walked.toString());
        assertEquals("汉\n", walked.stdout());
        assertTrue(walked.stderr().contains("b.bin: skipped, looks binary"), walked.stderr());
        Cli.Result named = Cli.run("convert", "-c", "t2s", bin.toString());
        assertEquals(ExitCodes.INPUT, named.exit());
        assertTrue(named.stderr().contains(bin + ": looks like a binary file"), named.stderr());
    }

    // ---- encodings -------------------------------------------------------------------------------

    @Test
    void invalidUtf8StopsWithTheFileAndByteOffset() throws IOException {
        byte[] bytes = concat("漢字".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xC3, 0x28},
                "字".getBytes(StandardCharsets.UTF_8));
        Path bad = Files.write(dir.resolve("bad.txt"), bytes);
        Cli.Result r = Cli.run("convert", "-c", "t2s", "--encoding", "UTF-8", bad.toString());
        assertEquals(ExitCodes.INPUT, r.exit());
        assertEquals("zhnorm: " + bad + ": invalid UTF-8 at byte 6 (0xC3); use --encoding to name the right "
                + "encoding or --replace-invalid\n", r.stderr());
    }

    @Test
    void invalidBytesOnStandardInputNameIt() {
        Cli.Result r = Cli.run(new byte[] {'a', (byte) 0xFF, 'b'}, "convert", "-c", "t2s", "--encoding", "utf-8");
        assertEquals(ExitCodes.INPUT, r.exit());
        assertTrue(r.stderr().startsWith("zhnorm: <stdin>: invalid UTF-8 at byte 1 (0xFF)"), r.stderr());
    }

    @Test
    void truncatedUtf8AtTheEndIsReportedAsSuch() throws IOException {
        byte[] bytes = concat("漢".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xE5, (byte) 0xAD});
        Path bad = Files.write(dir.resolve("cut.txt"), bytes);
        Cli.Result r = Cli.run("convert", "-c", "t2s", "--encoding", "UTF-8", bad.toString());
        assertEquals(ExitCodes.INPUT, r.exit());
        assertTrue(r.stderr().contains("truncated UTF-8 at byte 3 (0xE5 0xAD)"), r.stderr());
    }

    @Test
    void invalidUtf8UnderInPlaceLeavesTheOriginalAndNoTemporaryFile() throws IOException {
        byte[] bytes = concat("漢字\n".repeat(50_000).getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xFF});
        Path bad = Files.write(dir.resolve("bad.txt"), bytes);
        Cli.Result r = Cli.run("convert", "-c", "t2s", "--in-place", "--encoding", "UTF-8", bad.toString());
        assertEquals(ExitCodes.INPUT, r.exit(), r.toString());
        assertTrue(r.stderr().contains(bad + ": invalid UTF-8 at byte " + (bytes.length - 1)), r.stderr());
        assertArrayEquals(bytes, Files.readAllBytes(bad));
        assertEquals(List.of(bad), list(dir));
    }

    @Test
    void autoDetectionUnderInPlaceStillRefusesInvalidBytesAfterTheSample() throws IOException {
        // The first 64 KiB are valid UTF-8, so auto picks UTF-8; the bad byte comes later.
        byte[] bytes = concat("漢字\n".repeat(30_000).getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xFF});
        Path bad = Files.write(dir.resolve("late.txt"), bytes);
        Cli.Result r = Cli.run("convert", "-c", "t2s", "--in-place", bad.toString());
        assertEquals(ExitCodes.INPUT, r.exit(), r.toString());
        assertArrayEquals(bytes, Files.readAllBytes(bad));
    }

    @Test
    void replaceInvalidGoesOnWithReplacementCharacters() throws IOException {
        Path bad = Files.write(dir.resolve("bad.txt"), concat("漢".getBytes(StandardCharsets.UTF_8),
                new byte[] {(byte) 0xFF}, "字".getBytes(StandardCharsets.UTF_8)));
        Cli.Result r = Cli.run("convert", "-c", "t2s", "--encoding", "UTF-8", "--replace-invalid", bad.toString());
        assertEquals(0, r.exit(), r.toString());
        assertEquals("汉\uFFFD字", r.stdout());
    }

    @Test
    void autoDetectsBig5AndGb18030AndSaysSoUnderVerbose() throws IOException {
        Path big5 = Files.write(dir.resolve("big5.txt"), TRADITIONAL.getBytes(BIG5));
        Cli.Result r = Cli.run("convert", "-c", "t2s", "-v", big5.toString());
        assertEquals(0, r.exit(), r.toString());
        assertEquals(dev.zhnorm.Converter.of("t2s").convert(TRADITIONAL), r.stdout());
        assertTrue(r.stderr().contains(big5 + ": encoding Big5 ("), r.stderr());

        String simplified = dev.zhnorm.Converter.of("t2s").convert(TRADITIONAL);
        Path gb = Files.write(dir.resolve("gb.txt"), simplified.getBytes(GB18030));
        Cli.Result g = Cli.run("convert", "-c", "s2t", "--verbose", gb.toString());
        assertEquals(dev.zhnorm.Converter.of("s2t").convert(simplified), g.stdout(), g.toString());
        assertTrue(g.stderr().contains("encoding GB18030"), g.stderr());
    }

    @Test
    void byteOrderMarksDecideAndAreNotText() throws IOException {
        Path utf16 = Files.write(dir.resolve("u16.txt"), "漢字\n".getBytes(StandardCharsets.UTF_16)); // BE + BOM
        Cli.Result r = Cli.run("convert", "-c", "t2s", "-v", utf16.toString());
        assertEquals("汉字\n", r.stdout(), r.toString());
        assertTrue(r.stderr().contains("UTF-16BE (byte-order mark)"), r.stderr());
        Path utf8 = Files.write(dir.resolve("u8.txt"), concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                "漢\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals("汉\n", Cli.run("convert", "-c", "t2s", utf8.toString()).stdout());
        assertEquals("汉\n", Cli.run("convert", "-c", "t2s", "--encoding", "UTF-8", utf8.toString()).stdout());
    }

    @Test
    void explicitEncodingAndOutputEncoding() throws IOException {
        Path big5 = Files.write(dir.resolve("short.txt"), "漢字".getBytes(BIG5));
        Cli.Result r = Cli.run("convert", "-c", "t2s", "--encoding", "Big5", "--output-encoding", "GB18030",
                big5.toString());
        assertEquals(0, r.exit(), r.toString());
        assertArrayEquals("汉字".getBytes(GB18030), r.stdoutBytes());
    }

    @Test
    void anOutputEncodingThatCannotHoldTheResultIsAnOutputError() {
        Cli.Result r = Cli.withStdin("漢字", "convert", "-c", "t2s", "--output-encoding", "Big5");
        assertEquals(ExitCodes.INPUT, r.exit(), r.toString());
        // to standard output nothing is left as it was: the input's output stops there
        assertEquals("zhnorm: <stdin>: line 1, column 1: 汉 (U+6C49) cannot be written in Big5 (in its result); "
                + "its output stops there; use --output-encoding UTF-8\n", r.stderr());
    }

    @Test
    void unknownEncodingIsAUsageError() {
        Cli.Result r = Cli.withStdin("x", "convert", "-c", "t2s", "--encoding", "klingon-8");
        assertEquals(ExitCodes.USAGE, r.exit());
        assertTrue(r.stderr().startsWith("zhnorm: unknown encoding 'klingon-8' for --encoding"), r.stderr());
        Cli.Result out = Cli.withStdin("x", "convert", "-c", "t2s", "--output-encoding", "auto");
        assertEquals(ExitCodes.USAGE, out.exit(), out.toString());
    }

    // ---- outputs ---------------------------------------------------------------------------------

    @Test
    void outputFileIsWrittenAndCanBeTheInputItself() throws IOException {
        Path a = write("a.txt", "漢字\r\n");
        Path out = dir.resolve("out.txt");
        Cli.Result r = Cli.run("convert", "-c", "t2s", "-o", out.toString(), a.toString());
        assertEquals(0, r.exit(), r.toString());
        assertEquals("", r.stdout());
        assertEquals("汉字\r\n", Files.readString(out));
        Cli.Result self = Cli.run("convert", "-c", "t2s", "-o", a.toString(), a.toString());
        assertEquals(0, self.exit(), self.toString());
        assertEquals("汉字\r\n", Files.readString(a));
    }

    @Test
    void unwritableOutputIsAnOutputErrorAndLeavesNothing() throws IOException {
        Path a = write("a.txt", "漢字");
        Path notADir = write("file", "x");
        Cli.Result under = Cli.run("convert", "-c", "t2s", "-o", notADir.resolve("out.txt").toString(), a.toString());
        assertEquals(ExitCodes.INPUT, under.exit(), under.toString());
        assertEquals("zhnorm: " + notADir + ": not a folder (for " + notADir.resolve("out.txt") + ")\n", under.stderr());
        Cli.Result isDir = Cli.run("convert", "-c", "t2s", "-o", dir.toString(), a.toString());
        assertEquals(ExitCodes.INPUT, isDir.exit(), isDir.toString());
        assertTrue(isDir.stderr().contains(dir + ": is a directory"), isDir.stderr());
        Cli.Result noDir = Cli.run("convert", "-c", "t2s", "-o", dir.resolve("no/such/out.txt").toString(), a.toString());
        assertEquals(ExitCodes.INPUT, noDir.exit(), noDir.toString());
        assertEquals(1, noDir.stderr().lines().count(), noDir.stderr());
        assertEquals(Set.of(a, notADir), Set.copyOf(list(dir)));
    }

    @Test
    void failureHalfwayLeavesTheOutputFileUntouched() throws IOException {
        Path out = write("out.txt", "old");
        Path bad = Files.write(dir.resolve("bad.txt"), new byte[] {'a', (byte) 0xFF});
        Path good = write("good.txt", "漢");
        Cli.Result r = Cli.run("convert", "-c", "t2s", "--encoding", "UTF-8", "-o", out.toString(),
                good.toString(), bad.toString());
        assertEquals(ExitCodes.INPUT, r.exit());
        assertEquals("old", Files.readString(out));
        assertEquals(Set.of(out, bad, good), Set.copyOf(list(dir)));
    }

    @Test
    void inPlaceRewritesChangedFilesKeepsPermissionsAndLeavesUnchangedOnesAlone() throws IOException {
        Path a = write("a.txt", "漢字\r\n");
        Path same = write("same.txt", "汉字 abc\n");
        Files.setPosixFilePermissions(a, Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.GROUP_READ));
        FileTime old = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(same, old);
        Cli.Result r = Cli.run("convert", "-c", "t2s", "--in-place", "-v", a.toString(), same.toString());
        assertEquals(0, r.exit(), r.toString());
        assertEquals("", r.stdout());
        assertEquals("汉字\r\n", Files.readString(a));
        assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.GROUP_READ), Files.getPosixFilePermissions(a));
        assertEquals(old, Files.getLastModifiedTime(same));
        assertTrue(r.stderr().contains(a + ": rewritten") && r.stderr().contains(same + ": unchanged"), r.stderr());
        assertEquals(Set.of(a, same), Set.copyOf(list(dir)));
    }

    @Test
    void inPlaceKeepsAUtf8ByteOrderMarkAndReencodesBig5ToUtf8WhenAsked() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        Path withBom = Files.write(dir.resolve("bom.txt"), concat(bom, "漢\n".getBytes(StandardCharsets.UTF_8)));
        Path big5 = Files.write(dir.resolve("big5.txt"), TRADITIONAL.getBytes(BIG5));
        Cli.Result r = Cli.run("convert", "-c", "t2s", "--in-place", "--output-encoding", "UTF-8", withBom.toString(),
                big5.toString());
        assertEquals(0, r.exit(), r.toString());
        assertArrayEquals(concat(bom, "汉\n".getBytes(StandardCharsets.UTF_8)), Files.readAllBytes(withBom));
        assertEquals(dev.zhnorm.Converter.of("t2s").convert(TRADITIONAL), Files.readString(big5));
    }

    @Test
    void inPlaceNeedsFilesAndExcludesOtherOutputs() throws IOException {
        Path a = write("a.txt", "漢");
        assertEquals(ExitCodes.USAGE, Cli.withStdin("漢", "convert", "-c", "t2s", "--in-place").exit());
        for (String other : new String[] {"--check", "--diff"}) {
            Cli.Result r = Cli.run("convert", "-c", "t2s", "--in-place", other, a.toString());
            assertEquals(ExitCodes.USAGE, r.exit(), other);
            assertTrue(r.stderr().contains("--in-place cannot go with " + other), r.stderr());
        }
        assertEquals(ExitCodes.USAGE, Cli.run("convert", "-c", "t2s", "--in-place", "-o", "x", a.toString()).exit());
        assertEquals(ExitCodes.USAGE, Cli.run("convert", "-c", "t2s", "--diff", "--explain", "tsv", a.toString()).exit());
        assertEquals("漢", Files.readString(a));
    }

    @Test
    void checkListsFilesThatWouldChangeAndExitsOne() throws IOException {
        Path a = write("a.txt", "漢字\n");
        Path b = write("b.txt", "汉字\n");
        Path c = write("c.txt", "頭髮\n".repeat(40_000));
        Cli.Result r = Cli.run("convert", "-c", "t2s", "--check", a.toString(), b.toString(), c.toString());
        assertEquals(ExitCodes.CHANGES, r.exit(), r.toString());
        assertEquals(a + "\n" + c + "\n", r.stdout());
        assertEquals("zhnorm: 2 of 3 files would change\n", r.stderr());
        assertEquals("漢字\n", Files.readString(a), "--check writes nothing");
        Cli.Result clean = Cli.run("convert", "-c", "t2s", "--check", b.toString());
        assertEquals(0, clean.exit(), clean.toString());
        assertEquals("", clean.stdout() + clean.stderr());
        assertEquals(ExitCodes.CHANGES, Cli.withStdin("漢", "convert", "-c", "t2s", "--check").exit());
        assertEquals("<stdin>\n", Cli.withStdin("漢", "convert", "-c", "t2s", "--check", "-q").stdout());
    }

    @Test
    void diffIsUnifiedWithContext() throws IOException {
        Path a = write("a.txt", "一\n二\n三\n四\n漢\n五\n六\n七\n八\n九\n十\n十一\n十二\n頭髮");
        Cli.Result r = Cli.run("convert", "-c", "t2s", "--diff", a.toString());
        assertEquals(0, r.exit(), r.toString());
        String stamp = UnifiedDiff.stamp(Files.getLastModifiedTime(a));
        assertEquals("--- " + a + "\t" + stamp + "\n+++ " + a + "\t" + stamp + "\n"
                + "@@ -2,7 +2,7 @@\n 二\n 三\n 四\n-漢\n+汉\n 五\n 六\n 七\n"
                + "@@ -11,4 +11,4 @@\n 十\n 十一\n 十二\n-頭髮\n\\ No newline at end of file\n+头发\n\\ No newline at end of file\n",
                r.stdout());
        Cli.Result checked = Cli.run("convert", "-c", "t2s", "--diff", "--check", a.toString());
        assertEquals(ExitCodes.CHANGES, checked.exit());
        assertEquals(r.stdout(), checked.stdout());
        assertEquals("", Cli.withStdin("汉\n", "convert", "-c", "t2s", "--diff").stdout());
    }

    /**
     * A name with a control character is C-quoted as in --diff headers in every line that names it,
     * so that a newline in a name cannot pass for two files or two messages: the --check list,
     * detect, notes and errors. --diff quotes it once; --explain's TSV and JSON escape it their way.
     */
    @Test
    void namesWithControlCharactersAreQuotedInEveryLineAsInDiffHeaders() throws IOException {
        Path d = Files.createDirectories(dir.resolve("d"));
        Path newline = write("d/new\nline.txt", "臺灣\n");
        Path escape = write("d/esc\u001b[31m.txt", "臺灣\n");
        String newlineShown = "\"" + d + "/new\\nline.txt\"";
        String escapeShown = "\"" + d + "/esc\\033[31m.txt\"";
        Cli.Result check = Cli.run("convert", "-c", "t2s", "--check", "-r", d.toString());
        assertEquals(ExitCodes.CHANGES, check.exit(), check.toString());
        assertEquals(escapeShown + "\n" + newlineShown + "\n", check.stdout());
        Cli.Result detect = Cli.run("detect", newline.toString(), escape.toString());
        assertEquals(List.of(newlineShown + ": traditional", escapeShown + ": traditional"),
                detect.stdout().lines().map(l -> l.substring(0, l.indexOf(" ("))).toList(), detect.stdout());
        Path gone = dir.resolve("gone\n.txt");
        Cli.Result missing = Cli.run("convert", "-c", "t2s", gone.toString());
        assertEquals("zhnorm: \"" + dir + "/gone\\n.txt\": no such file or directory\n", missing.stderr());
        Cli.Result notAFolder = Cli.run("convert", "-c", "t2s", "-o", newline.resolve("x.txt").toString(),
                escape.toString());
        assertEquals("zhnorm: " + newlineShown + ": not a folder (for \"" + d + "/new\\nline.txt/x.txt\")\n",
                notAFolder.stderr());
        Cli.Result diff = Cli.run("convert", "-c", "t2s", "--diff", escape.toString());
        assertTrue(diff.stdout().startsWith("--- " + escapeShown + "\t"), diff.stdout());
        Cli.Result json = Cli.run("convert", "-c", "t2s", "--explain", "json", newline.toString());
        assertTrue(json.stdout().startsWith("{\"file\":\"" + d + "/new\\nline.txt\","), json.stdout());
        Cli.Result tsv = Cli.run("convert", "-c", "t2s", "--explain", "tsv", escape.toString());
        // TSV escapes control chars as octal, as C-quoting does: no raw escape sequence reaches a terminal
        String escapeInTsv = escape.toString().replace("\u001b", "\\033");
        assertTrue(tsv.stdout().lines().toList().get(1).startsWith(escapeInTsv + "\t1\t"), tsv.stdout());
        assertFalse(tsv.stdout().contains("\u001b"), tsv.stdout());
        Cli.Result verbose = Cli.run("convert", "-c", "t2s", "-v", "--in-place", newline.toString());
        assertTrue(verbose.stderr().lines().toList().contains("zhnorm: " + newlineShown + ": rewritten"),
                verbose.stderr());
    }

    @Test
    void diffHeadersEndEachNameWithATabAndQuoteNamesPatchCouldMisread() throws IOException {
        Path spaced = write("文件 甲.txt", "臺灣\n");
        Cli.Result r = Cli.run("convert", "-c", "t2s", "--diff", spaced.toString());
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.stdout().startsWith("--- " + spaced + "\t" + UnifiedDiff.stamp(Files.getLastModifiedTime(spaced))
                + "\n+++ " + spaced + "\t"), r.stdout());
        assertTrue(Cli.withStdin("臺灣\n", "convert", "-c", "t2s", "--diff").stdout().startsWith("--- <stdin>\t\n"));
        assertEquals("\"a\\\"b\\\\c\\td\\001\"", FileNames.quoted("a\"b\\c\td\u0001"));
        assertEquals("文件 甲.txt", FileNames.quoted("文件 甲.txt"));
        // C1 controls and the Unicode line separators as the octal bytes of their UTF-8 form, as GNU diff does
        assertEquals("\"n\\302\\205el \\342\\200\\250 csi\\302\\23331m\"", FileNames.quoted("n\u0085el \u2028 csi\u009b31m"));
    }

    @Test
    void diffLinesKeepTheByteOrderMarkAndTheFilesOwnEncodingSoThatPatchMatchesThem() throws IOException {
        Path marked = dir.resolve("bm.md");
        Files.write(marked, FileSafetyTest.concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                "# 標題,好\n".getBytes(StandardCharsets.UTF_8)));
        Cli.Result bom = Cli.run("--diff", marked.toString());
        assertEquals(0, bom.exit(), bom.toString());
        assertTrue(bom.stdout().contains("\n-\uFEFF# 標題,好\n+\uFEFF# 标题，好\n"), bom.stdout());

        Path big5 = Files.write(dir.resolve("b.txt"), "他說,好\n".getBytes(BIG5));
        Cli.Result b = Cli.run("-c", "none", "--diff", big5.toString());
        assertEquals(0, b.exit(), b.toString());
        String header = "--- " + big5 + "\t" + UnifiedDiff.stamp(Files.getLastModifiedTime(big5)) + "\n";
        assertArrayEquals(FileSafetyTest.concat(header.getBytes(StandardCharsets.UTF_8), header.replace("---", "+++")
                .getBytes(StandardCharsets.UTF_8), "@@ -1 +1 @@\n-他說,好\n+他說，好\n".getBytes(BIG5)), b.stdoutBytes());
        Cli.Result readable = Cli.run("-c", "none", "--diff", "--output-encoding", "UTF-8", big5.toString());
        assertTrue(readable.stdout().endsWith("\n-他說,好\n+他說，好\n"), readable.stdout());

        Cli.Result simplified = Cli.run("--diff", big5.toString());
        assertEquals(ExitCodes.INPUT, simplified.exit(), simplified.toString());
        assertEquals("zhnorm: " + big5 + ": line 1, column 2: 说 (U+8BF4) cannot be written in Big5 (in its result), the "
                + "file's own encoding, which --diff keeps so that patch -p0 applies it; use --output-encoding UTF-8 "
                + "for a diff to read\n", simplified.stderr());
        assertEquals("", simplified.stdout());

        Path utf16 = Files.write(dir.resolve("w.txt"), "\uFEFF他說,好\n".getBytes(StandardCharsets.UTF_16LE));
        Cli.Result wide = Cli.run("--diff", utf16.toString());
        assertEquals(ExitCodes.INPUT, wide.exit(), wide.toString());
        assertTrue(wide.stderr().startsWith("zhnorm: " + utf16 + ": --diff cannot write a patch for this UTF-16LE file"),
                wide.stderr());
    }

    @Test
    void explainWritesChangeRecordsAsTsvOrJsonLines() throws IOException {
        Path a = write("a.txt", "好\n頭髮\t\"x\"");
        Cli.Result tsv = Cli.run("convert", "-c", "t2s", "--explain", "tsv", a.toString());
        assertEquals(0, tsv.exit(), tsv.toString());
        List<String> lines = tsv.stdout().lines().toList();
        assertEquals("file\tline\tinput_start\tinput_end\toutput_start\toutput_end\tbefore\tafter\trule", lines.get(0));
        assertTrue(lines.get(1).startsWith(a + "\t2\t2\t3\t2\t3\t頭\t头\t"), lines.get(1));
        Cli.Result json = Cli.run("convert", "-c", "t2s", "--explain", "JSON", a.toString());
        assertTrue(json.stdout().startsWith("{\"file\":\"" + a + "\",\"line\":2,\"input_start\":2,\"input_end\":3,"
                + "\"output_start\":2,\"output_end\":3,\"before\":\"頭\",\"after\":\"头\",\"rule\":\""), json.stdout());
        assertTrue(json.stdout().endsWith("\"}\n"), json.stdout());
        assertEquals(ExitCodes.USAGE, Cli.run("convert", "-c", "t2s", "--explain", "xml", a.toString()).exit());
    }

    /**
     * The TSV header comes with the first line explained, so TSV and JSON Lines are both empty when
     * nothing is explained (the only input failed, or nothing changed), and the header is written
     * once, first, after failed inputs and with --threads too.
     */
    @Test
    void explainTsvWritesItsHeaderOnlyWithTheFirstLineExplained() throws IOException {
        String header = "file\tline\tinput_start\tinput_end\toutput_start\toutput_end\tbefore\tafter\trule\n";
        String missing = dir.resolve("missing.txt").toString();
        Path same = write("same.txt", "头发\n");
        Path a = write("a.txt", "頭\n");
        Path b = write("b.txt", "髮\n");
        for (String format : List.of("tsv", "json")) {
            Cli.Result failed = Cli.run("convert", "-c", "t2s", "--explain", format, missing);
            assertEquals(ExitCodes.INPUT, failed.exit(), failed.toString());
            assertEquals("", failed.stdout(), format);
            Cli.Result unchanged = Cli.run("convert", "-c", "t2s", "--explain", format, same.toString());
            assertEquals(0, unchanged.exit(), unchanged.toString());
            assertEquals("", unchanged.stdout(), format);
            // not even a byte-order mark
            Cli.Result utf16 = Cli.run("convert", "-c", "t2s", "--explain", format, "--output-encoding", "UTF-16",
                    same.toString());
            assertEquals(0, utf16.stdoutBytes().length, format + ": " + utf16);
            Cli.Result changed = Cli.run("convert", "-c", "t2s", "--explain", format, "--output-encoding", "UTF-16",
                    a.toString());
            assertEquals((byte) 0xFE, changed.stdoutBytes()[0], format);
            assertEquals((byte) 0xFF, changed.stdoutBytes()[1], format);
        }
        assertEquals("", Cli.run("--explain", "tsv", missing).stdout(), "normalize: the failed input explains nothing");
        String decided = Cli.run("--explain", "tsv", same.toString()).stdout();
        assertTrue(decided.startsWith(header + "# " + same + ": format text, spacing "), decided);
        for (String threads : List.of("1", "3")) {
            Cli.Result r = Cli.run("convert", "-c", "t2s", "--explain", "tsv", "--threads", threads, missing,
                    same.toString(), a.toString(), b.toString());
            assertEquals(ExitCodes.INPUT, r.exit(), r.toString());
            List<String> lines = r.stdout().lines().toList();
            assertEquals(3, lines.size(), r.stdout());
            assertEquals(header, lines.get(0) + "\n");
            assertTrue(lines.get(1).startsWith(a + "\t1\t0\t1\t0\t1\t頭\t头\t"), lines.get(1));
            assertTrue(lines.get(2).startsWith(b + "\t1\t0\t1\t0\t1\t髮\t发\t"), lines.get(2));
        }
    }

    @Test
    void threadsGiveTheSameOutputAsOneThread() throws IOException {
        List<String> files = new ArrayList<>(List.of("convert", "-c", "t2s"));
        for (int i = 0; i < 24; i++) {
            files.add(write("f" + (char) ('a' + i) + ".txt", i + " 頭髮後來" + "漢字".repeat(i * 500) + "\n").toString());
        }
        Cli.Result one = Cli.run(files.toArray(String[]::new));
        List<String> threaded = new ArrayList<>(files);
        threaded.add("--threads");
        threaded.add("4");
        Cli.Result four = Cli.run(threaded.toArray(String[]::new));
        assertEquals(0, four.exit(), four.stderr());
        assertEquals(one.stdout(), four.stdout());
        threaded.add("--check");
        Cli.Result check = Cli.run(threaded.toArray(String[]::new));
        assertEquals(ExitCodes.CHANGES, check.exit());
        assertEquals(24, check.stdout().lines().count());
        assertEquals(ExitCodes.USAGE, Cli.run("convert", "-c", "t2s", "--threads", "0").exit());
        try (Stream<Path> left = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            assertFalse(left.anyMatch(p -> p.getFileName().toString().startsWith("zhnorm-")
                    && p.getFileName().toString().endsWith(".part") && isRecent(p)), "spool files are deleted");
        }
    }

    @Test
    void threadsOnOneLargeFileGiveTheSameOutputIncludingAVeryLongLine() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; sb.length() < 6_000_000; i++) {
            sb.append(i).append(" 隨著時代的發展，臺灣的軟體工程師們後來發現頭髮越來越少。\r\n");
        }
        Path lines = write("lines.txt", sb.toString());
        Path oneLine = write("oneline.txt", "頭髮後來".repeat(1_500_000) + "\n漢字");
        for (Path p : new Path[] {lines, oneLine}) {
            Cli.Result one = Cli.run("convert", "-c", "t2cn", p.toString());
            Cli.Result four = Cli.run("convert", "-c", "t2cn", "--threads", "4", p.toString());
            assertEquals(0, four.exit(), four.stderr());
            assertEquals(one.stdout(), four.stdout(), p.toString());
            assertEquals(dev.zhnorm.Converter.of("t2cn").convert(Files.readString(p)), four.stdout());
        }
        Cli.Result inPlace = Cli.run("convert", "-c", "t2cn", "--threads", "2", "--in-place", lines.toString());
        assertEquals(0, inPlace.exit(), inPlace.stderr());
        assertEquals(dev.zhnorm.Converter.of("t2cn").convert(sb), Files.readString(lines));
    }

    @Test
    void threadsOnOneLargeFileNormalizeAsOneThreadDoesWithAFenceAcrossBlocks() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; sb.length() < 5_000_000; i++) {
            sb.append(i % 5000 == 7 ? "```\n" : "").append(i).append(" 他說,後來(見下)很好.\r\n");
        }
        Path text = write("normalize.txt", sb.toString());
        Cli.Result one = Cli.run(text.toString());
        Cli.Result two = Cli.run("--threads", "2", text.toString());
        assertEquals(0, two.exit(), two.stderr());
        assertEquals(one.stdout(), two.stdout());
        assertEquals(dev.zhnorm.Normalizer.defaults().normalize(sb), two.stdout());
        // Fenced lines come through verbatim, also where a fence spans the blocks the threads got.
        assertTrue(two.stdout().contains("8 他說,後來(見下)很好.\r\n"), "a line inside the first fence");
    }

    @Test
    void aNewOutputFileGetsDefaultPermissionsNotPrivateOnes() throws IOException {
        Path a = write("a.txt", "漢");
        Path reference = Files.createFile(dir.resolve("reference"));
        Path out = dir.resolve("new.txt");
        assertEquals(0, Cli.run("convert", "-c", "t2s", "-o", out.toString(), a.toString()).exit());
        assertEquals(Files.getPosixFilePermissions(reference), Files.getPosixFilePermissions(out));
    }

    @Test
    void threadsRewriteInPlace() throws IOException {
        List<String> args = new ArrayList<>(List.of("convert", "-c", "t2s", "--in-place", "--threads", "3"));
        for (int i = 0; i < 7; i++) {
            args.add(write("g" + i + ".txt", "漢字" + i).toString());
        }
        args.add(dir.resolve("g0.txt").toString());
        args.add(dir.resolve(".").resolve("g1.txt").toString());
        Cli.Result r = Cli.run(args.toArray(String[]::new));
        assertEquals(0, r.exit(), r.toString());
        for (int i = 0; i < 7; i++) {
            assertEquals("汉字" + i, Files.readString(dir.resolve("g" + i + ".txt")));
        }
    }

    @Test
    void quietSilencesTheCheckSummaryAndVerboseExplains() throws IOException {
        Path a = write("a.txt", "漢");
        assertEquals("", Cli.run("convert", "-c", "t2s", "--check", "--quiet", a.toString()).stderr());
        Cli.Result v = Cli.run("convert", "-c", "t2s", "--verbose", a.toString());
        assertTrue(v.stderr().contains("conversion: bundled preset t2s"), v.stderr());
        assertTrue(v.stderr().contains(a + ": encoding UTF-8 (valid UTF-8)"), v.stderr());
        assertTrue(v.stderr().contains("1 file done"), v.stderr());
    }

    private static boolean isRecent(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis() > System.currentTimeMillis() - 60_000;
        } catch (IOException e) {
            return false;
        }
    }

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, text, StandardCharsets.UTF_8);
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] all = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }
}
