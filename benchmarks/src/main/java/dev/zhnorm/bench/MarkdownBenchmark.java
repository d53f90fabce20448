package dev.zhnorm.bench;

import dev.zhnorm.Normalizer;
import dev.zhnorm.normalize.Format;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Document normalization (spec §9): {@code Normalizer.defaults()} over every Markdown file of the
 * real documentation tree {@code ../shared/corpus/docs/trpl-zh-cn} (114 files, about 1 MB), one
 * operation per tree, each file as its own document; {@code format=markdown} parses with
 * commonmark-java and splices prose edits back, {@code format=text} normalizes the same files as
 * plain text for comparison. MB/s = {@code bytes} (printed at set-up, UTF-8) × ops/s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:G1HeapRegionSize=16m"})
public class MarkdownBenchmark {
    /** The documentation tree under the shared corpus. */
    private static final String TRPL = "docs/trpl-zh-cn";

    @Param({"markdown", "text"})
    public String format;

    private List<String> files;
    private Normalizer normalizer;
    private Format as;

    @Setup(Level.Trial)
    public void setUp() {
        String tree;
        if (Inputs.smoke() && !Inputs.corpusAvailable()) {
            // The smoke configuration checks that the benchmark runs, not what it measures.
            System.err.println("zhnorm benchmarks (smoke): no ../shared/corpus here; generated Markdown instead");
            tree = "generated documents";
            files = generatedDocuments();
        } else {
            tree = TRPL;
            files = trplFiles();
        }
        long bytes = files.stream().mapToLong(f -> f.getBytes(StandardCharsets.UTF_8).length).sum();
        System.out.println("markdown tree: " + files.size() + " files, " + bytes + " bytes");
        normalizer = Normalizer.defaults();
        as = Format.fromId(format).orElseThrow();
        long changed = files.stream().filter(f -> !normalizer.normalize(f, as).equals(f)).count();
        if (changed == 0) {
            throw new IllegalStateException("nothing to normalize in " + tree);
        }
    }

    /** @return the Markdown files of the shared corpus's documentation tree, in path order */
    static List<String> trplFiles() {
        try (Stream<Path> s = Files.walk(Inputs.corpusDir().resolve(TRPL))) {
            return s.filter(p -> p.toString().endsWith(".md")).sorted().map(MarkdownBenchmark::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A few small documents with headings, prose that needs normalizing, code, lists and links. */
    private static List<String> generatedDocuments() {
        List<String> docs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            docs.add("# 第" + (i + 1) + "章 使用 Cargo\n\n臺灣的軟體很好用,我們用 Rust 寫程式.\n\n"
                    + "```rust\nfn main() { println!(\"你好,世界\"); }\n```\n\n"
                    + "- 詳見[指南](docs/指南.md).\n- 頭髮很長(真的)\n");
        }
        return docs;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Benchmark
    public void normalizeTree(Blackhole bh) {
        for (String f : files) {
            bh.consume(normalizer.normalize(f, as));
        }
    }
}
