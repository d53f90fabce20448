package dev.zhnorm.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the "Search analysis" section of {@code BENCHMARKS.md} from an {@link AnalysisBenchmark}
 * JMH JSON file: MB/s of UTF-8 input (median of the measurement iterations, ± JMH's 99.9% error),
 * the char filter's cost over {@code StandardAnalyzer} and its speed against lucene-analysis-icu's
 * transform, and whether the targets of issue 13 hold on 左传 Traditional: at most +30% over standard,
 * and the ICU transform adding at least 20× what the char filter adds to standard's time (whole
 * chains share the tokenizer, which bounds their ratio). {@code scripts/bench.sh} runs it after the
 * benchmark.
 *
 * <pre>
 * java -cp benchmarks.jar dev.zhnorm.bench.AnalysisReport --results analysis.json --out analysis.md \
 *      --command "..." --load-before "0.5 0.4 0.3" --load-after "..." --commit abc1234
 * </pre>
 */
public final class AnalysisReport {
    private static final String[][] INPUTS = {
        {"article", "article (Traditional, one document)"},
        {"zuozhuan", "左传 Traditional"},
        {"zuozhuan-hans", "左传 Simplified (little to convert)"},
    };
    private static final String[] ANALYZERS = {"standard", "zhnorm-charfilter", "icu-transform", "zhnorm-analyzer"};
    /** Issue 13: the char filter costs at most this much over standard, and the ICU transform adds this many times what it adds. */
    private static final double MAX_COST = 0.30;
    private static final double MIN_VS_ICU = 20;

    private AnalysisReport() {
    }

    /**
     * @param args {@code --results}, {@code --out}, and optionally {@code --command}, {@code --load-before},
     *     {@code --load-after}, {@code --commit}, and {@code --paired} with {@code --paired-command}: the
     *     table of {@link AnalysisPairedTiming} and how it was run
     * @throws IOException when a file cannot be read or written
     */
    public static void main(String[] args) throws IOException {
        Map<String, String> opts = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opts.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        if (!opts.containsKey("results") || !opts.containsKey("out")) {
            throw new IllegalArgumentException("usage: AnalysisReport --results analysis.json --out analysis.md "
                    + "[--command CMD] [--load-before L] [--load-after L] [--commit C] [--paired table.md --paired-command CMD]");
        }
        Map<String, double[]> scores = read(Path.of(opts.get("results")));
        Files.writeString(Path.of(opts.get("out")), render(scores, opts), StandardCharsets.UTF_8);
        System.out.println("wrote " + opts.get("out"));
    }

    /** @return analyzer + "/" + input → {median ops/s, error ops/s} */
    private static Map<String, double[]> read(Path file) throws IOException {
        Map<String, double[]> scores = new LinkedHashMap<>();
        for (JsonNode b : new ObjectMapper().readTree(file.toFile())) {
            JsonNode pm = b.path("primaryMetric");
            List<Double> raw = new ArrayList<>();
            pm.path("rawData").forEach(fork -> fork.forEach(v -> raw.add(v.asDouble())));
            double[] s = raw.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            int n = s.length;
            double median = n == 0 ? Double.NaN : n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
            double error;
            try {
                error = Double.parseDouble(pm.path("scoreError").asText());
            } catch (NumberFormatException e) {
                error = Double.NaN;
            }
            JsonNode p = b.path("params");
            scores.put(p.path("analyzer").asText() + "/" + p.path("input").asText(), new double[] {median, error});
        }
        return scores;
    }

    private static long bytes(String input) {
        return input.endsWith("-hans")
                ? Inputs.utf8Bytes(input.substring(0, input.length() - "-hans".length()), Inputs.Script.SIMPLIFIED)
                : Inputs.utf8Bytes(input, Inputs.Script.TRADITIONAL);
    }

    private static String render(Map<String, double[]> scores, Map<String, String> opts) throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("## Search analysis (AnalysisBenchmark)\n\n");
        md.append("Indexing-side analysis: the whole text through the analyzer, every token consumed (term and ")
                .append("offsets read). MB/s of UTF-8 input, median of the measurement iterations ± JMH's 99.9% error. ")
                .append("`standard` is Lucene's `StandardAnalyzer`; `zhnorm char filter` is `ZhnormCharFilter` with t2cn ")
                .append("before StandardTokenizer and lower-casing; `ICU transform` is the same tokenizer and lower-casing ")
                .append("followed by lucene-analysis-icu's `ICUTransformFilter` (\"Traditional-Simplified\"); ")
                .append("`ZhnormAnalyzer` normalizes fully (t2cn, punctuation, width) before the same chain.\n\n");
        md.append("| input | standard | zhnorm char filter | ICU transform | ZhnormAnalyzer | char filter's cost over standard | char filter vs ICU |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|\n");
        Double cost = null;
        Double vsIcu = null;
        double[] zuozhuan = null;
        for (String[] in : INPUTS) {
            long bytes = bytes(in[0]);
            md.append("| ").append(in[1]).append(String.format(Locale.ROOT, ", %.1f KB", bytes / 1e3)).append(" |");
            double[] mbps = new double[ANALYZERS.length];
            for (int a = 0; a < ANALYZERS.length; a++) {
                double[] s = scores.getOrDefault(ANALYZERS[a] + "/" + in[0], new double[] {Double.NaN, Double.NaN});
                mbps[a] = s[0] * bytes / 1e6;
                double err = s[1] * bytes / 1e6;
                md.append(' ').append(Report.fmt(mbps[a])).append(Double.isNaN(err) ? "" : " ± " + Report.fmt(err)).append(" |");
            }
            double rowCost = mbps[0] / mbps[1] - 1;
            double rowVsIcu = mbps[1] / mbps[2];
            md.append(String.format(Locale.ROOT, " %+.0f%% | %.2f× |%n", 100 * rowCost, rowVsIcu));
            if (in[0].equals("zuozhuan")) {
                cost = rowCost;
                vsIcu = rowVsIcu;
                zuozhuan = mbps;
            }
        }
        md.append('\n');
        if (cost != null && !cost.isNaN()) {
            // Both chains include StandardTokenizer, so the whole-chain ratio is bounded by standard's
            // speed; what each adds to standard compares the char filter and the transform themselves.
            double standardMs = 1e3 / zuozhuan[0];
            double filterAdds = 1e3 / zuozhuan[1] - standardMs;
            double icuAdds = 1e3 / zuozhuan[2] - standardMs;
            double componentRatio = icuAdds / filterAdds;
            md.append(String.format(Locale.ROOT, "Targets (issue 13, on 左传 Traditional): the char filter costs at most "
                            + "+30%% over `standard`: **%s** (%+.0f%%); it runs at least 20× as fast as the ICU transform, "
                            + "compared as what each adds to `standard`: **%s** (%.1f×).%n%n", cost <= MAX_COST ? "met" : "missed",
                    100 * cost, componentRatio >= MIN_VS_ICU ? "met" : "missed", componentRatio));
            md.append(String.format(Locale.ROOT, "Counting only what each adds to `standard` (%.1f ms per MB): the char "
                            + "filter adds %.1f ms per MB, the ICU transform %.1f ms, %.1f× as much. Whole chains compare at "
                            + "%.1f×: both run StandardTokenizer, so the char filter chain could be 20× the ICU chain only by "
                            + "running at %s MB/s, faster than `standard` alone (%s MB/s).%n%n", standardMs, filterAdds, icuAdds,
                    componentRatio, vsIcu, Report.fmt(MIN_VS_ICU * zuozhuan[2]), Report.fmt(zuozhuan[0])));
        }
        md.append("Command: `").append(opts.getOrDefault("command", "AnalysisBenchmark")).append("`; commit ")
                .append(opts.getOrDefault("commit", "unknown")).append(", JDK ").append(System.getProperty("java.version"))
                .append(", ").append(Report.cpu()).append(". Load average before: ")
                .append(opts.getOrDefault("load-before", "unknown")).append("; after: ")
                .append(opts.getOrDefault("load-after", "unknown"))
                .append(" (one fork and one-second iterations on a shared machine: compare the ratios more than the MB/s).\n");
        if (opts.containsKey("paired")) {
            md.append("\nThe same analyzers in one JVM, interleaved round after round (`AnalysisPairedTiming`): MB/s from ")
                    .append("the thread's CPU time, medians of the rounds, and the medians of the per-round ratios, which a ")
                    .append("busy machine's drift disturbs far less than the JMH rows above. The last column is what the ICU ")
                    .append("transform adds to `standard`'s time over what the char filter adds.\n\n")
                    .append(Files.readString(Path.of(opts.get("paired")), StandardCharsets.UTF_8))
                    .append("\nCommand: `").append(opts.getOrDefault("paired-command", "AnalysisPairedTiming")).append("`.\n");
        }
        return md.toString();
    }
}
