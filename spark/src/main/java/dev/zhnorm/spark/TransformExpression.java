package dev.zhnorm.spark;

import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * {@code zh_convert(text, preset)} and {@code zh_normalize(text, options)}: the text through the
 * converter or normalizer its {@link TransformSpec} names. Only the spec travels with a task; the
 * transform comes from {@link TransformCache}, once per executor JVM, and is kept in a transient
 * field for the rows of the task. A row that nothing changes comes back as the same UTF8String.
 */
public final class TransformExpression extends SpecExpression {
    private static final long serialVersionUID = 1L;

    /**
     * @param child the text
     * @param spec what to do to it
     */
    public TransformExpression(Expression child, TransformSpec spec) {
        super(child, spec);
    }

    @Override
    public UTF8String evalString(UTF8String input) {
        String text = Utf8Decoding.decode(input);
        String result = transform().apply(text);
        return result == text ? input : UTF8String.fromString(result);
    }

    @Override
    Expression withNewChild(Expression newChild) {
        return new TransformExpression(newChild, spec());
    }
}
