package dev.zhnorm.normalize;

import java.util.Optional;

/**
 * What happens to numbers (spec §2).
 *
 * <pre>{@code
 * // KEEP:                 ２０２２年          → ２０２２年
 * // WIDTH_ONLY:           ２０２２年          → 2022年       (N1; the default)
 * // QUANTITIES_TO_ARABIC: 三百二十五人        → 325人        (N1 + N2a–N2d)
 * // ARABIC_TO_CHINESE:    88个               → 八十八个     (N1 + N3)
 * }</pre>
 */
public enum Numerals {
    /** No numeric change at all; full-width digits stay. */
    KEEP("keep"),
    /** Rule N1: full-width digits and signs to ASCII, and 〇 look-alikes in years fixed. The default. */
    WIDTH_ONLY("width-only"),
    /** N1 plus N2: Chinese numerals of quantities, percentages, Gregorian dates and clock times to Arabic. */
    QUANTITIES_TO_ARABIC("quantities-to-arabic"),
    /** N1 plus N3: Arabic numbers in the same contexts spelled in Chinese (for speech and formal text). */
    ARABIC_TO_CHINESE("arabic-to-chinese");

    private final String id;

    Numerals(String id) {
        this.id = id;
    }

    /** @return the option value as written on a command line, e.g. {@code width-only} */
    public String id() {
        return id;
    }

    /**
     * @param name a command-line value such as {@code quantities-to-arabic}; ASCII case is ignored
     * @return the mode, or empty for an unknown name
     */
    public static Optional<Numerals> fromId(String name) {
        for (Numerals n : values()) {
            if (n.id.equalsIgnoreCase(name)) {
                return Optional.of(n);
            }
        }
        return Optional.empty();
    }
}
