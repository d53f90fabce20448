package dev.zhnorm.conformance;

import dev.zhnorm.Converter;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * OpenCC's case table through the bundled presets ({@link Converter#of(String)}), whose data is the
 * older OpenCC set in the OpenCC4j jar plus zhnorm's own tables. The counts per configuration are
 * recorded here and in the README; the test fails if any drops, so data changes cannot silently
 * regress. Raise a floor when an improvement lands.
 */
class BundledPresetConformanceTest {
    /** Passing pairs per preset, at least. Keep in sync with the README table. */
    private static final Map<String, Integer> FLOOR = Map.ofEntries(
            Map.entry("hk2s", 16), Map.entry("hk2sp", 0), Map.entry("hk2t", 6), Map.entry("jp2t", 4),
            Map.entry("s2hk", 24), Map.entry("s2hkp", 1), Map.entry("s2t", 54), Map.entry("s2tw", 34),
            Map.entry("s2twp", 28), Map.entry("t2hk", 10), Map.entry("t2jp", 4), Map.entry("t2s", 27),
            Map.entry("t2tw", 7), Map.entry("tw2s", 23), Map.entry("tw2sp", 19), Map.entry("tw2t", 10));
    private static final int TOTAL_FLOOR = 267;

    @Test
    void passCountsPerPresetDoNotDrop() {
        List<OpenccCaseTable.Case> cases = OpenccCaseTable.cases();
        Map<String, int[]> counts = new TreeMap<>();
        StringBuilder failures = new StringBuilder();
        for (OpenccCaseTable.Case c : cases) {
            String got = Converter.of(c.config()).convert(c.input());
            int[] n = counts.computeIfAbsent(c.config(), k -> new int[2]);
            n[1]++;
            if (got.equals(c.expected())) {
                n[0]++;
            } else {
                failures.append(String.format("  %-6s %-40s%n    expected %s%n    got      %s%n", c.config(), c.id(), c.expected(), got));
            }
        }
        int total = counts.values().stream().mapToInt(n -> n[0]).sum();
        StringBuilder table = new StringBuilder("bundled presets on OpenCC's case table: " + total + " / " + cases.size() + "\n");
        counts.forEach((k, n) -> table.append(String.format("  %-6s %3d / %3d%n", k, n[0], n[1])));
        System.out.println(table);
        if (Boolean.getBoolean("zhnorm.printFailures")) {
            System.out.println(failures);
        }
        counts.forEach((k, n) -> {
            if (n[0] < FLOOR.get(k)) {
                fail(k + " passes " + n[0] + ", fewer than the recorded " + FLOOR.get(k) + "\n" + table);
            }
        });
        assertTrue(total >= TOTAL_FLOOR, table.toString());
    }
}
