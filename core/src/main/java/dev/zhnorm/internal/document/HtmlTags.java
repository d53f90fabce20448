package dev.zhnorm.internal.document;

import java.util.Locale;
import java.util.Set;

/**
 * What an HTML element is to the prose around it, in an HTML document and as inline HTML in Markdown
 * alike: markup that context sees through, a line break, or an object. Stateless.
 */
final class HtmlTags {
    /** Elements without content or closing tag (HTML's void elements). */
    private static final Set<String> VOID = Set.of("area", "base", "br", "col", "embed", "hr", "img", "input", "link",
            "meta", "param", "source", "track", "wbr");

    /**
     * Elements that end the line of text they stand in, where they start and where they end (spec §0:
     * prev/next is on the same line): {@code br}, and the elements HTML renders as blocks, list
     * items or table parts, whose content is text of its own; also embedded content whose children
     * are fallback text or choices ({@code video}, {@code object}, {@code select} …), never part of
     * the sentence around it. Our own list (after the HTML standard's rendering section), not
     * jsoup's, which takes {@code ins}, {@code del} and {@code button} for blocks and
     * {@code summary} and {@code option} for inline.
     */
    private static final Set<String> BREAKS = Set.of("address", "article", "aside", "audio", "blockquote", "body",
            "br", "canvas", "caption", "center", "col", "colgroup", "datalist", "dd", "details", "dialog", "dir",
            "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "frame", "frameset", "h1", "h2",
            "h3", "h4", "h5", "h6", "head", "header", "hgroup", "hr", "html", "legend", "li", "listing", "main",
            "menu", "meter", "nav", "object", "ol", "optgroup", "option", "p", "plaintext", "pre", "progress",
            "search", "section", "select", "summary", "table", "tbody", "td", "template", "tfoot", "th", "thead",
            "title", "tr", "ul", "video", "xmp");

    /**
     * Elements that show something in the line that is neither Han nor a word (an image, a form
     * control, a drawing or formula, a frame): nothing is spaced or joined across them
     * ({@code 用<img>Go} gains no space), and the text inside those with content is theirs, not prose.
     */
    private static final Set<String> OBJECTS = Set.of("img", "input", "embed", "textarea", "svg", "math", "iframe");

    /**
     * Elements whose content is code or raw text, not prose: in an HTML document and as inline HTML
     * in Markdown alike ({@code <code>print(中文,好)</code>}, {@code <script>a="中,文"</script>}).
     */
    static final Set<String> NOT_PROSE = Set.of("pre", "code", "kbd", "samp", "script", "style", "textarea",
            "template", "svg", "math", "xmp", "listing", "plaintext", "iframe", "noembed");

    /**
     * The inline elements of {@link #NOT_PROSE} whose text shows in the sentence as code: verbatim, and
     * a word to spacing, as inline code in Markdown is ({@code 代码 <code>code</code> 例子}).
     */
    private static final Set<String> INLINE_CODE = Set.of("code", "kbd", "samp");

    private HtmlTags() {
    }

    /** @return whether the element (a lower-case name, or {@code null}) is inline code, a word to spacing */
    static boolean isInlineCode(String name) {
        return name != null && INLINE_CODE.contains(name);
    }

    /** @return whether the element (a lower-case name, or {@code null}) ends the line of text it stands in */
    static boolean breaksLine(String name) {
        return name != null && BREAKS.contains(name);
    }

    /** @return whether the element (a lower-case name, or {@code null}) is an object: an image, a form control, a drawing, a frame */
    static boolean isObject(String name) {
        return name != null && OBJECTS.contains(name);
    }

    /** @return whether an inline HTML node's source is a closing tag ({@code </b>}) */
    static boolean isClosing(String literal) {
        return literal.startsWith("</");
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
