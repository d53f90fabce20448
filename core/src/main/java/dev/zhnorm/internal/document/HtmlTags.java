package dev.zhnorm.internal.document;

import java.util.Locale;
import java.util.Set;

/** What an inline HTML tag in Markdown does to the nesting of the text after it. Stateless. */
final class HtmlTags {
    /** Elements without content or closing tag (HTML's void elements). */
    private static final Set<String> VOID = Set.of("area", "base", "br", "col", "embed", "hr", "img", "input", "link",
            "meta", "param", "source", "track", "wbr");

    private HtmlTags() {
    }

    /**
     * @param literal an inline HTML node's source: a tag, a comment, a declaration …
     * @return +1 for an opening tag of an element with content, -1 for a closing tag, else 0
     */
    static int nestingChange(String literal) {
        if (literal.length() < 3 || literal.charAt(0) != '<') {
            return 0;
        }
        boolean closing = literal.charAt(1) == '/';
        int nameStart = closing ? 2 : 1;
        int nameEnd = nameStart;
        while (nameEnd < literal.length() && (Character.isLetterOrDigit(literal.charAt(nameEnd))
                || literal.charAt(nameEnd) == '-')) {
            nameEnd++;
        }
        if (nameEnd == nameStart || !Character.isLetter(literal.charAt(nameStart))) {
            return 0; // a comment, a declaration, a processing instruction
        }
        if (closing) {
            return -1;
        }
        String name = literal.substring(nameStart, nameEnd).toLowerCase(Locale.ROOT);
        return VOID.contains(name) || literal.endsWith("/>") ? 0 : 1;
    }
}
