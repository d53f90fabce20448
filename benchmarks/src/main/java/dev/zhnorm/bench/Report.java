package dev.zhnorm.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

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
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Turns a JMH JSON result file (plus the heap probe's and the CLI timing's JSON) into
 * {@code BENCHMARKS.md}: throughput in MB/s of UTF-8 input (10^6 bytes; the input's size is
 * recomputed from the same {@link Inputs} the benchmarks used), the median over all measurement
 * iterations of all forks, JMH's 99.9% error of the mean, ratios of zhnorm to each peer measured in
 * the same run, the targets of the performance issue with whether each holds, and the environment.
 *
 * <pre>
 * java -cp benchmarks.jar dev.zhnorm.bench.Report --results results.json --heap heap.json --cli cli.json \
 *      --out BENCHMARKS.md --command "scripts/bench.sh" --load-before "0.12 0.30 0.20" --load-after "..."
 * </pre>
 */
public final class Report {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> PEER_NAMES = new LinkedHashMap<>();

    static {
        PEER_NAMES.put("opencc4j", "OpenCC4j 1.14.0");
        PEER_NAMES.put("icu4j", "ICU4J " + com.ibm.icu.util.VersionInfo.ICU_VERSION.getMajor() + "."
                + com.ibm.icu.util.VersionInfo.ICU_VERSION.getMinor());
        PEER_NAMES.put("hanlp", "HanLP portable-1.8.6");
    }

    private final List<Result> results = new ArrayList<>();
    private final Map<String, String> options;
    private final StringBuilder md = new StringBuilder();
    private final List<String[]> targets = new ArrayList<>();

    private Report(Map<String, String> options) {
        this.options = options;
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> opts = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --option value, got " + args[i]);
            }
            opts.put(args[i].substring(2), args[i + 1]);
        }
        if (!opts.containsKey("results") || !opts.containsKey("out")) {
            throw new IllegalArgumentException("usage: Report --results a.json[,b.json] --out BENCHMARKS.md "
                    + "[--heap heap.json] [--cli cli.json] [--footprint footprint.json] [--command CMD] [--load-before L] [--load-after L] [--commit C]");
        }
        Report r = new Report(opts);
        for (String f : opts.get("results").split(",")) {
            r.read(Path.of(f.trim()));
        }
        String text = r.render();
        Files.writeString(Path.of(opts.get("out")), text, StandardCharsets.UTF_8);
        System.out.println("wrote " + opts.get("out"));
    }

    /** One JMH result. */
    record Result(String benchmark, Map<String, String> params, double[] raw, double error, String unit, JsonNode node) {
        String klass() {
            String[] parts = benchmark.split("\\.");
            return parts[parts.length - 2];
        }

        String method() {
            return benchmark.substring(benchmark.lastIndexOf('.') + 1);
        }

        String param(String name) {
            return params.get(name);
        }

        double median() {
            double[] s = raw.clone();
            Arrays.sort(s);
            int n = s.length;
            return n == 0 ? Double.NaN : n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
        }

        int samples() {
            return raw.length;
        }
    }

    private void read(Path file) throws IOException {
        JsonNode root = JSON.readTree(file.toFile());
        for (JsonNode b : root) {
            Map<String, String> params = new LinkedHashMap<>();
            b.path("params").properties().forEach(e -> params.put(e.getKey(), e.getValue().asText()));
            JsonNode pm = b.path("primaryMetric");
            List<Double> raw = new ArrayList<>();
            for (JsonNode fork : pm.path("rawData")) {
                for (JsonNode v : fork) {
                    raw.add(v.asDouble());
                }
            }
            double err = parseDouble(pm.path("scoreError").asText());
            results.add(new Result(b.path("benchmark").asText(), params,
                    raw.stream().mapToDouble(Double::doubleValue).toArray(), err, pm.path("scoreUnit").asText(), b));
        }
    }

    private static double parseDouble(String s) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private Optional<Result> find(String klass, String method, Predicate<Result> p) {
        return results.stream().filter(r -> r.klass().equals(klass) && r.method().equals(method) && p.test(r)).findFirst();
    }

    /** Throughput of one result in MB/s of UTF-8 input: {median, error}. */
    private static double[] mbps(Result r, long bytes) {
        double scale = bytes / 1e6;
        if (!r.unit().equals("ops/s")) {
            throw new IllegalStateException(r.benchmark() + ": unit " + r.unit() + ", expected ops/s");
        }
        return new double[] {r.median() * scale, r.error() * scale};
    }

    private String render() throws IOException {
        corpusSection();
        syntheticSection();
        articleSection();
        parallelSection();
        coldStartSection();
        heapSection();
        cliSection();
        footprintSection();
        environmentSection(results.isEmpty() ? null : results.get(0).node());
        StringBuilder doc = new StringBuilder();
        doc.append("# zhnorm benchmarks\n\n");
        doc.append("Generated by `scripts/bench.sh`; do not edit by hand. Throughput is **MB/s of UTF-8 input** ")
                .append("(1 MB = 10^6 bytes), single thread unless stated, the **median** over every measurement ")
                .append("iteration of every fork; ± is JMH's 99.9% error of the mean, in the same unit. ")
                .append("Ratios are zhnorm's median over the peer's, both measured in the same JMH run.\n\n");
        doc.append("## Targets\n\n| target | required | measured | holds |\n|---|---|---|---|\n");
        for (String[] t : targets) {
            doc.append("| ").append(String.join(" | ", t)).append(" |\n");
        }
        doc.append('\n').append(md);
        return doc.toString();
    }

    private void target(String what, String required, String measured, Boolean holds) {
        targets.add(new String[] {what, required, measured, holds == null ? "not measured" : holds ? "yes" : "**no**"});
    }

    // ---- sections --------------------------------------------------------------------------------

    private void corpusSection() {
        List<Result> rs = results.stream().filter(r -> r.klass().equals("CorpusBenchmark")).toList();
        if (rs.isEmpty()) {
            return;
        }
        md.append("## Every preset on 左传 (zuozhuan, 1.9 MB)\n\n");
        md.append("Input: `zuozhuan.txt` (Simplified) for `s2*` and `jp2t`, `zuozhuan.hant.txt` (Traditional) for the ")
                .append("others, from `../shared/corpus`. A peer appears only on the presets it implements ")
                .append("(see `Subjects`: HanLP's `s2tw`/`tw2s` carry Taiwan vocabulary, so they face `s2twp`/`tw2sp`).\n\n");
        throughputTable(rs, r -> CorpusBenchmark.INPUT, "preset", null);
        Map<String, Double> z = zhnormMedians(rs, r -> CorpusBenchmark.INPUT);
        target("t2s in memory (左传)", "≥ 600 MB/s", fmt(z.get("t2s")) + " MB/s", ge(z.get("t2s"), 600));
        target("s2t in memory (左传)", "≥ 250 MB/s", fmt(z.get("s2t")) + " MB/s", ge(z.get("s2t"), 250));
        target("s2twp in memory (左传)", "≥ 150 MB/s", fmt(z.get("s2twp")) + " MB/s", ge(z.get("s2twp"), 150));
    }

    private void syntheticSection() {
        List<Result> rs = results.stream().filter(r -> r.klass().startsWith("Synthetic")).toList();
        if (rs.isEmpty()) {
            return;
        }
        md.append("## Synthetic corpus (1 KB, 100 KB, 10 MB)\n\n");
        md.append("Generated in code with a fixed seed (`Inputs.synthetic`): modern words, single characters, ")
                .append("full-width punctuation, ASCII runs and newlines, in the preset's source script. ICU4J is ")
                .append("not run at 10 MB (about a minute per conversion at its speed on this text).\n\n");
        throughputTable(rs, r -> r.param("input"), "preset", "input");
    }

    private void articleSection() {
        List<Result> rs = results.stream().filter(r -> r.klass().equals("ArticleBenchmark")).toList();
        Optional<Result> norm = results.stream().filter(r -> r.klass().equals("NormalizerBenchmark")).findFirst();
        if (rs.isEmpty() && norm.isEmpty()) {
            return;
        }
        long bytes = Inputs.utf8Bytes(ArticleBenchmark.INPUT, Inputs.Script.TRADITIONAL);
        md.append("## The reference article repeated to 2 MB\n\n");
        md.append("`000_f7272f80a1d8ce85.txt` (modern Traditional news text) repeated to ")
                .append(String.format(Locale.ROOT, "%,d", bytes)).append(" bytes. zhnorm's default \"to Simplified\" ")
                .append("(`t2cn`) and `t2s`, against every peer's Traditional-to-Simplified, and the default ")
                .append("normalization pipeline (`Normalizer.defaults()`).\n\n");
        md.append("| subject | MB/s | ± | ").append("zhnorm t2cn ÷ it |\n|---|---:|---:|---:|\n");
        double t2cn = rs.stream().filter(r -> r.param("subject").equals("zhnorm:t2cn")).findFirst()
                .map(r -> mbps(r, bytes)[0]).orElse(Double.NaN);
        for (Result r : rs) {
            double[] m = mbps(r, bytes);
            String s = r.param("subject");
            String engine = Subjects.engine(s);
            String name = engine.equals("zhnorm") ? "zhnorm " + Subjects.preset(s)
                    : PEER_NAMES.get(engine) + " (" + Subjects.preset(s) + ")";
            md.append("| ").append(name).append(" | ").append(fmt(m[0])).append(" | ").append(fmt(m[1])).append(" | ")
                    .append(engine.equals("zhnorm") ? "" : ratio(t2cn, m[0])).append(" |\n");
        }
        if (norm.isPresent()) {
            double[] m = mbps(norm.get(), bytes);
            md.append("| zhnorm `Normalizer.defaults().normalize` | ").append(fmt(m[0])).append(" | ")
                    .append(fmt(m[1])).append(" | |\n");
            target("default normalization pipeline (article ×2 MB)", "≥ 150 MB/s", fmt(m[0]) + " MB/s", ge(m[0], 150));
        } else {
            md.append("\nThe normalization benchmark did not run: `dev.zhnorm.Normalizer` is not in core yet ")
                    .append("(`benchmarks/src/normalizer` compiles once it lands).\n");
            target("default normalization pipeline (article ×2 MB)", "≥ 150 MB/s",
                    "not built yet (no `dev.zhnorm.Normalizer`)", null);
        }
        md.append('\n');
    }

    private void parallelSection() {
        List<Result> rs = results.stream().filter(r -> r.klass().equals("ParallelBenchmark")).toList();
        if (rs.isEmpty()) {
            return;
        }
        md.append("## 20 MB in one call, one and two threads\n\n");
        md.append("左传 repeated to 20 MB. One thread: `convert(String)`, and `convert(Reader, Writer)` from a ")
                .append("`StringReader` into a writer that only counts. Two threads (a pool of two): core's ")
                .append("`convert(text, executor)` and `convert(reader, writer, executor)`, and, as a reference without ")
                .append("that API, the text split at the line boundary nearest its middle, the halves converted on two ")
                .append("threads and concatenated. Set-up checks that every output equals the one-thread output and ")
                .append("fails otherwise. Scaling: String API over `convert(String)`, streaming API over ")
                .append("`convert(Reader, Writer)`, halves over `convert(String)`.\n\n");
        md.append("| preset | MB | 1 thread String | 2 threads String | scaling | 1 thread Reader→Writer ")
                .append("| 2 threads Reader→Writer | scaling | 2 threads, halves | scaling |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        Double worst = null;
        for (String preset : rs.stream().map(r -> r.param("preset")).distinct().toList()) {
            long bytes = Inputs.utf8Bytes(ParallelBenchmark.INPUT, Inputs.sourceScript(preset));
            double[] one = parallel(preset, "string1T", bytes);
            double[] api = parallel(preset, "api2T", bytes);
            double[] rw = parallel(preset, "readerWriter1T", bytes);
            double[] rw2 = parallel(preset, "readerWriter2T", bytes);
            double[] two = parallel(preset, "split2T", bytes);
            double apiScaling = ratioOf(api, one);
            double rwScaling = ratioOf(rw2, rw);
            double splitScaling = ratioOf(two, one);
            double best = Double.isNaN(apiScaling) ? splitScaling : apiScaling;
            if (!Double.isNaN(best)) {
                worst = worst == null ? best : Math.min(worst, best);
            }
            md.append("| ").append(preset).append(" | ").append(fmt(bytes / 1e6)).append(" | ").append(pm(one))
                    .append(" | ").append(pm(api)).append(" | ").append(times(apiScaling))
                    .append(" | ").append(pm(rw)).append(" | ").append(pm(rw2)).append(" | ").append(times(rwScaling))
                    .append(" | ").append(pm(two)).append(" | ").append(times(splitScaling)).append(" |\n");
        }
        md.append('\n');
        target("2 threads vs 1 on 20 MB (byte-identical)", "≥ 1.8×",
                worst == null ? "n/a" : String.format(Locale.ROOT, "%.2f× (`convert(text, executor)`, worst preset)", worst),
                worst == null ? null : worst >= 1.8);
    }

    private static double ratioOf(double[] a, double[] b) {
        return a == null || b == null ? Double.NaN : a[0] / b[0];
    }

    private double[] parallel(String preset, String method, long bytes) {
        return find("ParallelBenchmark", method, r -> r.param("preset").equals(preset)).map(r -> mbps(r, bytes)).orElse(null);
    }

    private static String times(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.2f×", v);
    }

    private void coldStartSection() {
        List<Result> rs = results.stream().filter(r -> r.klass().equals("ColdStartBenchmark")).toList();
        if (rs.isEmpty()) {
            return;
        }
        md.append("## Cold start: JVM launch to first conversion\n\n");
        md.append("Each sample launches a fresh JVM (`java -cp … ColdStartProbe PRESET`, default JVM options) and ")
                .append("stops the clock when the first conversion's result is read from its output. `baseline` ")
                .append("launches the same JVM without touching zhnorm.\n\n");
        md.append("| preset | median ms | min ms | max ms | samples | over baseline (median) |\n|---|---:|---:|---:|---:|---:|\n");
        double baseline = rs.stream().filter(r -> r.param("preset").equals("baseline")).findFirst()
                .map(Result::median).orElse(Double.NaN);
        double worst = 0;
        String worstPreset = "";
        for (Result r : rs) {
            double[] s = r.raw().clone();
            Arrays.sort(s);
            String p = r.param("preset");
            if (!p.equals("baseline") && r.median() > worst) {
                worst = r.median();
                worstPreset = p;
            }
            md.append("| ").append(p).append(" | ").append(fmt(r.median())).append(" | ").append(fmt(s[0]))
                    .append(" | ").append(fmt(s[s.length - 1])).append(" | ").append(s.length).append(" | ")
                    .append(p.equals("baseline") ? "" : "+" + fmt(r.median() - baseline)).append(" |\n");
        }
        md.append('\n');
        target("first conversion after JVM start", "≤ 150 ms",
                fmt(worst) + " ms (slowest preset, " + worstPreset + ", median)", worst <= 150);
    }

    private void heapSection() throws IOException {
        String file = options.get("heap");
        if (file == null || !Files.exists(Path.of(file))) {
            target("heap with every preset loaded", "≤ 100 MB", "not measured", null);
            return;
        }
        JsonNode h = JSON.readTree(Path.of(file).toFile());
        double mb = h.path("retainedBytes").asDouble() / 1e6;
        md.append("## Heap with every preset loaded\n\n");
        md.append("`HeapProbe` in a fresh JVM (").append(h.path("gc").asText()).append("): used heap after full ")
                .append("collections, before and after `Converter.of(p).convert(…)` for all ").append(h.path("presets").asInt())
                .append(" presets.\n\n| retained by zhnorm | used after | loading all presets took |\n|---:|---:|---:|\n| ")
                .append(fmt(mb)).append(" MB | ").append(fmt(h.path("usedAfterBytes").asDouble() / 1e6)).append(" MB | ")
                .append(fmt(h.path("loadAllMillis").asDouble())).append(" ms |\n\n");
        String capped = options.get("heap-capped");
        if (capped != null) {
            md.append("The same probe under `-Xmx100m`: ").append(capped).append(".\n\n");
        }
        target("heap with every preset loaded", "≤ 100 MB", fmt(mb) + " MB retained", mb <= 100);
    }

    private void cliSection() throws IOException {
        String file = options.get("cli");
        JsonNode c = file != null && Files.exists(Path.of(file)) ? JSON.readTree(Path.of(file).toFile()) : null;
        if (c == null || c.has("skipped")) {
            String why = c == null ? "no CLI timing" : c.path("skipped").asText();
            md.append("## CLI, file to file\n\nSkipped: ").append(why).append(".\n\n");
            target("CLI t2s, 20 MB file to file, after start-up", "≥ 200 MB/s", "skipped: " + why, null);
            return;
        }
        double mbps = c.path("mbpsAfterStartup").asDouble();
        md.append("## CLI, file to file\n\n`").append(c.path("command").asText()).append("` on a ")
                .append(fmt(c.path("bytes").asDouble() / 1e6)).append(" MB file (左传 Traditional, repeated): median of ")
                .append(c.path("runs").asInt()).append(" runs ").append(fmt(c.path("medianSeconds").asDouble() * 1000))
                .append(" ms; the same command on a one-line file (start-up) ")
                .append(fmt(c.path("startupMedianSeconds").asDouble() * 1000)).append(" ms; after start-up **")
                .append(fmt(mbps)).append(" MB/s** (")
                .append(fmt(c.path("mbpsIncludingStartup").asDouble())).append(" MB/s including start-up). Output checked ")
                .append("against `Converter.of(\"t2s\")`: ").append(c.path("outputMatches").asBoolean() ? "identical" : "**differs**")
                .append(".\n\n");
        target("CLI t2s, 20 MB file to file, after start-up", "≥ 200 MB/s", fmt(mbps) + " MB/s", mbps >= 200);
    }

    /** Start-up and memory of the command line, whole process ({@link CliFootprint}). */
    private void footprintSection() throws IOException {
        String file = options.get("footprint");
        if (file == null || !Files.exists(Path.of(file))) {
            return;
        }
        JsonNode rows = JSON.readTree(Path.of(file).toFile()).path("rows");
        md.append("## CLI start-up and memory, whole process\n\n")
                .append("t2s file to file in a fresh process, median of the runs; CPU is user + system time, which ")
                .append("other processes on a busy machine disturb far less than wall time; memory is the peak ")
                .append("resident set size (`/usr/bin/time -f \"%e %U %S %M\"`, `CliFootprint`).\n\n")
                .append("| subject | input | runs | wall (median) | CPU (median) | peak RSS (median / max) |\n")
                .append("|---|---|---:|---:|---:|---:|\n");
        double zhnorm1k = Double.NaN;
        double opencc1k = Double.NaN;
        long rss1k = -1;
        for (JsonNode r : rows) {
            String subject = r.path("subject").asText();
            boolean small = r.path("input").asText().equals("1 KB");
            md.append("| ").append(subject).append(" | ").append(r.path("input").asText()).append(" | ")
                    .append(r.path("runs").asInt()).append(" | ").append(r.path("wallMedianSeconds").asDouble() == 0 ? "< 10"
                            : fmt(r.path("wallMedianSeconds").asDouble() * 1000))
                    .append(" ms | ").append(r.path("cpuMedianSeconds").asDouble() == 0 ? "< 10"
                            : fmt(r.path("cpuMedianSeconds").asDouble() * 1000)).append(" ms | ") // /usr/bin/time counts in 10 ms
                    .append(fmt(r.path("rssMedianKb").asDouble() / 1024)).append(" / ")
                    .append(fmt(r.path("rssMaxKb").asDouble() / 1024)).append(" MiB |\n");
            if (small && subject.contains("launcher")) {
                zhnorm1k = r.path("wallMedianSeconds").asDouble();
                rss1k = r.path("rssMedianKb").asLong();
            }
            if (small && subject.startsWith("opencc")) {
                opencc1k = r.path("wallMedianSeconds").asDouble();
            }
        }
        md.append("\nCommands (in the work folder): ");
        for (JsonNode r : rows) {
            if (r.path("input").asText().equals("1 KB")) {
                md.append("`").append(r.path("command").asText()).append("`; ");
            }
        }
        md.setLength(md.length() - 2);
        md.append(".\n\n");
        if (!Double.isNaN(zhnorm1k)) {
            target("CLI 1 KB conversion, whole process (./zhnorm)", "≤ 150 ms", fmt(zhnorm1k * 1000) + " ms", zhnorm1k <= 0.150);
            if (!Double.isNaN(opencc1k)) {
                // /usr/bin/time counts in 10 ms: a run of opencc under that reads 0.
                double openccAtLeast = Math.max(opencc1k, 0.010);
                double ratio = zhnorm1k / openccAtLeast;
                target("CLI 1 KB conversion against opencc", "≤ 4×",
                        opencc1k < 0.010 ? "over " + fmt(ratio) + "× (opencc under 10 ms)" : fmt(ratio) + "×", ratio <= 4);
            }
            target("CLI peak RSS, 1 KB (./zhnorm)", "≤ 48 MB", fmt(rss1k / 1024.0) + " MiB", rss1k / 1024.0 <= 48);
        }
    }

    private void environmentSection(JsonNode any) throws IOException {
        md.append("## Environment and command\n\n");
        if (any != null) {
            md.append("- JDK: ").append(any.path("vmName").asText()).append(' ').append(any.path("vmVersion").asText())
                    .append(" (`").append(any.path("jvm").asText()).append("`), JMH ").append(any.path("jmhVersion").asText())
                    .append('\n');
        }
        md.append("- CPU: ").append(cpu()).append('\n');
        md.append("- OS: ").append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.version"))
                .append(", ").append(Runtime.getRuntime().availableProcessors()).append(" cores visible to the JVM\n");
        if (options.containsKey("load-before")) {
            md.append("- Load average (1, 5, 15 min) before the run: ").append(options.get("load-before"))
                    .append("; after: ").append(options.getOrDefault("load-after", "?"))
                    .append(" (other builds on this machine make the numbers noisier)\n");
        }
        if (options.containsKey("commit")) {
            md.append("- Commit measured: ").append(options.get("commit")).append('\n');
        }
        if (any != null) {
            Map<String, String> settings = new LinkedHashMap<>();
            for (Result r : results) {
                JsonNode n = r.node();
                String key = r.klass();
                settings.putIfAbsent(key, String.format(Locale.ROOT, "%s: %d fork(s), %d warm-up × %s, %d measurement × %s, JVM %s",
                        key, n.path("forks").asInt(), n.path("warmupIterations").asInt(), n.path("warmupTime").asText(),
                        n.path("measurementIterations").asInt(), n.path("measurementTime").asText(), n.path("jvmArgs")));
            }
            md.append("- JMH settings:\n");
            settings.values().forEach(s -> md.append("  - ").append(s).append('\n'));
        }
        if (options.containsKey("command")) {
            md.append("- Command: `").append(options.get("command")).append("`\n");
        }
        if (options.containsKey("jmh-command")) {
            md.append("- JMH command: `").append(options.get("jmh-command")).append("`\n");
        }
        md.append('\n');
    }

    // ---- tables ----------------------------------------------------------------------------------

    /** One row per (preset[, input]): zhnorm, then each peer, then zhnorm ÷ each peer. */
    private void throughputTable(List<Result> rs, java.util.function.Function<Result, String> input, String rowKey,
                                 String secondKey) {
        List<String> peers = new ArrayList<>(PEER_NAMES.keySet());
        md.append("| preset |").append(secondKey == null ? "" : " input |").append(" MB | zhnorm |");
        peers.forEach(p -> md.append(' ').append(PEER_NAMES.get(p)).append(" |"));
        peers.forEach(p -> md.append(" ÷ ").append(p).append(" |"));
        md.append("\n|---|").append(secondKey == null ? "" : "---|").append("---:|---:|");
        peers.forEach(p -> md.append("---:|"));
        peers.forEach(p -> md.append("---:|"));
        md.append('\n');
        Map<String, Map<String, double[]>> rows = new LinkedHashMap<>();
        Map<String, Long> sizes = new LinkedHashMap<>();
        for (Result r : rs) {
            String subject = r.param("subject");
            String preset = Subjects.preset(subject);
            String in = input.apply(r);
            String key = preset + (secondKey == null ? "" : "\u0000" + in);
            long bytes = Inputs.utf8Bytes(in, Inputs.sourceScript(preset));
            sizes.put(key, bytes);
            rows.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(Subjects.engine(subject), mbps(r, bytes));
        }
        for (Map.Entry<String, Map<String, double[]>> row : rows.entrySet()) {
            String[] k = row.getKey().split("\u0000");
            Map<String, double[]> byEngine = row.getValue();
            double[] z = byEngine.get("zhnorm");
            md.append("| ").append(k[0]).append(" | ");
            if (secondKey != null) {
                md.append(k[1]).append(" | ");
            }
            md.append(fmt(sizes.get(row.getKey()) / 1e6)).append(" | ").append(z == null ? "" : "**" + pm(z) + "**").append(" |");
            for (String p : peers) {
                md.append(' ').append(pm(byEngine.get(p))).append(" |");
            }
            for (String p : peers) {
                double[] peer = byEngine.get(p);
                md.append(' ').append(z == null || peer == null ? "" : ratio(z[0], peer[0])).append(" |");
            }
            md.append('\n');
        }
        md.append('\n');
    }

    private Map<String, Double> zhnormMedians(List<Result> rs, java.util.function.Function<Result, String> input) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (Result r : rs) {
            String s = r.param("subject");
            if (Subjects.engine(s).equals("zhnorm")) {
                String preset = Subjects.preset(s);
                m.put(preset, mbps(r, Inputs.utf8Bytes(input.apply(r), Inputs.sourceScript(preset)))[0]);
            }
        }
        return m;
    }

    private static Boolean ge(Double v, double min) {
        return v == null ? null : v >= min;
    }

    private static String pm(double[] v) {
        return v == null ? "" : fmt(v[0]) + (Double.isNaN(v[1]) ? "" : " ± " + fmt(v[1]));
    }

    private static String ratio(double a, double b) {
        return Double.isNaN(a) || Double.isNaN(b) || b == 0 ? "" : String.format(Locale.ROOT, "%.1f×", a / b);
    }

    static String fmt(Double v) {
        if (v == null || v.isNaN()) {
            return "n/a";
        }
        double a = Math.abs(v);
        return String.format(Locale.ROOT, a >= 100 ? "%,.0f" : a >= 10 ? "%.1f" : a >= 1 ? "%.2f" : "%.3f", v);
    }

    static String cpu() throws IOException {
        Path info = Path.of("/proc/cpuinfo");
        if (!Files.exists(info)) {
            return System.getProperty("os.arch");
        }
        String model = null;
        int n = 0;
        for (String line : Files.readAllLines(info, StandardCharsets.UTF_8)) {
            if (line.startsWith("model name")) {
                n++;
                if (model == null) {
                    model = line.substring(line.indexOf(':') + 1).trim();
                }
            }
        }
        return (model == null ? System.getProperty("os.arch") : model) + " × " + n + " (from /proc/cpuinfo)";
    }
}
