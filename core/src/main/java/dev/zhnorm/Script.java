package dev.zhnorm;

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

    private final String label;

    Script(String label) {
        this.label = label;
    }

    /** @return the lower-case name used by the command line, e.g. {@code traditional} */
    public String label() {
        return label;
    }
}
