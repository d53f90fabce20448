package dev.zhnorm.internal.document;

import dev.zhnorm.internal.normalize.ProseMarks;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.Range;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The prose blocks of an HTML document, found by jsoup's HTML5 parser with source positions: the
 * text nodes under one block element (a paragraph, list item, heading, table cell, div …) form one
 * block, seen through inline elements ({@code <b>粗体</b>,好} is one sentence). A line break or a
 * nested block ends a line of that text, and an image or form control stands in it as an object
 * ({@link HtmlTags}): no rule reads across them. The text of inline code ({@code code kbd samp})
 * is a word, kept as it is and never spaced into; text under {@code pre script style textarea
 * template svg math iframe noembed} (and the obsolete preformatted {@code xmp listing plaintext})
 * is not prose; tags, attributes,
 * comments and the doctype are never part of a block, and whitespace that begins or ends a source
 * line inside a text node is left out (the indentation of markup). Stateless.
 */
final class HtmlProse {
    private static final Set<String> NOT_PROSE = HtmlTags.NOT_PROSE;

    private HtmlProse() {
    }

    static List<ProseBlock> blocks(String input) {
        Parser parser = Parser.htmlParser().setTrackPosition(true);
        Document doc = Jsoup.parse(input, "", parser);
        Map<Element, ProseBlock> byBlock = new IdentityHashMap<>();
        List<ProseBlock> blocks = new ArrayList<>();
        walk(doc, input, byBlock, blocks);
        return blocks;
    }

    private static void walk(Node node, String input, Map<Element, ProseBlock> byBlock, List<ProseBlock> blocks) {
        for (Node child : node.childNodes()) {
            if (child instanceof TextNode text) {
                add(text, input, byBlock, blocks, false);
            } else if (child instanceof Element e) {
                String name = e.normalName();
                if (HtmlTags.isInlineCode(name)) {
                    // 用<code>npm</code>写: verbatim, and a word to spacing, as Markdown's `npm` (spec §9)
                    words(e, input, byBlock, blocks);
                } else if (HtmlTags.isObject(name)) {
                    blockFor(e, byBlock, blocks).object();
                } else if (HtmlTags.breaksLine(name)) {
                    // 用<br>English, 用<div>…</div>English: the text before and after is on two lines
                    endLine(e, byBlock);
                    if (!NOT_PROSE.contains(name)) {
                        walk(e, input, byBlock, blocks);
                    }
                    endLine(e, byBlock);
                } else if (!NOT_PROSE.contains(name)) {
                    walk(e, input, byBlock, blocks);
                }
            }
        }
    }

    /** Adds the text under {@code e} (inline code) as words: kept as it is, seen by spacing as a word. */
    private static void words(Element e, String input, Map<Element, ProseBlock> byBlock, List<ProseBlock> blocks) {
        for (Node child : e.childNodes()) {
            if (child instanceof TextNode text) {
                add(text, input, byBlock, blocks, true);
            } else if (child instanceof Element inner && !HtmlTags.breaksLine(inner.normalName())) {
                words(inner, input, byBlock, blocks);
            }
        }
    }

    /** Ends the current line of the block that holds {@code e}, if it has text yet. */
    private static void endLine(Element e, Map<Element, ProseBlock> byBlock) {
        ProseBlock block = byBlock.get(blockOf(e));
        if (block != null) {
            block.newline();
        }
    }

    /** @return the block that holds {@code node}'s text, made when it is the first of it */
    private static ProseBlock blockFor(Node node, Map<Element, ProseBlock> byBlock, List<ProseBlock> blocks) {
        return byBlock.computeIfAbsent(blockOf(node), owner -> {
            ProseBlock block = new ProseBlock();
            blocks.add(block);
            return block;
        });
    }

    /** @param sealed whether the text is inline code's: verbatim, a word, and nothing is inserted into it */
    private static void add(TextNode node, String input, Map<Element, ProseBlock> byBlock, List<ProseBlock> blocks,
                            boolean sealed) {
        Range range = node.sourceRange();
        // Blank text is the markup's layout, except a space on one line between two inline elements
        // (用<b>Go</b> <code>x</code>): that one renders, and without it spacing would add a second.
        if (!range.isTracked() || node.isBlank() && !betweenInlineElements(node)) {
            return;
        }
        int start = range.startPos();
        int end = range.endPos();
        if (start < 0 || end > input.length() || start >= end || hasTagChar(input, start, end)) {
            return; // not plain source text (a position we cannot trust): leave it alone
        }
        Element owner = blockOf(node);
        ProseBlock block = blockFor(node, byBlock, blocks);
        int depth = depthOf(node, owner);
        int lineStart = start;
        for (int i = start; i <= end; i++) {
            if (i == end || isLineEnd(input, i)) {
                int from = lineStart;
                int to = i;
                if (lineStart > start) {
                    while (from < to && isSpace(input.charAt(from))) {
                        from++;
                    }
                }
                if (i < end) {
                    while (to > from && isSpace(input.charAt(to - 1))) {
                        to--;
                    }
                }
                if (sealed) {
                    block.appendSealed(input, from, to, depth);
                } else {
                    block.append(input, from, to, ProseMarks.FREE, depth);
                }
                if (i < end) {
                    block.newline();
                }
                lineStart = i + 1;
            }
        }
    }

    /** @return whether a blank text node lies on one line between two elements that do not break it */
    private static boolean betweenInlineElements(TextNode node) {
        String text = node.getWholeText();
        return text.indexOf('\n') < 0 && text.indexOf('\r') < 0
                && node.previousSibling() instanceof Element before && !HtmlTags.breaksLine(before.normalName())
                && node.nextSibling() instanceof Element after && !HtmlTags.breaksLine(after.normalName());
    }

    /**
     * @return whether {@code input[i]} ends a source line: a {@code \n}, or a {@code \r} alone (old Mac
     *     files), which must be a line end here as it is to the engine, or the spaces before it would be
     *     prose that S1 deletes where those before a {@code \n} are left alone
     */
    private static boolean isLineEnd(String input, int i) {
        char c = input.charAt(i);
        return c == '\n' || c == '\r' && (i + 1 == input.length() || input.charAt(i + 1) != '\n');
    }

    /** @return whether {@code input[from,to)} holds a {@code <} (searched in the range only: the rest of the page may have none) */
    private static boolean hasTagChar(String input, int from, int to) {
        for (int i = from; i < to; i++) {
            if (input.charAt(i) == '<') {
                return true;
            }
        }
        return false;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\f';
    }

    /** @return the nearest element around {@code node} whose text is a block of its own ({@link HtmlTags#breaksLine}) */
    private static Element blockOf(Node node) {
        Element e = (Element) node.parentNode();
        while (e != null && !HtmlTags.breaksLine(e.normalName()) && e.parent() != null) {
            e = e.parent();
        }
        return e;
    }

    private static int depthOf(Node node, Element owner) {
        int d = 0;
        for (Node p = node.parentNode(); p != null && p != owner; p = p.parentNode()) {
            d++;
        }
        return d;
    }
}
