package dev.zhnorm.bench;

import dev.zhnorm.Converter;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Times the command-line tool file to file: {@code java -jar zhnorm.jar convert -c t2s IN -o OUT} on a 20 MB
 * file (左传 Traditional, repeated) and on a one-line file, each run a fresh JVM; throughput after
 * start-up is {@code bytes / (median(20 MB) - median(one line))}. {@code {in}} and {@code {out}} in
 * {@code --args} stand for the files; without them the input file is the command's standard input
 * and its standard output goes to the output file. The output is compared with
 * {@code Converter.of("t2s")}. Writes one JSON object.
 *
 * <pre>
 * java -cp benchmarks.jar dev.zhnorm.bench.CliTiming --jar cli/target/zhnorm.jar --out cli.json \
 *      [--args "convert -c t2s {in} -o {out}"] [--runs 11] [--work target/cli-bench]
 * </pre>
 */
public final class CliTiming {
    private CliTiming() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        Path jar = Path.of(o.get("jar"));
        Path out = Path.of(o.get("out"));
        int runs = Integer.parseInt(o.getOrDefault("runs", "11"));
        Path work = Path.of(o.getOrDefault("work", "benchmarks/target/cli-bench"));
        List<String> cliArgs = Arrays.asList(o.getOrDefault("args", "convert -c t2s {in} -o {out}").trim().split("\\s+"));
        Files.createDirectories(work);

        String text = Inputs.text("zuozhuan-20MB", Inputs.Script.TRADITIONAL);
        Path big = work.resolve("input-20MB.txt");
        Path small = work.resolve("input-1line.txt");
        Path result = work.resolve("output.txt");
        Files.writeString(big, text, StandardCharsets.UTF_8);
        Files.writeString(small, "漢字轉換，頭髮很長。\n", StandardCharsets.UTF_8);
        long bytes = Files.size(big);

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        run(java, jar, cliArgs, small, result); // warms the OS file cache
        run(java, jar, cliArgs, big, result);
        double[] startup = new double[runs];
        double[] full = new double[runs];
        for (int i = 0; i < runs; i++) {
            startup[i] = run(java, jar, cliArgs, small, result);
            full[i] = run(java, jar, cliArgs, big, result);
        }
        boolean matches = Files.readString(result, StandardCharsets.UTF_8).equals(Converter.of("t2s").convert(text));
        double s = median(startup);
        double f = median(full);
        String command = String.join(" ", command(java, jar, cliArgs, big, result)).replace(java, "java")
                + (usesPlaceholders(cliArgs) ? "" : " < " + big.getFileName() + " > " + result.getFileName());
        String json = String.format(Locale.ROOT, "{\"command\": \"%s\", \"bytes\": %d, \"runs\": %d, \"medianSeconds\": %.4f, "
                        + "\"startupMedianSeconds\": %.4f, \"mbpsAfterStartup\": %.1f, \"mbpsIncludingStartup\": %.1f, "
                        + "\"outputMatches\": %s, \"samplesSeconds\": %s, \"startupSamplesSeconds\": %s}%n",
                command.replace("\\", "\\\\").replace("\"", "\\\""), bytes, runs, f, s, bytes / 1e6 / (f - s),
                bytes / 1e6 / f, matches, Arrays.toString(full), Arrays.toString(startup));
        Files.writeString(out, json, StandardCharsets.UTF_8);
        System.out.print(json);
        Files.deleteIfExists(big);
        Files.deleteIfExists(result);
    }

    private static boolean usesPlaceholders(List<String> cliArgs) {
        return cliArgs.stream().anyMatch(a -> a.contains("{in}") || a.contains("{out}"));
    }

    private static List<String> command(String java, Path jar, List<String> cliArgs, Path in, Path out) {
        List<String> cmd = new ArrayList<>(List.of(java, "-jar", jar.toString()));
        for (String a : cliArgs) {
            cmd.add(a.replace("{in}", in.toString()).replace("{out}", out.toString()));
        }
        return cmd;
    }

    /** @return seconds from launch to exit */
    private static double run(String java, Path jar, List<String> cliArgs, Path in, Path out) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command(java, jar, cliArgs, in, out));
        if (!usesPlaceholders(cliArgs)) {
            pb.redirectInput(in.toFile()).redirectOutput(out.toFile());
        } else {
            pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        }
        File err = Files.createTempFile("zhnorm-cli", ".err").toFile();
        pb.redirectError(err);
        long t0 = System.nanoTime();
        Process p = pb.start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("CLI did not finish in 10 minutes: " + pb.command());
        }
        long t1 = System.nanoTime();
        String stderr = Files.readString(err.toPath(), StandardCharsets.UTF_8);
        Files.delete(err.toPath());
        if (p.exitValue() != 0) {
            throw new IllegalStateException("CLI exited with " + p.exitValue() + ": " + pb.command() + "\n" + stderr);
        }
        return (t1 - t0) / 1e9;
    }

    private static double median(double[] a) {
        double[] s = a.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
