package dev.zhnorm.spark;

import dev.zhnorm.Converter;
import dev.zhnorm.Normalizer;
import dev.zhnorm.normalize.Style;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.feature.SQLTransformer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ZhnormTransformer on its own and inside a Pipeline that is saved and loaded again. */
class TransformerTest {
    static final List<String> TEXTS = Arrays.asList("漢字與頭髮", "他說“好”,然後走了.", null, "", "软件和鼠标");

    static SparkSession spark;
    static Dataset<Row> docs;

    @BeforeAll
    static void start() {
        spark = LocalSpark.session();
        docs = spark.createDataset(TEXTS, Encoders.STRING()).toDF("text").repartition(2);
    }

    private static void assertColumn(Dataset<Row> out, String column, java.util.function.UnaryOperator<String> expected) {
        List<Row> rows = out.select("text", column).collectAsList();
        assertEquals(TEXTS.size(), rows.size());
        for (Row r : rows) {
            String in = r.getString(0);
            if (in == null) {
                assertNull(r.get(1));
            } else {
                assertEquals(expected.apply(in), r.getString(1), in);
            }
        }
    }

    @Test
    void normalizesByDefaultIntoTheOutputColumn() {
        ZhnormTransformer zh = new ZhnormTransformer().setInputCol("text").setOutputCol("clean");
        assertColumn(zh.transform(docs), "clean", Normalizer.defaults()::normalize);
        assertEquals("text_zhnorm", new ZhnormTransformer().setInputCol("text").transformSchema(docs.schema())
                .fieldNames()[1]);
    }

    @Test
    void fittedPipelineWithTheTransformerIsSavedAndLoaded(@TempDir Path dir) throws IOException {
        ZhnormTransformer convert = new ZhnormTransformer().setInputCol("text").setOutputCol("tw")
                .setNormalize(false).setPreset("s2twp");
        ZhnormTransformer normalize = new ZhnormTransformer().setInputCol("tw").setOutputCol("clean")
                .setPreset("none").setStyle("taiwan");
        SQLTransformer length = new SQLTransformer().setStatement("SELECT *, length(clean) AS n FROM __THIS__");
        PipelineModel model = new Pipeline().setStages(new PipelineStage[] {convert, normalize, length}).fit(docs);
        String modelPath = dir.resolve("model").toString();
        model.write().overwrite().save(modelPath);
        PipelineModel loaded = PipelineModel.load(modelPath);

        ZhnormTransformer loadedNormalize = (ZhnormTransformer) loaded.stages()[1];
        assertEquals(normalize.uid(), loadedNormalize.uid());
        assertEquals("taiwan", loadedNormalize.getOrDefault(loadedNormalize.style()));
        assertEquals(normalize.spec(), loadedNormalize.spec());
        assertEquals(convert.spec(), ((ZhnormTransformer) loaded.stages()[0]).spec());

        Normalizer tw = Normalizer.builder().noConversion().style(Style.TAIWAN).build();
        List<Row> rows = loaded.transform(docs).select("text", "tw", "clean", "n").collectAsList();
        assertEquals(TEXTS.size(), rows.size());
        for (Row r : rows) {
            String in = r.getString(0);
            if (in == null) {
                assertNull(r.get(1));
                assertNull(r.get(2));
                continue;
            }
            String expectedTw = Converter.of("s2twp").convert(in);
            assertEquals(expectedTw, r.getString(1), in);
            assertEquals(tw.normalize(expectedTw), r.getString(2), in);
            assertEquals(tw.normalize(expectedTw).length(), r.getInt(3));
        }
    }

    @Test
    void aSingleTransformerSavesAndLoads(@TempDir Path dir) throws Exception {
        // Also what an unfitted Pipeline saves for this stage.
        ZhnormTransformer zh = new ZhnormTransformer().setInputCol("text").setNumerals("quantities-to-arabic");
        String path = dir.resolve("zh").toString();
        zh.save(path);
        ZhnormTransformer back = ZhnormTransformer.load(path);
        assertEquals(zh.uid(), back.uid());
        assertEquals(zh.spec(), back.spec());
    }

    @Test
    void badParamsFailWithTheValidValues() {
        IllegalArgumentException style = assertThrows(IllegalArgumentException.class,
                () -> new ZhnormTransformer().setStyle("korea"));
        assertEquals("unknown style 'korea'; valid values: mainland, taiwan, hongkong", style.getMessage());
        IllegalArgumentException preset = assertThrows(IllegalArgumentException.class,
                () -> new ZhnormTransformer().setPreset("x2y"));
        assertTrue(preset.getMessage().startsWith("unknown preset 'x2y'; valid presets: "), preset.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> new ZhnormTransformer().setInputCol("body").transform(docs));
        assertTrue(missing.getMessage().contains("input column 'body' does not exist; columns: text"),
                missing.getMessage());
        IllegalArgumentException convertNone = assertThrows(IllegalArgumentException.class,
                () -> new ZhnormTransformer().setInputCol("text").setNormalize(false).setPreset("none")
                        .transform(docs));
        assertTrue(convertNone.getMessage().contains("normalize=false needs a conversion preset"),
                convertNone.getMessage());
    }
}
