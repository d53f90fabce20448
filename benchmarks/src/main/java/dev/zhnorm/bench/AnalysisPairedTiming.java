package dev.zhnorm.bench;

import org.apache.lucene.analysis.Analyzer;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The analyzers of {@link AnalysisBenchmark} in one JVM, interleaved: each round analyzes the text
 * once with each of them, so all see the same machine, and the per-round ratios cancel most of a busy
 * machine's drift (JMH measures one analyzer after the other, minutes apart). Times are the thread's
 * CPU time. Prints, and with {@code --out} writes, a Markdown table: per input the medians of each
 * analyzer's MB/s (UTF-8 input) and the medians of the per-round ratios that issue 13's targets are
 * about.
 *
 * <p>Usage: {@code AnalysisPairedTiming [--inputs zuozhuan,zuozhuan-hans] [--rounds 15] [--warmup 5] [--out file.md]}.
 */
public final class AnalysisPairedTiming {
    private static final ThreadMXBean THREAD = ManagementFactory.getThreadMXBean();
    private static final List<String> ANALYZERS = List.of("standard", "zhnorm-charfilter", "icu-transform", "zhnorm-analyzer");

    private AnalysisPairedTiming() {
    }

    /**
     * @param args the options above
     * @throws IOException when the output cannot be written
     */
    public static void main(String[] args) throws IOException {
        List<String> inputs = List.of("zuozhuan", "zuozhuan-hans");
        int rounds = 15;
        int warmup = 5;
        Path out = null;
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + args[i] + " needs a value");
            }
            String v = args[i + 1];
            switch (args[i]) {
                case "--inputs" -> inputs = List.of(v.split(","));
                case "--rounds" -> rounds = Integer.parseInt(v);
                case "--warmup" -> warmup = Integer.parseInt(v);
                case "--out" -> out = Path.of(v);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (expected --inputs, --rounds, --warmup, --out)");
            }
        }
        StringBuilder md = new StringBuilder();
        md.append("| input | standard | zhnorm char filter | ICU transform | ZhnormAnalyzer "
                + "| char filter's cost over standard | char filter vs ICU | ICU's added cost ÷ char filter's |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (String input : inputs) {
            String row = row(input, rounds, warmup);
            md.append(row).append('\n');
            System.out.println(row);
        }
        if (out != null) {
            Files.writeString(out, md.toString(), StandardCharsets.UTF_8);
        }
    }

    private static String row(String input, int rounds, int warmup) {
        String text = input.endsWith("-hans")
                ? Inputs.text(input.substring(0, input.length() - "-hans".length()), Inputs.Script.SIMPLIFIED)
                : Inputs.text(input, Inputs.Script.TRADITIONAL);
        double mb = Inputs.utf8Length(text) / 1e6;
        List<Analyzer> analyzers = ANALYZERS.stream().map(AnalysisBenchmark::analyzer).toList();
        int n = analyzers.size();
        double[][] secs = new double[n][rounds];
        for (int r = -warmup; r < rounds; r++) {
            for (int a = 0; a < n; a++) {
                long t0 = THREAD.getCurrentThreadCpuTime();
                AnalysisBenchmark.consume(analyzers.get(a), text);
                double s = (THREAD.getCurrentThreadCpuTime() - t0) / 1e9;
                if (r >= 0) {
                    secs[a][r] = s;
                }
            }
        }
        analyzers.forEach(Analyzer::close);
        double[] cost = new double[rounds];
        double[] vsIcu = new double[rounds];
        double[] added = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            cost[r] = secs[1][r] / secs[0][r] - 1;
            vsIcu[r] = secs[2][r] / secs[1][r];
            added[r] = (secs[2][r] - secs[0][r]) / (secs[1][r] - secs[0][r]);
        }
        StringBuilder row = new StringBuilder("| ").append(input).append(" |");
        for (int a = 0; a < n; a++) {
            row.append(' ').append(Report.fmt(mb / median(secs[a]))).append(" |");
        }
        row.append(String.format(Locale.ROOT, " %+.0f%% | %.2f× | %.1f× |", 100 * median(cost), median(vsIcu), median(added)));
        return row.toString();
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }
}
