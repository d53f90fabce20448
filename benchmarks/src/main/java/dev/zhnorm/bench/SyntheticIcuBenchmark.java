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
 * ICU4J's transliterators on the synthetic corpus, like {@link SyntheticBenchmark} but at 1 KB and
 * 100 KB only: at about 0.2 MB/s on this text one 10 MB conversion takes close to a minute, which
 * would add a quarter of an hour to the suite for a number the smaller sizes already give.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:G1HeapRegionSize=16m"})
public class SyntheticIcuBenchmark {
    @Param({"synthetic-1KB", "synthetic-100KB"})
    public String input;

    @Param({"icu4j:t2s", "icu4j:s2t"})
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
