package dev.zhnorm.bench;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The benchmark suite's smoke configuration, run by {@code mvn verify} so that it cannot rot: every
 * benchmark method of the module, every subject, once, in this JVM, on inputs cut to a few thousand
 * chars ({@code zhnorm.bench.smoke}). It checks that everything runs, never how fast.
 */
class BenchmarkSmokeTest {
    /** JMH's machine-wide lock ({@code /tmp/jmh.lock}) keeps real runs apart; a smoke run measures nothing. */
    private static final String IGNORE_LOCK_PROPERTY = "jmh.ignoreLock";

    private static String previous;
    private static String previousIgnoreLock;

    @BeforeAll
    static void smokeInputs() {
        previous = System.setProperty(Inputs.SMOKE_PROPERTY, "true");
        // Another build's smoke test or benchmark on the same machine must not fail this one.
        previousIgnoreLock = System.setProperty(IGNORE_LOCK_PROPERTY, "true");
    }

    @AfterAll
    static void restore() {
        restore(Inputs.SMOKE_PROPERTY, previous);
        restore(IGNORE_LOCK_PROPERTY, previousIgnoreLock);
    }

    private static void restore(String property, String value) {
        if (value == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, value);
        }
    }

    @Test
    void everyBenchmarkRunsOnceOnTinyInputs() throws Exception {
        Options opts = new OptionsBuilder()
                .include("dev\\.zhnorm\\.bench\\..*")
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(1)
                .mode(Mode.SingleShotTime)
                .param("input", "synthetic-1KB")
                .param("preset", "t2s")
                .shouldFailOnError(true)
                .verbosity("1".equals(System.getenv("ZHNORM_BENCH_SMOKE_VERBOSE")) ? VerboseMode.NORMAL : VerboseMode.SILENT)
                .build();
        Collection<RunResult> results = new Runner(opts).run();
        Set<String> ran = new TreeSet<>();
        for (RunResult r : results) {
            ran.add(r.getParams().getBenchmark().replace("dev.zhnorm.bench.", ""));
            assertFalse(Double.isNaN(r.getPrimaryResult().getScore()), r.getParams().getBenchmark());
        }
        assertTrue(ran.containsAll(Set.of("CorpusBenchmark.convert", "SyntheticBenchmark.convert", "SyntheticIcuBenchmark.convert",
                "ArticleBenchmark.convert", "ParallelBenchmark.string1T", "ParallelBenchmark.readerWriter1T",
                "ParallelBenchmark.split2T", "ParallelBenchmark.api2T", "ParallelBenchmark.readerWriter2T", "ColdStartBenchmark.launchToFirstResult")), ran::toString);
        if (classExists("dev.zhnorm.Normalizer")) {
            assertTrue(ran.contains("NormalizerBenchmark.normalize"), "the normalization benchmark is compiled and ran: " + ran);
        }
        long corpusSubjects = results.stream()
                .filter(r -> r.getParams().getBenchmark().endsWith("CorpusBenchmark.convert")).count();
        assertEquals(33, corpusSubjects, "every subject of CorpusBenchmark ran");
    }

    private static boolean classExists(String name) {
        try {
            Class.forName(name, false, BenchmarkSmokeTest.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    @Test
    void syntheticCorpusIsDeterministicAndExactSize() {
        for (Inputs.Script script : Inputs.Script.values()) {
            String a = Inputs.synthetic(100_000, script);
            assertEquals(a, Inputs.synthetic(100_000, script));
            assertEquals(100_000, Inputs.utf8Length(a));
            assertEquals(a.getBytes(java.nio.charset.StandardCharsets.UTF_8).length, Inputs.utf8Length(a));
            assertTrue(a.contains("\n") && a.chars().anyMatch(c -> c < 0x80 && Character.isLetter(c))
                    && a.contains("，"), "a mix of Han text, punctuation, ASCII and newlines");
        }
    }

    @Test
    void splitPointIsALineBoundary() {
        String s = "ab\ncd\nef";
        assertEquals(3, ParallelBenchmark.lineBoundaryNear(s, 3));
        assertEquals(6, ParallelBenchmark.lineBoundaryNear(s, 4));
        assertEquals(6, ParallelBenchmark.lineBoundaryNear(s, 6));
        assertEquals(3, ParallelBenchmark.lineBoundaryNear("ab\ncd", 2));
    }
}
