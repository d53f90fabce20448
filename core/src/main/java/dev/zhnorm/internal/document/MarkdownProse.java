package dev.zhnorm.internal.document;

import dev.zhnorm.internal.normalize.ProseMarks;
import org.commonmark.Extension;
import org.commonmark.ext.footnotes.FootnoteReference;
import org.commonmark.ext.footnotes.FootnotesExtension;
import org.commonmark.ext.footnotes.InlineFootnote;
import org.commonmark.ext.front.matter.YamlFrontMatterBlock;
import org.commonmark.ext.front.matter.YamlFrontMatterExtension;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

import java.util.ArrayList;
import java.util.List;

/**
 * The prose blocks of a Markdown document, found by commonmark-java with source spans: paragraphs,
 * headings and table cells (wherever they sit: block quotes, list items, footnote definitions),
 * with their text runs, link and image text, emphasis content and the text between inline HTML
 * tags as prose; inline code and autolinks fixed (words to spacing); link destinations, inline
 * HTML tags and comments, footnote references and emphasis markers left out (markup that context
 * sees through). Code
 * blocks, HTML blocks, front matter, reference definitions and thematic breaks are not prose. Within
 * the prose, {@code $…$} and {@code $$…$$} math, a container's {@code ::: type}, a trailing
 * {@code {#id}} and backslash escapes are fixed. Stateless.
 */
final class MarkdownProse {
    /** GFM strikethrough only with two tildes: a single ~ is a range in Chinese text (周一~周五), not markup. */
    private static final Extension STRIKETHROUGH = StrikethroughExtension.builder().requireTwoTildes(true).build();
    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create(),
            YamlFrontMatterExtension.create(), FootnotesExtension.create(), STRIKETHROUGH);
    /** Built once: commonmark-java's parser is immutable and thread-safe, and building one per document is wasted work. */
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS)
            .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES).build();
    /**
     * For a document that opens with {@code ---} and never closes it: that is no front matter but a
     * thematic break (CommonMark; Jekyll and Hugo agree), where the extension would take the whole
     * document for front matter and leave every line of it alone.
     */
    private static final Parser WITHOUT_FRONT_MATTER = Parser.builder()
            .extensions(List.of(TablesExtension.create(), FootnotesExtension.create(), STRIKETHROUGH))
            .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES).build();

    private MarkdownProse() {
    }

    static List<ProseBlock> blocks(String input) {
        Parser parser = opensUnclosedYaml(input) ? WITHOUT_FRONT_MATTER : PARSER;
        Node doc = parser.parse(withoutTomlFrontMatter(input));
        List<ProseBlock> blocks = new ArrayList<>();
        collect(doc, input, blocks);
        return blocks;
    }

    /**
     * Hugo's TOML front matter ({@code +++} lines around {@code key = "value"} pairs) is not
     * CommonMark's: the parser would read it as a paragraph. It is blanked out (spaces, line ends
     * kept) for the parse, so it yields no prose and every source position stays where it was.
     */
    static String withoutTomlFrontMatter(String input) {
        int first = lineEnd(input, 0);
        if (!isTomlFence(input, 0, first)) {
            return input;
        }
        int start = nextLine(input, first);
        while (start < input.length()) {
            int end = lineEnd(input, start);
            if (isTomlFence(input, start, end)) {
                char[] masked = input.toCharArray();
                for (int i = 0; i < end; i++) {
                    if (masked[i] != '\n' && masked[i] != '\r') {
                        masked[i] = ' ';
                    }
                }
                return new String(masked);
            }
            start = nextLine(input, end);
        }
        return input; // never closed: not front matter
    }

    /** @return whether the input opens with a {@code ---} line that no {@code ---} or {@code ...} line closes */
    static boolean opensUnclosedYaml(String input) {
        if (!isFence(input, 0, lineEnd(input, 0), "---")) {
            return false;
        }
        int start = nextLine(input, lineEnd(input, 0));
        while (start < input.length()) {
            int end = lineEnd(input, start);
            if (isFence(input, start, end, "---") || isFence(input, start, end, "...")) {
                return false;
            }
            start = nextLine(input, end);
        }
        return true;
    }

    private static boolean isTomlFence(String s, int start, int end) {
        return isFence(s, start, end, "+++");
    }

    /** @return whether the line {@code s[start,end)} is {@code fence}, then only blanks (a BOM before it at the start) */
    private static boolean isFence(String s, int start, int end, String fence) {
        int i = start + (start == 0 && s.startsWith("\uFEFF") ? 1 : 0);
        if (!s.startsWith(fence, i) || i + fence.length() > end) {
            return false;
        }
        for (int j = i + fence.length(); j < end; j++) {
            if (s.charAt(j) != ' ' && s.charAt(j) != '\t') {
                return false;
            }
        }
        return true;
    }

    private static int lineEnd(String s, int from) {
        int i = from;
        while (i < s.length() && s.charAt(i) != '\n' && s.charAt(i) != '\r') {
            i++;
        }
        return i;
    }

    private static int nextLine(String s, int lineEnd) {
        if (lineEnd < s.length() && s.charAt(lineEnd) == '\r' && lineEnd + 1 < s.length() && s.charAt(lineEnd + 1) == '\n') {
            return lineEnd + 2;
        }
        return Math.min(s.length(), lineEnd + 1);
    }

    private static void collect(Node node, String input, List<ProseBlock> out) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            if ((child instanceof Paragraph || child instanceof Heading) && looksLikeDefinition(child, input)) {
                // [x]: … that failed to parse as a definition (a setext heading's first line too):
                // an edit could make it one
                continue;
            }
            if (child instanceof Paragraph || child instanceof Heading || child instanceof TableCell) {
                ProseBlock block = new ProseBlock();
                inlines(child, input, block, 0, ProseMarks.FREE);
                fixMarkdownForms(block);
                out.add(block);
            } else if (child instanceof FencedCodeBlock || child instanceof IndentedCodeBlock
                    || child instanceof HtmlBlock || child instanceof ThematicBreak
                    || child instanceof LinkReferenceDefinition || child instanceof YamlFrontMatterBlock) {
                continue; // not prose: comes through as it is
            } else {
                collect(child, input, out); // block quotes, lists, list items, tables, footnote definitions
            }
        }
    }

    private static boolean looksLikeDefinition(Node paragraph, String input) {
        int[] r = range(paragraph);
        if (r == null || input.charAt(r[0]) != '[') {
            return false;
        }
        // Only the paragraph's first line is searched: a search of the rest of the document for
        // every paragraph that starts with [ would be quadratic.
        for (int i = r[0] + 1; i < r[1] && i + 1 < input.length() && input.charAt(i) != '\n'; i++) {
            if (input.charAt(i) == ']' && input.charAt(i + 1) == ':') {
                return true;
            }
        }
        return false;
    }

    /**
     * Where the inline walk of one block is in the code and raw-text elements of its inline HTML
     * ({@code <code>}, {@code <script>} …). Shared by the walk's nested calls, since an element's tags
     * may sit at different depths of the tree ({@code *用<code>臺灣*,好.</code>}). Only the tags of the
     * outermost such element count: a stray {@code </kbd>} inside {@code <code>} does not close it.
     */
    private static final class RawElement {
        private String name;
        private int open;

        boolean inside() {
            return open > 0;
        }

        /** @return whether the element is inline code, whose text is a word to spacing; the others' text is not prose */
        boolean isCode() {
            return HtmlTags.isInlineCode(name);
        }

        void tag(String tagName, int change) {
            if (open == 0) {
                if (change > 0 && HtmlTags.NOT_PROSE.contains(String.valueOf(tagName))) {
                    name = tagName;
                    open = 1;
                }
            } else if (name.equals(tagName)) {
                open = Math.max(0, open + change);
            }
        }
    }

    private static void inlines(Node parent, String input, ProseBlock block, int nesting, byte textMark) {
        inlines(parent, input, block, nesting, textMark, new RawElement());
    }

    /** @param textMark the mark of the text in {@code parent}: free prose, or kept where the text is also a link's label */
    private static void inlines(Node parent, String input, ProseBlock block, int nesting, byte textMark,
                                RawElement raw) {
        // Text between an inline HTML tag and its closing tag is nested in it as in emphasis, so that
        // a space spacing puts beside it goes outside the element (用 <kbd>Ctrl</kbd> 复制).
        int inTags = 0;
        for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            int depth = nesting + inTags;
            if (n instanceof SoftLineBreak || n instanceof HardLineBreak) {
                block.newline();
                continue;
            }
            int[] range = range(n);
            if (raw.inside() && (n instanceof Text || n instanceof Code || n instanceof Link && range != null
                    && input.charAt(range[0]) == '<')) {
                // Inside <code> …, every byte is verbatim and a word to spacing; inside <script>, <svg> …
                // nothing is prose (the element itself is invisible or an object), as in an HTML document.
                if (range != null && raw.isCode()) {
                    block.appendSealed(input, range[0], range[1], depth);
                }
                continue;
            }
            if (n instanceof Text) {
                if (range != null) {
                    int end = range[1];
                    // Spaces before a line end are a hard break's or nobody's: never prose.
                    if (end >= input.length() || input.charAt(end) == '\n' || input.charAt(end) == '\r'
                            || n.getNext() instanceof HardLineBreak || n.getNext() instanceof SoftLineBreak) {
                        while (end > range[0] && (input.charAt(end - 1) == ' ' || input.charAt(end - 1) == '\t')) {
                            end--;
                        }
                    }
                    block.append(input, range[0], end, textMark, depth);
                }
            } else if (n instanceof Code) {
                if (range != null) {
                    block.append(input, range[0], range[1], ProseMarks.WORD, depth); // a word to spacing, verbatim
                }
            } else if (n instanceof HtmlInline html) {
                // a tag or comment is markup: context sees through it to the text between tags, but not
                // across a line break or a block (用<br>English), nor an image or form control; as in HTML
                String literal = html.getLiteral();
                String name = HtmlTags.elementName(literal);
                if (!raw.inside()) {
                    if (HtmlTags.breaksLine(name)) {
                        block.newline();
                    } else if (HtmlTags.isObject(name) && !HtmlTags.isClosing(literal)) {
                        block.object();
                    }
                }
                int change = HtmlTags.nestingChange(literal);
                inTags = Math.max(0, inTags + change);
                raw.tag(name, change);
            } else if (n instanceof Link && range != null && input.charAt(range[0]) == '<') {
                block.append(input, range[0], range[1], ProseMarks.WORD, depth); // an autolink
            } else if (n instanceof FootnoteReference || n instanceof InlineFootnote) {
                continue; // markup, like a link destination
            } else if (n instanceof Link || n instanceof Image) {
                // [臺灣][] and [臺灣] find their definition by their text: converting it would unlink them
                byte linkMark = !raw.inside() && range != null && textIsLabel(input, range[0], range[1])
                        ? ProseMarks.KEPT : textMark;
                inlines(n, input, block, depth + 1, linkMark, raw);
            } else if (n.getFirstChild() != null) {
                inlines(n, input, block, depth + 1, textMark, raw);
            }
        }
    }

    /**
     * @return whether the link or image at {@code input[start,end)} is a collapsed ({@code [text][]})
     *     or shortcut ({@code [text]}) reference, whose text is also the label its definition matches
     */
    static boolean textIsLabel(String input, int start, int end) {
        if (end - start < 2 || input.charAt(end - 1) != ']') {
            return false; // an inline link: [text](destination)
        }
        if (input.startsWith("][]", end - 3)) {
            return true;
        }
        // A label holds no unescaped bracket, so the last one opens the final bracket group: the
        // label of a full reference [text][label], or the whole of a shortcut [text].
        int open = end - 2;
        while (open >= start && !(input.charAt(open) == '[' && !escaped(input, open, start))) {
            open--;
        }
        return open == start || (open == start + 1 && input.charAt(start) == '!');
    }

    private static boolean escaped(String input, int i, int floor) {
        int backslashes = 0;
        for (int j = i - 1; j >= floor && input.charAt(j) == '\\'; j--) {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }

    /** @return {@code [start, end)} of a node in the input, or {@code null} without source spans */
    private static int[] range(Node n) {
        List<SourceSpan> spans = n.getSourceSpans();
        if (spans.isEmpty()) {
            return null;
        }
        SourceSpan first = spans.get(0);
        SourceSpan last = spans.get(spans.size() - 1);
        return new int[] {first.getInputIndex(), last.getInputIndex() + last.getLength()};
    }

    /** Fixes what the parser leaves as text but is not prose. */
    static void fixMarkdownForms(ProseBlock block) {
        int n = block.length();
        int lineStart = 0;
        for (int i = 0; i <= n; i++) {
            if (i == n || block.charAt(i) == '\n') {
                fixLine(block, lineStart, i);
                lineStart = i + 1;
            }
        }
        fixMath(block);
    }

    private static void fixLine(ProseBlock block, int from, int to) {
        // A container's opening or closing marker (VitePress, Docusaurus): ::: tip 注意 → ::: tip fixed, the title prose.
        int i = from;
        while (i < to && block.charAt(i) == ':') {
            i++;
        }
        if (i - from >= 3) {
            while (i < to && (block.charAt(i) == ' ' || block.charAt(i) == '\t')) {
                i++;
            }
            while (i < to && (isWordChar(block.charAt(i)))) {
                i++;
            }
            while (i < to && (block.charAt(i) == ' ' || block.charAt(i) == '\t' || block.charAt(i) == '[')) {
                i++;
            }
            block.fix(from, i);
            if (i < to && block.charAt(to - 1) == ']') {
                block.fix(to - 1, to); // :::tip[标题]
            }
        }
        // Heading or block attributes at the end of a line: {#id}, {.class}, {#id .class key=value}.
        int end = to;
        while (end > from && block.charAt(end - 1) == ' ') {
            end--;
        }
        if (end > from && block.charAt(end - 1) == '}') {
            int open = end - 2;
            while (open >= from && block.charAt(open) != '{' && block.charAt(open) != '}') {
                open--;
            }
            if (open >= from && block.charAt(open) == '{' && open + 1 < end - 1
                    && "#.".indexOf(block.charAt(open + 1)) >= 0) {
                int s = open;
                while (s > from && block.charAt(s - 1) == ' ') {
                    s--;
                }
                block.fix(s, to);
            }
        }
        // Backslash escapes: \* \( \. stay what they are.
        for (int j = from; j + 1 < to; j++) {
            char c = block.charAt(j);
            if (c == '\\' && isAsciiPunct(block.charAt(j + 1))) {
                block.fix(j, j + 2);
                j++;
            }
        }
    }

    private static boolean isWordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    }

    private static boolean isAsciiPunct(char c) {
        return c > ' ' && c < 0x7F && !Character.isLetterOrDigit(c);
    }

    /**
     * {@code $$…$$} (across lines) and {@code $…$}: an opening {@code $} followed by a non-space, a
     * closing one after a non-space and not before a digit ({@code $100 和 $200} is money, not math).
     */
    private static void fixMath(ProseBlock block) {
        int n = block.length();
        int i = 0;
        while (i < n) {
            if (block.charAt(i) != '$' || (i > 0 && block.charAt(i - 1) == '\\')) {
                i++;
                continue;
            }
            if (i + 1 < n && block.charAt(i + 1) == '$') {
                int close = indexOf(block, "$$", i + 2);
                if (close < 0) {
                    i += 2;
                    continue;
                }
                block.fix(i, close + 2);
                i = close + 2;
                continue;
            }
            if (i + 1 < n && !Character.isWhitespace(block.charAt(i + 1))) {
                int j = i + 1;
                int close = -1;
                while (j < n && block.charAt(j) != '\n') {
                    if (block.charAt(j) == '$' && block.charAt(j - 1) != '\\') {
                        if (!Character.isWhitespace(block.charAt(j - 1)) && !(j + 1 < n && Character.isDigit(block.charAt(j + 1)))) {
                            close = j;
                        }
                        break;
                    }
                    j++;
                }
                if (close > i + 1) {
                    block.fix(i, close + 1);
                    i = close + 1;
                    continue;
                }
            }
            i++;
        }
    }

    private static int indexOf(ProseBlock block, String s, int from) {
        int n = block.length();
        outer:
        for (int i = from; i + s.length() <= n; i++) {
            for (int k = 0; k < s.length(); k++) {
                if (block.charAt(i + k) != s.charAt(k)) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
