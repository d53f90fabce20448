package dev.zhnorm.normalize;

import java.util.Locale;
import java.util.Optional;

/**
 * What kind of document a text is (spec §9). Markdown and HTML are parsed, only their prose is
 * normalized, and every other byte comes through identical: code, link destinations, tags,
 * attributes, front matter, math and so on.
 *
 * <pre>{@code
 * Format.forFileName("docs/guide.md");       // MARKDOWN
 * Format.forFileName("index.HTML");          // HTML
 * Format.forFileName("notes.txt");           // TEXT
 * Format.fromId("markdown");                 // Optional[MARKDOWN]
 * }</pre>
 */
public enum Format {
    /** By file name ({@link #forFileName}); text when there is none (standard input). The default. */
    AUTO("auto"),
    /** Plain text, line by line (spec §0–§8); Markdown-like constructs keep the protection of §6. */
    TEXT("text"),
    /** CommonMark with GFM tables, front matter, footnotes, math, heading attributes and containers. */
    MARKDOWN("markdown"),
    /** HTML5 as browsers parse it; text nodes outside {@code pre code script style textarea}. */
    HTML("html");

    private final String id;

    Format(String id) {
        this.id = id;
    }

    /** @return the option value as written on a command line, e.g. {@code markdown} */
    public String id() {
        return id;
    }

    /**
     * @param name a command-line value such as {@code html}; ASCII case is ignored
     * @return the format, or empty for an unknown name
     */
    public static Optional<Format> fromId(String name) {
        for (Format f : values()) {
            if (f.id.equalsIgnoreCase(name)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /**
     * @param fileName a file name or path ({@code null} for standard input)
     * @return {@link #MARKDOWN} for {@code .md .markdown .mdx}, {@link #HTML} for {@code .html .htm
     *     .xhtml} (any case), else {@link #TEXT}; never {@link #AUTO}
     */
    public static Format forFileName(String fileName) {
        if (fileName == null) {
            return TEXT;
        }
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".md") || name.endsWith(".markdown") || name.endsWith(".mdx")) {
            return MARKDOWN;
        }
        if (name.endsWith(".html") || name.endsWith(".htm") || name.endsWith(".xhtml")) {
            return HTML;
        }
        return TEXT;
    }

    /**
     * @param fileName the document's file name, or {@code null}
     * @return this format, or for {@link #AUTO} the one {@link #forFileName} picks
     */
    public Format resolve(String fileName) {
        return this == AUTO ? forFileName(fileName) : this;
    }
}
