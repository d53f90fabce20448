package dev.zhnorm;

import dev.zhnorm.normalize.Format;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Markdown and HTML documents above {@link Normalizer#MAX_DOCUMENT_CHARS} are refused before they
 * are copied or parsed, and plain text is not limited. The documents here only claim their length:
 * reading past that claim (a copy) fails with {@link Copied}, so no test allocates 256 Mi chars.
 */
class DocumentLimitTest {
    private static final Normalizer N = Normalizer.defaults();
    private static final int LIMIT = Normalizer.MAX_DOCUMENT_CHARS;

    /** Thrown when the code under test copies or reads the text, i.e. when the limit let it through. */
    private static final class Copied extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    /** A text that reports a length and stores nothing; any read of it throws {@link Copied}. */
    private record Claimed(int length) implements CharSequence {
        @Override
        public char charAt(int index) {
            throw new Copied();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            throw new Copied();
        }

        @Override
        public String toString() {
            throw new Copied();
        }
    }

    @Test
    void theLimitIs256MiChars() {
        assertEquals(256 * 1024 * 1024, LIMIT);
    }

    @Test
    void aDocumentOneCharAboveTheLimitIsRefusedUncopied() {
        CharSequence big = new Claimed(LIMIT + 1);
        Normalizer markdown = Normalizer.builder().format(Format.MARKDOWN).build();
        for (Executable call : new Executable[] {
                () -> N.normalize(big, Format.MARKDOWN),
                () -> N.normalize(big, Format.HTML),
                () -> N.normalize(big, "book/chapter.md"),
                () -> N.normalize(big, "index.html"),
                () -> markdown.normalize(big),
                () -> N.explain(big, Format.MARKDOWN),
                () -> N.explain(big, Format.HTML),
                () -> N.decideSpacing(big, Format.MARKDOWN),
                () -> N.decideSpacing(big, Format.HTML)}) {
            assertThrows(DocumentTooLargeException.class, call);
        }
    }

    @Test
    void theMessageNamesTheFormatTheLimitAndTheWayOut() {
        DocumentTooLargeException e = assertThrows(DocumentTooLargeException.class,
                () -> N.normalize(new Claimed(Integer.MAX_VALUE), Format.HTML));
        String m = e.getMessage();
        assertTrue(m.startsWith("a html document is parsed whole in memory"), m);
        assertTrue(m.contains("at most " + LIMIT + " chars (256 Mi)"), m);
        assertTrue(m.contains("this one has more"), m);
        assertTrue(m.contains("format=text"), m);
    }

    @Test
    void aDocumentOfExactlyTheLimitIsAccepted() {
        // Accepted means: read (and here the claimed text fails when read), not refused.
        assertThrows(Copied.class, () -> N.normalize(new Claimed(LIMIT), Format.MARKDOWN));
        assertThrows(Copied.class, () -> N.explain(new Claimed(LIMIT), Format.HTML));
        assertThrows(Copied.class, () -> N.decideSpacing(new Claimed(LIMIT), Format.MARKDOWN));
    }

    @Test
    void plainTextHasNoLimit() {
        assertThrows(Copied.class, () -> N.normalize(new Claimed(LIMIT + 1), Format.TEXT));
        assertThrows(Copied.class, () -> N.normalize(new Claimed(LIMIT + 1)));
        assertThrows(Copied.class, () -> N.normalize(new Claimed(LIMIT + 1), "notes.txt"));
    }

    @Test
    void smallDocumentsAreNormalized() {
        assertEquals("# 台湾，你好。\n", N.normalize("# 臺灣,你好.\n", Format.MARKDOWN));
        assertEquals("<p>台湾，你好。</p>", N.normalize("<p>臺灣,你好.</p>", Format.HTML));
    }
}
