package dev.zhnorm.spark;

import org.apache.spark.sql.Column;

import java.util.Map;
import java.util.Objects;

/**
 * zhnorm's Spark column functions, for Java and Scala: the same expressions as the SQL functions
 * that {@link ZhnormExtensions} registers. Options are checked here, when the column is built; nulls
 * pass through as null.
 *
 * <pre>{@code
 * import static dev.zhnorm.spark.ZhnormFunctions.*;
 * df.select(convert(col("text"), "t2s"));                       // zh_convert(text, 't2s')
 * df.select(normalize(col("text")));                            // zh_normalize(text)
 * df.select(normalize(col("text"), Map.of("style", "taiwan", "conversion", "none")));
 * df.groupBy(detect(col("text"))).count();                      // traditional / simplified / mixed / none
 * }</pre>
 *
 * From Scala: {@code import dev.zhnorm.spark.ZhnormFunctions._} and
 * {@code normalize(col("text"), java.util.Map.of("style", "taiwan"))}.
 */
public final class ZhnormFunctions {
    private ZhnormFunctions() {
    }

    /**
     * @param text a string column
     * @param preset a preset id such as {@code t2s}, {@code s2twp}, {@code t2cn}
     * @return the text converted with that preset
     * @throws IllegalArgumentException for an unknown preset, listing the valid ones
     */
    public static Column convert(Column text, String preset) {
        return new Column(new TransformExpression(text.expr(), TransformSpec.convert(preset)));
    }

    /**
     * @param text a string column
     * @return the text normalized with zhnorm's defaults (conversion {@code t2cn}, mainland style)
     */
    public static Column normalize(Column text) {
        return new Column(new TransformExpression(text.expr(), TransformSpec.normalizeDefaults()));
    }

    /**
     * @param text a string column
     * @param options {@code conversion} (a preset id, or {@code none}), {@code style},
     *     {@code numerals}, {@code spacing}, {@code indent}; keys not given keep the defaults
     * @return the text normalized with those options
     * @throws IllegalArgumentException for an unknown option or value, listing the valid ones
     * @throws NullPointerException when {@code options} is null
     */
    public static Column normalize(Column text, Map<String, String> options) {
        Objects.requireNonNull(options, "options: give an empty map for the defaults");
        return new Column(new TransformExpression(text.expr(), TransformSpec.normalize(options)));
    }

    /**
     * @param text a string column
     * @return the script of each text: {@code traditional}, {@code simplified}, {@code mixed} or {@code none}
     */
    public static Column detect(Column text) {
        return new Column(new DetectExpression(text.expr()));
    }
}
