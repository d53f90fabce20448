package dev.zhnorm.internal.normalize;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

import java.util.List;

/** Random mixed Chinese/Latin text built from tokens that exercise every rule group. */
final class RandomText {
    /** Simplified Han that every conversion preset leaves alone, plus numerals, units and calendar words. */
    private static final String HAN = "我你他的是了人在有中国大好说和年月日时分百千万亿一二三四五六七八九十两零〇点个元米天第农历周之"
            + "几多余来正腊初廿号秒岁公里吨以来习近平总书记考察发展经济社会工作问题文化";

    private static final List<String> TOKENS = List.of(
            ",", ".", ":", ";", "?", "!", "(", ")", "\"", "'", "-", "--", "...", "…", "⋯", "―", "──", "⸺",
            "，", "。", "、", "；", "：", "？", "！", "“", "”", "‘", "’", "「", "」", "『", "』", "（", "）", "《", "》",
            "——", "……", "·", "・", "•", "．", "﹔", "﹐", "｡", "｢", "｣", "︒",
            " ", " ", "  ", "\t", "\u3000", "\u00A0", "\u2003", "\u200B", "\uFEFF", "\u0007",
            "Ａ", "ｂ", "０", "１", "９", "％", "：", "＂", "＋", "－", "○", "O", "0",
            "a", "b", "x", "Hello", "world", "iPhone", "GDP", "is", "the",
            "1", "2", "5", "10", "2022", "3.14", "1,000", "10:00", "v1.2.3", "2+2", "x=1", "%", "℃",
            "https://x.cn/a?q=1,2", "www.gov.cn", "ab@c.cn", "/usr/bin", "C:\\dir", "<b>", "</b>", "&nbsp;", "`a,b`",
            "\n", "\r\n", "\r", "\n\n",
            "\uF9D1", "\u2F00", "\u2EE2", "\uD87E\uDC00", "𠀀", "\uD800");

    private RandomText() {
    }

    private static Arbitrary<String> token() {
        Arbitrary<String> han = Arbitraries.strings().withChars(HAN.toCharArray()).ofMinLength(1).ofMaxLength(4);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, han),
                net.jqwik.api.Tuple.of(4, Arbitraries.of(TOKENS)));
    }

    /** @return text of up to {@code maxTokens} tokens */
    static Arbitrary<String> mixed(int maxTokens) {
        return token().list().ofMaxSize(maxTokens).map(l -> String.join("", l));
    }

    /** @return text without the characters that can start protected spans, code fences or user terms */
    static Arbitrary<String> withoutSpans(int maxTokens) {
        return mixed(maxTokens).map(s -> s.replaceAll("[`<&/@\\\\~:]", "").replace("www.", ""));
    }
}
