package dev.zhnorm;

import java.util.Optional;

/**
 * Which form of written Chinese a text is in, as decided by {@link ScriptDetector}.
 *
 * <pre>{@code
 * ScriptDetector.standard().detect("臺灣的軟體").script();   // TRADITIONAL
 * ScriptDetector.standard().detect("台湾的软件").script();   // SIMPLIFIED
 * ScriptDetector.standard().detect("中文 text").script();    // NONE: no character of only one script
 * }</pre>
 */
public enum Script {
    /** Traditional characters, and no (or almost no) Simplified-only ones. */
    TRADITIONAL("traditional"),
    /** Simplified characters, and no (or almost no) Traditional-only ones. */
    SIMPLIFIED("simplified"),
    /** A real share of both Traditional-only and Simplified-only characters. */
    MIXED("mixed"),
    /** No character that belongs to one script only: no Han text, or only characters both scripts share. */
    NONE("none");

    private final String id;

    Script(String id) {
        this.id = id;
    }

    /** @return the lower-case name used by the command line and the Spark function, e.g. {@code traditional} */
    public String id() {
        return id;
    }

    /**
     * @param id a name as {@link #id()} gives it, in any case
     * @return the script, or empty for an unknown name
     */
    public static Optional<Script> fromId(String id) {
        for (Script s : values()) {
            if (s.id.equalsIgnoreCase(id)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
