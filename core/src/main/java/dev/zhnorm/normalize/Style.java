package dev.zhnorm.normalize;

import java.util.Optional;

/**
 * Punctuation conventions of a region (spec §7). The style is independent of the conversion step:
 * Simplified text may well be written with Taiwan's corner quotes.
 *
 * <pre>{@code
 * // style=MAINLAND:  「兩個確立」 → “两个确立”
 * // style=TAIWAN:    “两个确立” → 「两个确立」
 * Style.fromId("hongkong");   // Optional[HONGKONG]
 * }</pre>
 */
public enum Style {
    /** zh-CN: quotes “” and ‘’, rule P11 rewrites 「」『』 into them. The default. */
    MAINLAND("mainland"),
    /** zh-TW: corner quotes 「」 and 『』, rule P11 rewrites “” and ‘’ into them. */
    TAIWAN("taiwan"),
    /** zh-HK: the same punctuation as {@link #TAIWAN}. */
    HONGKONG("hongkong");

    private final String id;

    Style(String id) {
        this.id = id;
    }

    /** @return the option value as written on a command line, e.g. {@code mainland} */
    public String id() {
        return id;
    }

    /** @return whether this style writes quotes as corner brackets 「」『』 */
    public boolean cornerQuotes() {
        return this != MAINLAND;
    }

    /**
     * @param name a command-line value such as {@code taiwan}; ASCII case is ignored
     * @return the style, or empty for an unknown name
     */
    public static Optional<Style> fromId(String name) {
        for (Style s : values()) {
            if (s.id.equalsIgnoreCase(name)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
