package dev.zhnorm.spark;

import dev.zhnorm.TextTransform;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * {@code zh_convert(text, preset)} and {@code zh_normalize(text, options)}: the text through the
 * converter or normalizer its {@link TransformSpec} names. Only the spec travels with a task; the
 * transform comes from {@link TransformCache}, once per executor JVM, and is kept in a transient
 * field for the rows of the task. A row that nothing changes comes back as the same UTF8String.
 */
public final class TransformExpression extends StringUnaryExpression {
    private static final long serialVersionUID = 1L;

    /** The options: all a task carries; the transform is built from them once per executor JVM. */
    private final TransformSpec spec;
    private transient TextTransform transform;

    /**
     * @param child the text
     * @param spec what to do to it
     */
    public TransformExpression(Expression child, TransformSpec spec) {
        super(child);
        this.spec = java.util.Objects.requireNonNull(spec, "spec");
    }

    /** @return what this expression does */
    public TransformSpec spec() {
        return spec;
    }

    @Override
    public UTF8String evalString(UTF8String input) {
        TextTransform t = transform;
        if (t == null) {
            // A benign race: every thread gets the same cached instance.
            t = spec.transform();
            transform = t;
        }
        String text = Utf8Decoding.decode(input);
        String result = t.apply(text);
        return result == text ? input : UTF8String.fromString(result);
    }

    @Override
    Object argument() {
        return spec;
    }

    @Override
    String sqlArguments() {
        return ", " + spec.sqlArguments();
    }

    @Override
    public String prettyName() {
        return spec.functionName();
    }

    @Override
    Expression withNewChild(Expression newChild) {
        return new TransformExpression(newChild, spec);
    }
}
