package dev.zhnorm.spark;

import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.apache.spark.sql.functions.base64;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;
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
 * <p>The job changes the normalized values and nothing else. Text and JSON are read as lines split at
 * {@code \n} only and written with {@code \n}, so a {@code \r} before it or inside a line is kept. A
 * JSON line is never re-serialized: only the bytes of the key's string value are replaced (see
 * {@link JsonLine}), so other fields keep their types, order and spelling.
 *
 * <p>Bad rows are never dropped silently: a value or line that is not well-formed UTF-8 (text and
 * Parquet keep bytes as they are), and a JSON line that is not one well-formed object, has a duplicate
 * key, or holds a value under the key that is not a string or null, or a lone surrogate escape, are
 * left out of the output, counted, and with {@code --bad-rows} written there: text lines byte for
 * byte; JSON lines as objects with the reason in {@code _zhnorm_error} and the line in
 * {@code _zhnorm_record} (in base64 in {@code _zhnorm_record_base64} if it is not UTF-8); Parquet rows
 * with the reason in {@code _zhnorm_error}. The counts come
 * from accumulators updated in the write's only stage (see {@link JobCounters}), so retried tasks do
 * not count twice; {@code --bad-rows} reads the input a second time to write them.
 *
 * <p>Exit status: 0 done, 1 the job failed, 2 a usage error.
 */
public final class NormalizeJob {
    /** The column of Spark's text reader: a line (also of JSON input), without its {@code \n}. */
    static final String LINE = "value";
    /** The reason column of the bad-rows output. */
    static final String ERROR_COLUMN = "_zhnorm_error";
    /** The line of a bad JSON record in the bad-rows output. */
    static final String RAW_RECORD_COLUMN = "_zhnorm_record";
    /** The line of a bad JSON record that is not UTF-8, in base64, in the bad-rows output. */
    static final String RAW_RECORD_BASE64_COLUMN = "_zhnorm_record_base64";

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
        JobCounters counters = JobCounters.register(spark.sparkContext());
        boolean json = args.format().equals("json");
        // Text and JSON are read as lines (column "value"); Parquet's column is the one named.
        String column = json ? LINE : args.column();
        Column value = col(quote(column));
        Column reason;
        Column transformed;
        if (json) {
            checkJsonKey(in, args.column());
            reason = new Column(new JobExpressions.JsonScan(value.expr(), args.column(), true));
            transformed = new Column(new JobExpressions.CountingJsonTransform(value.expr(), args.column(),
                    args.spec(), counters));
        } else {
            checkStringColumn(in, column);
            reason = new Column(new JobExpressions.InvalidUtf8(value.expr()));
            transformed = new Column(new JobExpressions.CountingTransform(value.expr(), args.spec(), counters));
        }
        Column countedReason = new Column(new JobExpressions.CountRows(reason.expr(), counters));
        write(in.where(countedReason.isNull()).withColumn(column, transformed), args, args.output());

        if (args.badRows().isPresent()) {
            Dataset<Row> bad = in.withColumn(ERROR_COLUMN, reason).where(col(ERROR_COLUMN).isNotNull());
            bad = switch (args.format()) {
                case "text" -> bad.select(LINE); // the raw lines, bytes as read
                case "json" -> bad.select(badJsonLine(value, col(ERROR_COLUMN)).as(LINE));
                default -> bad;
            };
            write(bad, args, args.badRows().get());
        }
        return new Result(counters.rowsRead().value(), counters.rowsChanged().value(),
                counters.charsChanged().value(), counters.badRows().value());
    }

    /**
     * A bad JSON line as a JSON object: the reason, and the line as a string; a line that is not UTF-8
     * (which a JSON string cannot hold) in base64 instead, so that its bytes are kept.
     */
    private static Column badJsonLine(Column line, Column reason) {
        Column notUtf8 = new Column(new JobExpressions.InvalidUtf8(line.expr()));
        return when(notUtf8.isNull(), to_json(struct(reason.as(ERROR_COLUMN), line.as(RAW_RECORD_COLUMN))))
                .otherwise(to_json(struct(reason.as(ERROR_COLUMN),
                        base64(line.cast(DataTypes.BinaryType)).as(RAW_RECORD_BASE64_COLUMN))));
    }

    /** @throws JobArguments.UsageException when the column is missing or not a string */
    private static void checkStringColumn(Dataset<Row> in, String column) {
        List<String> columns = Arrays.asList(in.columns());
        if (!columns.contains(column)) {
            throw new JobArguments.UsageException("column '" + column + "' is not in the input; columns: "
                    + String.join(", ", columns));
        }
        StructField field = in.schema().apply(column);
        if (!field.dataType().equals(DataTypes.StringType)) {
            throw new JobArguments.UsageException("column '" + column + "' is "
                    + field.dataType().simpleString() + ", not a string: nothing to normalize");
        }
    }

    /**
     * The check pass over JSON lines, in place of Spark's schema inference (which read all of the
     * input too): refuses a key that no record has, or has with no string or null value.
     *
     * @throws JobArguments.UsageException naming the key and what the records hold instead
     */
    private static void checkJsonKey(Dataset<Row> lines, String key) {
        Column kind = new Column(new JobExpressions.JsonScan(col(LINE).expr(), key, false));
        Map<String, Long> kinds = new HashMap<>();
        for (Row r : lines.groupBy(kind.as("kind")).count().collectAsList()) {
            kinds.put(r.getString(0), r.getLong(1));
        }
        if (kinds.containsKey(JsonLine.STRING) || kinds.containsKey(JsonLine.NULL)) {
            return;
        }
        List<String> types = kinds.keySet().stream()
                .filter(k -> !List.of(JsonLine.BLANK, JsonLine.ABSENT, JsonLine.MALFORMED).contains(k)).sorted().toList();
        if (!types.isEmpty()) {
            throw new JobArguments.UsageException("column '" + key + "' is " + String.join(" or ", types)
                    + ", not a string: nothing to normalize");
        }
        if (kinds.containsKey(JsonLine.ABSENT)) {
            int shown = 20;
            List<String> keys = lines.where(kind.equalTo(JsonLine.ABSENT))
                    .select(explode(expr("json_object_keys(" + LINE + ")")).as("key")).distinct().sort("key")
                    .limit(shown + 1).as(Encoders.STRING()).collectAsList();
            throw new JobArguments.UsageException("column '" + key + "' is not in the input; columns: "
                    + String.join(", ", keys.subList(0, Math.min(shown, keys.size())))
                    + (keys.size() > shown ? ", …" : ""));
        }
        // Nothing but blank lines and bad rows: the run reports them.
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
            case "text", "json" -> reader.option("lineSep", "\n").text(args.input());
            case "parquet" -> reader.parquet(args.input());
            default -> throw new JobArguments.UsageException("unknown format '" + args.format() + "'");
        };
    }

    private static void write(Dataset<Row> df, JobArguments args, String path) {
        DataFrameWriter<Row> w = df.write().mode(args.overwrite() ? SaveMode.Overwrite : SaveMode.ErrorIfExists);
        if (args.format().equals("parquet")) {
            w.parquet(path);
        } else {
            w.option("lineSep", "\n").text(path); // JSON too: its lines are written as they were read
        }
    }

    private static String quote(String name) {
        return "`" + name.replace("`", "``") + "`";
    }
}
