package dev.zhnorm.cli;

import org.commonmark.Extension;
import org.commonmark.ext.footnotes.FootnotesExtension;
import org.commonmark.ext.front.matter.YamlFrontMatterExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The real documentation tree of the shared corpus ({@code docs/trpl-zh-cn}, the Rust book in
 * Chinese, 114 Markdown files), as a user runs zhnorm over it: {@code --in-place -r --include '*.md'}
 * on a copy keeps every file's Markdown structure and every byte outside prose, and a second run
 * changes nothing; the same tree rendered to HTML goes through {@code --include '*.html'} with every
 * tag, attribute and {@code pre}/{@code code} text intact. Skipped where the corpus is absent.
 */
class DocumentationTreeTest {
    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create(),
            YamlFrontMatterExtension.create(), FootnotesExtension.create());

    @TempDir
    Path tmp;

    private static Path tree() {
        for (Path dir : List.of(Path.of("..", "..", "shared", "corpus"), Path.of("..", "..", "..", "shared", "corpus"))) {
            if (Files.isDirectory(dir.resolve("docs").resolve("trpl-zh-cn"))) {
                return dir.resolve("docs").resolve("trpl-zh-cn");
            }
        }
        assumeTrue(false, "skipped: ../shared/corpus/docs/trpl-zh-cn is not here");
        throw new AssertionError("unreachable");
    }

    private static Map<String, String> read(Path root, String suffix) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(suffix)).toList()) {
                files.put(root.relativize(p).toString(), Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.sorted(Comparator.naturalOrder()).toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    @Test
    void markdownTreeInPlace() throws IOException {
        Path source = tree();
        Path copy = tmp.resolve("trpl");
        copy(source, copy);
        Map<String, String> before = read(copy, ".md");
        assertEquals(114, before.size());
        Cli.Result r = Cli.run("--in-place", "-r", copy.toString(), "--include", "*.md");
        assertEquals(0, r.exit(), r.toString());
        Map<String, String> after = read(copy, ".md");
        int changed = 0;
        for (var e : before.entrySet()) {
            String out = after.get(e.getKey());
            assertEquals(markdownSkeleton(e.getValue()), markdownSkeleton(out), e.getKey());
            assertEquals(e.getValue().lines().count(), out.lines().count(), e.getKey());
            if (!out.equals(e.getValue())) {
                changed++;
            }
        }
        System.out.println("trpl-zh-cn: " + changed + " of " + before.size() + " Markdown files changed");
        assertTrue(changed > 0, "the tree has prose to normalize");
        Cli.Result again = Cli.run("--check", "-r", copy.toString(), "--include", "*.md");
        assertEquals(0, again.exit(), "a second run changes nothing: " + again);
    }

    @Test
    void renderedHtmlTreeInPlace() throws IOException {
        Path source = tree();
        Path html = tmp.resolve("html");
        Parser parser = Parser.builder().extensions(EXTENSIONS).build();
        HtmlRenderer renderer = HtmlRenderer.builder()
                .extensions(List.of(TablesExtension.create(), FootnotesExtension.create(), HeadingAnchorExtension.create()))
                .build();
        for (var e : read(source, ".md").entrySet()) {
            Path target = html.resolve(e.getKey().replaceAll("\\.md$", ".html"));
            Files.createDirectories(target.getParent());
            String page = "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head><meta charset=\"utf-8\"><title>" + e.getKey()
                    + "</title></head>\n<body>\n" + renderer.render(parser.parse(e.getValue())) + "</body>\n</html>\n";
            Files.writeString(target, page, StandardCharsets.UTF_8);
        }
        Map<String, String> before = read(html, ".html");
        Cli.Result r = Cli.run("--in-place", "-r", html.toString(), "--include", "*.html");
        assertEquals(0, r.exit(), r.toString());
        Map<String, String> after = read(html, ".html");
        int changed = 0;
        for (var e : before.entrySet()) {
            String out = after.get(e.getKey());
            assertEquals(tagsAndCode(e.getValue()), tagsAndCode(out), e.getKey());
            if (!out.equals(e.getValue())) {
                changed++;
            }
        }
        System.out.println("trpl-zh-cn as HTML: " + changed + " of " + before.size() + " pages changed");
        assertTrue(changed > 0);
        assertEquals(0, Cli.run("--check", "-r", html.toString(), "--include", "*.html").exit());
    }

    /** The source with every Markdown text node blanked: equal skeletons mean equal structure and markup. */
    private static String markdownSkeleton(String src) {
        Parser parser = Parser.builder().extensions(EXTENSIONS).includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
                .build();
        Node doc = parser.parse(src);
        List<int[]> ranges = new ArrayList<>();
        doc.accept(new AbstractVisitor() {
            @Override
            public void visit(Text text) {
                List<SourceSpan> spans = text.getSourceSpans();
                SourceSpan last = spans.get(spans.size() - 1);
                ranges.add(new int[] {spans.get(0).getInputIndex(), last.getInputIndex() + last.getLength()});
            }
        });
        StringBuilder sb = new StringBuilder();
        int pos = 0;
        for (int[] r : ranges) {
            if (r[0] >= pos) {
                String text = src.substring(r[0], r[1]);
                boolean lineEnd = r[1] == src.length() || src.charAt(r[1]) == '\n' || src.charAt(r[1]) == '\r';
                sb.append(src, pos, r[0]).append('⟦').append(lineEnd ? text.substring(text.stripTrailing().length()) : "")
                        .append('⟧');
                pos = r[1];
            }
        }
        return sb.append(src, pos, src.length()).toString();
    }

    /** Every element with its attributes in order, and the full text of pre, code, script and style. */
    private static String tagsAndCode(String html) {
        StringBuilder sb = new StringBuilder();
        for (Element e : Jsoup.parse(html).getAllElements()) {
            sb.append('<').append(e.tagName());
            for (Attribute a : e.attributes()) {
                sb.append(' ').append(a.getKey()).append("=\"").append(a.getValue()).append('"');
            }
            sb.append('>');
            if (List.of("pre", "code", "script", "style").contains(e.normalName())) {
                sb.append(e.wholeText());
            }
            int texts = 0;
            for (var child : e.childNodes()) {
                if (child instanceof TextNode t && !t.isBlank()) {
                    texts++;
                }
            }
            sb.append(texts).append('\n');
        }
        return sb.toString();
    }
}
