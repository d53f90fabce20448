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
 * Every preset on 左传 (1.9 MB): {@code zuozhuan.txt} for Simplified-source presets,
 * {@code zuozhuan.hant.txt} for Traditional-source ones; the peers on the presets they implement,
 * in the same run. Score: conversions per second; the report turns it into MB/s of UTF-8 input.
 *
 * <p>Every throughput benchmark runs with G1 regions of 16 MB (32 MB for the 20 MB inputs): with the
 * default 1 MB regions of a 2 GB heap, each megabyte-sized buffer of a conversion is a humongous
 * object, and G1's handling of them made HanLP's results swing tenfold between iterations (600 to
 * 900 ms of GC per second) before settling; the same flags apply to every subject.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:G1HeapRegionSize=16m"})
public class CorpusBenchmark {
    /** The input name, see {@link Inputs#text}. */
    public static final String INPUT = "zuozhuan";

    @Param({"zhnorm:s2t", "zhnorm:t2s", "zhnorm:s2tw", "zhnorm:tw2s", "zhnorm:s2hk", "zhnorm:hk2s",
        "zhnorm:s2twp", "zhnorm:tw2sp", "zhnorm:t2tw", "zhnorm:tw2t", "zhnorm:t2hk", "zhnorm:hk2t",
        "zhnorm:t2jp", "zhnorm:jp2t", "zhnorm:s2hkp", "zhnorm:hk2sp", "zhnorm:t2cn",
        "opencc4j:t2s", "opencc4j:s2t", "opencc4j:s2twp", "opencc4j:tw2sp", "opencc4j:s2hk", "opencc4j:hk2s",
        "icu4j:t2s", "icu4j:s2t",
        "hanlp:t2s", "hanlp:s2t", "hanlp:s2twp", "hanlp:tw2sp", "hanlp:s2hk", "hanlp:hk2s", "hanlp:t2hk",
        "hanlp:hk2t"})
    public String subject;

    private Workload workload;

    @Setup(Level.Trial)
    public void setUp() {
        workload = Workload.of(subject, INPUT);
    }

    @Benchmark
    public String convert() {
        return workload.run();
    }
}
