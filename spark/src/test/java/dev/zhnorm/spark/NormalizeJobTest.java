package dev.zhnorm.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zhnorm.Converter;
import dev.zhnorm.Normalizer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The batch job on text, JSON and Parquet inputs written here, against zhnorm-core row by row. */
class NormalizeJobTest {
    static final List<String> LINES = List.of("以來,習近平總書記多次到吉林考察調研.", "他說“好”", "", "简体中文，已经规范。",
            "三百二十五人", "　　縮進的段落", "ＡＢＣ２０２２年", "English only");

    static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = LocalSpark.session();
    }

    private static NormalizeJob.Result run(String... args) {
        return NormalizeJob.run(spark, JobArguments.parse(args).orElseThrow());
    }

    /** The bytes of the part files of a Spark output folder, in order. */
    private static byte[] partBytes(Path dir) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.getFileName().toString().startsWith("part-")).sorted().toList()) {
                all.write(Files.readAllBytes(p));
            }
        }
        return all.toByteArray();
    }

    private static String partText(Path dir) throws IOException {
        return new String(partBytes(dir), StandardCharsets.UTF_8);
    }

    /** The lines of every part file of a Spark output folder, as bytes split on newlines. */
    private static List<byte[]> partLines(Path dir) throws IOException {
        List<byte[]> lines = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.getFileName().toString().startsWith("part-")).sorted().toList()) {
                byte[] all = Files.readAllBytes(p);
                int start = 0;
                for (int i = 0; i < all.length; i++) {
                    if (all[i] == '\n') {
                        lines.add(Arrays.copyOfRange(all, start, i));
                        start = i + 1;
                    }
                }
            }
        }
        return lines;
    }

    private static long changedRows(List<String> in, java.util.function.UnaryOperator<String> f) {
        return in.stream().filter(s -> !f.apply(s).equals(s)).count();
    }

    private static long changedChars(List<String> in, java.util.function.UnaryOperator<String> f) {
        return in.stream().mapToLong(s -> JobCounters.charsChanged(s, f.apply(s))).sum();
    }

    @Test
    void textLinesAreNormalizedAndInvalidUtf8IsABadRow(@TempDir Path dir) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (String line : LINES) {
            bytes.write(line.getBytes(StandardCharsets.UTF_8));
            bytes.write('\n');
        }
        byte[] cesuSurrogate = {'a', (byte) 0xED, (byte) 0xA0, (byte) 0x80, 'b'}; // a lone surrogate, encoded
        byte[] truncated = {(byte) 0xE6, (byte) 0xBC};
        bytes.write(cesuSurrogate);
        bytes.write('\n');
        bytes.write(truncated);
        bytes.write('\n');
        Path input = dir.resolve("in.txt");
        Files.write(input, bytes.toByteArray());

        NormalizeJob.Result r = run("--input", input.toString(), "--output", dir.resolve("out").toString(),
                "--bad-rows", dir.resolve("bad").toString());

        List<String> out = partLines(dir.resolve("out")).stream()
                .map(b -> new String(b, StandardCharsets.UTF_8)).collect(Collectors.toList());
        assertEquals(LINES.stream().map(Normalizer.defaults()::normalize).collect(Collectors.toList()), out);
        assertEquals(LINES.size() + 2, r.rowsRead());
        assertEquals(2, r.badRows());
        assertEquals(changedRows(LINES, Normalizer.defaults()::normalize), r.rowsChanged());
        assertEquals(changedChars(LINES, Normalizer.defaults()::normalize), r.charsChanged());
        assertTrue(r.rowsChanged() >= 4, "the sample has lines to change: " + r);

        List<byte[]> bad = partLines(dir.resolve("bad"));
        assertEquals(2, bad.size());
        assertArrayEquals(cesuSurrogate, bad.get(0), "bad lines are written byte for byte");
        assertArrayEquals(truncated, bad.get(1));
    }

    @Test
    void jsonColumnIsNormalizedOtherFieldsKeptMalformedRecordsReported(@TempDir Path dir) throws IOException {
        List<String> json = new ArrayList<>();
        for (int i = 0; i < LINES.size(); i++) {
            json.add("{\"id\": " + i + ", \"text\": \"" + LINES.get(i) + "\", \"lang\": \"zh\"}");
        }
        json.add("{\"id\": 100, \"text\": null, \"lang\": \"zh\"}");
        json.add("{\"id\": 101, \"lang\": \"zh\"}");
        json.add("{\"id\": 102, \"text\": \"broken");
        Path input = dir.resolve("in.json");
        Files.write(input, json, StandardCharsets.UTF_8);

        NormalizeJob.Result r = run("--input", input.toString(), "--output", dir.resolve("out").toString(),
                "--format", "json", "--conversion", "t2s", "--style", "taiwan", "--bad-rows",
                dir.resolve("bad").toString());

        Normalizer expected = Normalizer.builder().conversion(dev.zhnorm.Preset.T2S)
                .style(dev.zhnorm.normalize.Style.TAIWAN).build();
        Map<Long, Row> byId = new HashMap<>();
        Dataset<Row> written = spark.read().json(dir.resolve("out").toString());
        assertFalse(Arrays.asList(written.columns()).contains("_corrupt_record"));
        for (Row row : written.collectAsList()) {
            byId.put(row.getLong(row.fieldIndex("id")), row);
        }
        assertEquals(LINES.size() + 2, byId.size());
        for (int i = 0; i < LINES.size(); i++) {
            Row row = byId.get((long) i);
            assertEquals(expected.normalize(LINES.get(i)), row.getString(row.fieldIndex("text")), LINES.get(i));
            assertEquals("zh", row.getString(row.fieldIndex("lang")));
        }
        assertTrue(byId.get(100L).isNullAt(byId.get(100L).fieldIndex("text")), "null stays null");
        assertEquals(LINES.size() + 3, r.rowsRead());
        assertEquals(1, r.badRows());
        assertEquals(changedRows(LINES, expected::normalize), r.rowsChanged());

        List<Row> bad = spark.read().json(dir.resolve("bad").toString()).collectAsList();
        assertEquals(1, bad.size());
        String reason = bad.get(0).getString(bad.get(0).fieldIndex(NormalizeJob.ERROR_COLUMN));
        assertTrue(reason.startsWith("malformed record: "), reason);
        assertEquals("{\"id\": 102, \"text\": \"broken",
                bad.get(0).getString(bad.get(0).fieldIndex(NormalizeJob.RAW_RECORD_COLUMN)));
    }

    @Test
    void parquetWithConversionOnlyAndInvalidBytes(@TempDir Path dir) {
        StructType schema = new StructType().add("id", DataTypes.IntegerType).add("body", DataTypes.StringType)
                .add("raw", DataTypes.BinaryType);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < LINES.size(); i++) {
            rows.add(RowFactory.create(i, LINES.get(i), new byte[] {1}));
        }
        rows.add(RowFactory.create(99, null, new byte[0]));
        // Parquet stores strings as bytes: a value that is not UTF-8 reaches the job as it is.
        spark.createDataFrame(rows, schema)
                .union(spark.sql("SELECT 98 AS id, CAST(X'E6BC' AS STRING) AS body, X'00' AS raw"))
                .coalesce(1).write().parquet(dir.resolve("in").toString());

        NormalizeJob.Result r = run("--input", dir.resolve("in").toString(), "--output",
                dir.resolve("out").toString(), "--format", "parquet", "--column", "body", "--convert-only",
                "--conversion", "t2s", "--bad-rows", dir.resolve("bad").toString());

        Map<Integer, String> out = new HashMap<>();
        for (Row row : spark.read().parquet(dir.resolve("out").toString()).collectAsList()) {
            out.put(row.getInt(0), row.getString(1));
            assertEquals(DataTypes.BinaryType, row.schema().apply("raw").dataType());
        }
        for (int i = 0; i < LINES.size(); i++) {
            assertEquals(Converter.of("t2s").convert(LINES.get(i)), out.get(i));
        }
        assertTrue(out.containsKey(99) && out.get(99) == null);
        assertFalse(out.containsKey(98));
        assertEquals(LINES.size() + 2, r.rowsRead());
        assertEquals(1, r.badRows());
        assertEquals(changedRows(LINES, Converter.of("t2s")::convert), r.rowsChanged());
        Row bad = spark.read().parquet(dir.resolve("bad").toString()).first();
        assertEquals(98, bad.getInt(0));
        assertEquals("invalid UTF-8 at byte 0", bad.getString(bad.fieldIndex(NormalizeJob.ERROR_COLUMN)));
    }

    @Test
    void badRowsWithoutAPathAreStillCountedAndTheOutputMustNotExist(@TempDir Path dir) throws IOException {
        Path input = dir.resolve("in.txt");
        Files.write(input, new byte[] {'o', 'k', '\n', (byte) 0xFF, '\n'});
        String output = dir.resolve("out").toString();
        NormalizeJob.Result r = run("--input", input.toString(), "--output", output);
        assertEquals(new NormalizeJob.Result(2, 0, 0, 1), r);
        JobArguments.UsageException exists = assertThrows(JobArguments.UsageException.class,
                () -> run("--input", input.toString(), "--output", output));
        assertEquals("--output " + output + " already exists; give --overwrite to replace it", exists.getMessage());
        assertEquals(new NormalizeJob.Result(2, 0, 0, 1),
                run("--input", input.toString(), "--output", output, "--overwrite"));
    }

    /**
     * A target that is the input, holds it or lies in it is refused even with --overwrite (found by
     * an adversarial pass: '--bad-rows src --overwrite' emptied the input before the job read it).
     */
    @Test
    void aTargetThatWouldDestroyTheInputIsRefusedEvenWithOverwrite(@TempDir Path dir) throws IOException {
        Path src = Files.createDirectories(dir.resolve("src"));
        Path in = Files.write(src.resolve("in.txt"), List.of("臺灣"), StandardCharsets.UTF_8);
        String out = dir.resolve("out").toString();
        List<String[]> destructive = List.of(
                new String[] {"--input", src.toString(), "--output", out, "--bad-rows", src.toString(), "--overwrite"},
                new String[] {"--input", src.toString(), "--output", src + "/", "--overwrite"},
                new String[] {"--input", src.toString(), "--output", dir.toString(), "--overwrite"},
                new String[] {"--input", src + "/*.txt", "--output", src.resolve("o").toString(), "--overwrite"},
                new String[] {"--input", in.toString(), "--output", out, "--bad-rows", in.toString(), "--overwrite"});
        for (String[] args : destructive) {
            JobArguments.UsageException e = assertThrows(JobArguments.UsageException.class, () -> run(args));
            assertTrue(e.getMessage().contains("which writing it would destroy"), e.getMessage());
            assertEquals(List.of("臺灣"), Files.readAllLines(in, StandardCharsets.UTF_8), String.join(" ", args));
        }
        assertEquals(new NormalizeJob.Result(1, 1, 2, 0), run("--input", src.toString(), "--output", out, "--overwrite"));
    }

    /** A missing input, or one a pattern does not match, is a usage error in one line; so is an empty path. */
    @Test
    void aMissingInputOrAnEmptyPathIsAUsageError(@TempDir Path dir) {
        String out = dir.resolve("out").toString();
        JobArguments.UsageException missing = assertThrows(JobArguments.UsageException.class,
                () -> run("--input", dir.resolve("missing").toString(), "--output", out));
        assertEquals("--input " + dir.resolve("missing") + ": no such file or folder", missing.getMessage());
        JobArguments.UsageException pattern = assertThrows(JobArguments.UsageException.class,
                () -> run("--input", dir + "/*.none", "--output", out));
        assertTrue(pattern.getMessage().endsWith("no such file or folder matches the pattern"), pattern.getMessage());
        assertThrows(JobArguments.UsageException.class, () -> JobArguments.parse(new String[] {"--input", "", "--output", out}));
        assertFalse(Files.exists(Path.of(out)));
    }

    /** An existing --bad-rows is refused before anything is written, not after the output is. */
    @Test
    void existingTargetsAreRefusedBeforeAnyWork(@TempDir Path dir) throws IOException {
        Path input = Files.write(dir.resolve("in.txt"), List.of("臺灣"), StandardCharsets.UTF_8);
        Path bad = Files.createDirectories(dir.resolve("bad"));
        String output = dir.resolve("out").toString();
        JobArguments.UsageException e = assertThrows(JobArguments.UsageException.class,
                () -> run("--input", input.toString(), "--output", output, "--bad-rows", bad.toString()));
        assertEquals("--bad-rows " + bad + " already exists; give --overwrite to replace it", e.getMessage());
        assertFalse(Files.exists(Path.of(output)), "nothing written");
    }

    @Test
    void aMissingOrNonStringColumnIsAUsageError(@TempDir Path dir) throws IOException {
        Path input = dir.resolve("in.json");
        Files.write(input, List.of("{\"n\": 1}", "{\"n\": 2}"), StandardCharsets.UTF_8);
        String out = dir.resolve("out").toString();
        JobArguments.UsageException missing = assertThrows(JobArguments.UsageException.class,
                () -> run("--input", input.toString(), "--output", out, "--format", "json"));
        assertEquals("column 'text' is not in the input; columns: n", missing.getMessage());
        JobArguments.UsageException notString = assertThrows(JobArguments.UsageException.class,
                () -> run("--input", input.toString(), "--output", out, "--format", "json", "--column", "n"));
        assertEquals("column 'n' is number, not a string: nothing to normalize", notString.getMessage());
    }

    @Test
    void commandLineErrorsAreClear() {
        assertEquals(Optional.empty(), JobArguments.parse("--help"));
        assertUsage("--input is required", "--output", "o");
        assertUsage("--output is required", "--input", "i");
        assertUsage("--output needs a value", "--input", "i", "--output");
        assertUsage("unknown option '--colour'", "--input", "i", "--output", "o", "--colour", "red");
        assertUsage("unknown format 'csv'; valid formats: text, json, parquet", "--input", "i", "--output", "o",
                "--format", "csv");
        assertUsage("unknown style 'korea'; valid values: mainland, taiwan, hongkong", "--input", "i",
                "--output", "o", "--style=korea");
        assertUsage("--column does not apply to text input: each line is normalized", "--input", "i",
                "--output", "o", "--column", "body");
        assertUsage("--convert-only needs --conversion PRESET", "--input", "i", "--output", "o", "--convert-only");
        assertUsage("--convert-only takes --conversion only, not --style", "--input", "i", "--output", "o",
                "--convert-only", "--conversion", "t2s", "--style", "taiwan");
        JobArguments a = JobArguments.parse("--input", "i", "--output", "o", "--format", "JSON", "--preset", "none",
                "--spacing", "pangu").orElseThrow();
        assertEquals("json", a.format());
        assertEquals("text", a.column());
        assertEquals(TransformSpec.normalize(Map.of("conversion", "none", "spacing", "pangu")), a.spec());
    }

    private static void assertUsage(String message, String... args) {
        JobArguments.UsageException e = assertThrows(JobArguments.UsageException.class, () -> JobArguments.parse(args));
        assertEquals(message, e.getMessage());
    }

    /**
     * Item 1 of the adversarial pass: a duplicate key made Spark's JSON reader fail the whole job
     * (COLUMN_ALREADY_EXISTS). Such a record is now a bad row; the others are normalized.
     */
    @Test
    void jsonRecordsWithADuplicateKeyAreBadRowsNotAFailedJob(@TempDir Path dir) throws IOException {
        List<String> lines = List.of("{\"id\": 1, \"text\": \"臺灣\"}", "{\"id\": 2, \"text\": \"a\", \"text\": \"臺\"}",
                "{\"id\": 3, \"id\": 4, \"text\": \"臺\"}");
        Path input = Files.write(dir.resolve("in.json"), lines, StandardCharsets.UTF_8);

        NormalizeJob.Result r = run("--input", input.toString(), "--output", dir.resolve("out").toString(),
                "--format", "json", "--bad-rows", dir.resolve("bad").toString());

        assertEquals(new NormalizeJob.Result(3, 1, 2, 2), r);
        assertEquals("{\"id\": 1, \"text\": \"台湾\"}\n", partText(dir.resolve("out")));
        ObjectMapper json = new ObjectMapper();
        List<String> bad = partText(dir.resolve("bad")).lines().toList();
        assertEquals(2, bad.size());
        for (int i = 0; i < 2; i++) {
            JsonNode row = json.readTree(bad.get(i));
            assertEquals(i == 0 ? "duplicate key 'text'" : "duplicate key 'id'", row.get(NormalizeJob.ERROR_COLUMN).asText());
            assertEquals(lines.get(i + 1), row.get(NormalizeJob.RAW_RECORD_COLUMN).asText(), "the line as it was");
        }
    }

    /**
     * Item 2 of the adversarial pass: Spark resolved JSON keys case-insensitively, so a key differing
     * from --column in case only failed the job (COLUMN_ALREADY_EXISTS) or lost its value. Keys are
     * now matched case-sensitively: {@code Text} is another field, written as it was.
     */
    @Test
    void jsonKeysDifferingFromTheColumnInCaseOnlyAreKeptAsTheyWere(@TempDir Path dir) throws IOException {
        Path input = Files.write(dir.resolve("in.json"), List.of("{\"id\": 1, \"Text\": \"臺灣\", \"TEXT\": 1, \"text\": \"臺\"}",
                "{\"id\": 2, \"Text\": \"臺灣\"}"), StandardCharsets.UTF_8);
        NormalizeJob.Result r = run("--input", input.toString(), "--output", dir.resolve("out").toString(),
                "--format", "json");
        assertEquals("{\"id\": 1, \"Text\": \"臺灣\", \"TEXT\": 1, \"text\": \"台\"}\n{\"id\": 2, \"Text\": \"臺灣\"}\n",
                partText(dir.resolve("out")));
        assertEquals(new NormalizeJob.Result(2, 1, 1, 0), r);
    }

    /**
     * Item 3 of the adversarial pass: Spark's JSON writer wrote other fields as the schema merged over
     * all records said: a number that is a string in another record as a string, 1 next to 2.5 as 1.0,
     * arrays of mixed types as strings, with sorted keys and null fields dropped. Now every byte outside
     * the column's value is written as it was read (a blank line and a \r before the \n too).
     */
    @Test
    void jsonFieldsOtherThanTheColumnAreWrittenByteForByte(@TempDir Path dir) throws IOException {
        String in = String.join("\n",
                "{\"id\": 1, \"score\": 2.5, \"ok\": true, \"text\": \"臺灣\"}",
                "{\"text\":\"後來\",\"id\":\"two\",\"score\":1,\"big\":123456789012345678901234567890,"
                        + "\"f\":0.1000000000000000055511151231257827,\"z\":null,"
                        + "\"nested\":{\"a\":[1,\"x\",{\"b\":null,\"text\":\"臺\"}]},\"esc\":\"\\u81fa\\/\"}\r",
                "") + "\n";
        Path input = Files.write(dir.resolve("in.json"), in.getBytes(StandardCharsets.UTF_8));

        NormalizeJob.Result r = run("--input", input.toString(), "--output", dir.resolve("out").toString(),
                "--format", "json");

        String expected = in.replace("\"text\": \"臺灣\"", "\"text\": \"台湾\"").replace("\"text\":\"後來\"", "\"text\":\"后来\"");
        assertEquals(expected, partText(dir.resolve("out")));
        assertEquals(new NormalizeJob.Result(3, 2, 4, 0), r);
        JsonNode first = new ObjectMapper().readTree(expected.lines().findFirst().orElseThrow());
        assertTrue(first.get("id").isInt() && first.get("score").isDouble() && first.get("ok").isBoolean(),
                first.toString());
    }

    /**
     * Item 4 of the adversarial pass: Spark's text reader split lines at \r too and its writer ended
     * every line with \n, so \r\n and a lone \r became \n, uncounted, also in bad lines. Lines now end
     * where a \n is, keeping any \r. A byte-order mark at the start of a file is still dropped (Hadoop's
     * line reader skips it) and a last line without \n gets one, as the README says.
     */
    @Test
    void textLineEndsAreKeptByteForByte(@TempDir Path dir) throws IOException {
        ByteArrayOutputStream in = new ByteArrayOutputStream();
        in.write("\uFEFF臺灣\r\n第二行\r第三行\n".getBytes(StandardCharsets.UTF_8));
        in.write(new byte[] {'a', (byte) 0xFF, '\r', '\n'});
        in.write("最後".getBytes(StandardCharsets.UTF_8));
        Path input = Files.write(dir.resolve("in.txt"), in.toByteArray());

        NormalizeJob.Result r = run("--input", input.toString(), "--output", dir.resolve("out").toString(),
                "--bad-rows", dir.resolve("bad").toString());

        assertEquals("台湾\r\n第二行\r第三行\n最后\n", partText(dir.resolve("out")));
        assertArrayEquals(new byte[] {'a', (byte) 0xFF, '\r', '\n'}, partBytes(dir.resolve("bad")));
        assertEquals(new NormalizeJob.Result(4, 2, 3, 1), r);
    }

    /** Item 5: the command line's spellings -c/--config, -i and -o mean what they mean there. */
    @Test
    void theCommandLinesSpellingsAreAliases() {
        JobArguments cli = JobArguments.parse("-i", "in", "-o", "out", "-c", "t2s", "--style", "taiwan").orElseThrow();
        assertEquals(JobArguments.parse("--input", "in", "--output", "out", "--conversion", "t2s", "--style", "taiwan")
                .orElseThrow(), cli);
        assertEquals(TransformSpec.normalize(Map.of("conversion", "none")),
                JobArguments.parse("--input", "i", "--output", "o", "--config=none").orElseThrow().spec());
        assertEquals(TransformSpec.convert("s2twp"),
                JobArguments.parse("--input", "i", "--output", "o", "--convert-only", "--config", "s2twp").orElseThrow().spec());
        assertUsage("-c needs a value", "--input", "i", "--output", "o", "-c");
    }
}
