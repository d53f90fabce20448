package dev.zhnorm;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Converter and Normalizer through the one interface integrations take: every form gives one result. */
class TextTransformTest {
    private static final String TEXT = "臺灣,你好.以來,習近平總書記多次到吉林考察調研.\n頭髮很長\n";

    private static List<TextTransform> transforms() {
        return List.of(Converter.of("t2s"), Converter.toSimplified(), Normalizer.defaults(),
                Normalizer.builder().noConversion().build());
    }

    @Test
    void everyFormGivesTheSameResult() throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (TextTransform t : transforms()) {
                String whole = t.apply(TEXT);
                StringBuilder appended = new StringBuilder("> ");
                t.apply(TEXT, appended);
                assertEquals("> " + whole, appended.toString(), t.name());
                StringWriter streamed = new StringWriter();
                t.apply(new StringReader(TEXT), streamed);
                assertEquals(whole, streamed.toString(), t.name());
                StringWriter parallel = new StringWriter();
                t.apply(new StringReader(TEXT), parallel, pool);
                assertEquals(whole, parallel.toString(), t.name());
                assertEquals(whole, t.explain(TEXT).output(), t.name());
                assertFalse(t.isUnchanged(TEXT), t.name());
                assertTrue(t.isUnchanged(whole), t.name());
                assertSame(whole, t.apply(whole), t.name());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void normalizerQuickCheckAndAppend() {
        Normalizer n = Normalizer.defaults();
        assertTrue(n.isNormalized("台湾，你好。"));
        assertFalse(n.isNormalized("臺灣,你好."));
        assertFalse(n.isNormalized(new StringBuilder("你好,世界.")));
        StringBuilder sb = new StringBuilder("> ");
        n.normalize("臺灣,你好.", sb);
        assertEquals("> 台湾，你好。", sb.toString());
    }

    /** One decision for a text cut in pieces: the decided normalizer gives each piece the whole text's spacing. */
    @Test
    void decidedForFixesTheAutoSpacingOfAText() {
        String spaced = "用 Vue 写前端，用 Go 写后端，用 Rust 写工具，用 Java 写服务，用 C 写驱动，用 Lua 写脚本。\n"
                + "短句Go语言\n";
        Normalizer auto = Normalizer.defaults();
        Normalizer one = auto.decidedFor(spaced);
        assertEquals(dev.zhnorm.normalize.Spacing.PANGU, one.spacing());
        assertEquals(auto.normalize(spaced), one.normalize(spaced));
        String lastLine = "短句Go语言\n";
        assertEquals("短句 Go 语言\n", one.normalize(lastLine), "the piece follows the whole text's decision");
        assertSame(one, one.decidedFor("anything"), "a fixed spacing stays as it is");
    }

    @Test
    void namesSayWhatTheTransformIs() {
        assertEquals("t2s", Converter.of("t2s").name());
        assertEquals("normalization (conversion t2cn, style mainland, numerals width-only, spacing auto, indent keep)",
                Normalizer.defaults().name());
    }
}
