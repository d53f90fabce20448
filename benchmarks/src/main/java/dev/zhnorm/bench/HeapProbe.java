package dev.zhnorm.bench;

import dev.zhnorm.Converter;
import dev.zhnorm.Preset;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;

/**
 * Heap retained by zhnorm after loading every preset, measured in a fresh JVM: used heap after full
 * collections before and after {@code Converter.of(p).convert(...)} for every {@link Preset} (the
 * converters stay reachable, as the library's own cache keeps them). Run it with
 * {@code -XX:+UseSerialGC}, whose used-after-full-GC figure is the live data exactly. Prints one
 * JSON object. With {@code --input NAME} (an {@link Inputs} name, such as {@code zuozhuan}), each
 * preset converts that text in its source script instead of a word: a long text also derives what
 * the presets build on first use by one (the skipping loop's filters, s2hk's and s2tw's folded stage).
 */
public final class HeapProbe {
    private HeapProbe() {
    }

    public static void main(String[] args) {
        String input = args.length == 2 && args[0].equals("--input") ? args[1] : null;
        if (args.length > 0 && input == null) {
            throw new IllegalArgumentException("usage: HeapProbe [--input NAME]");
        }
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        if (input != null) {
            for (Preset p : Preset.values()) {
                Inputs.text(input, Inputs.sourceScript(p.id())); // cached, and counted before, not as zhnorm's
            }
        }
        long before = settledUsed(memory);
        long start = System.nanoTime();
        List<Converter> all = new ArrayList<>();
        long chars = 0;
        for (Preset p : Preset.values()) {
            Converter c = Converter.of(p);
            chars += c.convert(input == null ? "汉字頭髮计算机軟體"
                    : Inputs.text(input, Inputs.sourceScript(p.id()))).length();
            all.add(c);
        }
        long loadNanos = System.nanoTime() - start;
        long after = settledUsed(memory);
        System.out.printf("{\"presets\": %d, \"usedBeforeBytes\": %d, \"usedAfterBytes\": %d, \"retainedBytes\": %d,"
                        + " \"maxHeapBytes\": %d, \"loadAllMillis\": %.1f, \"gc\": \"%s\", \"check\": %d}%n",
                all.size(), before, after, after - before, Runtime.getRuntime().maxMemory(), loadNanos / 1e6,
                gcNames(), chars);
    }

    /** Used heap after full collections, repeated until it stops shrinking. */
    private static long settledUsed(MemoryMXBean memory) {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 10; i++) {
            System.gc();
            long u = memory.getHeapMemoryUsage().getUsed();
            if (u >= used) {
                return Math.min(u, used);
            }
            used = u;
        }
        return used;
    }

    private static String gcNames() {
        StringBuilder sb = new StringBuilder();
        ManagementFactory.getGarbageCollectorMXBeans().forEach(b -> sb.append(sb.length() == 0 ? "" : "+").append(b.getName()));
        return sb.toString();
    }
}
