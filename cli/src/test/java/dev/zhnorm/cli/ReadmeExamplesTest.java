package dev.zhnorm.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The README's Java examples against the real API: every {@code ```java} block of the core sections
 * compiles (undeclared names such as {@code reader}, {@code writer}, {@code src} are fields of the
 * wrapper), and every line of the form {@code expression;  // "result"} gives that result. A README
 * that shows an API shape or an output zhnorm no longer has fails here.
 */
class ReadmeExamplesTest {
    /** Where the examples compile to; JUnit deletes it after the tests. */
    @TempDir
    static Path classes;
    /** Sections whose examples need other modules (Lucene, OpenSearch, Spark): compiled there, not here. */
    private static final Pattern OTHER_MODULES = Pattern.compile("(?i)search|lucene|opensearch|solr|spark");
    private static final Pattern CLAIM = Pattern.compile("^\\s*(.+?\\));\\s*// \"((?:[^\"\\\\]|\\\\.)*)\"(?:\\s.*)?$");
    private static final Pattern DECLARATION = Pattern.compile("^(\\w+(?:\\.\\w+)?) (\\w+) = ([^;]+\\));\\s*(//.*)?$");

    /** What a declaration may not use to be replayed before a claim: files and the wrapper's free names. */
    private static final Pattern FREE_NAMES = Pattern.compile(
            "Path\\.of|Files\\.|\\b(src|dst|file|data|reader|in|writer|out|executor|pool|text|hugeText|markdown|html)\\b");

    private static final String IMPORTS = """
            import dev.zhnorm.*;
            import dev.zhnorm.config.*;
            import dev.zhnorm.dict.*;
            import dev.zhnorm.normalize.*;
            import java.io.*;
            import java.nio.file.*;
            import java.util.*;
            import java.util.concurrent.*;
            """;
    /** The free names examples use, as fields so that an example may also declare its own. */
    private static final String FIELDS = """
                Path src, dst, file, data;
                Reader reader, in;
                Writer writer, out;
                Executor executor;
                ExecutorService pool;
                String text, hugeText, markdown, html;
            """;

    private record Block(String section, int line, List<String> lines) {
    }

    private static List<Block> javaBlocks() throws IOException {
        Path readme = Stream.of(Path.of("README.md"), Path.of("..", "README.md"))
                .filter(Files::isRegularFile).findFirst()
                .orElseThrow(() -> new IllegalStateException("README.md not found from " + Path.of("").toAbsolutePath()));
        List<String> all = Files.readAllLines(readme, StandardCharsets.UTF_8);
        List<Block> blocks = new ArrayList<>();
        String section = "";
        for (int i = 0; i < all.size(); i++) {
            String l = all.get(i);
            if (l.startsWith("## ")) {
                section = l.substring(3);
            } else if (l.equals("```java")) {
                int start = i + 1;
                List<String> body = new ArrayList<>();
                while (!all.get(++i).equals("```")) {
                    body.add(all.get(i));
                }
                if (!OTHER_MODULES.matcher(section).find()) {
                    blocks.add(new Block(section, start + 1, body));
                }
            }
        }
        return blocks;
    }

    @Test
    void everyCoreExampleCompiles() throws Exception {
        List<Block> blocks = javaBlocks();
        assertTrue(blocks.size() >= 2, "the README's Library and Normalization examples were found");
        StringBuilder src = new StringBuilder(IMPORTS).append("class ReadmeExamples {\n").append(FIELDS);
        for (int b = 0; b < blocks.size(); b++) {
            src.append("    void block").append(b).append("() throws Exception { // README line ")
                    .append(blocks.get(b).line()).append('\n');
            blocks.get(b).lines().forEach(l -> src.append("        ").append(l).append('\n'));
            src.append("    }\n");
        }
        src.append("}\n");
        compile("ReadmeExamples", src.toString());
    }

    @Test
    void everyClaimedResultIsWhatTheLibraryGives() throws Exception {
        StringBuilder src = new StringBuilder(IMPORTS).append("public class ReadmeClaims {\n");
        List<String> where = new ArrayList<>();
        for (Block b : javaBlocks()) {
            List<String> declarations = new ArrayList<>();
            for (int i = 0; i < b.lines().size(); i++) {
                String l = b.lines().get(i);
                Matcher d = DECLARATION.matcher(l);
                if (d.matches() && !FREE_NAMES.matcher(d.group(3)).find()) {
                    declarations.add(d.group(1) + " " + d.group(2) + " = " + d.group(3) + ";");
                }
                Matcher c = CLAIM.matcher(l);
                if (c.matches() && !l.trim().startsWith("//")) {
                    Matcher asDeclaration = DECLARATION.matcher(c.group(1) + ";");
                    String expression = asDeclaration.matches() ? asDeclaration.group(3) : c.group(1);
                    src.append("    public static Object claim").append(where.size()).append("() throws Exception {\n");
                    declarations.stream().filter(x -> !x.equals(expression + ";"))
                            .forEach(x -> src.append("        ").append(x).append('\n'));
                    src.append("        return ").append(expression).append(";\n    }\n");
                    src.append("    public static String expected").append(where.size()).append("() {\n        return \"")
                            .append(c.group(2)).append("\";\n    }\n");
                    where.add("README line " + (b.line() + i) + ": " + l.trim());
                }
            }
        }
        src.append("}\n");
        assertTrue(where.size() >= 5, "claims found: " + where);
        ClassLoader loader = compile("ReadmeClaims", src.toString());
        Class<?> claims = loader.loadClass("ReadmeClaims");
        for (int k = 0; k < where.size(); k++) {
            Method claim = claims.getMethod("claim" + k);
            Object expected = claims.getMethod("expected" + k).invoke(null);
            Object actual;
            try {
                actual = claim.invoke(null);
            } catch (InvocationTargetException e) {
                throw new AssertionError(where.get(k) + " threw " + e.getCause(), e.getCause());
            }
            assertEquals(expected, String.valueOf(actual), where.get(k));
        }
    }

    /** Compiles one class against the test's own class and module path; returns a loader that has it. */
    private static ClassLoader compile(String name, String source) throws IOException {
        JavaCompiler javac = Objects.requireNonNull(ToolProvider.getSystemJavaCompiler(), "a JDK is needed");
        Path outDir = Files.createTempDirectory(classes, name);
        String classPath = Stream.of(System.getProperty("jdk.module.path"), System.getProperty("java.class.path"))
                .filter(Objects::nonNull).filter(p -> !p.isEmpty()).collect(Collectors.joining(File.pathSeparator));
        JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///" + name + ".java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        boolean ok = javac.getTask(null, null, diagnostics,
                List.of("-classpath", classPath, "-d", outDir.toString(), "-encoding", "UTF-8", "-proc:none"),
                null, List.of(file)).call();
        if (!ok) {
            String[] lines = source.split("\n");
            fail(diagnostics.getDiagnostics().stream()
                    .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                    .map(d -> d.getMessage(null) + "\n    at: " + lines[(int) d.getLineNumber() - 1].trim())
                    .collect(Collectors.joining("\n")));
        }
        return new URLClassLoader(new URL[] {outDir.toUri().toURL()}, ReadmeExamplesTest.class.getClassLoader());
    }
}
