package dev.zhnorm.spark;

import dev.zhnorm.Preset;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.Literal;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.unsafe.types.UTF8String;
import org.apache.spark.util.LongAccumulator;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The expressions without a session: evaluation, identity of unchanged rows, what is serialized, equality. */
class ExpressionTest {
    private static Expression literal(String s) {
        return Literal.create(s, DataTypes.StringType);
    }

    @Test
    void anUnchangedRowIsTheSameUtf8StringAndAChangedOneIsNew() {
        UTF8String simplified = UTF8String.fromString("汉字与头发");
        TransformExpression t2s = new TransformExpression(literal("x"), TransformSpec.convert("t2s"));
        assertSame(simplified, t2s.evalString(simplified));
        assertEquals("汉字与头发", t2s.evalString(UTF8String.fromString("漢字與頭髮")).toString());
    }

    @Test
    void aSliceOfAByteArrayDecodesInPlace() {
        byte[] row = "xx漢字與頭髮yy".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        UTF8String slice = UTF8String.fromBytes(row, 2, 15);
        assertEquals("漢字與頭髮", Utf8Decoding.decode(slice));
        assertEquals("汉字与头发", new TransformExpression(literal("x"), TransformSpec.convert("t2s"))
                .evalString(slice).toString());
        assertEquals("a\uFFFDb", Utf8Decoding.decode(UTF8String.fromBytes(new byte[] {'a', (byte) 0xFF, 'b'})));
    }

    /**
     * The batch job's counting expressions must run once per row: not deterministic (the optimizer
     * would otherwise duplicate or reorder them) and not folded, even over a literal; the plain
     * transform over a literal folds.
     */
    @Test
    void theJobsCountingExpressionsAreNeitherDeterministicNorFoldable() {
        JobCounters counters = new JobCounters(new LongAccumulator(), new LongAccumulator(), new LongAccumulator(),
                new LongAccumulator());
        TransformSpec spec = TransformSpec.convert("t2s");
        for (Expression e : new Expression[] {new JobExpressions.CountRows(literal("x"), counters),
                new JobExpressions.CountingTransform(literal("x"), spec, counters),
                new JobExpressions.CountingJsonTransform(literal("{}"), "text", spec, counters)}) {
            assertFalse(e.deterministic(), e::toString);
            assertFalse(e.foldable(), e::toString);
        }
        Expression plain = new TransformExpression(literal("漢字"), spec);
        assertTrue(plain.deterministic());
        assertTrue(plain.foldable());
    }

    @Test
    void nullEvaluatesToNull() {
        TransformExpression e = new TransformExpression(literal(null), TransformSpec.normalizeDefaults());
        assertNull(e.eval(null));
        assertTrue(e.nullable());
        assertNull(new DetectExpression(literal(null)).eval(null));
    }

    @Test
    void theTransformIsNotSerializedOnlyTheSpec() throws IOException, ClassNotFoundException {
        TransformExpression e = new TransformExpression(literal("漢字"), TransformSpec.convert("t2s"));
        e.evalString(UTF8String.fromString("漢字")); // resolves the transient converter
        byte[] bytes = serialize(e);
        // A converter's tables are hundreds of kilobytes; the expression is a few hundred bytes.
        assertTrue(bytes.length < 4096, "serialized size " + bytes.length);
        TransformExpression back = (TransformExpression) new ObjectInputStream(new ByteArrayInputStream(bytes))
                .readObject();
        assertEquals(e, back);
        assertEquals("汉字", back.eval(null).toString());
    }

    @Test
    void theSameSpecSharesOneTransformPerJvm() {
        TransformSpec a = TransformSpec.normalize(Map.of("style", "taiwan"));
        TransformSpec b = TransformSpec.normalize(Map.of("style", "taiwan", "conversion", "t2cn"));
        assertEquals(a, b);
        assertSame(a.transform(), b.transform());
        assertSame(TransformSpec.convert("t2s").transform(), TransformSpec.convert(Preset.T2S.id()).transform());
    }

    @Test
    void equalityFollowsChildAndSpec() {
        Expression x = literal("x");
        assertEquals(new TransformExpression(x, TransformSpec.convert("t2s")),
                new TransformExpression(literal("x"), TransformSpec.convert("t2s")));
        assertNotEquals(new TransformExpression(x, TransformSpec.convert("t2s")),
                new TransformExpression(x, TransformSpec.convert("s2t")));
        assertNotEquals(new DetectExpression(x), new TransformExpression(x, TransformSpec.convert("t2s")));
        assertEquals("zh_convert('x', 't2s')", new TransformExpression(x, TransformSpec.convert("t2s")).sql());
    }

    @Test
    void optionsRoundTripThroughTheirSqlForm() {
        TransformSpec spec = TransformSpec.normalize(Map.of("preset", "none", "indent", "strip"));
        assertNull(spec.conversion());
        assertEquals("map('conversion', 'none', 'style', 'mainland', 'numerals', 'width-only', 'spacing', 'auto',"
                + " 'indent', 'strip')", spec.sqlArguments());
        assertEquals(spec, TransformSpec.normalize(spec.options()));
    }

    private static byte[] serialize(Object o) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        }
        return bytes.toByteArray();
    }
}
