package dev.zhnorm.spark;

import dev.zhnorm.Normalizer;
import org.apache.spark.sql.SparkSession;

import java.io.BufferedWriter;
import java.lang.management.ManagementFactory;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Spark benchmark behind BENCHMARKS.md's Spark section (run by {@code scripts/bench-spark.sh}):
 * zhnorm's default normalization over the lines of 左传 repeated to a size, by zhnorm-core on one
 * thread, by the batch job, and by the SQL function, each Spark measurement in its own JVM and master.
 *
 * <pre>
 * SparkBench prepare CORPUS SIZE_MB FILE          write the input: the corpus's lines repeated
 * SparkBench core FILE WARMUP_FILE RESULTS        core, in memory (lines) and streaming (file to file)
 * SparkBench job|sql|sql-read MASTER FILE WARMUP_FILE WORK RESULTS
 * SparkBench report RESULTS MARKDOWN COMMAND LOAD  splice the table into MARKDOWN between the markers
 * </pre>
 *
 * Each mode runs once on the warm-up file (JIT, dictionaries) and is then timed once on the input;
 * results are appended to RESULTS as tab-separated lines: mode, master, bytes, seconds.
 */
public final class SparkBench {
    static final String START = "<!-- spark-bench:start -->";
    static final String END = "<!-- spark-bench:end -->";

    private SparkBench() {
    }

    /** CPU time of the whole process (every thread: tasks, driver, GC, JIT), in seconds. */
    static double cpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
    }

    public static void main(String[] args) throws IOException {
        switch (args[0]) {
            case "prepare" -> prepare(Path.of(args[1]), Integer.parseInt(args[2]), Path.of(args[3]));
            case "core" -> core(Path.of(args[1]), Path.of(args[2]), Path.of(args[3]));
            case "job", "sql", "sql-read" -> spark(args[0], args[1], Path.of(args[2]), Path.of(args[3]),
                    Path.of(args[4]), Path.of(args[5]));
            case "report" -> report(Path.of(args[1]), Path.of(args[2]), args[3], args[4]);
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        }
    }

    static void prepare(Path corpus, int megabytes, Path out) throws IOException {
        List<String> lines = Files.readAllLines(corpus, StandardCharsets.UTF_8);
        long target = megabytes * 1_000_000L;
        long written = 0;
        Files.createDirectories(out.toAbsolutePath().getParent());
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            while (written < target) {
                for (String line : lines) {
                    w.write(line);
                    w.write('\n');
                    written += line.getBytes(StandardCharsets.UTF_8).length + 1;
                    if (written >= target) {
                        break;
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "prepared %s: %d bytes%n", out, Files.size(out));
    }

    static void core(Path input, Path warmup, Path results) throws IOException {
        Normalizer n = Normalizer.defaults();
        for (Path p : List.of(warmup, input)) {
            List<String> lines = Files.readAllLines(p, StandardCharsets.UTF_8);
            long start = System.nanoTime();
            double cpu = cpuSeconds();
            long sink = 0;
            for (String line : lines) {
                sink += n.normalize(line).length();
            }
            double lineSeconds = (System.nanoTime() - start) / 1e9;
            double lineCpu = cpuSeconds() - cpu;
            lines = null;
            Path out = Files.createTempFile("zhnorm-bench", ".txt");
            start = System.nanoTime();
            cpu = cpuSeconds();
            try (Reader r = Files.newBufferedReader(p, StandardCharsets.UTF_8);
                 Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                n.normalize(r, w);
            }
            double streamSeconds = (System.nanoTime() - start) / 1e9;
            double streamCpu = cpuSeconds() - cpu;
            Files.delete(out);
            if (p.equals(input)) {
                record(results, "core-lines", "1 thread", Files.size(p), lineSeconds, lineCpu);
                record(results, "core-stream", "1 thread", Files.size(p), streamSeconds, streamCpu);
            }
            System.out.printf(Locale.ROOT, "core %s: lines %.2f s, stream %.2f s (%d chars)%n", p, lineSeconds,
                    streamSeconds, sink);
        }
    }

    static void spark(String mode, String master, Path input, Path warmup, Path work, Path results)
            throws IOException {
        SparkSession spark = SparkSession.builder().master(master).appName("zhnorm bench " + mode)
                .config("spark.sql.extensions", ZhnormExtensions.class.getName())
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                // Seven splits of the 200 MB input, so that two cores get even work.
                .config("spark.sql.files.maxPartitionBytes", String.valueOf(32 << 20))
                .getOrCreate();
        try {
            for (Path p : List.of(warmup, input)) {
                long start = System.nanoTime();
                double cpu = cpuSeconds();
                String detail = run(spark, mode, p, work);
                double seconds = (System.nanoTime() - start) / 1e9;
                cpu = cpuSeconds() - cpu;
                if (p.equals(input)) {
                    record(results, mode, master, Files.size(p), seconds, cpu);
                }
                System.out.printf(Locale.ROOT, "%s %s %s: %.2f s, cpu %.2f s %s%n", mode, master, p, seconds, cpu,
                        detail);
            }
        } finally {
            spark.stop();
        }
    }

    private static String run(SparkSession spark, String mode, Path input, Path work) {
        String path = input.toAbsolutePath().toString();
        switch (mode) {
            case "job" -> {
                JobArguments args = JobArguments.parse("--input", path, "--output",
                        work.resolve("job-out").toString(), "--overwrite").orElseThrow();
                return NormalizeJob.run(spark, args).toString();
            }
            case "sql" -> spark.sql("SELECT zh_normalize(value) FROM text.`" + path + "`")
                    .write().format("noop").mode("overwrite").save();
            case "sql-read" -> spark.sql("SELECT value FROM text.`" + path + "`")
                    .write().format("noop").mode("overwrite").save();
            default -> throw new IllegalArgumentException(mode);
        }
        return "";
    }

    private static void record(Path results, String mode, String master, long bytes, double seconds, double cpu)
            throws IOException {
        Files.writeString(results, String.format(Locale.ROOT, "%s\t%s\t%d\t%.3f\t%.3f%n", mode, master, bytes,
                        seconds, cpu),
                StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    record Result(String mode, String master, long bytes, double seconds, double cpu) {
        double mbps() {
            return bytes / 1e6 / seconds;
        }

        double cpuMbps() {
            return bytes / 1e6 / cpu;
        }
    }

    static void report(Path results, Path markdown, String command, String load) throws IOException {
        List<Result> rs = new ArrayList<>();
        for (String line : Files.readAllLines(results, StandardCharsets.UTF_8)) {
            String[] f = line.split("\t");
            rs.add(new Result(f[0], f[1], Long.parseLong(f[2]), Double.parseDouble(f[3]), Double.parseDouble(f[4])));
        }
        Result core = find(rs, "core-lines", "1 thread");
        Result coreStream = find(rs, "core-stream", "1 thread");
        StringBuilder md = new StringBuilder();
        md.append(START).append('\n');
        md.append("## Spark (zhnorm-spark, Spark 3.5, local mode)\n\n");
        md.append(String.format(Locale.ROOT, "Default normalization (`zh_normalize(value)`, conversion t2cn) over"
                + " the lines of 左传 (zuozhuan.hant.txt) repeated to %.0f MB of UTF-8, one measured run after a"
                + " warm-up run on 16 MB, each Spark row in its own JVM. Spark reads the text file in 32 MB"
                + " splits. *job* is `NormalizeJob` text to text (read, normalize, count, write); *sql* is"
                + " the SQL function into Spark's `noop` sink (read and normalize); *sql-read* is the same"
                + " query without the function, Spark's own cost of reading the lines.%n%n", core.bytes() / 1e6));
        md.append("Wall time is elapsed time; CPU is the process's CPU time over all its threads (tasks,"
                + " driver, GC, JIT), which a busy machine distorts far less.\n\n");
        md.append("| what | threads | wall s | MB/s (wall) | CPU s | MB/s (CPU) | CPU / core's (lines) |\n"
                + "|---|---|---:|---:|---:|---:|---:|\n");
        for (Result r : rs) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %.1f | %.1f | %.1f | %.1f | %.2f× |%n", r.mode(),
                    r.master(), r.seconds(), r.mbps(), r.cpu(), r.cpuMbps(), r.cpu() / core.cpu()));
        }
        md.append('\n');
        for (String mode : List.of("job", "sql")) {
            Result one = find(rs, mode, "local[1]");
            Result two = find(rs, mode, "local[2]");
            if (one != null && two != null) {
                md.append(String.format(Locale.ROOT, "- %s: local[2] runs %.2f× as fast as local[1] by the wall"
                        + " clock (target ≥ 1.6×; it uses %.2f× local[1]'s CPU). On local[1] it takes %.2f× the CPU"
                        + " time of core on in-memory lines and %.2f× core's streaming file to file (target ≤ 2×);"
                        + " by the wall clock %.2f× and %.2f×.%n", mode, one.seconds() / two.seconds(),
                        two.cpu() / one.cpu(), one.cpu() / core.cpu(), one.cpu() / coreStream.cpu(),
                        one.seconds() / core.seconds(), one.seconds() / coreStream.seconds()));
            }
        }
        md.append(String.format(Locale.ROOT, "%nCommand: `%s`. JDK %s, %d available processors. Load average"
                + " during the run: %s (the machine was shared with other builds, so the times are noisy"
                + " and the two-thread rows suffer most).%n", command, System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), load));
        md.append(END).append('\n');

        String existing = Files.exists(markdown) ? Files.readString(markdown, StandardCharsets.UTF_8) : "";
        int s = existing.indexOf(START);
        int e = existing.indexOf(END);
        String updated = s >= 0 && e > s
                ? existing.substring(0, s) + md + existing.substring(e + END.length() + 1)
                : existing + (existing.isEmpty() || existing.endsWith("\n\n") ? "" : "\n") + md;
        Files.writeString(markdown, updated, StandardCharsets.UTF_8);
        System.out.print(md);
    }

    private static Result find(List<Result> rs, String mode, String master) {
        return rs.stream().filter(r -> r.mode().equals(mode) && r.master().equals(master)).findFirst().orElse(null);
    }
}
