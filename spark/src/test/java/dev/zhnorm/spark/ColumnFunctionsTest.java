package dev.zhnorm.spark;

import dev.zhnorm.Converter;
import dev.zhnorm.Normalizer;
import dev.zhnorm.ScriptDetector;
import dev.zhnorm.normalize.Spacing;
import dev.zhnorm.normalize.Style;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static dev.zhnorm.spark.ZhnormFunctions.convert;
import static dev.zhnorm.spark.ZhnormFunctions.detect;
import static dev.zhnorm.spark.ZhnormFunctions.normalize;
import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Java column functions, on a 100,000-row dataset, row by row against zhnorm-core. */
class ColumnFunctionsTest {
    static final int ROWS = 100_000;
    static final String[] PIECES = {
        "漢字", "頭髮", "以來,", "習近平總書記", "多次到吉林考察調研.", "他說“好”", "「兩個確立」", "三百二十五人",
        "ＡＢＣ", "２０２２年", "简体中文", "軟體", "隨著", "著名", "English", " ", "　", "𠀾", "們", "http://example.com/漢",
        "1.5", "臺灣", "，", "。", "!", "?", "Ｔｅｓｔ", "乾隆", "甚麼", "...",
    };

    static SparkSession spark;
    static List<String> texts;
    static Dataset<Row> docs;

    @BeforeAll
    static void start() {
        spark = LocalSpark.session();
        Random random = new Random(20261202L);
        System.out.println("ColumnFunctionsTest seed 20261202");
        texts = new ArrayList<>(ROWS);
        List<Row> rows = new ArrayList<>(ROWS);
        for (int i = 0; i < ROWS; i++) {
            String text;
            if (i % 997 == 0) {
                text = null;
            } else if (i % 991 == 0) {
                text = "";
            } else {
                StringBuilder sb = new StringBuilder();
                for (int k = 1 + random.nextInt(8); k > 0; k--) {
                    sb.append(PIECES[random.nextInt(PIECES.length)]);
                }
                text = sb.toString();
            }
            texts.add(text);
            rows.add(RowFactory.create(i, text));
        }
        StructType schema = new StructType().add("id", DataTypes.IntegerType, false).add("text", DataTypes.StringType);
        // Parallelized (not a local relation, which Spark may evaluate on the driver): the rows go
        // through serialized tasks on the executor threads.
        docs = spark.createDataFrame(JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(rows, 4),
                schema);
    }

    @Test
    void hundredThousandRowsEqualCoreRowByRow() {
        Normalizer pangu = Normalizer.builder().noConversion().style(Style.TAIWAN).spacing(Spacing.PANGU).build();
        List<Row> out = docs.select(col("id"), convert(col("text"), "t2s"), normalize(col("text")),
                        normalize(col("text"), Map.of("conversion", "none", "style", "taiwan", "spacing", "pangu")),
                        detect(col("text")))
                .collectAsList();
        assertEquals(ROWS, out.size());
        int nulls = 0;
        for (Row r : out) {
            String in = texts.get(r.getInt(0));
            if (in == null) {
                nulls++;
                for (int c = 1; c <= 4; c++) {
                    assertTrue(r.isNullAt(c), "null in, null out");
                }
                continue;
            }
            assertEquals(Converter.of("t2s").convert(in), r.getString(1), in);
            assertEquals(Normalizer.defaults().normalize(in), r.getString(2), in);
            assertEquals(pangu.normalize(in), r.getString(3), in);
            assertEquals(ScriptDetector.standard().detect(in).script().id(), r.getString(4), in);
        }
        assertEquals(ROWS / 997 + 1, nulls);
    }

    @Test
    void interpretedEvaluationGivesTheSameRowsAsGeneratedCode() {
        // Catalyst falls back to eval() when code generation is off; both paths must agree.
        String key = "spark.sql.codegen.factoryMode";
        Dataset<Row> small = docs.where(col("id").lt(2000)).select(col("id"), normalize(col("text")));
        List<Row> generated = small.orderBy("id").collectAsList();
        spark.conf().set(key, "NO_CODEGEN");
        spark.conf().set("spark.sql.codegen.wholeStage", "false");
        try {
            List<Row> interpreted = docs.where(col("id").lt(2000)).select(col("id"), normalize(col("text")))
                    .orderBy("id").collectAsList();
            assertEquals(generated, interpreted);
        } finally {
            spark.conf().unset(key);
            spark.conf().unset("spark.sql.codegen.wholeStage");
        }
    }

    @Test
    void aNonStringColumnIsCastToString() {
        Row r = docs.where(col("id").equalTo(5)).select(convert(col("id"), "t2s")).first();
        assertEquals("5", r.getString(0));
    }

    @Test
    void unknownPresetOrOptionFailsWhenTheColumnIsBuilt() {
        NullPointerException noOptions = assertThrows(NullPointerException.class,
                () -> normalize(col("text"), null));
        assertEquals("options: give an empty map for the defaults", noOptions.getMessage());
        IllegalArgumentException preset = assertThrows(IllegalArgumentException.class,
                () -> convert(col("text"), "nope"));
        assertTrue(preset.getMessage().startsWith("unknown preset 'nope'; valid presets: s2t, t2s"), preset.getMessage());
        IllegalArgumentException numerals = assertThrows(IllegalArgumentException.class,
                () -> normalize(col("text"), Map.of("numerals", "roman")));
        assertEquals("unknown numerals 'roman'; valid values: keep, width-only, quantities-to-arabic,"
                + " arabic-to-chinese", numerals.getMessage());
    }

    @Test
    void explainShowsTheFunctionAndItsOptionsNotAnObject() {
        String plan = docs.select(convert(col("text"), "s2twp")).queryExecution().analyzed().toString();
        assertTrue(plan.contains("zh_convert(text"), plan);
        assertTrue(plan.contains("s2twp"), plan);
    }
}
