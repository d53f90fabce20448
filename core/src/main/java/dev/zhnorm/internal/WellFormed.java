package dev.zhnorm.internal;

/**
 * Whether text is well-formed UTF-16: a lone surrogate in a dictionary key or value would make
 * output that no encoder can write, so every way of giving entries (a dictionary file, an inline
 * dictionary of a config, a user entry) refuses one. Stateless.
 */
public final class WellFormed {
    private WellFormed() {
    }

    /**
     * @param s the text
     * @return the index of the first surrogate in {@code s} that is not half of a pair, or -1
     */
    public static int loneSurrogate(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }
}
