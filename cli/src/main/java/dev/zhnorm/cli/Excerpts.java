package dev.zhnorm.cli;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps error messages to one readable line: a quoted piece of a file ({@code found no tab in '…'})
 * is cut to {@value #MAX_QUOTED} characters, so a malformed 1 MB line is never echoed whole.
 *
 * <pre>{@code
 * Excerpts.capQuoted("d.txt:3: found no tab in '" + "x".repeat(500) + "'");   // ... 'xxxx…(80 chars)…' (500 characters)
 * }</pre>
 */
final class Excerpts {
    static final int MAX_QUOTED = 80;
    /** A quote too long to show whole, unless the message has cut it already (the library's dictionaries do). */
    private static final Pattern QUOTED = Pattern.compile("'([^'\\n]{" + (MAX_QUOTED + 1) + ",})'(?! \\(\\d+ characters\\))");

    private Excerpts() {
    }

    /**
     * @param message a message that may quote text from a file
     * @return the message with each quoted text longer than {@value #MAX_QUOTED} characters cut
     */
    static String capQuoted(String message) {
        if (message == null) {
            return null;
        }
        Matcher m = QUOTED.matcher(message);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String q = m.group(1);
            int cut = q.offsetByCodePoints(0, Math.min(MAX_QUOTED, q.codePointCount(0, q.length())));
            m.appendReplacement(out, Matcher.quoteReplacement("'" + q.substring(0, cut) + "…' ("
                    + q.codePointCount(0, q.length()) + " characters)"));
        }
        m.appendTail(out);
        String s = out.toString();
        int newline = s.indexOf('\n');
        return newline < 0 ? s : s.substring(0, newline);
    }
}
