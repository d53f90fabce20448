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
 * The headline presets and their peers on the deterministic synthetic corpus (modern text: words,
 * single characters, punctuation, ASCII runs, newlines; see {@link Inputs#synthetic}) at 1 KB,
 * 100 KB and 10 MB, in the preset's source script. ICU4J runs in {@link SyntheticIcuBenchmark}, on
 * the two smaller sizes only.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:G1HeapRegionSize=16m"})
public class SyntheticBenchmark {
    @Param({"synthetic-1KB", "synthetic-100KB", "synthetic-10MB"})
    public String input;

    @Param({"zhnorm:t2s", "zhnorm:s2t", "zhnorm:s2twp", "zhnorm:t2cn",
        "opencc4j:t2s", "opencc4j:s2t", "opencc4j:s2twp",
        "hanlp:t2s", "hanlp:s2t", "hanlp:s2twp"})
    public String subject;

    private Workload workload;

    @Setup(Level.Trial)
    public void setUp() {
        workload = Workload.of(subject, input);
    }

    @Benchmark
    public String convert() {
        return workload.run();
    }
}
