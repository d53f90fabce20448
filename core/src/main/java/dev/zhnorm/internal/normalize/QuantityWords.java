package dev.zhnorm.internal.normalize;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The word lists of the numeral rules (spec §2): the closed list U of units after which a Chinese
 * numeral is a quantity (N2a, N3), and the protected lexicon of set phrases and place names whose
 * numerals are never converted. Immutable.
 */
final class QuantityWords {
    /** The unit list U of N2a. */
    static final List<String> UNITS = List.of(
            "个", "人", "人次", "名", "位", "户", "家", "所", "座", "栋", "项", "件", "台", "辆", "架", "艘", "头", "只",
            "条", "张", "本", "册", "篇", "份", "次", "场", "批", "种", "类", "笔", "起", "例", "元", "美元", "欧元",
            "港元", "块", "年", "个月", "周", "天", "小时", "分钟", "秒", "岁", "倍", "米", "千米", "公里", "厘米", "毫米",
            "平方米", "平方公里", "亩", "公顷", "吨", "千克", "公斤", "克", "斤", "升", "毫升", "度", "摄氏度", "世纪",
            "年代", "层", "套");

    /** The protected lexicon of N2: set phrases, then place names with numerals. */
    static final List<String> LEXICON = List.of(
            "十八大", "十九大", "二十大", "十二五", "十三五", "十四五", "十五五", "一带一路", "两个确立", "两个维护",
            "四个意识", "四个自信", "四个全面", "三个代表", "五位一体", "八项规定", "一国两制", "三严三实", "两会",
            "一主六双", "双十一", "五四运动", "一二·九", "十万八千里", "二十四节气", "三十六计", "五十步笑百步",
            "一百八十度大转弯", "三七二十一", "九九八十一难", "十二生肖", "七十二变", "三百六十行", "一百个放心",
            "四川", "三亚", "九江", "十堰", "七台河", "二连浩特", "五常", "三明", "四平", "六安", "九寨沟");

    private static final WordIndex UNITS_BY_FIRST = new WordIndex(UNITS);
    private static final WordIndex LEXICON_BY_FIRST = new WordIndex(LEXICON);

    private QuantityWords() {
    }

    /** Words grouped by first char (sorted, binary-searched), each group longest first. */
    private static final class WordIndex {
        private final char[] firsts;
        private final char[][][] words;

        WordIndex(List<String> list) {
            List<String> sorted = new ArrayList<>(list);
            sorted.sort(Comparator.comparing((String w) -> w.charAt(0)).thenComparing(String::length, Comparator.reverseOrder()));
            List<Character> heads = new ArrayList<>();
            List<List<char[]>> groups = new ArrayList<>();
            for (String w : sorted) {
                if (heads.isEmpty() || heads.get(heads.size() - 1) != w.charAt(0)) {
                    heads.add(w.charAt(0));
                    groups.add(new ArrayList<>());
                }
                groups.get(groups.size() - 1).add(w.toCharArray());
            }
            firsts = new char[heads.size()];
            words = new char[heads.size()][][];
            for (int i = 0; i < firsts.length; i++) {
                firsts[i] = heads.get(i);
                words[i] = groups.get(i).toArray(new char[0][]);
            }
        }

        /** @return the length of the longest word matching free chars at {@code i}, or 0 */
        int match(Line line, int i) {
            if (i >= line.n) {
                return 0;
            }
            int slot = Arrays.binarySearch(firsts, line.c[i]);
            if (slot < 0) {
                return 0;
            }
            for (char[] w : words[slot]) {
                if (w.length <= line.n - i && Arrays.equals(line.c, i, i + w.length, w, 0, w.length)) {
                    boolean free = true;
                    for (int j = i; j < i + w.length && free; j++) {
                        free = line.free(j);
                    }
                    if (free) {
                        return w.length;
                    }
                }
            }
            return 0;
        }
    }

    /**
     * @return the length of the unit of U at {@code i}, or 0; {@code 年} before {@code 级} is a
     *     school grade, not a unit
     */
    static int unitAt(Line line, int i) {
        int len = UNITS_BY_FIRST.match(line, i);
        if (len == 1 && line.c[i] == '年' && i + 1 < line.n && line.c[i + 1] == '级') {
            return 0;
        }
        return len;
    }

    /**
     * Marks the chars covered by the protected lexicon, matched longest first, left to right.
     *
     * @param covered set to true for covered chars, false elsewhere, over {@code [0, line.n)}
     */
    static void markLexicon(Line line, boolean[] covered) {
        int n = line.n;
        Arrays.fill(covered, 0, n, false);
        int i = 0;
        while (i < n) {
            int len = LEXICON_BY_FIRST.match(line, i);
            if (len == 0) {
                i++;
                continue;
            }
            Arrays.fill(covered, i, i + len, true);
            i += len;
        }
    }
}
