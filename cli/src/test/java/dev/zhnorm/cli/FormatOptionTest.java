package dev.zhnorm.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code --format}: by file extension unless named; standard input is text; check, diff and explain per document. */
class FormatOptionTest {
    private static final String DOC = "::: tip 注意\n详见[指南](docs/指南.md).\n:::\n";
    private static final String AS_MARKDOWN = "::: tip 注意\n详见[指南](docs/指南.md)。\n:::\n";

    @TempDir
    Path dir;

    @Test
    void markdownByExtensionTextOtherwise() throws IOException {
        Path md = Files.writeString(dir.resolve("a.md"), DOC, StandardCharsets.UTF_8);
        Path txt = Files.writeString(dir.resolve("a.txt"), DOC, StandardCharsets.UTF_8);
        assertEquals(AS_MARKDOWN, Cli.run(md.toString()).stdout());
        String asText = Cli.run(txt.toString()).stdout();
        assertTrue(asText.contains("（docs/"), "text mode knows no link syntax: " + asText);
        assertEquals(AS_MARKDOWN, Cli.run("--format", "markdown", txt.toString()).stdout());
        assertEquals(asText, Cli.run("--format", "text", md.toString()).stdout());
        assertEquals(asText, Cli.withStdin(DOC).stdout(), "standard input is text");
        assertEquals(AS_MARKDOWN, Cli.withStdin(DOC, "--format", "markdown").stdout());
    }

    @Test
    void checkDiffExplainAndInPlacePerDocument() throws IOException {
        Path md = Files.writeString(dir.resolve("b.md"), DOC, StandardCharsets.UTF_8);
        Path clean = Files.writeString(dir.resolve("c.md"), AS_MARKDOWN, StandardCharsets.UTF_8);
        assertEquals(ExitCodes.CHANGES, Cli.run("--check", md.toString()).exit());
        assertEquals(0, Cli.run("--check", clean.toString()).exit(), "a normalized Markdown file is left alone");
        String diff = Cli.run("--diff", md.toString()).stdout();
        assertTrue(diff.contains("+详见[指南](docs/指南.md)。"), diff);
        String json = Cli.run("--explain", "json", md.toString()).stdout();
        assertTrue(json.contains("\"decision\":\"format markdown, spacing keep (auto: "), json);
        assertEquals(0, Cli.run("--in-place", md.toString()).exit());
        assertEquals(AS_MARKDOWN, Files.readString(md));
    }

    @Test
    void unknownFormatIsAUsageError() {
        Cli.Result r = Cli.withStdin(DOC, "--format", "rtf");
        assertEquals(ExitCodes.USAGE, r.exit(), r.toString());
        assertTrue(r.stderr().contains("markdown"), r.stderr());
    }

    /**
     * A Markdown file whose size alone proves it above the document limit is refused before it is
     * read (a sparse file after 1 MB of text: nothing of its 1 GiB is written or held in memory), left as it was, and
     * the other files are still done; as text it would stream.
     */
    @Test
    void aDocumentSurelyAboveTheLimitIsRefusedUnreadAndUntouched() throws IOException {
        Path big = dir.resolve("big.md");
        try (var f = new java.io.RandomAccessFile(big.toFile(), "rw")) {
            f.write(DOC.repeat(20_000).getBytes(StandardCharsets.UTF_8));   // text where encoding detection looks
            f.setLength(4L * dev.zhnorm.Normalizer.MAX_DOCUMENT_CHARS + 8);
        }
        Path small = Files.writeString(dir.resolve("small.md"), DOC);
        Cli.Result r = Cli.run("--in-place", big.toString(), small.toString());
        assertEquals(ExitCodes.INPUT, r.exit(), r.toString());
        assertTrue(r.stderr().contains("big.md: a markdown document is parsed whole in memory and may have at most "
                + dev.zhnorm.Normalizer.MAX_DOCUMENT_CHARS + " chars"), r.stderr());
        assertTrue(r.stderr().contains("format=text"), r.stderr());
        assertEquals(4L * dev.zhnorm.Normalizer.MAX_DOCUMENT_CHARS + 8, Files.size(big));
        assertEquals(AS_MARKDOWN, Files.readString(small));
    }
}
