package dev.zhnorm.bench;

import dev.zhnorm.Normalizer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * The default normalization pipeline ({@code Normalizer.defaults()}: cleanup, width, any Traditional
 * to mainland Simplified, punctuation, numerals, whitespace) on the reference article repeated to
 * 2 MB, the same input as {@link ArticleBenchmark}. Compiled only once {@code dev.zhnorm.Normalizer}
 * exists in core (profile {@code normalizer-benchmark} of the benchmarks pom).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:G1HeapRegionSize=16m"})
public class NormalizerBenchmark {
    private String text;
    private Normalizer normalizer;

    @Setup(Level.Trial)
    public void setUp() {
        text = Inputs.text(ArticleBenchmark.INPUT, Inputs.Script.TRADITIONAL);
        normalizer = Normalizer.defaults();
        String out = normalizer.normalize(text);
        if (out.isEmpty() || out.equals(text)) {
            throw new IllegalStateException("Normalizer.defaults() produced " + (out.isEmpty() ? "nothing" : "its input")
                    + " from " + text.length() + " chars of the Traditional article");
        }
    }

    @Benchmark
    public String normalize() {
        return normalizer.normalize(text);
    }
}
