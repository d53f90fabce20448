package dev.zhnorm.internal.normalize;

import dev.zhnorm.Normalizer;
import dev.zhnorm.SharedCorpus;
import dev.zhnorm.normalize.Spacing;
import dev.zhnorm.normalize.SpacingDecision;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** S8: spacing=auto follows the document's majority convention, decided from a bounded prefix. */
class SpacingAutoTest {
    private static final String SPACED_LINE = "我们用 Vue 写前端，用 Go 写后端，用 Redis 做缓存，用 MySQL 存数据。\n";
    private static final String TIGHT_LINE = "我们用Vue写前端，用Go写后端，用Redis做缓存，用MySQL存数据。\n";

    @Test
    void theReferenceArticleDecidesNone() {
        String article = SharedCorpus.read(SharedCorpus.ARTICLE);
        SpacingDecision d = Normalizer.defaults().decideSpacing(article);
        assertEquals(Spacing.NONE, d.spacing(), d.toString());
        assertTrue(d.auto());
        assertEquals(Normalizer.builder().spacing(Spacing.NONE).build().normalize(article),
                Normalizer.defaults().normalize(article));
    }

    @Test
    void thresholds() {
        assertEquals(Spacing.KEEP, SpacingDecision.of(7, 0).spacing());
        assertEquals(Spacing.PANGU, SpacingDecision.of(8, 0).spacing());
        assertEquals(Spacing.PANGU, SpacingDecision.of(6, 3).spacing());
        assertEquals(Spacing.KEEP, SpacingDecision.of(5, 4).spacing());
        assertEquals(Spacing.NONE, SpacingDecision.of(3, 6).spacing());
        assertEquals(Spacing.NONE, SpacingDecision.of(0, 8).spacing());
        assertEquals("pangu (auto: 8 of 8 Han-word boundaries spaced)", SpacingDecision.of(8, 0).toString());
        assertEquals("none (fixed)", Normalizer.builder().spacing(Spacing.NONE).build().decideSpacing("x").toString());
    }

    @Test
    void aSpacedDocumentIsCompletedATightOneJoined() {
        String mixed = SPACED_LINE.repeat(3) + "用Docker部署。\n";
        assertEquals(Spacing.PANGU, Normalizer.defaults().decideSpacing(mixed).spacing());
        assertTrue(Normalizer.defaults().normalize(mixed).endsWith("用 Docker 部署。\n"));
        String tight = TIGHT_LINE.repeat(3) + "用 Docker 部署。\n";
        assertEquals(Spacing.NONE, Normalizer.defaults().decideSpacing(tight).spacing());
        assertTrue(Normalizer.defaults().normalize(tight).endsWith("用Docker部署。\n"));
    }

    /** Beyond the prefix the convention does not count: streaming and whole text decide alike. */
    @Test
    void decidedFromThePrefixAlikeWhenStreaming() throws IOException {
        StringBuilder sb = new StringBuilder();
        while (sb.length() < NormalizationPipeline.AUTO_PREFIX) {
            sb.append(TIGHT_LINE);
        }
        sb.append(SPACED_LINE.repeat(4000));
        String text = sb.toString();
        assertEquals(Spacing.NONE, Normalizer.defaults().decideSpacing(text).spacing());
        String whole = Normalizer.defaults().normalize(text);
        assertFalse(whole.contains(" Vue "), "the tail follows the prefix's decision");
        StringWriter out = new StringWriter();
        Normalizer.defaults().normalize(new StringReader(text), out);
        assertEquals(whole, out.toString());
        assertEquals(whole, Normalizer.defaults().normalize(whole), "idempotent");
    }
}
