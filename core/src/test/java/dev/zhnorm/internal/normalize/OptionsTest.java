package dev.zhnorm.internal.normalize;

import dev.zhnorm.normalize.Format;
import dev.zhnorm.normalize.Indent;

import dev.zhnorm.normalize.Spacing;

import dev.zhnorm.normalize.Numerals;

import dev.zhnorm.normalize.Style;

import dev.zhnorm.Converter;
import dev.zhnorm.Normalizer;
import dev.zhnorm.Preset;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The option enums, the builder and the Normalizer's contract. */
class OptionsTest {
    @Test
    void formatsByIdAndFileName() {
        assertEquals(List.of("auto", "text", "markdown", "html"), names(Format.values()));
        for (Format f : Format.values()) {
            assertEquals(Optional.of(f), Format.fromId(f.id().toUpperCase(Locale.ROOT)));
        }
        assertEquals(Optional.empty(), Format.fromId("rtf"));
        assertEquals(Format.MARKDOWN, Format.forFileName("docs/Guide.MD"));
        assertEquals(Format.MARKDOWN, Format.forFileName("a.markdown"));
        assertEquals(Format.MARKDOWN, Format.forFileName("page.mdx"));
        assertEquals(Format.HTML, Format.forFileName("index.htm"));
        assertEquals(Format.HTML, Format.forFileName("a.xhtml"));
        assertEquals(Format.TEXT, Format.forFileName("notes.txt"));
        assertEquals(Format.TEXT, Format.forFileName("md"));
        assertEquals(Format.TEXT, Format.forFileName(null));
        assertEquals(Format.HTML, Format.HTML.resolve("a.md"), "a named format wins over the file name");
        assertEquals(Format.AUTO, Normalizer.defaults().format());
        Normalizer md = Normalizer.defaults().forDocument("a.md");
        assertEquals(Format.MARKDOWN, md.format());
        assertEquals(Format.TEXT, Normalizer.defaults().forDocument("a.txt").format());
        assertSame(md, md.forDocument("b.html"), "a fixed format stays");
        assertEquals("详见[指南](docs/指南.md)。", md.normalize("详见[指南](docs/指南.md)."));
        assertEquals("详见[指南]（docs/指南.md）。", Normalizer.defaults().normalize("详见[指南](docs/指南.md).", "a.txt"));
        String same = "已经规范。";
        assertSame(same, md.normalize(same), "an unchanged document is returned as it is");
    }

    @Test
    void cliNamesRoundTrip() {
        assertEquals(List.of("mainland", "taiwan", "hongkong"), names(Style.values()));
        assertEquals(List.of("keep", "width-only", "quantities-to-arabic", "arabic-to-chinese"), names(Numerals.values()));
        assertEquals(List.of("auto", "none", "pangu", "keep"), names(Spacing.values()));
        assertEquals(List.of("keep", "strip"), names(Indent.values()));
        for (Style s : Style.values()) {
            assertEquals(Optional.of(s), Style.fromId(s.id()));
        }
        for (Numerals v : Numerals.values()) {
            assertEquals(Optional.of(v), Numerals.fromId(v.id()));
        }
        for (Spacing v : Spacing.values()) {
            assertEquals(Optional.of(v), Spacing.fromId(v.id()));
        }
        for (Indent v : Indent.values()) {
            assertEquals(Optional.of(v), Indent.fromId(v.id()));
        }
        assertEquals(Optional.of(Numerals.WIDTH_ONLY), Numerals.fromId("WIDTH-ONLY"));
        assertEquals(Optional.empty(), Numerals.fromId("width_only"));
        assertEquals(Optional.empty(), Style.fromId("zh-TW"));
    }

    private static List<String> names(Enum<?>[] values) {
        return java.util.Arrays.stream(values).map(v -> {
            if (v instanceof Style s) {
                return s.id();
            } else if (v instanceof Numerals n) {
                return n.id();
            } else if (v instanceof Spacing s) {
                return s.id();
            } else if (v instanceof Format f) {
                return f.id();
            }
            return ((Indent) v).id();
        }).toList();
    }

    @Test
    void defaultsAreTheSpecProfile() {
        Normalizer d = Normalizer.defaults();
        assertSame(d, Normalizer.defaults());
        assertEquals(Optional.of(Converter.of(Preset.T2CN)), d.conversion());
        assertEquals(Style.MAINLAND, d.style());
        assertEquals(Numerals.WIDTH_ONLY, d.numerals());
        assertEquals(Spacing.AUTO, d.spacing());
        assertEquals(Indent.KEEP, d.indent());
        assertEquals(Optional.empty(), Normalizer.builder().noConversion().build().conversion());
        Converter custom = Converter.builder().preset(Preset.T2S).userEntry("乾隆", "乾隆").build();
        assertSame(custom, Normalizer.builder().conversion(custom).build().conversion().orElseThrow());
        assertEquals("乾隆，", Normalizer.builder().conversion(custom).build().normalize("乾隆,"));
    }

    @Test
    void protectedTermsAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> Normalizer.builder().protect(""));
        assertThrows(IllegalArgumentException.class, () -> Normalizer.builder().protect("a\nb"));
        assertThrows(NullPointerException.class, () -> Normalizer.builder().protect((String) null));
        assertEquals(List.of("臺灣"), Normalizer.builder().protect("臺灣").build().protectedTerms());
    }

    @Test
    void protectedTermsComeThroughVerbatimAndLongestFirst() {
        Normalizer n = Normalizer.builder().protect("臺灣", "臺灣大學").build();
        assertEquals("臺灣大學与臺灣，", n.normalize("臺灣大學與臺灣,"));
    }

    @Test
    void sameResultUnderATurkishDefaultLocale() {
        Locale saved = Locale.getDefault();
        String text = "İSTANBUL,ı和I,Title 标题:ＩＩ";
        String expected = Normalizer.defaults().normalize(text);
        try {
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            assertEquals(expected, Normalizer.builder().build().normalize(text));
            assertEquals(Optional.of(Style.TAIWAN), Style.fromId("TAIWAN"));
            assertEquals(Optional.of(Indent.STRIP), Indent.fromId("STRIP"));
        } finally {
            Locale.setDefault(saved);
        }
    }

    /** N3 spells the digit that completes a year, and the 〇 fix sees it in the same run: a second run finds nothing. */
    @Test
    void arabicToChineseFixesZerosInTheYearsItSpells() {
        Normalizer n = Normalizer.builder().numerals(Numerals.ARABIC_TO_CHINESE).build();
        for (String in : List.of("民國一○2年成立", "二○2二年", "二0二2年的事")) {
            String once = n.normalize(in);
            assertEquals(once, n.normalize(once), in);
        }
        assertEquals("民国一〇二年成立", n.normalize("民國一○2年成立"));
    }

    @Test
    void threadSafe() throws Exception {
        Normalizer n = Normalizer.builder().numerals(Numerals.ARABIC_TO_CHINESE).build();
        String text = "今年88個項目,增長7.7%,2022年10月12日.\n".repeat(200);
        String expected = n.normalize(text);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 16; i++) {
                results.add(pool.submit(() -> n.normalize(text)));
            }
            for (Future<String> f : results) {
                assertEquals(expected, f.get());
            }
        } finally {
            pool.shutdown();
        }
        assertEquals("今年八十八个项目，增长百分之七点七，二〇二二年十月十二日。", expected.lines().findFirst().orElseThrow());
    }
}
