package dev.zhnorm.bench;

import dev.zhnorm.Normalizer;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * zhnorm against HanLP in one JVM, interleaved: for each preset, one zhnorm conversion then one
 * HanLP conversion of the same text, round after round, so both see the same machine (load, clock,
 * GC state) and the per-round ratio cancels most of a busy machine's noise. Times are the thread's CPU
 * time (GC threads aside), so other processes' turns on the core do not count. Meant to run pinned to
 * one core ({@code taskset -c 0}, see {@code scripts/bench.sh}); JMH forks each subject apart, which
 * is right for absolute numbers but lets load drift between the two.
 *
 * <p>Usage: {@code PairedTiming [--inputs zuozhuan,synthetic-10MB,synthetic-1KB] [--presets s2t,...]
 * [--rounds 7] [--warmup 20] [--normalizer true] [--out file.md]}. Prints a Markdown table: per preset
 * and input the medians of zhnorm's and HanLP's MB/s (UTF-8 input) and the median of the per-round
 * ratios. A measurement is one call on a text of {@link #BATCH_BYTES} or more, else as many calls
 * in a row as make that much (4,000 on the 1 KB text: a stream of short texts, as search fields and
 * table rows are); warm-up counts measurements.
 * Presets HanLP does not implement get zhnorm's figure alone. With {@code --normalizer}, adds
 * {@code Normalizer.defaults()} on {@code article-2MB}.
 */
public final class PairedTiming {
    /** Times are this thread's CPU time: on a busy machine, wall time counts the other processes' turns. */
    private static final ThreadMXBean THREAD = ManagementFactory.getThreadMXBean();

    private PairedTiming() {
    }

    /** A measurement converts at least this many bytes of UTF-8 input: one call, or a batch of short ones. */
    static final long BATCH_BYTES = 4_000_000;

    /** Every preset, in the report's order. */
    static final List<String> PRESETS = List.of("s2t", "t2s", "s2tw", "tw2s", "s2hk", "hk2s", "s2twp", "tw2sp",
            "t2tw", "tw2t", "t2hk", "hk2t", "t2jp", "jp2t", "s2hkp", "hk2sp", "t2cn");

    public static void main(String[] args) throws IOException {
        List<String> inputs = List.of("zuozhuan", "synthetic-10MB", "synthetic-1KB");
        List<String> presets = PRESETS;
        int rounds = 7;
        // Three warm-up calls left the first preset's loops compiled badly (s2t 380 against 508 MB/s
        // after thirty, HanLP 117 against 143): both sides get twenty.
        int warmup = 20;
        boolean normalizer = true;
        Path out = null;
        for (int i = 0; i < args.length; i += 2) {
            String v = i + 1 < args.length ? args[i + 1] : null;
            if (v == null) {
                throw new IllegalArgumentException("option " + args[i] + " needs a value");
            }
            switch (args[i]) {
                case "--inputs" -> inputs = List.of(v.split(","));
                case "--presets" -> presets = List.of(v.split(","));
                case "--rounds" -> rounds = Integer.parseInt(v);
                case "--warmup" -> warmup = Integer.parseInt(v);
                case "--normalizer" -> normalizer = Boolean.parseBoolean(v);
                case "--out" -> out = Path.of(v);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (expected --inputs, --presets, --rounds, --warmup, --normalizer, --out)");
            }
        }
        StringBuilder md = new StringBuilder();
        md.append("| input | preset | zhnorm MB/s | HanLP MB/s | zhnorm / HanLP |\n");
        md.append("|---|---|---:|---:|---:|\n");
        for (String input : inputs) {
            for (String preset : presets) {
                Row row = measure(input, preset, rounds, warmup);
                md.append(row.markdown()).append('\n');
                System.out.println(row.markdown());
            }
        }
        if (normalizer) {
            String text = Inputs.text("article-2MB", Inputs.Script.TRADITIONAL);
            Normalizer n = Normalizer.defaults();
            double mb = Inputs.utf8Length(text) / 1e6;
            double[] secs = new double[rounds];
            for (int w = 0; w < warmup; w++) {
                n.normalize(text);
            }
            for (int r = 0; r < rounds; r++) {
                secs[r] = time(n::normalize, text, 1);
            }
            String line = String.format(Locale.ROOT, "| article-2MB | Normalizer.defaults() | %.1f | | |",
                    mb / median(secs));
            md.append(line).append('\n');
            System.out.println(line);
        }
        if (out != null) {
            Files.writeString(out, md.toString(), StandardCharsets.UTF_8);
        }
    }

    private record Row(String input, String preset, double zhnorm, double hanlp, double ratio) {
        String markdown() {
            if (Double.isNaN(hanlp)) {
                return String.format(Locale.ROOT, "| %s | %s | %.1f | | |", input, preset, zhnorm);
            }
            return String.format(Locale.ROOT, "| %s | %s | %.1f | %.1f | %.2f× |", input, preset, zhnorm, hanlp, ratio);
        }
    }

    private static Row measure(String input, String preset, int rounds, int warmup) {
        Inputs.Script script = Inputs.sourceScript(preset);
        String text = Inputs.text(input, script);
        long bytes = Inputs.utf8Length(text);
        int calls = (int) Math.max(1, (BATCH_BYTES + bytes - 1) / bytes);
        double mb = bytes * (double) calls / 1e6;
        Function<String, String> z = Subjects.conversion("zhnorm:" + preset);
        Function<String, String> h = Subjects.peers().contains("hanlp:" + preset)
                ? Subjects.conversion("hanlp:" + preset) : null;
        Checks.converts("zhnorm:" + preset, z, text);
        if (h != null) {
            Checks.converts("hanlp:" + preset, h, text);
        }
        for (int w = 0; w < warmup; w++) {
            time(z, text, calls);
            if (h != null) {
                time(h, text, calls);
            }
        }
        double[] zs = new double[rounds];
        double[] hs = new double[rounds];
        double[] ratios = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            zs[r] = time(z, text, calls);
            if (h != null) {
                hs[r] = time(h, text, calls);
                ratios[r] = hs[r] / zs[r];
            }
        }
        return new Row(input, preset, mb / median(zs), h == null ? Double.NaN : mb / median(hs),
                h == null ? Double.NaN : median(ratios));
    }

    /** @return the CPU seconds of {@code calls} conversions of {@code text} in a row */
    private static double time(Function<String, String> f, String text, int calls) {
        long chars = 0;
        long t0 = THREAD.getCurrentThreadCpuTime();
        for (int i = 0; i < calls; i++) {
            chars += f.apply(text).length(); // used, so that no call can be left out
        }
        long t1 = THREAD.getCurrentThreadCpuTime();
        if (chars == 0 && !text.isEmpty()) {
            throw new IllegalStateException("empty output");
        }
        return (t1 - t0) / 1e9;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }
}
