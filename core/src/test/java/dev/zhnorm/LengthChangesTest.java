package dev.zhnorm;

import dev.zhnorm.normalize.Format;
import dev.zhnorm.normalize.Indent;
import dev.zhnorm.normalize.Numerals;
import dev.zhnorm.normalize.Spacing;
import dev.zhnorm.normalize.Style;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link TextTransform#apply(CharSequence, LengthChangeListener)} against {@code explain}: for every
 * preset, user entries and normalizer profiles, on random mixed text and on 左传, it must report
 * exactly explain's changes of different lengths, and the offsets they give must be explain's.
 */
class LengthChangesTest {
    /** Pieces that convert (phrases of other lengths among them), normalize, or need care (pairs, IDS). */
    private static final String[] PIECES = {
        "頭髮", "头发", "漢字", "汉字", "後來", "很長", "互联网", "網際網路", "主板", "主機板", "U盘", "隨身碟",
        "串行端口", "軟體", "软件", "鼠标", "滑鼠", "出租车", "的士", "計程車", "信息", "資訊", "打印机", "印表機",
        "乾隆", "干燥", "著作", "隨著", "裏", "裡", "為", "爲", "説", "着", "羣", "么麼", "什麼", "薴",
        "𠁞", "𠀾", "㑮", "𫝈", "\uF900", "\uFA0C", "⿰氵青", "⿱艹⿰木木", "\uD840", "國", "国", "學", "学",
        " ", " ", "  ", "\t", "，", ",", "。", ".", "...", "……", "「", "」", "\"", "“", "”", "(", ")", "（",
        ":", "？", "!", "、", "—", "--", "~", "'", "Lucene", "Python", "C++", "2022", "２０２２", "年",
        "三百二十五", "百分之七", "一百 人", "5 个", "第3章", "10:00", "7.7%", "\u3000", "\u200B", "\u00A0",
        "ＧＤＰ", "https://zh.wikipedia.org/wiki/臺灣", "`code`", "臺灣",
    };

    private static final String[] LINE_ENDS = {"\n", "\r\n", "\r"};

    static String randomText(Random rnd, int lines, int maxLineChars) {
        StringBuilder sb = new StringBuilder();
        for (int l = 0; l < lines; l++) {
            int start = sb.length();
            int target = rnd.nextInt(maxLineChars + 1);
            while (true) {
                String p = PIECES[rnd.nextInt(PIECES.length)];
                if (sb.length() - start + p.length() > target) {
                    break;
                }
                sb.append(p);
            }
            if (l < lines - 1 || rnd.nextBoolean()) {
                sb.append(LINE_ENDS[rnd.nextInt(LINE_ENDS.length)]);
            }
        }
        return sb.toString();
    }

    static List<TextTransform> transforms() {
        List<TextTransform> all = new ArrayList<>();
        for (Preset p : Preset.values()) {
            all.add(Converter.of(p));
        }
        all.add(Converter.builder().preset(Preset.S2TWP).userEntry("互联网", "因特网").userEntry("漢字", "漢字字")
                .userEntry("臺灣", "台").build());
        all.add(Converter.builder().preset(Preset.T2S).userEntry("頭髮", "髮").build());
        all.add(Normalizer.defaults());
        all.add(Normalizer.builder().spacing(Spacing.PANGU).build());
        all.add(Normalizer.builder().spacing(Spacing.NONE).numerals(Numerals.QUANTITIES_TO_ARABIC).build());
        all.add(Normalizer.builder().spacing(Spacing.KEEP).numerals(Numerals.ARABIC_TO_CHINESE).indent(Indent.KEEP).build());
        all.add(Normalizer.builder().conversion(Preset.S2TWP).style(Style.TAIWAN).build());
        all.add(Normalizer.builder().conversion(Preset.HK2S).protect("臺灣", "C++").build());
        all.add(Normalizer.builder().noConversion().style(Style.HONGKONG).build());
        all.add(Normalizer.builder().format(Format.MARKDOWN).build());
        return all;
    }

    /** What the new path reports: the four offsets of each call. */
    private static List<List<Integer>> reported(TextTransform t, String text, String[] output) {
        List<List<Integer>> calls = new ArrayList<>();
        output[0] = t.apply(text, (is, ie, os, oe) -> calls.add(List.of(is, ie, os, oe)));
        return calls;
    }

    /** What explain says: its changes whose two sides differ in length. */
    private static List<List<Integer>> explained(Explanation e) {
        List<List<Integer>> changes = new ArrayList<>();
        for (Change c : e.changes()) {
            if (c.before().length() != c.after().length()) {
                changes.add(List.of(c.inputStart(), c.inputEnd(), c.outputStart(), c.outputEnd()));
            }
        }
        return changes;
    }

    /** Asserts the new path against explain on one text, offsets included; returns the number of length changes. */
    private static int check(TextTransform t, String text, String where) {
        String[] output = new String[1];
        List<List<Integer>> calls = reported(t, text, output);
        Explanation e = t.explain(text);
        assertEquals(t.apply(text), output[0], where);
        assertEquals(explained(e), calls, where);
        List<Change> lengthOnly = new ArrayList<>();
        for (List<Integer> c : calls) {
            lengthOnly.add(new Change(c.get(0), c.get(1), c.get(2), c.get(3), "", "", ""));
        }
        OffsetMap fromCalls = OffsetMap.of(lengthOnly);
        for (int i = 0; i <= output[0].length(); i++) {
            assertEquals(e.offsets().toInput(i), fromCalls.toInput(i), where + " at output offset " + i);
        }
        return calls.size();
    }

    @Test
    void reportsExactlyExplainsLengthChangesOnRandomText() {
        Random rnd = new Random(20261204L);
        List<TextTransform> transforms = transforms();
        int lengthChanges = 0;
        for (int round = 0; round < 1500; round++) {
            TextTransform t = transforms.get(round % transforms.size());
            String text = randomText(rnd, 1 + rnd.nextInt(6), 1 + rnd.nextInt(80));
            lengthChanges += check(t, text, "round " + round + ", " + t.name() + ": "
                    + text.replace("\n", "\\n").replace("\r", "\\r"));
        }
        assertTrue(lengthChanges > 1000, "the random text changes lengths often enough: " + lengthChanges);
    }

    @Test
    void knownLengthChanges() {
        String[] out = new String[1];
        assertEquals(List.of(List.of(1, 4, 1, 5)), reported(Converter.of("s2twp"), "上互联网了", out));
        assertEquals("上網際網路了", out[0]);
        assertEquals(List.of(List.of(0, 4, 0, 3)), reported(Converter.of("tw2sp"), "網際網路好", out));
        assertEquals(List.of(), reported(Converter.of("t2s"), "頭髮很長", out), "same-length changes are not reported");
        assertEquals("头发很长", out[0]);
        // Pangu spacing inserts, an ellipsis of dots shrinks.
        assertEquals(List.of(List.of(2, 2, 2, 3), List.of(8, 8, 9, 10)),
                reported(Normalizer.builder().spacing(Spacing.PANGU).build(), "使用Python編寫", out));
        assertEquals(List.of(List.of(2, 5, 2, 4)), reported(Normalizer.defaults(), "走吧...", out));
    }

    @Test
    void unchangedStringComesBackItself() {
        String simplified = "头发很长，你好。\n";
        for (TextTransform t : List.of(Converter.of("t2s"), Converter.of("t2cn"), Normalizer.defaults())) {
            assertSame(simplified, t.apply(simplified, (is, ie, os, oe) -> {
                throw new AssertionError("no change expected");
            }), t.name());
        }
        String plain = "plain ascii only";
        assertSame(plain, Converter.of("s2twp").apply(plain, (is, ie, os, oe) -> {
            throw new AssertionError("no change expected");
        }));
    }

    @Test
    void zuozhuanTraditional() {
        String text = SharedCorpus.read(SharedCorpus.ZUOZHUAN_HANT);
        for (TextTransform t : List.of(Converter.of("t2cn"), Converter.of("tw2sp"), Normalizer.defaults())) {
            check(t, text, t.name() + " on " + SharedCorpus.ZUOZHUAN_HANT);
        }
    }

    @Test
    void zuozhuanSimplified() {
        String text = SharedCorpus.read(SharedCorpus.ZUOZHUAN);
        for (TextTransform t : List.of(Converter.of("s2twp"), Converter.of("s2hk"))) {
            assertTrue(check(t, text, t.name() + " on " + SharedCorpus.ZUOZHUAN) >= 0);
        }
    }
}
