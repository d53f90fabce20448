package dev.zhnorm.bench;

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

import java.util.concurrent.TimeUnit;

/**
 * The reference article (modern Traditional news text from a Big5 gateway) repeated to 2 MB:
 * {@code t2cn}, zhnorm's default "to Simplified", against every engine's Traditional-to-Simplified.
 * The default normalization pipeline on the same input is {@code NormalizerBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:G1HeapRegionSize=16m"})
public class ArticleBenchmark {
    /** The input name, see {@link Inputs#text}. */
    public static final String INPUT = "article-2MB";

    @Param({"zhnorm:t2cn", "zhnorm:t2s", "opencc4j:t2s", "icu4j:t2s", "hanlp:t2s"})
    public String subject;

    private Workload workload;

    @Setup(Level.Trial)
    public void setUp() {
        workload = Workload.of(subject, INPUT, Inputs.Script.TRADITIONAL);
    }

    @Benchmark
    public String convert() {
        return workload.run();
    }
}
