package dev.zhnorm.spark;

import dev.zhnorm.Script;
import dev.zhnorm.ScriptDetector;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * {@code zh_detect(text)}: the {@link Script#id() id} of the script the text is written in
 * ({@code traditional}, {@code simplified}, {@code mixed} or {@code none}), by
 * {@link ScriptDetector#standard()}.
 */
public final class DetectExpression extends StringUnaryExpression {
    private static final long serialVersionUID = 1L;

    /**
     * @param child the text
     */
    public DetectExpression(Expression child) {
        super(child);
    }

    @Override
    public UTF8String evalString(UTF8String input) {
        return ScriptIds.of(ScriptDetector.standard().detect(Utf8Decoding.decode(input)).script());
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
        return "zh_detect";
    }

    @Override
    Expression withNewChild(Expression newChild) {
        return new DetectExpression(newChild);
    }

    /** The script ids, encoded once: the result rows share them. */
    private static final class ScriptIds {
        private static final UTF8String[] IDS = java.util.Arrays.stream(Script.values())
                .map(s -> UTF8String.fromString(s.id())).toArray(UTF8String[]::new);

        static UTF8String of(Script s) {
            return IDS[s.ordinal()];
        }
    }
}
