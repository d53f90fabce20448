package dev.zhnorm.lucene;

import java.util.Random;

/** Random lines built from pieces that exercise conversion and normalization. */
final class ChineseText {
    private static final String[] PIECES = {
        "頭髮", "头发", "漢字", "汉字", "後來", "很長", "互联网", "網際網路", "主板", "主機板", "U盘", "隨身碟",
        "串行端口", "軟體", "软件", "鼠标", "滑鼠", "著作", "隨著", "乾隆", "干燥", "𠁞", "𠀾", "㑮", "𫝈",
        "手機", "電子", "的士", "出租车", "的", "了", "國", "国", "學", "学",
        " ", " ", "  ", "，", ",", "。", ".", "...", "「", "」", "\"", "(", ")", ":", "？", "!",
        "Lucene", "Python", "2022", "２０２２", "年", "三百二十五", "10:00", "7.7%", "\u3000", "\u200B", "ＧＤＰ",
    };

    private ChineseText() {
    }

    /**
     * @param lines how many lines
     * @param maxLineChars a bound on each line's length (line ends not counted)
     * @return the text, lines joined by {@code \n} or {@code \r\n}, with or without a final line end
     */
    static String random(Random random, int lines, int maxLineChars) {
        return random(random, lines, maxLineChars, 0);
    }

    /**
     * Like {@link #random(Random, int, int)}, with a share of lines in plain ASCII, which no transform
     * changes (so that changed lines are sparse).
     */
    static String random(Random random, int lines, int maxLineChars, double plainShare) {
        StringBuilder sb = new StringBuilder();
        for (int l = 0; l < lines; l++) {
            int start = sb.length();
            if (random.nextDouble() < plainShare) {
                sb.append("plain ascii line ").append(random.nextInt(1000)).append('\n');
                continue;
            }
            int target = random.nextInt(maxLineChars + 1);
            while (true) {
                String p = PIECES[random.nextInt(PIECES.length)];
                if (sb.length() - start + p.length() > target) {
                    break;
                }
                sb.append(p);
            }
            if (l < lines - 1 || random.nextBoolean()) {
                sb.append(random.nextInt(4) == 0 ? "\r\n" : "\n");
            }
        }
        return sb.toString();
    }
}
