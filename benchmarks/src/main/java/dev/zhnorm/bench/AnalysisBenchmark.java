package dev.zhnorm.bench;

import com.ibm.icu.text.Transliterator;
import dev.zhnorm.Converter;
import dev.zhnorm.Preset;
import dev.zhnorm.lucene.ZhnormAnalyzer;
import dev.zhnorm.lucene.ZhnormCharFilter;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.icu.ICUTransformFilter;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
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

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;

/**
 * Indexing-side analysis throughput: a whole Traditional text through an analyzer, every token
 * consumed (term and offsets read), as {@code IndexWriter} does. Score: analyses per second; MB/s of
 * UTF-8 input is the score times the input's size. Inputs: the reference article (one 10.6 KB
 * document, Traditional) and 左传 in Traditional characters (1.9 MB), and, to show the cost on text
 * that needs no conversion, 左传's Simplified edition.
 *
 * <ul>
 *   <li>{@code standard}: Lucene's {@code StandardAnalyzer} (StandardTokenizer, lower-casing), no conversion;</li>
 *   <li>{@code zhnorm-charfilter}: {@link ZhnormCharFilter} with t2cn, then the same tokenizer and lower-casing;</li>
 *   <li>{@code icu-transform}: the same tokenizer and lower-casing, then lucene-analysis-icu's
 *       {@code ICUTransformFilter} with ICU's "Traditional-Simplified" transliterator, Lucene's own way
 *       to fold the scripts;</li>
 *   <li>{@code zhnorm-analyzer}: {@link ZhnormAnalyzer}, full normalization (t2cn, punctuation, width) before the same chain.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:G1HeapRegionSize=16m"})
public class AnalysisBenchmark {
    /** {@code article}, {@code zuozhuan} (Traditional) or {@code zuozhuan-hans} (the Simplified edition). */
    @Param({"article", "zuozhuan", "zuozhuan-hans"})
    public String input;

    @Param({"standard", "zhnorm-charfilter", "icu-transform", "zhnorm-analyzer"})
    public String analyzer;

    private Analyzer chain;
    private String text;

    @Setup(Level.Trial)
    public void setUp() {
        text = input.endsWith("-hans")
                ? Inputs.text(input.substring(0, input.length() - "-hans".length()), Inputs.Script.SIMPLIFIED)
                : Inputs.text(input, Inputs.Script.TRADITIONAL);
        chain = analyzer(analyzer);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        chain.close();
    }

    @Benchmark
    public long analyze() {
        return consume(chain, text);
    }

    /** @return an analyzer by its benchmark name */
    static Analyzer analyzer(String name) {
        switch (name) {
            case "standard":
                return new StandardAnalyzer();
            case "zhnorm-charfilter": {
                Converter t2cn = Converter.of(Preset.T2CN);
                return new Analyzer() {
                    @Override
                    protected Reader initReader(String field, Reader reader) {
                        return new ZhnormCharFilter(reader, t2cn);
                    }

                    @Override
                    protected TokenStreamComponents createComponents(String field) {
                        StandardTokenizer source = new StandardTokenizer();
                        return new TokenStreamComponents(source, new LowerCaseFilter(source));
                    }
                };
            }
            case "icu-transform": {
                Transliterator t2s = Transliterator.getInstance("Traditional-Simplified");
                return new Analyzer() {
                    @Override
                    protected TokenStreamComponents createComponents(String field) {
                        StandardTokenizer source = new StandardTokenizer();
                        return new TokenStreamComponents(source, new ICUTransformFilter(new LowerCaseFilter(source), t2s));
                    }
                };
            }
            case "zhnorm-analyzer":
                return new ZhnormAnalyzer();
            default:
                throw new IllegalArgumentException("unknown analyzer '" + name + "'");
        }
    }

    /** Analyzes the text as an indexer does; returns a checksum of terms and offsets so nothing is dead code. */
    static long consume(Analyzer a, String text) {
        try (TokenStream ts = a.tokenStream("body", new StringReader(text))) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offsets = ts.addAttribute(OffsetAttribute.class);
            long sum = 0;
            ts.reset();
            while (ts.incrementToken()) {
                sum += term.length() + term.charAt(0) + offsets.endOffset();
            }
            ts.end();
            return sum;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
