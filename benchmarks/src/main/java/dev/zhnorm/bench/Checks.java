package dev.zhnorm.bench;

import java.util.function.Function;

/** Sanity checks run in benchmark set-up, so that a broken subject fails loudly instead of measuring nothing. */
final class Checks {
    private Checks() {
    }

    /**
     * Runs the conversion once (which also loads the subject's dictionaries before warm-up) and
     * checks that it produced text of a plausible length (and warns when it changed nothing).
     */
    static void converts(String subject, Function<String, String> conversion, String text) {
        String out = conversion.apply(text);
        if (out == null || out.isEmpty() != text.isEmpty() || Math.abs(out.length() - text.length()) > text.length() / 2 + 16) {
            throw new IllegalStateException(subject + ": implausible output length " + (out == null ? -1 : out.length())
                    + " for an input of " + text.length() + " chars");
        }
        if (text.length() > 200 && out.equals(text)) {
            System.err.println("warning: " + subject + " changed nothing in " + text.length()
                    + " chars; wrong input script for the preset?");
        }
    }
}
