package dev.zhnorm.spark;

import dev.zhnorm.TextTransform;
import org.apache.spark.sql.catalyst.expressions.Expression;

import java.util.Objects;

/**
 * A string expression that runs the converter or normalizer a {@link TransformSpec} names. Only the
 * spec travels with a task; the transform comes from {@link TransformCache}, once per executor JVM,
 * and is kept in a transient field for the rows of the task.
 */
public abstract class SpecExpression extends StringUnaryExpression {
    private static final long serialVersionUID = 1L;

    /** The options: all a task carries; the transform is built from them once per executor JVM. */
    private final TransformSpec spec;
    private transient TextTransform transform;

    SpecExpression(Expression child, TransformSpec spec) {
        super(child);
        this.spec = Objects.requireNonNull(spec, "spec");
    }

    /** @return what this expression does */
    public TransformSpec spec() {
        return spec;
    }

    /** @return the transform, looked up once per task (a benign race: every thread gets the same instance) */
    final TextTransform transform() {
        TextTransform t = transform;
        if (t == null) {
            t = spec.transform();
            transform = t;
        }
        return t;
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
}
