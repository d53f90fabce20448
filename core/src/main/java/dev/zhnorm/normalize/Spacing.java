package dev.zhnorm.normalize;

import java.util.Optional;

/**
 * Spaces between Han characters and words of Latin letters or digits (spec §4, rules S4, S6, S7, S8).
 *
 * <pre>{@code
 * // AUTO:   the document's own majority convention (S8; the default): one of the three below
 * // NONE:   使用 Python 编写 → 使用Python编写     (S4)
 * // PANGU:  于3月10日        → 于 3 月 10 日      (S6)
 * // KEEP:   使用 Python 编写 → 使用 Python 编写   (S7)
 * }</pre>
 */
public enum Spacing {
    /**
     * Rule S8 (the default): the document keeps its own convention. The Han–word boundaries of the
     * document's first 65,536 chars (for Markdown and HTML: of its prose) are counted, among their
     * first 16,384 non-blank chars, which normalizing does not move; at least 8 of them, two
     * thirds or more spaced: {@link #PANGU}; a third or less: {@link #NONE}; else, or with fewer
     * than 8: {@link #KEEP}. Streaming decides from the same prefix, so its output equals the
     * whole-text output.
     */
    AUTO("auto"),
    /** Rule S4: no space between Han and Latin letters, digits or percent signs (mainland news style). */
    NONE("none"),
    /** Rule S6: exactly one space between Han and Latin letters or digits (technical writing). */
    PANGU("pangu"),
    /** Rule S7: spaces between Han and Latin are left as they are. */
    KEEP("keep");

    private final String id;

    Spacing(String id) {
        this.id = id;
    }

    /** @return the option value as written on a command line, e.g. {@code pangu} */
    public String id() {
        return id;
    }

    /**
     * @param name a command-line value such as {@code none}; ASCII case is ignored
     * @return the spacing, or empty for an unknown name
     */
    public static Optional<Spacing> fromId(String name) {
        for (Spacing s : values()) {
            if (s.id.equalsIgnoreCase(name)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
