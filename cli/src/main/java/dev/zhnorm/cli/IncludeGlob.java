package dev.zhnorm.cli;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One {@code --include} pattern with gitignore's rules, matched against a path relative to the
 * directory given to {@code -r} (with {@code /} separators): a pattern without a slash matches a file
 * name at any depth ({@code *.md}); one with a slash matches the whole relative path from the root
 * ({@code docs/*.md}; a leading {@code /} changes nothing); {@code **} stands for any number of
 * folders, none included ({@code docs/**}{@code /*.md} matches {@code docs/a.md} and
 * {@code docs/x/y/b.md}); {@code *} and {@code ?} never match a slash; {@code [abc]},
 * {@code [!abc]} and {@code {md,txt}} work as in shells. Immutable.
 *
 * <pre>{@code
 * IncludeGlob.parse("**}{@code /*.md").matches("docs/a.md");   // true
 * IncludeGlob.parse("*.md").matches("docs/sub/b.md");           // true: a name pattern
 * IncludeGlob.parse("docs/*.md").matches("docs/sub/b.md");      // false
 * }</pre>
 */
record IncludeGlob(String text, Pattern regex) {
    /**
     * @param glob the pattern as given
     * @return the compiled pattern
     * @throws CommandFailure with {@link ExitCodes#USAGE} for a malformed pattern
     */
    static IncludeGlob parse(String glob) {
        String g = glob.startsWith("./") ? glob.substring(2) : glob;
        boolean anchored = g.substring(0, Math.max(0, g.length() - 1)).contains("/");
        if (g.startsWith("/")) {
            g = g.substring(1);
        }
        if (g.endsWith("/")) {
            g = g + "**"; // a folder: everything in it
        }
        StringBuilder re = new StringBuilder(anchored ? "" : "(?:.*/)?");
        int braces = 0;
        for (int i = 0; i < g.length(); i++) {
            char c = g.charAt(i);
            if (c == '*' && i + 1 < g.length() && g.charAt(i + 1) == '*') {
                boolean slashAfter = i + 2 < g.length() && g.charAt(i + 2) == '/';
                boolean atSegmentStart = i == 0 || g.charAt(i - 1) == '/';
                if (atSegmentStart && slashAfter) {
                    re.append("(?:.*/)?");
                    i += 2;
                } else {
                    re.append(".*");
                    i++;
                }
            } else if (c == '*') {
                re.append("[^/]*");
            } else if (c == '?') {
                re.append("[^/]");
            } else if (c == '[') {
                int end = g.indexOf(']', i + 2);
                if (end < 0) {
                    throw bad(glob, "an unclosed [");
                }
                String body = g.substring(i + 1, end);
                re.append('[').append(body.startsWith("!") ? "^" + body.substring(1) : body).append(']');
                i = end;
            } else if (c == '{') {
                braces++;
                re.append("(?:");
            } else if (c == '}' && braces > 0) {
                braces--;
                re.append(')');
            } else if (c == ',' && braces > 0) {
                re.append('|');
            } else if (c == '\\' && i + 1 < g.length()) {
                re.append(Pattern.quote(String.valueOf(g.charAt(++i))));
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        if (braces > 0) {
            throw bad(glob, "an unclosed {");
        }
        try {
            return new IncludeGlob(glob, Pattern.compile(re.toString()));
        } catch (PatternSyntaxException e) {
            throw bad(glob, e.getDescription());
        }
    }

    private static CommandFailure bad(String glob, String why) {
        return new CommandFailure(ExitCodes.USAGE, "bad --include pattern '" + glob + "': " + why);
    }

    /**
     * @param relative a path relative to the root, separated by {@code /}
     * @return whether the pattern selects it
     */
    boolean matches(String relative) {
        return regex.matcher(relative).matches();
    }
}
