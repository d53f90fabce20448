package dev.zhnorm.spark;

import dev.zhnorm.Preset;
import dev.zhnorm.normalize.Indent;
import dev.zhnorm.normalize.Numerals;
import dev.zhnorm.normalize.Spacing;
import dev.zhnorm.normalize.Style;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.param.BooleanParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A Spark ML {@link Transformer}: converts or normalizes the string column {@code inputCol} into a new
 * column {@code outputCol}, with the same expressions as {@code zh_convert}/{@code zh_normalize}.
 * Persistable (parameters only) and loadable inside a saved {@code Pipeline} or {@code PipelineModel}.
 *
 * <pre>{@code
 * ZhnormTransformer zh = new ZhnormTransformer()
 *         .setInputCol("text").setOutputCol("clean")
 *         .setPreset("t2cn").setStyle("mainland");          // normalization (the default)
 * new ZhnormTransformer().setInputCol("text").setOutputCol("simplified")
 *         .setNormalize(false).setPreset("t2s");             // conversion only
 * Pipeline pipeline = new Pipeline().setStages(new PipelineStage[] {zh, tokenizer, hashingTF, lr});
 * pipeline.fit(train).write().overwrite().save("/models/zh");
 * ZhnormTransformer again = ZhnormTransformer.load("/models/zh-stage");
 * }</pre>
 *
 * Unknown preset or option values are rejected by the setters, with the valid values listed.
 */
public final class ZhnormTransformer extends Transformer implements DefaultParamsWritable {
    private static final long serialVersionUID = 1L;

    /** The stage's unique id. */
    private final String uid;
    /** The column read. */
    private final Param<String> inputCol;
    /** The column written. */
    private final Param<String> outputCol;
    /** Normalize (true) or convert only. */
    private final BooleanParam normalize;
    /** The conversion preset id, or none. */
    private final Param<String> preset;
    /** Punctuation style id. */
    private final Param<String> style;
    /** Numerals mode id. */
    private final Param<String> numerals;
    /** Spacing mode id. */
    private final Param<String> spacing;
    /** Indentation mode id. */
    private final Param<String> indent;

    /** A transformer with a fresh uid and the default options (normalization, conversion t2cn). */
    public ZhnormTransformer() {
        this(Identifiable.randomUID("zhnorm"));
    }

    /**
     * @param uid the stage's uid (used when a saved stage is loaded)
     */
    public ZhnormTransformer(String uid) {
        this.uid = uid;
        inputCol = new Param<>(this, "inputCol", "input column, a string");
        outputCol = new Param<>(this, "outputCol", "output column, a string (default: inputCol + '_zhnorm')");
        normalize = new BooleanParam(this, "normalize",
                "true: normalize (conversion composed with normalization); false: convert with the preset only");
        List<String> presets = new ArrayList<>(ids(Preset.values(), Preset::id));
        presets.add(TransformSpec.NO_CONVERSION);
        preset = stringParam(TransformSpec.PRESET, "conversion preset, or 'none' to normalize without converting",
                presets);
        style = stringParam(TransformSpec.STYLE, "punctuation style", ids(Style.values(), Style::id));
        numerals = stringParam(TransformSpec.NUMERALS, "numerals mode", ids(Numerals.values(), Numerals::id));
        spacing = stringParam(TransformSpec.SPACING, "spacing mode", ids(Spacing.values(), Spacing::id));
        indent = stringParam(TransformSpec.INDENT, "indentation mode", ids(Indent.values(), Indent::id));
        TransformSpec d = TransformSpec.normalizeDefaults();
        setDefault(normalize, true);
        setDefault(preset, d.conversion().id());
        setDefault(style, d.style().id());
        setDefault(numerals, d.numerals().id());
        setDefault(spacing, d.spacing().id());
        setDefault(indent, d.indent().id());
    }

    private Param<String> stringParam(String name, String doc, List<String> valid) {
        return new Param<>(this, name, doc + "; one of " + String.join(", ", valid),
                ParamValidators.inArray(valid));
    }

    private static <E> List<String> ids(E[] values, Function<E, String> id) {
        return Arrays.stream(values).map(id).collect(Collectors.toList());
    }

    /** @return the reader that {@code Pipeline} and {@code PipelineModel} loading call by reflection */
    public static MLReader<ZhnormTransformer> read() {
        return new DefaultParamsReader<>();
    }

    /**
     * @param path where a transformer was saved
     * @return the transformer
     */
    public static ZhnormTransformer load(String path) {
        return read().load(path);
    }

    @Override
    public String uid() {
        return uid;
    }

    /** @return the input column param */
    public Param<String> inputCol() {
        return inputCol;
    }

    /** @return the output column param */
    public Param<String> outputCol() {
        return outputCol;
    }

    /** @return whether to normalize (true) or only convert (false) */
    public BooleanParam normalize() {
        return normalize;
    }

    /** @return the conversion preset param ({@code none}: no conversion, normalization only) */
    public Param<String> preset() {
        return preset;
    }

    /** @return the style param */
    public Param<String> style() {
        return style;
    }

    /** @return the numerals param */
    public Param<String> numerals() {
        return numerals;
    }

    /** @return the spacing param */
    public Param<String> spacing() {
        return spacing;
    }

    /** @return the indent param */
    public Param<String> indent() {
        return indent;
    }

    /**
     * @param value the input column
     * @return this
     */
    public ZhnormTransformer setInputCol(String value) {
        return (ZhnormTransformer) set(inputCol, value);
    }

    /**
     * @param value the output column
     * @return this
     */
    public ZhnormTransformer setOutputCol(String value) {
        return (ZhnormTransformer) set(outputCol, value);
    }

    /**
     * @param value true to normalize, false to convert only
     * @return this
     */
    public ZhnormTransformer setNormalize(boolean value) {
        return (ZhnormTransformer) set(normalize, value);
    }

    /**
     * @param value a preset id, or {@code none} (normalization only)
     * @return this
     */
    public ZhnormTransformer setPreset(String value) {
        return checkedSet(preset, TransformSpec.CONVERSION, value);
    }

    /**
     * @param value a style id such as {@code taiwan}
     * @return this
     */
    public ZhnormTransformer setStyle(String value) {
        return checkedSet(style, TransformSpec.STYLE, value);
    }

    /**
     * @param value a numerals mode such as {@code quantities-to-arabic}
     * @return this
     */
    public ZhnormTransformer setNumerals(String value) {
        return checkedSet(numerals, TransformSpec.NUMERALS, value);
    }

    /**
     * @param value a spacing mode such as {@code pangu}
     * @return this
     */
    public ZhnormTransformer setSpacing(String value) {
        return checkedSet(spacing, TransformSpec.SPACING, value);
    }

    /**
     * @param value an indentation mode such as {@code strip}
     * @return this
     */
    public ZhnormTransformer setIndent(String value) {
        return checkedSet(indent, TransformSpec.INDENT, value);
    }

    /** Checks with the message that lists the valid values before the Param's own bare check. */
    private ZhnormTransformer checkedSet(Param<String> param, String key, String value) {
        TransformSpec.normalize(Map.of(key, value));
        return (ZhnormTransformer) set(param, value);
    }

    /** @return what this transformer does, from its params */
    public TransformSpec spec() {
        String p = $(preset);
        if (!(Boolean) $(normalize)) {
            if (TransformSpec.NO_CONVERSION.equals(p)) {
                throw new IllegalArgumentException(uid + ": normalize=false needs a conversion preset, not 'none'");
            }
            return TransformSpec.convert(p);
        }
        Map<String, String> options = new LinkedHashMap<>();
        options.put(TransformSpec.CONVERSION, p);
        options.put(TransformSpec.STYLE, $(style));
        options.put(TransformSpec.NUMERALS, $(numerals));
        options.put(TransformSpec.SPACING, $(spacing));
        options.put(TransformSpec.INDENT, $(indent));
        return TransformSpec.normalize(options);
    }

    private String outputColumn() {
        return isDefined(outputCol) ? $(outputCol) : $(inputCol) + "_zhnorm";
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        transformSchema(dataset.schema(), true);
        Column in = dataset.col(escape($(inputCol)));
        return dataset.withColumn(outputColumn(), new Column(new TransformExpression(in.expr(), spec())));
    }

    /** Column names with dots or backticks must be quoted for {@code Dataset.col}. */
    private static String escape(String name) {
        return "`" + name.replace("`", "``") + "`";
    }

    @Override
    public StructType transformSchema(StructType schema) {
        if (!isDefined(inputCol)) {
            throw new IllegalArgumentException(uid + ": inputCol is not set");
        }
        String in = $(inputCol);
        if (!Arrays.asList(schema.fieldNames()).contains(in)) {
            throw new IllegalArgumentException(uid + ": input column '" + in + "' does not exist; columns: "
                    + String.join(", ", schema.fieldNames()));
        }
        StructField field = schema.apply(in);
        if (!field.dataType().equals(DataTypes.StringType)) {
            throw new IllegalArgumentException(uid + ": input column '" + in + "' must be a string, not "
                    + field.dataType().simpleString());
        }
        String out = outputColumn();
        if (Arrays.asList(schema.fieldNames()).contains(out)) {
            throw new IllegalArgumentException(uid + ": output column '" + out + "' already exists");
        }
        spec(); // fails on an impossible combination before any job runs
        return schema.add(out, DataTypes.StringType, field.nullable());
    }

    @Override
    public ZhnormTransformer copy(ParamMap extra) {
        return defaultCopy(extra);
    }

    @Override
    public String toString() {
        return "ZhnormTransformer: uid=" + uid + ", " + (isDefined(inputCol) ? spec() : "inputCol not set");
    }
}
