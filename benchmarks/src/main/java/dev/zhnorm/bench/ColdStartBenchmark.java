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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Cold start: the time from launching a fresh JVM ({@code java -cp ... ColdStartProbe preset}) to
 * reading its first conversion's result, one new JVM per measured invocation. {@code baseline}
 * launches the same JVM without converting (the JVM's own start-up), for comparison.
 *
 * <p>The probe's class path is {@code -Dzhnorm.coldstart.classpath} when set (e.g. the core jar and
 * the benchmark classes), else this JVM's; extra JVM options come from
 * {@code -Dzhnorm.coldstart.jvmArgs} (space-separated), none by default.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 15)
@Fork(1)
public class ColdStartBenchmark {
    @Param({"baseline", "s2t", "t2s", "s2tw", "tw2s", "s2hk", "hk2s", "s2twp", "tw2sp", "t2tw", "tw2t", "t2hk",
        "hk2t", "t2jp", "jp2t", "s2hkp", "hk2sp", "t2cn"})
    public String preset;

    private List<String> command;
    private Process process;

    @Setup(Level.Trial)
    public void setUp() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("zhnorm.coldstart.classpath", System.getProperty("java.class.path"));
        command = new ArrayList<>();
        command.add(java);
        String extra = System.getProperty("zhnorm.coldstart.jvmArgs", "").trim();
        if (!extra.isEmpty()) {
            command.addAll(Arrays.asList(extra.split("\\s+")));
        }
        command.addAll(List.of("-cp", cp, ColdStartProbe.class.getName(), preset));
    }

    /** Launches the JVM and returns its first line of output, the converted text's length. */
    @Benchmark
    public String launchToFirstResult() throws IOException {
        process = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = r.readLine();
        if (line == null || !line.matches("\\d+")) {
            StringBuilder rest = new StringBuilder();
            for (String l = r.readLine(); l != null && rest.length() < 4000; l = r.readLine()) {
                rest.append('\n').append(l);
            }
            throw new IllegalStateException("cold-start probe for " + preset + " printed '" + line + "'" + rest
                    + "\ncommand: " + String.join(" ", command));
        }
        return line;
    }

    /** Waits for the probe JVM to exit, outside the measured time. */
    @TearDown(Level.Invocation)
    public void reap() throws InterruptedException {
        if (process != null) {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            process = null;
        }
    }
}
