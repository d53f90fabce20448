package dev.zhnorm.cli;

import java.nio.charset.StandardCharsets;
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
        if (name.chars().noneMatch(c -> c == '"' || c == '\\' || isControl((char) c))) {
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
                    if (isControl(c)) {
                        // Octal bytes of its UTF-8 form, as GNU diff writes them and patch reads them back.
                        for (byte b : String.valueOf(c).getBytes(StandardCharsets.UTF_8)) {
                            q.append(String.format(Locale.ROOT, "\\%03o", b & 0xFF));
                        }
                    } else {
                        q.append(c);
                    }
                }
            }
        }
        return q.append('"').toString();
    }

    /**
     * @return whether {@code c} is a control char: C0 and DEL, C1 (U+0085 NEL is a line end to many
     *     readers, U+009B an escape sequence to some terminals) and the line and paragraph separators
     */
    private static boolean isControl(char c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\u2028' || c == '\u2029';
    }

    /** @return the path's name, {@link #quoted(String) quoted} where needed */
    static String quoted(Path path) {
        return quoted(path.toString());
    }
}
