package dev.zhnorm.spark;

import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

/**
 * The batch job: reads a text, JSON or Parquet input, normalizes one string column (each line, for
 * text), writes the same format, and prints the counts.
 *
 * <pre>
 * spark-submit --class dev.zhnorm.spark.NormalizeJob zhnorm-spark.jar \
 *     --input s3a://bucket/crawl/*.json --output s3a://bucket/clean --format json --column text \
 *     --style mainland --bad-rows s3a://bucket/bad
 * </pre>
 *
 * <p>Text is read as lines split at {@code \n} only and written with {@code \n}, so a {@code \r}
 * before it or inside a line is kept.
 *
 * <p>Bad rows are never dropped silently: a JSON record Spark cannot parse ({@code _corrupt_record})
 * and a value that is not well-formed UTF-8 (text and Parquet keep bytes as they are) are left out of
 * the output, counted, and with {@code --bad-rows} written there: text lines byte for byte; JSON and
 * Parquet rows in their format with the reason in {@code _zhnorm_error} (and a malformed JSON
 * record's text in {@code _zhnorm_record}). The counts come
 * from accumulators updated in the write's only stage (see {@link JobCounters}), so retried tasks do
 * not count twice; {@code --bad-rows} reads the input a second time to write them.
 *
 * <p>Exit status: 0 done, 1 the job failed, 2 a usage error.
 */
public final class NormalizeJob {
    /** Spark's default name for the raw text of a record its JSON reader could not parse. */
    static final String CORRUPT_RECORD = "_corrupt_record";
    /** The reason column of the bad-rows output. */
    static final String ERROR_COLUMN = "_zhnorm_error";
    /** The raw text of a malformed JSON record in the bad-rows output. */
    static final String RAW_RECORD_COLUMN = "_zhnorm_record";

    private NormalizeJob() {
    }

    /**
     * The counts a run prints.
     *
     * @param rowsRead rows read
     * @param rowsChanged rows the normalization changed
     * @param charsChanged chars changed (see {@link JobCounters#charsChanged(String, String)})
     * @param badRows rows left out as bad
     */
    public record Result(long rowsRead, long rowsChanged, long charsChanged, long badRows) {
        void print(PrintStream out, Optional<String> badRowsPath) {
            out.println("rows read:          " + rowsRead);
            out.println("rows changed:       " + rowsChanged);
            out.println("characters changed: " + charsChanged);
            out.println("bad rows:           " + badRows
                    + badRowsPath.map(p -> badRows > 0 ? " (written to " + p + ")" : "").orElse(
                            badRows > 0 ? " (not written: give --bad-rows PATH to keep them)" : ""));
        }
    }

    /**
     * @param args the command line, see {@link JobArguments#USAGE}
     */
    public static void main(String[] args) {
        Optional<JobArguments> parsed;
        try {
            parsed = JobArguments.parse(args);
        } catch (JobArguments.UsageException e) {
            System.err.println("zhnorm: " + e.getMessage());
            System.err.println(JobArguments.USAGE);
            System.exit(2);
            return;
        }
        if (parsed.isEmpty()) {
            System.out.println(JobArguments.USAGE);
            return;
        }
        SparkSession.Builder builder = SparkSession.builder().appName("zhnorm normalize");
        if (System.getProperty("spark.master") == null) {
            builder.master("local[*]"); // run directly with java -cp, outside spark-submit
        }
        SparkSession spark = builder.getOrCreate();
        int status = 0;
        try {
            run(spark, parsed.get()).print(System.out, parsed.get().badRows());
        } catch (JobArguments.UsageException e) {
            System.err.println("zhnorm: " + e.getMessage());
            status = 2;
        } catch (Exception e) { // Spark's AnalysisException is checked in Scala's sense: not a RuntimeException
            System.err.println("zhnorm: the job failed: " + e.getMessage());
            e.printStackTrace();
            status = 1;
        } finally {
            spark.stop();
        }
        if (status != 0) {
            System.exit(status);
        }
    }

    /**
     * Runs the job in a session.
     *
     * @param spark the session
     * @param args the checked arguments
     * @return the counts
     * @throws JobArguments.UsageException when the column is missing or not a string
     */
    static Result run(SparkSession spark, JobArguments args) {
        checkTargets(spark, args);
        Dataset<Row> in = read(spark, args);
        List<String> columns = Arrays.asList(in.columns());
        if (!columns.contains(args.column())) {
            throw new JobArguments.UsageException("column '" + args.column() + "' is not in the input; columns: "
                    + String.join(", ", columns));
        }
        StructField field = in.schema().apply(args.column());
        if (!field.dataType().equals(DataTypes.StringType)) {
            throw new JobArguments.UsageException("column '" + args.column() + "' is "
                    + field.dataType().simpleString() + ", not a string: nothing to normalize");
        }
        boolean hasCorrupt = columns.contains(CORRUPT_RECORD);
        Column text = col(quote(args.column()));
        Column invalid = new Column(new JobExpressions.InvalidUtf8(text.expr()));
        Column reason = hasCorrupt
                ? when(col(CORRUPT_RECORD).isNotNull(), lit("malformed record")).otherwise(invalid)
                : invalid;

        JobCounters counters = JobCounters.register(spark.sparkContext());
        Column countedReason = new Column(new JobExpressions.CountRows(reason.expr(), counters));
        Dataset<Row> good = in.where(countedReason.isNull())
                .withColumn(args.column(), new Column(new JobExpressions.CountingTransform(text.expr(),
                        args.spec(), counters)));
        if (hasCorrupt) {
            good = good.drop(CORRUPT_RECORD);
        }
        write(good, args.format(), args.output(), args.overwrite());

        if (args.badRows().isPresent()) {
            Dataset<Row> bad = in.withColumn(ERROR_COLUMN, reason).where(col(ERROR_COLUMN).isNotNull());
            if (args.format().equals("text")) {
                bad = bad.select(args.column()); // the raw lines, bytes as read
            } else if (hasCorrupt) {
                // Under its own name, a JSON reader would take it for its corrupt-record column again.
                bad = bad.withColumnRenamed(CORRUPT_RECORD, RAW_RECORD_COLUMN);
            }
            write(bad, args.format(), args.badRows().get(), args.overwrite());
        }
        return new Result(counters.rowsRead().value(), counters.rowsChanged().value(),
                counters.charsChanged().value(), counters.badRows().value());
    }

    /**
     * Refuses, before any work, a target that is the input, holds it or lies in it (even with
     * {@code --overwrite}: writing it would destroy the input), and targets that Spark would refuse
     * only after writing the first of them: an existing {@code --output} or {@code --bad-rows}
     * without {@code --overwrite} (the arguments already refuse the two being the same).
     *
     * @throws JobArguments.UsageException naming the path
     */
    private static void checkTargets(SparkSession spark, JobArguments args) {
        List<String[]> targets = new ArrayList<>();
        targets.add(new String[] {"--output", args.output()});
        args.badRows().ifPresent(p -> targets.add(new String[] {"--bad-rows", p}));
        // An input that is not there is the user's mistake, said in one line, not a failed job's trace.
        Path in = new Path(args.input());
        try {
            FileStatus[] found = in.getFileSystem(spark.sparkContext().hadoopConfiguration()).globStatus(in);
            if (found == null || found.length == 0) {
                throw new JobArguments.UsageException("--input " + args.input() + ": no such file or folder"
                        + (inputRoot(args.input()).equals(args.input()) ? "" : " matches the pattern"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("--input " + args.input() + ": cannot check it: " + e.getMessage(), e);
        }
        // Whatever --overwrite says: a target that is the input, holds it or lies in it would be
        // emptied before (or while) the input is read, and the input lost.
        String input = qualified(spark, inputRoot(args.input()));
        for (String[] t : targets) {
            String target = qualified(spark, t[1]);
            if (target.equals(input) || input.startsWith(target + "/") || target.startsWith(input + "/")) {
                throw new JobArguments.UsageException(t[0] + " " + t[1] + " is, holds or lies in --input "
                        + args.input() + ", which writing it would destroy; choose a folder outside the input");
            }
        }
        if (args.overwrite()) {
            return;
        }
        for (String[] t : targets) {
            Path path = new Path(t[1]);
            try {
                if (path.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(path)) {
                    throw new JobArguments.UsageException(t[0] + " " + t[1]
                            + " already exists; give --overwrite to replace it");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(t[0] + " " + t[1] + ": cannot check it: " + e.getMessage(), e);
            }
        }
    }

    /** @return the part of an input path before its first component with a glob char ({@code data/*.txt} → {@code data}) */
    private static String inputRoot(String input) {
        String[] parts = input.split("/", -1);
        StringBuilder root = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].matches(".*[*?\\[{].*")) {
                break;
            }
            if (i > 0) {
                root.append('/');
            }
            root.append(parts[i]);
        }
        return root.isEmpty() ? "." : root.toString();
    }

    /** @return the path made absolute on its file system, without a trailing slash */
    private static String qualified(SparkSession spark, String path) {
        try {
            Path p = new Path(path);
            String q = p.getFileSystem(spark.sparkContext().hadoopConfiguration()).makeQualified(p).toString();
            return q.endsWith("/") && q.length() > 1 ? q.substring(0, q.length() - 1) : q;
        } catch (IOException | IllegalArgumentException e) {
            throw new JobArguments.UsageException(path + ": not a path this job can read or write: " + e.getMessage());
        }
    }

    private static Dataset<Row> read(SparkSession spark, JobArguments args) {
        DataFrameReader reader = spark.read();
        return switch (args.format()) {
            // Split at \n only, so that a \r before it, or alone, stays in the line and is written back.
            case "text" -> reader.option("lineSep", "\n").text(args.input());
            case "json" -> reader.option("mode", "PERMISSIVE")
                    .option("columnNameOfCorruptRecord", CORRUPT_RECORD).json(args.input());
            case "parquet" -> reader.parquet(args.input());
            default -> throw new JobArguments.UsageException("unknown format '" + args.format() + "'");
        };
    }

    private static void write(Dataset<Row> df, String format, String path, boolean overwrite) {
        df.write().mode(overwrite ? SaveMode.Overwrite : SaveMode.ErrorIfExists).format(format).save(path);
    }

    private static String quote(String name) {
        return "`" + name.replace("`", "``") + "`";
    }
}
