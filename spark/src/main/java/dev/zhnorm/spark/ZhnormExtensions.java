package dev.zhnorm.spark;

import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.SparkSessionExtensions;
import org.apache.spark.sql.catalyst.FunctionIdentifier;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.ExpressionInfo;
import org.apache.spark.sql.catalyst.util.MapData;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.unsafe.types.UTF8String;
import scala.Function1;
import scala.Option;
import scala.Tuple3;
import scala.collection.immutable.Seq;
import scala.runtime.AbstractFunction1;
import scala.runtime.BoxedUnit;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Registers zhnorm's SQL functions in every session it is configured for:
 * {@code spark.sql.extensions=dev.zhnorm.spark.ZhnormExtensions}.
 *
 * <pre>{@code
 * SELECT zh_convert(text, 't2s') FROM docs;
 * SELECT zh_normalize(text) FROM docs;
 * SELECT zh_normalize(text, map('style', 'taiwan', 'conversion', 'none')) FROM docs;
 * SELECT zh_detect(text), count(*) FROM docs GROUP BY 1;
 * }</pre>
 *
 * The preset and the options must be constants: they are checked when the query is analyzed, and an
 * unknown one fails it with an {@link AnalysisException} that lists the valid values.
 */
public final class ZhnormExtensions extends AbstractFunction1<SparkSessionExtensions, BoxedUnit>
        implements Serializable {
    private static final long serialVersionUID = 1L;

    @Override
    public BoxedUnit apply(SparkSessionExtensions extensions) {
        extensions.injectFunction(function("zh_convert",
                "_FUNC_(text, preset) - Converts Chinese text with an OpenCC preset (t2s, s2t, s2twp, t2cn, ...).",
                "text - a string; null gives null", "preset - a constant preset id such as 't2s'",
                TransformExpression.class, new Builder("zh_convert", 2, 2) {
                    @Override
                    Expression build(Seq<Expression> args) {
                        String preset = constantString("zh_convert", "preset", args.apply(1));
                        try {
                            return new TransformExpression(args.apply(0), TransformSpec.convert(preset));
                        } catch (IllegalArgumentException e) {
                            throw analysisError("zh_convert: " + e.getMessage(), e);
                        }
                    }
                }));
        extensions.injectFunction(function("zh_normalize",
                "_FUNC_(text[, options]) - Normalizes Chinese text: conversion (default t2cn) with punctuation,"
                        + " numerals, width and whitespace rules.",
                "text - a string; null gives null",
                "options - a constant map of strings with keys conversion (a preset or 'none'), style, numerals,"
                        + " spacing, indent",
                TransformExpression.class, new Builder("zh_normalize", 1, 2) {
                    @Override
                    Expression build(Seq<Expression> args) {
                        Map<String, String> options = args.size() == 2 ? constantMap(args.apply(1)) : Map.of();
                        try {
                            return new TransformExpression(args.apply(0), TransformSpec.normalize(options));
                        } catch (IllegalArgumentException e) {
                            throw analysisError("zh_normalize: " + e.getMessage(), e);
                        }
                    }
                }));
        extensions.injectFunction(function("zh_detect",
                "_FUNC_(text) - The script of a Chinese text: traditional, simplified, mixed or none.",
                "text - a string; null gives null", null,
                DetectExpression.class, new Builder("zh_detect", 1, 1) {
                    @Override
                    Expression build(Seq<Expression> args) {
                        return new DetectExpression(args.apply(0));
                    }
                }));
        return BoxedUnit.UNIT;
    }

    private static Tuple3<FunctionIdentifier, ExpressionInfo, Function1<Seq<Expression>, Expression>> function(
            String name, String usage, String textArgument, String secondArgument, Class<?> expression,
            Builder builder) {
        // ExpressionInfo checks this layout: a header line, then indented lines, ending in two spaces.
        String arguments = "\n    Arguments:\n      * " + textArgument + "\n"
                + (secondArgument == null ? "" : "      * " + secondArgument + "\n") + "  ";
        ExpressionInfo info = new ExpressionInfo(expression.getName(), null, name, usage, arguments);
        return new Tuple3<>(new FunctionIdentifier(name), info, builder);
    }

    /** Checks the argument count, then builds the expression; errors are analysis errors. */
    private abstract static class Builder extends AbstractFunction1<Seq<Expression>, Expression>
            implements Serializable {
        private static final long serialVersionUID = 1L;
        private final String name;
        private final int min;
        private final int max;

        Builder(String name, int min, int max) {
            this.name = name;
            this.min = min;
            this.max = max;
        }

        abstract Expression build(Seq<Expression> args);

        @Override
        public Expression apply(Seq<Expression> args) {
            if (args.size() < min || args.size() > max) {
                String expected = min == max ? String.valueOf(min) : min + " or " + max;
                throw analysisError(name + " takes " + expected + " arguments, got " + args.size(), null);
            }
            return build(args);
        }
    }

    private static String constantString(String function, String what, Expression e) {
        if (!e.foldable() || !e.dataType().equals(DataTypes.StringType)) {
            throw analysisError(function + ": the " + what + " must be a constant string, got " + e.sql(), null);
        }
        Object value = e.eval(null);
        if (value == null) {
            throw analysisError(function + ": the " + what + " must not be null", null);
        }
        return value.toString();
    }

    private static Map<String, String> constantMap(Expression e) {
        if (!e.foldable() || !(e.dataType() instanceof MapType m)
                || !m.keyType().equals(DataTypes.StringType) || !m.valueType().equals(DataTypes.StringType)) {
            throw analysisError("zh_normalize: the options must be a constant map of strings, e.g."
                    + " map('style', 'taiwan'), got " + e.sql(), null);
        }
        MapData data = (MapData) e.eval(null);
        if (data == null) {
            throw analysisError("zh_normalize: the options must not be null", null);
        }
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < data.numElements(); i++) {
            UTF8String value = data.valueArray().isNullAt(i) ? null : data.valueArray().getUTF8String(i);
            options.put(data.keyArray().getUTF8String(i).toString(), value == null ? null : value.toString());
        }
        return options;
    }

    /**
     * Throws Spark's AnalysisException, the error users expect from a bad function call. It is a
     * checked exception to Java, not to Scala (the function builder's caller), so it is thrown
     * without declaration; callers write {@code throw analysisError(...)} for the compiler's sake.
     */
    static RuntimeException analysisError(String message, Throwable cause) {
        throw ZhnormExtensions.<RuntimeException>undeclared(new AnalysisException(message, Option.empty(),
                Option.empty(), Option.apply(cause), Option.empty(),
                scala.collection.immutable.Map$.MODULE$.<String, String>empty(), new org.apache.spark.QueryContext[0]));
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> E undeclared(Throwable t) throws E {
        throw (E) t;
    }
}
