package dev.zhnorm.normalize;

import java.util.Optional;

/**
 * Spaces between Han characters and Latin letters or digits (spec §4, rules S4, S6, S7).
 *
 * <pre>{@code
 * // NONE:   使用 Python 编写 → 使用Python编写     (S4; the default)
 * // PANGU:  于3月10日        → 于 3 月 10 日      (S6)
 * // KEEP:   使用 Python 编写 → 使用 Python 编写   (S7)
 * }</pre>
 */
public enum Spacing {
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
