package dev.zhnorm;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * One small test per rule of OpenCC's model (DESIGN.md, "OpenCC semantics to reproduce exactly"),
 * each with a hand-made dictionary and a config read through the public API.
 */
class OpenccSemanticsTest {
    @TempDir
    Path dir;

    private Path dict(String name, String... lines) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return p;
    }

    private Converter config(String json) throws IOException {
        Path p = dir.resolve("config.json");
        Files.writeString(p, json, StandardCharsets.UTF_8);
        return Converter.fromOpenccConfig(p);
    }

    private static String text(String file) {
        return "{\"type\":\"text\",\"file\":\"" + file + "\"}";
    }

    private static String chain(String... dicts) {
        StringBuilder sb = new StringBuilder("\"conversion_chain\":[");
        for (int i = 0; i < dicts.length; i++) {
            sb.append(i == 0 ? "" : ",").append("{\"dict\":").append(dicts[i]).append('}');
        }
        return sb.append(']').toString();
    }

    // Rule 1: normalization, then segmentation, then the chain.

    @Test
    void normalizationRunsOverTheWholeTextBeforeSegmentationAndChain() throws IOException {
        dict("norm.txt", "Ａ\tA");
        dict("seg.txt", "AB\tAB");
        dict("conv.txt", "AB\tX", "B\tY");
        Converter c = config("{\"normalization\":[{\"dict\":" + text("norm.txt") + "}],"
                + "\"segmentation\":{\"type\":\"mmseg\",\"dict\":" + text("seg.txt") + "}," + chain(text("conv.txt")) + "}");
        // Ａ becomes A first, so the segment AB exists and converts as a whole.
        assertEquals("X", c.convert("ＡB"));
    }

    @Test
    void laterStageConvertsTheOutputOfTheEarlierStage() throws IOException {
        dict("one.txt", "a\tb");
        dict("two.txt", "b\tc");
        assertEquals("cc", config("{" + chain(text("one.txt"), text("two.txt")) + "}").convert("ab"));
    }

    @Test
    void emptyChainIsIdentity() throws IOException {
        assertEquals("漢字", config("{\"conversion_chain\":[]}").convert("漢字"));
    }

    // Rule 2: each segment goes through the whole chain on its own.

    @Test
    void laterStageNeverMatchesAcrossASegmentBoundary() throws IOException {
        dict("seg.txt", "ab\tab");
        dict("one.txt", "z\tz");
        dict("two.txt", "bc\tX");
        String stages = chain(text("one.txt"), text("two.txt"));
        Converter segmented = config("{\"segmentation\":{\"type\":\"mmseg\",\"dict\":" + text("seg.txt") + "}," + stages + "}");
        Converter whole = config("{" + stages + "}");
        assertEquals("abc", segmented.convert("abc"), "segments ab|c: bc spans the boundary");
        assertEquals("aX", whole.convert("abc"), "without segmentation the text is one segment");
    }

    @Test
    void consecutiveUnmatchedCharactersFormOneSegment() throws IOException {
        dict("seg.txt", "x\tx");
        dict("conv.txt", "ab\tY");
        Converter c = config("{\"segmentation\":{\"type\":\"mmseg\",\"dict\":" + text("seg.txt") + "}," + chain(text("conv.txt")) + "}");
        assertEquals("YxY", c.convert("abxab"));
    }

    @Test
    void segmentationTakesTheLongestKey() throws IOException {
        dict("seg.txt", "a\ta", "abc\tabc");
        dict("conv.txt", "ab\tY");
        Converter c = config("{\"segmentation\":{\"type\":\"mmseg\",\"dict\":" + text("seg.txt") + "}," + chain(text("conv.txt")) + "}");
        assertEquals("Yc", c.convert("abc"), "one segment abc, inside which ab converts");
        assertEquals("abd", c.convert("abd"), "segments a|bd: ab spans the boundary");
    }

    // Rule 3: greedy longest prefix match, else copy one code point.

    @Test
    void longestPrefixWinsAtEachPosition() throws IOException {
        dict("d.txt", "a\t1", "ab\t2", "abc\t3");
        Converter c = config("{" + chain(text("d.txt")) + "}");
        assertEquals("3d", c.convert("abcd"));
        assertEquals("2d", c.convert("abd"));
        assertEquals("1x1", c.convert("axa"));
    }

    @Test
    void greedyMatchingDoesNotBacktrack() throws IOException {
        dict("d.txt", "ab\tX", "bcd\tY");
        // At position 0 "ab" wins; "bcd" would have covered more text but starts later.
        assertEquals("Xcd", config("{" + chain(text("d.txt")) + "}").convert("abcd"));
    }

    @Test
    void unmatchedTextIsCopiedOneCodePointAtATime() throws IOException {
        dict("d.txt", "b\tB");
        assertEquals("a\uD840\uDC00B", config("{" + chain(text("d.txt")) + "}").convert("a\uD840\uDC00b"));
    }

    // Rule 4: group match policies.

    @Test
    void shortCircuitFirstMemberWithAnyMatchWinsEvenIfALaterOneIsLonger() throws IOException {
        dict("short.txt", "a\t1");
        dict("long.txt", "ab\t2");
        Converter c = config("{" + chain("{\"type\":\"group\",\"match_policy\":\"short_circuit\",\"dicts\":["
                + text("short.txt") + "," + text("long.txt") + "]}") + "}");
        assertEquals("1b", c.convert("ab"));
        assertEquals("2", config("{" + chain("{\"type\":\"group\",\"match_policy\":\"short_circuit\",\"dicts\":["
                + text("long.txt") + "," + text("short.txt") + "]}") + "}").convert("ab"));
    }

    @Test
    void shortCircuitIsTheDefaultPolicy() throws IOException {
        dict("short.txt", "a\t1");
        dict("long.txt", "ab\t2");
        Converter c = config("{" + chain("{\"type\":\"group\",\"dicts\":[" + text("short.txt") + "," + text("long.txt") + "]}") + "}");
        assertEquals("1b", c.convert("ab"));
    }

    @Test
    void shortCircuitFallsThroughWhenTheFirstMemberHasNoMatch() throws IOException {
        dict("first.txt", "x\t1");
        dict("second.txt", "ab\t2", "a\t3");
        Converter c = config("{" + chain("{\"type\":\"group\",\"dicts\":[" + text("first.txt") + "," + text("second.txt") + "]}") + "}");
        assertEquals("2", c.convert("ab"));
        assertEquals("13", c.convert("xa"));
    }

    @Test
    void unionTakesTheLongestMatchAcrossMembers() throws IOException {
        dict("short.txt", "a\t1");
        dict("long.txt", "ab\t2");
        Converter c = config("{" + chain("{\"type\":\"group\",\"match_policy\":\"union\",\"dicts\":["
                + text("short.txt") + "," + text("long.txt") + "]}") + "}");
        assertEquals("2", c.convert("ab"));
        assertEquals("1c", c.convert("ac"));
    }

    @Test
    void unionTieGoesToTheEarlierMember() throws IOException {
        dict("first.txt", "ab\t1");
        dict("second.txt", "ab\t2");
        Converter c = config("{" + chain("{\"type\":\"group\",\"match_policy\":\"union\",\"dicts\":["
                + text("first.txt") + "," + text("second.txt") + "]}") + "}");
        assertEquals("1", c.convert("ab"));
    }

    @Test
    void groupsNest() throws IOException {
        dict("a.txt", "a\t1");
        dict("ab.txt", "ab\t2");
        dict("abc.txt", "abc\t3");
        // short_circuit(union(a, ab), abc): the union matches "ab" first, so abc never wins.
        Converter c = config("{" + chain("{\"type\":\"group\",\"dicts\":[{\"type\":\"group\",\"match_policy\":\"union\","
                + "\"dicts\":[" + text("a.txt") + "," + text("ab.txt") + "]}," + text("abc.txt") + "]}") + "}");
        assertEquals("2c", c.convert("abc"));
    }

    // Rule 5: an entry with several values uses the first.

    @Test
    void multiValuedEntryUsesTheFirstValue() throws IOException {
        dict("d.txt", "干\t幹 乾 干");
        assertEquals("幹", config("{" + chain(text("d.txt")) + "}").convert("干"));
    }

    // Rule 6: code points, not chars.

    @Test
    void extensionBKeysAndValuesConvert() throws IOException {
        dict("d.txt", "𠮷\t吉", "𠮷野家\t吉野家", "着\t𫝀");
        Converter c = config("{" + chain(text("d.txt")) + "}");
        assertEquals("吉野家 吉 𫝀", c.convert("𠮷野家 𠮷 着"));
    }

    @Test
    void aSurrogatePairIsOneUnitForSegmentation() throws IOException {
        dict("seg.txt", "𠀀\t𠀀");
        dict("conv.txt", "𠀀a\tX", "a\tA");
        Converter c = config("{\"segmentation\":{\"type\":\"mmseg\",\"dict\":" + text("seg.txt") + "}," + chain(text("conv.txt")) + "}");
        // 𠀀 is a segment of its own, so "𠀀a" cannot match across it.
        assertEquals("𠀀A", c.convert("𠀀a"));
    }

    @Test
    void dictionariesMarkedMayOutputTofuAreUsedByDefaultAndCanBeLeftOut() throws IOException {
        dict("ext.txt", "a\t𪠽");
        dict("base.txt", "a\tb");
        Path cfg = dir.resolve("tofu.json");
        Files.writeString(cfg, "{" + chain("{\"type\":\"group\",\"dicts\":[{\"type\":\"text\",\"file\":\"ext.txt\","
                + "\"may_output_tofu\":true}," + text("base.txt") + "]}") + "}");
        assertEquals("𪠽", Converter.fromOpenccConfig(cfg).convert("a"));
        assertEquals("b", Converter.builder().openccConfig(cfg).tofu(dev.zhnorm.config.TofuPolicy.EXCLUDE).build().convert("a"));
    }

    @Test
    void inlineDictionariesWork() throws IOException {
        assertEquals("乙丙", config("{" + chain("{\"type\":\"inline\",\"entries\":{\"甲\":\"乙\",\"丁\":[\"丙\",\"戊\"]}}") + "}")
                .convert("甲丁"));
    }
}
