package dev.zhnorm.internal.document;

import org.commonmark.ext.footnotes.FootnotesExtension;
import org.commonmark.ext.front.matter.YamlFrontMatterExtension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A document with its prose blanked out, for "everything but prose is identical" checks: the source
 * with each prose text node (Markdown {@code Text}, HTML text outside code) replaced by a marker
 * that keeps what must survive inside text nodes (container markers, math, {@code {#id}}, backslash
 * escapes, whitespace at line edges). Two documents with equal skeletons parse to the same structure
 * with the same markup bytes. Written independently of the code under test, from the parsers' own trees.
 */
final class DocumentSkeleton {
    private static final Pattern KEPT = Pattern.compile(
            "^:{3,}[ \\t]*[\\w-]*|\\$\\$[^$]*\\$\\$|\\$[^$\\s][^$\\n]*?[^$\\s]\\$(?!\\d)|\\{#[^}]*\\}|\\\\[!-/:-@\\[-`{-~]");
    private static final Set<String> NOT_PROSE = Set.of("pre", "code", "kbd", "samp", "script", "style", "textarea",
            "template", "svg", "math");

    /** A line that closes YAML front matter. */
    private static final Pattern CLOSING_LINE = Pattern.compile("\\R(---|\\.\\.\\.)[ \\t]*(\\R|$)");

    private DocumentSkeleton() {
    }

    static String of(String source, String fileName) {
        return fileName.endsWith(".html") ? html(source) : markdown(source);
    }

    static String markdown(String src) {
        // A --- that opens the document and is never closed is a thematic break, not front matter.
        boolean frontMatter = !src.startsWith("---") || CLOSING_LINE.matcher(src).find();
        Parser parser = Parser.builder()
                .extensions(frontMatter
                        ? List.of(TablesExtension.create(), YamlFrontMatterExtension.create(), FootnotesExtension.create(),
                                StrikethroughExtension.builder().requireTwoTildes(true).build())
                        : List.of(TablesExtension.create(), FootnotesExtension.create(),
                                StrikethroughExtension.builder().requireTwoTildes(true).build()))
                .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES).build();
        Node doc = parser.parse(src);
        List<int[]> ranges = new ArrayList<>();
        doc.accept(new AbstractVisitor() {
            @Override
            public void visit(Text text) {
                List<SourceSpan> spans = text.getSourceSpans();
                if (!spans.isEmpty()) {
                    SourceSpan last = spans.get(spans.size() - 1);
                    ranges.add(new int[] {spans.get(0).getInputIndex(), last.getInputIndex() + last.getLength()});
                }
            }
        });
        return blank(src, ranges);
    }

    static String html(String src) {
        org.jsoup.parser.Parser parser = org.jsoup.parser.Parser.htmlParser().setTrackPosition(true);
        List<int[]> ranges = new ArrayList<>();
        collect(Jsoup.parse(src, "", parser), ranges);
        return blank(src, ranges);
    }

    private static void collect(Element e, List<int[]> ranges) {
        for (org.jsoup.nodes.Node child : e.childNodes()) {
            if (child instanceof TextNode t && !t.isBlank() && t.sourceRange().isTracked()) {
                ranges.add(new int[] {t.sourceRange().startPos(), t.sourceRange().endPos()});
            } else if (child instanceof Element c && !NOT_PROSE.contains(c.normalName())) {
                collect(c, ranges);
            }
        }
    }

    private static String blank(String src, List<int[]> ranges) {
        ranges.sort(Comparator.comparingInt(r -> r[0]));
        StringBuilder sb = new StringBuilder();
        int pos = 0;
        for (int[] r : ranges) {
            if (r[0] < pos) {
                continue;
            }
            sb.append(src, pos, r[0]).append('⟦');
            String text = src.substring(r[0], r[1]);
            boolean lineStart = r[0] == 0 || src.charAt(r[0] - 1) == '\n';
            boolean lineEnd = r[1] == src.length() || src.charAt(r[1]) == '\n' || src.charAt(r[1]) == '\r';
            String[] lines = text.split("\n", -1);
            for (int l = 0; l < lines.length; l++) {
                String line = lines[l].endsWith("\r") ? lines[l].substring(0, lines[l].length() - 1) : lines[l];
                if (l > 0) {
                    sb.append('⏎'); // lines inside a text node (HTML) are never joined or split
                }
                if (l > 0 || lineStart) {
                    sb.append(leading(line));
                }
                Matcher m = KEPT.matcher(line);
                while (m.find()) {
                    if (m.start() == 0 && m.group().startsWith(":") && !(l > 0 || lineStart)) {
                        continue;
                    }
                    sb.append('|').append(m.group());
                }
                if (l < lines.length - 1 || lineEnd) {
                    sb.append('|').append(trailing(line));
                }
            }
            sb.append('⟧');
            pos = r[1];
        }
        return sb.append(src, pos, src.length()).toString();
    }

    private static String leading(String s) {
        int i = 0;
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        return s.substring(0, i);
    }

    private static String trailing(String s) {
        int i = s.length();
        while (i > 0 && (s.charAt(i - 1) == ' ' || s.charAt(i - 1) == '\t')) {
            i--;
        }
        return s.substring(i);
    }
}
