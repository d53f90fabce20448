package dev.zhnorm.bench;

import dev.zhnorm.Converter;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Start-up and memory of the command line, whole process: each subject converts a 1 KB and a 200 MB
 * file (左传 Traditional; generated text without the corpus) with t2s, file to file, in a fresh
 * process, {@code --runs} times (default 20); reports the median wall time, the median CPU time
 * (user + system, which other processes on a busy machine disturb far less) and the median and
 * largest peak resident set size, all from {@code /usr/bin/time -f "%e %U %S %M"}. Subjects:
 * the {@code ./zhnorm} launcher (with its start-up options and class-data-sharing archive), plain
 * {@code java -jar zhnorm.jar}, and {@code opencc} when it is on the PATH. zhnorm's output is
 * checked against {@code Converter.of("t2s")}. Writes one JSON object.
 *
 * <pre>
 * java -cp benchmarks.jar dev.zhnorm.bench.CliFootprint --launcher ./zhnorm --jar cli/target/zhnorm.jar \
 *      --out footprint.json [--runs 20] [--big-runs 20] [--big-bytes 200000000] [--work target/cli-footprint]
 *      [--opencc false]
 * </pre>
 */
public final class CliFootprint {
    private static final String TIME = "/usr/bin/time";

    private CliFootprint() {
    }

    /** One measured command on one input. */
    private record Row(String subject, String command, String input, long bytes, int runs, double wallMedian,
                       double cpuMedian, long rssMedianKb, long rssMaxKb) {
        String json() {
            return String.format(Locale.ROOT, "{\"subject\": \"%s\", \"command\": \"%s\", \"input\": \"%s\", \"bytes\": %d, "
                            + "\"runs\": %d, \"wallMedianSeconds\": %.4f, \"cpuMedianSeconds\": %.4f, "
                            + "\"rssMedianKb\": %d, \"rssMaxKb\": %d}",
                    esc(subject), esc(command), esc(input), bytes, runs, wallMedian, cpuMedian, rssMedianKb, rssMaxKb);
        }
    }

    /** One process run as /usr/bin/time saw it. */
    private record Sample(double wall, double cpu, long rssKb) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        if (!Files.isExecutable(Path.of(TIME))) {
            throw new IllegalStateException(TIME + " is needed for peak memory (Debian: apt-get install time)");
        }
        Path launcher = Path.of(o.getOrDefault("launcher", "zhnorm")).toAbsolutePath().normalize();
        Path jar = Path.of(o.getOrDefault("jar", "cli/target/zhnorm.jar")).toAbsolutePath().normalize();
        String here = Path.of("").toAbsolutePath() + "/";
        Path out = Path.of(o.getOrDefault("out", "footprint.json"));
        int runs = Integer.parseInt(o.getOrDefault("runs", "20"));
        int bigRuns = Integer.parseInt(o.getOrDefault("big-runs", String.valueOf(runs)));
        long bigBytes = Long.parseLong(o.getOrDefault("big-bytes", "200000000"));
        Path work = Path.of(o.getOrDefault("work", "benchmarks/target/cli-footprint")).toAbsolutePath();
        Files.createDirectories(work);

        String source = Inputs.text("zuozhuan", Inputs.Script.TRADITIONAL);
        Path small = work.resolve("input-1KB.txt");
        Path big = work.resolve("input-200MB.txt");
        Files.writeString(small, prefixOfUtf8Bytes(source, 1_000), StandardCharsets.UTF_8);
        Files.writeString(big, Inputs.repeatTo(source, bigBytes), StandardCharsets.UTF_8);
        Path result = work.resolve("output.txt");

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Map<String, List<String>> subjects = new LinkedHashMap<>();
        subjects.put("zhnorm (./zhnorm launcher)", List.of(launcher.toString(), "convert", "-c", "t2s", "{in}", "-o", "{out}"));
        subjects.put("zhnorm (java -jar, no options)", List.of(java, "-jar", jar.toString(), "convert", "-c", "t2s", "{in}", "-o", "{out}"));
        String opencc = "false".equals(o.get("opencc")) ? null : onPath("opencc");
        if (opencc != null) {
            subjects.put("opencc " + version(opencc), List.of(opencc, "-c", "t2s.json", "-i", "{in}", "-o", "{out}"));
        }

        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, List<String>> s : subjects.entrySet()) {
            for (Path in : List.of(small, big)) {
                int n = in == small ? runs : bigRuns;
                List<String> cmd = s.getValue().stream()
                        .map(a -> a.replace("{in}", in.toString()).replace("{out}", result.toString())).toList();
                run(cmd, work); // warms the OS file cache and, for ./zhnorm, builds what is stale
                Sample[] samples = new Sample[n];
                for (int i = 0; i < n; i++) {
                    samples[i] = run(cmd, work);
                }
                if (s.getKey().startsWith("zhnorm") && !Files.readString(result, StandardCharsets.UTF_8)
                        .equals(Converter.of("t2s").convert(Files.readString(in, StandardCharsets.UTF_8)))) {
                    throw new IllegalStateException(s.getKey() + ": output differs from Converter.of(\"t2s\") on " + in);
                }
                String shown = String.join(" ", cmd).replace(work + "/", "").replace(java, "java").replace(here, "");
                Row row = new Row(s.getKey(), shown.startsWith("zhnorm ") ? "./" + shown : shown,
                        in == small ? "1 KB" : fmtMb(Files.size(in)), Files.size(in), n,
                        median(Arrays.stream(samples).mapToDouble(Sample::wall).toArray()),
                        median(Arrays.stream(samples).mapToDouble(Sample::cpu).toArray()),
                        (long) median(Arrays.stream(samples).mapToDouble(Sample::rssKb).toArray()),
                        Arrays.stream(samples).mapToLong(Sample::rssKb).max().orElse(0));
                System.out.println(row.json());
                rows.add(row);
            }
        }
        StringBuilder json = new StringBuilder("{\"rows\": [\n");
        for (int i = 0; i < rows.size(); i++) {
            json.append("  ").append(rows.get(i).json()).append(i + 1 < rows.size() ? ",\n" : "\n");
        }
        json.append("]}\n");
        Files.writeString(out, json, StandardCharsets.UTF_8);
        Files.deleteIfExists(big);
        Files.deleteIfExists(result);
    }

    private static Sample run(List<String> cmd, Path work) throws IOException, InterruptedException {
        Path times = work.resolve("time.txt");
        Path err = work.resolve("stderr.txt");
        List<String> full = new ArrayList<>(List.of(TIME, "-f", "%e %U %S %M", "-o", times.toString()));
        full.addAll(cmd);
        Process p = new ProcessBuilder(full).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
        if (!p.waitFor(30, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("did not finish in 30 minutes: " + cmd);
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException("exit " + p.exitValue() + ": " + cmd + "\n" + Files.readString(err));
        }
        String[] f = Files.readString(times).trim().split("\\s+");
        int k = f.length - 4; // /usr/bin/time may put a "Command exited..." line first
        return new Sample(Double.parseDouble(f[k]), Double.parseDouble(f[k + 1]) + Double.parseDouble(f[k + 2]),
                Long.parseLong(f[k + 3]));
    }

    /** The longest prefix of whole code points whose UTF-8 is at most {@code bytes}. */
    static String prefixOfUtf8Bytes(String s, int bytes) {
        int end = 0;
        long used = 0;
        while (end < s.length()) {
            int cp = s.codePointAt(end);
            int n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (used + n > bytes) {
                break;
            }
            used += n;
            end += Character.charCount(cp);
        }
        return s.substring(0, end);
    }

    private static String onPath(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, name);
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        return null;
    }

    private static String version(String opencc) {
        try {
            Process p = new ProcessBuilder(opencc, "--version").redirectErrorStream(true).start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(10, TimeUnit.SECONDS);
            Matcher m = Pattern.compile("(\\d+\\.\\d+\\.\\d+)").matcher(text);
            return m.find() ? m.group(1) : "";
        } catch (IOException | InterruptedException e) {
            return "";
        }
    }

    private static String fmtMb(long bytes) {
        return String.format(Locale.ROOT, "%.0f MB", bytes / 1e6);
    }

    private static String esc(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static double median(double[] a) {
        double[] s = a.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
