package dev.zhnorm.cli;

import java.nio.file.Path;
import java.util.Locale;

/**
 * How a line zhnorm writes names a file: as it is, or C-quoted as GNU diff quotes a header name when
 * it has a quote, backslash or control character, so that a name with a newline or an escape
 * sequence stays on its line and cannot pass for another line or recolour the terminal. Used by the
 * {@code --diff} headers (which patch reads back), the {@code --check} list, {@code detect} and every
 * message; {@code --explain} escapes names its own way (TSV, JSON).
 *
 * <pre>{@code
 * FileNames.quoted("a b.txt");      // a b.txt
 * FileNames.quoted("a\nb.txt");     // "a\nb.txt"
 * }</pre>
 */
final class FileNames {
    private FileNames() {
    }

    /** @return the name as it is, or C-quoted when it has a quote, backslash or control character */
    static String quoted(String name) {
        if (name.chars().noneMatch(c -> c == '"' || c == '\\' || c < 0x20 || c == 0x7F)) {
            return name;
        }
        StringBuilder q = new StringBuilder(name.length() + 8).append('"');
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            switch (c) {
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                case '\t' -> q.append("\\t");
                case '\n' -> q.append("\\n");
                case '\r' -> q.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7F) {
                        q.append(String.format(Locale.ROOT, "\\%03o", (int) c));
                    } else {
                        q.append(c);
                    }
                }
            }
        }
        return q.append('"').toString();
    }

    /** @return the path's name, {@link #quoted(String) quoted} where needed */
    static String quoted(Path path) {
        return quoted(path.toString());
    }
}
