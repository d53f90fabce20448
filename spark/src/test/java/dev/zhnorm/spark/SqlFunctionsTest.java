package dev.zhnorm.spark;

import dev.zhnorm.Converter;
import dev.zhnorm.Normalizer;
import dev.zhnorm.Preset;
import dev.zhnorm.ScriptDetector;
import dev.zhnorm.normalize.Numerals;
import dev.zhnorm.normalize.Style;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The SQL functions through {@code spark.sql(...)}, with the extension configured, against core's own results. */
class SqlFunctionsTest {
    static final List<String> TEXTS = Arrays.asList(
            "漢字與頭髮", "以來,習近平總書記多次到吉林考察調研.", "他說“好”", "三百二十五人", "ＡＢＣ２０２２年",
            "简体中文", "", null, "English only", "隨著時代著名的土著", "𠀾 surrogate pair 們");

    static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = LocalSpark.session();
        spark.createDataset(TEXTS, Encoders.STRING()).toDF("text").createOrReplaceTempView("docs");
    }

    private static List<Row> rows(String sql) {
        return spark.sql(sql).collectAsList();
    }

    @Test
    void convertEqualsCoreRowByRow() {
        for (String preset : List.of("t2s", "s2t", "s2twp", "t2cn")) {
            List<Row> rows = rows("SELECT text, zh_convert(text, '" + preset + "') FROM docs");
            assertEquals(TEXTS.size(), rows.size());
            for (Row r : rows) {
                String in = r.getString(0);
                if (in == null) {
                    assertTrue(r.isNullAt(1), "null passes through as null");
                } else {
                    assertEquals(Converter.of(preset).convert(in), r.getString(1), preset + ": " + in);
                }
            }
        }
    }

    @Test
    void normalizeWithDefaultsAndOptionsEqualsCore() {
        Normalizer tw = Normalizer.builder().noConversion().style(Style.TAIWAN)
                .numerals(Numerals.QUANTITIES_TO_ARABIC).build();
        List<Row> rows = rows("SELECT text, zh_normalize(text),"
                + " zh_normalize(text, map('conversion', 'none', 'style', 'taiwan', 'numerals', 'quantities-to-arabic'))"
                + " FROM docs");
        for (Row r : rows) {
            String in = r.getString(0);
            if (in == null) {
                assertTrue(r.isNullAt(1));
                assertTrue(r.isNullAt(2));
            } else {
                assertEquals(Normalizer.defaults().normalize(in), r.getString(1), in);
                assertEquals(tw.normalize(in), r.getString(2), in);
            }
        }
        assertEquals("以来，习近平总书记多次到吉林考察调研。",
                rows("SELECT zh_normalize('以來,習近平總書記多次到吉林考察調研.')").get(0).getString(0));
    }

    @Test
    void detectReturnsTheScriptId() {
        for (Row r : rows("SELECT text, zh_detect(text) FROM docs")) {
            String in = r.getString(0);
            if (in == null) {
                assertNull(r.get(1));
            } else {
                assertEquals(ScriptDetector.standard().detect(in).script().id(), r.getString(1), in);
            }
        }
        assertEquals("traditional", rows("SELECT zh_detect('臺灣的軟體')").get(0).getString(0));
        assertEquals("none", rows("SELECT zh_detect('')").get(0).getString(0));
    }

    @Test
    void aPresetMaySpellTheJsonSuffixAndTheColumnIsNamedAfterTheCall() {
        Dataset<Row> df = spark.sql("SELECT zh_convert(text, 't2s.json') FROM docs WHERE text = '漢字與頭髮'");
        assertEquals("汉字与头发", df.first().getString(0));
        assertEquals("zh_convert(text, 't2s')", df.columns()[0]);
    }

    @Test
    void unknownPresetFailsAtAnalysisListingTheValidOnes() {
        AnalysisException e = assertThrows(AnalysisException.class,
                () -> spark.sql("SELECT zh_convert(text, 't2x') FROM docs"));
        assertTrue(e.getMessage().contains("unknown preset 't2x'"), e.getMessage());
        assertTrue(e.getMessage().contains("t2s, ") && e.getMessage().contains(", s2twp"), e.getMessage());
    }

    @Test
    void unknownOptionOrValueFailsAtAnalysisListingTheValidOnes() {
        AnalysisException key = assertThrows(AnalysisException.class,
                () -> spark.sql("SELECT zh_normalize(text, map('colour', 'red')) FROM docs"));
        assertTrue(key.getMessage().contains("unknown option 'colour'; valid options: conversion, preset, style,"
                + " numerals, spacing, indent"), key.getMessage());
        AnalysisException value = assertThrows(AnalysisException.class,
                () -> spark.sql("SELECT zh_normalize(text, map('style', 'korea')) FROM docs"));
        assertTrue(value.getMessage().contains("unknown style 'korea'; valid values: mainland, taiwan, hongkong"),
                value.getMessage());
    }

    @Test
    void nonConstantArgumentsAndWrongArityFailAtAnalysis() {
        AnalysisException column = assertThrows(AnalysisException.class,
                () -> spark.sql("SELECT zh_convert(text, text) FROM docs"));
        assertTrue(column.getMessage().contains("the preset must be a constant string"), column.getMessage());
        AnalysisException notMap = assertThrows(AnalysisException.class,
                () -> spark.sql("SELECT zh_normalize(text, 'taiwan') FROM docs"));
        assertTrue(notMap.getMessage().contains("constant map of strings"), notMap.getMessage());
        AnalysisException arity = assertThrows(AnalysisException.class,
                () -> spark.sql("SELECT zh_convert(text) FROM docs"));
        assertTrue(arity.getMessage().contains("zh_convert takes 2 arguments, got 1"), arity.getMessage());
        AnalysisException nullPreset = assertThrows(AnalysisException.class,
                () -> spark.sql("SELECT zh_convert(text, CAST(NULL AS STRING)) FROM docs"));
        assertTrue(nullPreset.getMessage().contains("must not be null"), nullPreset.getMessage());
    }

    @Test
    void describeFunctionShowsTheUsage() {
        String usage = rows("DESCRIBE FUNCTION zh_convert").toString();
        assertTrue(usage.contains("zh_convert(text, preset) - Converts Chinese text"), usage);
    }

    @Test
    void worksInsideOtherExpressionsAndAfterAShuffle() {
        List<Row> rows = rows("SELECT zh_detect(text) AS script, count(*) FROM docs GROUP BY zh_detect(text)"
                + " ORDER BY script");
        long total = rows.stream().mapToLong(r -> r.getLong(1)).sum();
        assertEquals(TEXTS.size(), total);
        assertEquals("汉字与头发!", rows("SELECT concat(zh_convert(text, 't2s'), '!') FROM docs"
                + " WHERE text = '漢字與頭髮'").get(0).getString(0));
    }
}
