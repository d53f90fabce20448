package dev.zhnorm.cli;

import java.util.Locale;

/**
 * Tells a mistyped command name from a file name: {@code conver}, {@code covnert} and
 * {@code Detect} are near misses of {@code convert} and {@code detect}.
 *
 * <pre>{@code
 * CommandNames.nearMiss("conver", "convert");   // true
 * CommandNames.nearMiss("notes.txt", "convert"); // false
 * }</pre>
 */
final class CommandNames {
    private CommandNames() {
    }

    /** @return whether {@code word} is at most two edits (insert, delete, substitute, swap) from {@code command} */
    static boolean nearMiss(String word, String command) {
        String a = word.toLowerCase(Locale.ROOT);
        if (a.equals(command)) {
            return true;
        }
        return Math.abs(a.length() - command.length()) <= 2 && distance(a, command) <= 2;
    }

    /** Optimal string alignment distance (Damerau-Levenshtein without repeated edits of a substring). */
    private static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
