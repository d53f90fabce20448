package dev.zhnorm.bench;

import dev.zhnorm.Converter;

/**
 * The program {@link ColdStartBenchmark} launches in a fresh JVM: converts one short sentence with
 * the preset named by its argument and prints the result's length at once. It touches nothing else
 * of the benchmark suite, so what it loads is what an application converting one text loads. With
 * {@code baseline} it prints without converting: the cost of the JVM alone.
 */
public final class ColdStartProbe {
    private static final String SIMPLIFIED = "汉字转换：头发很长，计算机软件和鼠标。于是他们着手准备，随着时代发展。";
    private static final String TRADITIONAL = "漢字轉換：頭髮很長，計算機軟體和滑鼠。於是他們著手準備，隨著時代發展。";

    private ColdStartProbe() {
    }

    public static void main(String[] args) {
        String preset = args[0];
        if (preset.equals("baseline")) {
            System.out.println(0);
            return;
        }
        String text = preset.startsWith("s2") || preset.equals("jp2t") ? SIMPLIFIED : TRADITIONAL;
        String out = Converter.of(preset).convert(text);
        System.out.println(out.length());
    }
}
