package dev.zhnorm.spark;

import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.codegen.CodegenContext;
import org.apache.spark.sql.catalyst.expressions.codegen.ExprCode;
import org.apache.spark.unsafe.types.UTF8String;

import java.util.Objects;

/**
 * The batch job's expressions: the reason a row is bad, and the counting versions of check and
 * transform. Public only because Spark's generated code calls them; not an API.
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
        public boolean deterministic() {
            return false;
        }

        @Override
        public boolean foldable() {
            return false;
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
            counters.rowsChanged().add(1);
            counters.charsChanged().add(JobCounters.charsChanged(text, result));
            return UTF8String.fromString(result);
        }

        @Override
        public boolean deterministic() {
            return false;
        }

        @Override
        public boolean foldable() {
            return false;
        }

        @Override
        Expression withNewChild(Expression newChild) {
            return new CountingTransform(newChild, spec(), counters);
        }
    }
}
