package dev.zhnorm.internal.document;

import java.util.Locale;
import java.util.Set;

/** What an inline HTML tag in Markdown does to the nesting of the text after it. Stateless. */
final class HtmlTags {
    /** Elements without content or closing tag (HTML's void elements). */
    private static final Set<String> VOID = Set.of("area", "base", "br", "col", "embed", "hr", "img", "input", "link",
            "meta", "param", "source", "track", "wbr");

    /**
     * Elements whose content is code or raw text, not prose: in an HTML document and as inline HTML
     * in Markdown alike ({@code <code>print(中文,好)</code>}, {@code <script>a="中,文"</script>}).
     */
    static final Set<String> NOT_PROSE = Set.of("pre", "code", "kbd", "samp", "script", "style", "textarea",
            "template", "svg", "math", "xmp", "listing", "plaintext", "iframe", "noembed");

    private HtmlTags() {
    }

    /**
     * @param literal an inline HTML node's source
     * @return the lower-case name of the element a tag opens or closes, or {@code null} for a
     *     comment, a declaration or a processing instruction
     */
    static String elementName(String literal) {
        if (literal.length() < 3 || literal.charAt(0) != '<') {
            return null;
        }
        int nameStart = literal.charAt(1) == '/' ? 2 : 1;
        int nameEnd = nameStart;
        while (nameEnd < literal.length() && (Character.isLetterOrDigit(literal.charAt(nameEnd))
                || literal.charAt(nameEnd) == '-')) {
            nameEnd++;
        }
        if (nameEnd == nameStart || !Character.isLetter(literal.charAt(nameStart))) {
            return null;
        }
        return literal.substring(nameStart, nameEnd).toLowerCase(Locale.ROOT);
    }

    /**
     * @param literal an inline HTML node's source: a tag, a comment, a declaration …
     * @return +1 for an opening tag of an element with content, -1 for a closing tag, else 0
     */
    static int nestingChange(String literal) {
        String name = elementName(literal);
        if (name == null) {
            return 0; // a comment, a declaration, a processing instruction
        }
        if (literal.charAt(1) == '/') {
            return -1;
        }
        return VOID.contains(name) || literal.endsWith("/>") ? 0 : 1;
    }
}
