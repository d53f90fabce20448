package dev.zhnorm.spark;

import org.apache.spark.sql.catalyst.analysis.TypeCheckResult;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.ImplicitCastInputTypes;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.codegen.Block;
import org.apache.spark.sql.catalyst.expressions.codegen.CodeBlock;
import org.apache.spark.sql.catalyst.expressions.codegen.CodegenContext;
import org.apache.spark.sql.catalyst.expressions.codegen.ExprCode;
import org.apache.spark.sql.catalyst.expressions.codegen.JavaCode;
import org.apache.spark.sql.types.AbstractDataType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.unsafe.types.UTF8String;
import scala.collection.immutable.IndexedSeq;
import scala.collection.immutable.Seq;
import scala.jdk.javaapi.CollectionConverters;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * A Catalyst expression from one string to one string with a fixed, serializable argument: the text
 * column is its only child, the argument (a {@link TransformSpec} or nothing) is a constant known at
 * analysis time. Null in, null out (Catalyst's null-safe evaluation); the analyzer casts a non-string
 * input to string. The generated code calls {@link #evalString(UTF8String)} on this object, which
 * Spark ships with the task as a reference; subclasses keep their heavy state transient.
 *
 * <p>Public only because Spark's generated code calls {@link #evalString}; it cannot be extended
 * outside this package.
 *
 * <p>Written in Java against Catalyst's Scala classes. It extends {@code Expression} rather than
 * {@code UnaryExpression}, whose final child-replacing method Java's type checker cannot see through
 * Scala's generics; the Scala {@code Product} methods, equality, the one-child tree methods and the
 * trait methods Java does not inherit are spelled out here.
 */
public abstract class StringUnaryExpression extends Expression implements ImplicitCastInputTypes, Serializable {
    private static final long serialVersionUID = 1L;

    /** The string argument. */
    private final Expression child;
    /** {@code child} as the one-element sequence Catalyst asks for. */
    private final Seq<Expression> children;

    StringUnaryExpression(Expression child) {
        this.child = Objects.requireNonNull(child, "child");
        this.children = CollectionConverters.asScala(List.of(child)).toList();
    }

    /**
     * @param newChild the replacement child
     * @return a copy of this expression over it
     */
    abstract Expression withNewChild(Expression newChild);

    /**
     * Public: the generated code, in another package, calls it.
     *
     * @param input a non-null string value
     * @return the result; the input itself when nothing changes; null only if {@link #mayReturnNull()}
     */
    public abstract UTF8String evalString(UTF8String input);

    /** @return the argument after the child, for the product (tree copies) and equality; null for none */
    abstract Object argument();

    /** @return the SQL text of the arguments after the child, with a leading comma, or "" */
    abstract String sqlArguments();

    /** @return the text */
    public Expression child() {
        return child;
    }

    @Override
    public Seq<Expression> children() {
        return children;
    }

    @Override
    public Expression withNewChildrenInternal(IndexedSeq<Expression> newChildren) {
        return withNewChild(newChildren.apply(0));
    }

    /** @return whether {@link #evalString} may return null for a non-null input */
    boolean mayReturnNull() {
        return false;
    }

    @Override
    public boolean nullable() {
        return child.nullable() || mayReturnNull();
    }

    /**
     * @return whether this expression counts rows into the job's accumulators: then it is not
     *     deterministic, so the optimizer neither duplicates nor reorders it (each row counts once),
     *     and never folded
     */
    boolean counts() {
        return false;
    }

    @Override
    public boolean deterministic() {
        return !counts() && child.deterministic();
    }

    @Override
    public boolean foldable() {
        return !counts() && child.foldable();
    }

    @Override
    public Object eval(InternalRow row) {
        Object value = child.eval(row);
        return value == null ? null : evalString((UTF8String) value);
    }

    @Override
    public DataType dataType() {
        return DataTypes.StringType;
    }

    @Override
    public Seq<AbstractDataType> inputTypes() {
        return CollectionConverters.asScala(List.<AbstractDataType>of(DataTypes.StringType)).toList();
    }

    @Override
    public TypeCheckResult checkInputDataTypes() {
        // Java takes Expression's concrete method over the trait's default; the trait's is the one wanted.
        return ImplicitCastInputTypes.super.checkInputDataTypes();
    }

    @Override
    public ExprCode doGenCode(CodegenContext ctx, ExprCode ev) {
        // What Catalyst's code"..." interpolator builds for a unary null-safe expression: the child's
        // code, then a call on this object (a reference of the generated class) unless the child is null.
        ExprCode c = child.genCode(ctx);
        String self = ctx.addReferenceObj("zhnorm", this, StringUnaryExpression.class.getName());
        String code = "\nboolean " + ev.isNull() + " = " + c.isNull() + ";\n"
                + "UTF8String " + ev.value() + " = null;\n"
                + "if (!" + ev.isNull() + ") {\n"
                + "  " + ev.value() + " = " + self + ".evalString(" + c.value() + ");\n"
                + (mayReturnNull() ? "  " + ev.isNull() + " = " + ev.value() + " == null;\n" : "")
                + "}\n";
        return appendCode(ev, c, code);
    }

    /** @return {@code ev} with the child's code followed by {@code code} (which declares ev's variables) */
    static ExprCode appendCode(ExprCode ev, ExprCode child, String code) {
        Block block = child.code().$plus(new CodeBlock(CollectionConverters.asScala(List.of(code)).toList(),
                CollectionConverters.asScala(List.<JavaCode>of()).toList()));
        return ev.copy(block, ev.isNull(), ev.value());
    }

    @Override
    public String sql() {
        return prettyName() + "(" + child.sql() + sqlArguments() + ")";
    }

    @Override
    public int productArity() {
        return argument() == null ? 1 : 2;
    }

    @Override
    public Object productElement(int n) {
        return switch (n) {
            case 0 -> child;
            case 1 -> {
                if (argument() == null) {
                    throw new IndexOutOfBoundsException(n);
                }
                yield argument();
            }
            default -> throw new IndexOutOfBoundsException(n);
        };
    }

    @Override
    public boolean canEqual(Object that) {
        return that != null && that.getClass() == getClass();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StringUnaryExpression e && canEqual(e)
                && child.equals(e.child) && Objects.equals(argument(), e.argument());
    }

    @Override
    public int hashCode() {
        return Objects.hash(getClass(), child, argument());
    }
}
