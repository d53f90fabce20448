package dev.zhnorm.spark;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The batch job's command line, parsed and checked before Spark starts.
 *
 * @param input what to read: any path Spark reads (local, {@code hdfs://}, {@code s3a://}, globs)
 * @param output where to write (a directory of part files, as Spark writes)
 * @param format {@code text}, {@code json} or {@code parquet}; the output has the same
 * @param column the string column to normalize ({@code value}, the line, for text; for JSON the
 *     top-level key, matched case-sensitively)
 * @param spec what to do to it
 * @param badRows where bad rows go, if anywhere
 * @param overwrite whether to replace existing output
 */
record JobArguments(String input, String output, String format, String column, TransformSpec spec,
                    Optional<String> badRows, boolean overwrite) {

    static final List<String> FORMATS = List.of("text", "json", "parquet");

    static final String USAGE = String.join("\n",
            "Usage: spark-submit --class dev.zhnorm.spark.NormalizeJob zhnorm-spark.jar \\",
            "         --input PATH --output PATH [--format text|json|parquet] [--column NAME] [options]",
            "",
            "Reads PATH (any path Spark reads), normalizes one string column (for text, each line),",
            "writes the same format to --output, and prints rows read, rows changed, characters changed",
            "and bad rows. Nothing else changes: text and JSON lines keep every other byte (\\r too).",
            "",
            "  -i, --input PATH      input file, folder or glob (required)",
            "  -o, --output PATH     output folder (required; must not exist unless --overwrite)",
            "  --format FORMAT       text (default), json or parquet",
            "  --column NAME         the column to normalize for json (a top-level key, case-sensitive)",
            "                        and parquet (default: text)",
            "  --convert-only        convert with the preset only, without normalization",
            "  --conversion PRESET   conversion preset, or none (default t2cn); aliases -c and --config",
            "                        (the command line's) and --preset (Lucene's, OpenSearch's)",
            "  --style STYLE         mainland (default), taiwan, hongkong",
            "  --numerals MODE       keep, width-only (default), quantities-to-arabic, arabic-to-chinese",
            "  --spacing MODE        auto (default: each row's own convention), none, pangu, keep",
            "  --indent MODE         keep (default), strip",
            "  --bad-rows PATH       write rows that cannot be normalized here (invalid UTF-8; JSON:",
            "                        malformed records, duplicate keys, a value that is not a string):",
            "                        text: the raw lines, byte for byte; JSON: objects with the reason",
            "                        in _zhnorm_error and the line in _zhnorm_record; Parquet: the rows",
            "                        with the reason in _zhnorm_error",
            "  --overwrite           replace --output (and --bad-rows) if they exist",
            "  --help                this text");

    /** A command line the job cannot run with; the message says why. */
    static final class UsageException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    /**
     * @param args the command line
     * @return the arguments, or empty for {@code --help}
     * @throws UsageException for a missing, unknown or invalid option
     */
    static Optional<JobArguments> parse(String... args) {
        String input = null;
        String output = null;
        String format = "text";
        String column = null;
        String badRows = null;
        boolean overwrite = false;
        boolean convertOnly = false;
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String name = a;
            String value = null;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                name = a.substring(0, eq);
                value = a.substring(eq + 1);
            }
            switch (name) {
                case "--help", "-h" -> {
                    return Optional.empty();
                }
                case "--overwrite" -> overwrite = true;
                case "--convert-only" -> convertOnly = true;
                case "--input", "-i", "--output", "-o", "--format", "--column", "--bad-rows", "--conversion",
                     "--preset", "-c", "--config", "--style", "--numerals", "--spacing", "--indent" -> {
                    if (value == null) {
                        if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                            throw new UsageException(name + " needs a value");
                        }
                        value = args[++i];
                    }
                    switch (name) {
                        case "--input", "-i" -> input = value;
                        case "--output", "-o" -> output = value;
                        case "--format" -> format = value.toLowerCase(Locale.ROOT);
                        case "--column" -> column = value;
                        case "--bad-rows" -> badRows = value;
                        // The command line's and the search modules' names for the conversion.
                        case "--preset", "-c", "--config" -> options.put(TransformSpec.CONVERSION, value);
                        default -> options.put(name.substring(2), value);
                    }
                }
                default -> throw new UsageException("unknown option '" + a + "'");
            }
        }
        if (input == null) {
            throw new UsageException("--input is required");
        }
        if (output == null) {
            throw new UsageException("--output is required");
        }
        if (input.isEmpty() || output.isEmpty() || (badRows != null && badRows.isEmpty())) {
            throw new UsageException("an empty path (an unset variable?); --input, --output and --bad-rows need paths");
        }
        if (!FORMATS.contains(format)) {
            throw new UsageException("unknown format '" + format + "'; valid formats: " + String.join(", ", FORMATS));
        }
        if (format.equals("text")) {
            if (column != null && !column.equals("value")) {
                throw new UsageException("--column does not apply to text input: each line is normalized");
            }
            column = "value";
        } else if (column == null) {
            column = "text";
        }
        if (output.equals(input) || output.equals(badRows)) {
            throw new UsageException("--output must differ from --input and --bad-rows");
        }
        TransformSpec spec;
        try {
            if (convertOnly) {
                Map<String, String> rest = new LinkedHashMap<>(options);
                String preset = rest.remove(TransformSpec.CONVERSION);
                if (!rest.isEmpty()) {
                    throw new UsageException("--convert-only takes --conversion only, not --"
                            + String.join(", --", rest.keySet()));
                }
                if (preset == null || preset.equals(TransformSpec.NO_CONVERSION)) {
                    throw new UsageException("--convert-only needs --conversion PRESET");
                }
                spec = TransformSpec.convert(preset);
            } else {
                spec = TransformSpec.normalize(options);
            }
        } catch (UsageException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        return Optional.of(new JobArguments(input, output, format, column, spec, Optional.ofNullable(badRows),
                overwrite));
    }
}
