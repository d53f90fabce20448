package dev.zhnorm.spark;

import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.codegen.CodegenContext;
import org.apache.spark.sql.catalyst.expressions.codegen.ExprCode;
import org.apache.spark.unsafe.types.UTF8String;

import java.util.List;
import java.util.Objects;

/**
 * The batch job's expressions: the reason a row is bad, and the counting versions of check and
 * transform, for string values and for lines of JSON (see {@link JsonLine}). Public only because Spark's generated code calls them; not an API.
 */
public final class JobExpressions {
    private JobExpressions() {
    }

    /** The reason text of a value that is not well-formed UTF-8, with the byte offset; null when it is. */
    static final class InvalidUtf8 extends StringUnaryExpression {
        private static final long serialVersionUID = 1L;

        InvalidUtf8(Expression child) {
            super(child);
        }

        @Override
        public UTF8String evalString(UTF8String input) {
            int at = Utf8Check.firstInvalid(input);
            return at < 0 ? null : UTF8String.fromString("invalid UTF-8 at byte " + at);
        }

        @Override
        boolean mayReturnNull() {
            return true;
        }

        @Override
        Object argument() {
            return null;
        }

        @Override
        String sqlArguments() {
            return "";
        }

        @Override
        public String prettyName() {
            return "zhnorm_invalid_utf8";
        }

        @Override
        Expression withNewChild(Expression newChild) {
            return new InvalidUtf8(newChild);
        }
    }

    /**
     * Passes a row's bad-row reason through (null for a good row), counting rows read and bad rows.
     * Not deterministic, so the optimizer neither duplicates nor reorders it: each row counts once.
     */
    public static final class CountRows extends StringUnaryExpression {
        private static final long serialVersionUID = 1L;
        /** The job's accumulators this expression counts into. */
        private final JobCounters counters;

        CountRows(Expression reason, JobCounters counters) {
            super(reason);
            this.counters = Objects.requireNonNull(counters, "counters");
        }

        /**
         * Counts one row read, and a bad one when it has a reason.
         *
         * @param bad whether the row has a reason
         */
        public void count(boolean bad) {
            counters.rowsRead().add(1);
            if (bad) {
                counters.badRows().add(1);
            }
        }

        @Override
        public Object eval(InternalRow row) {
            // Counts rows without a reason too, which the base class's null-safe path would skip.
            Object reason = child().eval(row);
            count(reason != null);
            return reason;
        }

        @Override
        public ExprCode doGenCode(CodegenContext ctx, ExprCode ev) {
            ExprCode c = child().genCode(ctx);
            String self = ctx.addReferenceObj("zhnormCount", this, CountRows.class.getCanonicalName());
            return appendCode(ev, c, "\n" + self + ".count(!" + c.isNull() + ");\n"
                    + "boolean " + ev.isNull() + " = " + c.isNull() + ";\n"
                    + "UTF8String " + ev.value() + " = " + c.value() + ";\n");
        }

        @Override
        public UTF8String evalString(UTF8String input) {
            throw new UnsupportedOperationException("eval counts nulls too");
        }

        @Override
        boolean mayReturnNull() {
            return true;
        }

        @Override
        boolean counts() {
            return true;
        }

        @Override
        Object argument() {
            return counters;
        }

        @Override
        String sqlArguments() {
            return "";
        }

        @Override
        public String prettyName() {
            return "zhnorm_count_rows";
        }

        @Override
        Expression withNewChild(Expression newChild) {
            return new CountRows(newChild, counters);
        }
    }

    /** {@link TransformExpression} that also counts the rows and chars it changes. Not deterministic, as above. */
    static final class CountingTransform extends SpecExpression {
        private static final long serialVersionUID = 1L;
        private final JobCounters counters;

        CountingTransform(Expression child, TransformSpec spec, JobCounters counters) {
            super(child, spec);
            this.counters = Objects.requireNonNull(counters, "counters");
        }

        @Override
        public UTF8String evalString(UTF8String input) {
            String text = Utf8Decoding.decode(input);
            String result = transform().apply(text);
            if (result == text || result.equals(text)) {
                return input;
            }
            counters.changed(text, result);
            return UTF8String.fromString(result);
        }

        @Override
        boolean counts() {
            return true;
        }

        @Override
        Expression withNewChild(Expression newChild) {
            return new CountingTransform(newChild, spec(), counters);
        }
    }

    /**
     * A JSON line's kind under the key ({@link JsonLine.Scan#kind()}: what the job's check pass
     * counts), or the reason it is a bad row (null when it is not).
     */
    static final class JsonScan extends StringUnaryExpression {
        private static final long serialVersionUID = 1L;
        private final String key;
        /** Whether this gives the bad-row reason rather than the kind. */
        private final boolean reason;

        JsonScan(Expression line, String key, boolean reason) {
            super(line);
            this.key = Objects.requireNonNull(key, "key");
            this.reason = reason;
        }

        @Override
        public UTF8String evalString(UTF8String line) {
            JsonLine.Scan s = JsonLine.scan(line.getBytes(), key);
            String result = reason ? s.reason() : s.kind();
            return result == null ? null : UTF8String.fromString(result);
        }

        @Override
        boolean mayReturnNull() {
            return reason;
        }

        @Override
        Object argument() {
            return List.of(key, reason);
        }

        @Override
        String sqlArguments() {
            return ", '" + key.replace("'", "\\'") + "'";
        }

        @Override
        public String prettyName() {
            return reason ? "zhnorm_json_bad_row_reason" : "zhnorm_json_kind";
        }

        @Override
        Expression withNewChild(Expression newChild) {
            return new JsonScan(newChild, key, reason);
        }
    }

    /**
     * Transforms the string value of the key in a JSON line that {@link JsonScan} found good, and
     * leaves every other byte as it was; counts the rows and chars it changes. Not deterministic, as
     * {@link CountRows}.
     */
    static final class CountingJsonTransform extends SpecExpression {
        private static final long serialVersionUID = 1L;
        private final String key;
        private final JobCounters counters;

        CountingJsonTransform(Expression line, String key, TransformSpec spec, JobCounters counters) {
            super(line, spec);
            this.key = Objects.requireNonNull(key, "key");
            this.counters = Objects.requireNonNull(counters, "counters");
        }

        @Override
        public UTF8String evalString(UTF8String line) {
            byte[] bytes = line.getBytes();
            JsonLine.Scan s = JsonLine.scan(bytes, key);
            if (!s.kind().equals(JsonLine.STRING) || s.reason() != null) {
                return line; // blank, absent or null: nothing to normalize (bad rows never get here)
            }
            String result = transform().apply(s.value());
            if (result == s.value() || result.equals(s.value())) {
                return line;
            }
            counters.changed(s.value(), result);
            return UTF8String.fromBytes(JsonLine.replace(bytes, s, result));
        }

        @Override
        boolean counts() {
            return true;
        }

        @Override
        Object argument() {
            return List.of(key, spec());
        }

        @Override
        String sqlArguments() {
            return ", '" + key.replace("'", "\\'") + "'" + super.sqlArguments();
        }

        @Override
        public String prettyName() {
            return "zhnorm_json_" + super.prettyName();
        }

        @Override
        Expression withNewChild(Expression newChild) {
            return new CountingJsonTransform(newChild, key, spec(), counters);
        }
    }
}
