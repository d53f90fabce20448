package dev.zhnorm.normalize;

import java.util.Optional;

/**
 * Line-leading whitespace (spec §4, rule S2).
 *
 * <pre>{@code
 * // KEEP:   "　　春天来了。" → "　　春天来了。"   (the default)
 * // STRIP:  "　　春天来了。" → "春天来了。"       (S2)
 * }</pre>
 */
public enum Indent {
    /** Line-leading whitespace stays exactly as it was (paragraph indents of two U+3000). The default. */
    KEEP("keep"),
    /** Rule S2: line-leading whitespace is deleted. */
    STRIP("strip");

    private final String id;

    Indent(String id) {
        this.id = id;
    }

    /** @return the option value as written on a command line, e.g. {@code strip} */
    public String id() {
        return id;
    }

    /**
     * @param name a command-line value such as {@code keep}; ASCII case is ignored
     * @return the indent mode, or empty for an unknown name
     */
    public static Optional<Indent> fromId(String name) {
        for (Indent i : values()) {
            if (i.id.equalsIgnoreCase(name)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }
}
