package dev.zhnorm.bench;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;

/**
 * An interleaved A/B of {@code Normalizer.defaults().normalize} on {@code article-2MB} between two
 * builds of zhnorm, each loaded from its own shaded benchmark jar in a class loader of its own, so
 * one JVM on one core times both under the same load: each round times A and B once each, in
 * alternating order, by this thread's CPU time. The outputs must be equal, or nothing is timed.
 *
 * <p>Usage: {@code taskset -c 0 java -Xms2g -Xmx2g -cp benchmarks.jar dev.zhnorm.bench.NormalizerAB
 * A.jar B.jar [rounds 100] [warmup 30] [input article-2MB]}, where each jar is a copy of
 * {@code benchmarks/target/benchmarks.jar} built at the commit to compare, and the input one of
 * {@link Inputs}' names in Traditional script ({@code article} for one 10 KB news article, which each
 * timing then normalizes as many times as make about 2 MB), or {@code trpl-markdown} / {@code trpl-text}
 * for the 114 files of {@code ../shared/corpus/docs/trpl-zh-cn}, each normalized as its own document
 * with {@code format=markdown} or {@code text}, or {@code lines-}<i>name</i> for each line of an input
 * normalized as its own text (a search document, a Spark row). Prints the medians of A's and B's MB/s (UTF-8 input)
 * and the median, first and third quartile of the per-round speed-up of B over A.
 */
public final class NormalizerAB {
    private static final ThreadMXBean THREAD = ManagementFactory.getThreadMXBean();

    private NormalizerAB() {
    }

    /** @param args the two jars, then optionally the rounds and the warm-up rounds */
    public static void main(String[] args) throws Throwable {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: NormalizerAB A.jar B.jar [rounds] [warmup] [input]");
        }
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 30;
        String input = args.length > 4 ? args[4] : "article-2MB";
        String format = "text";
        List<String> texts;
        if (input.startsWith("trpl-")) {
            format = input.substring("trpl-".length());
            texts = MarkdownBenchmark.trplFiles();
        } else if (input.startsWith("lines-")) {
            texts = List.of(Inputs.text(input.substring("lines-".length()), Inputs.Script.TRADITIONAL).split("\n"));
        } else {
            texts = List.of(Inputs.text(input, Inputs.Script.TRADITIONAL));
        }
        long bytes = texts.stream().mapToLong(Inputs::utf8Length).sum();
        int repeat = (int) Math.max(1, 2_000_000 / bytes);
        double mb = repeat * bytes / 1e6;
        MethodHandle a = normalizer(Path.of(args[0]), format);
        MethodHandle b = normalizer(Path.of(args[1]), format);
        for (String text : texts) {
            if (!run(a, text).equals(run(b, text))) {
                throw new IllegalStateException("the two builds normalize " + input + " differently");
            }
        }
        System.out.println(Interleaved.compare(() -> time(a, texts, repeat), () -> time(b, texts, repeat), mb,
                rounds, warmup));
    }

    /** {@code text -> Normalizer.defaults().normalize(text, format)} of the build in {@code jar}. */
    private static MethodHandle normalizer(Path jar, String format) throws Throwable {
        ClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
        Class<?> c = Class.forName("dev.zhnorm.Normalizer", true, loader);
        Class<?> formats = Class.forName("dev.zhnorm.normalize.Format", true, loader);
        Object defaults = c.getMethod("defaults").invoke(null);
        Object as = ((java.util.Optional<?>) formats.getMethod("fromId", String.class).invoke(null, format)).orElseThrow();
        MethodHandle normalize = MethodHandles.publicLookup()
                .findVirtual(c, "normalize", MethodType.methodType(String.class, CharSequence.class, formats));
        return MethodHandles.insertArguments(normalize, 2, as).bindTo(defaults)
                .asType(MethodType.methodType(String.class, CharSequence.class));
    }

    private static String run(MethodHandle normalize, String text) throws Throwable {
        return (String) normalize.invokeExact((CharSequence) text);
    }

    private static double time(MethodHandle normalize, List<String> texts, int repeat) throws Throwable {
        long start = THREAD.getCurrentThreadCpuTime();
        for (int i = 0; i < repeat; i++) {
            for (String text : texts) {
                run(normalize, text);
            }
        }
        return (THREAD.getCurrentThreadCpuTime() - start) / 1e9;
    }
}
