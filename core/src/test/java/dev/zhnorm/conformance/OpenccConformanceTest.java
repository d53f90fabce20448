package dev.zhnorm.conformance;

import dev.zhnorm.Converter;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The engine reproduces OpenCC exactly on OpenCC's own data: every config/input pair of OpenCC's
 * case table, converted through {@link Converter#fromOpenccConfig} on the package's JSON configs.
 */
class OpenccConformanceTest {
    private final Map<String, Converter> converters = new HashMap<>();

    private Converter converter(String config) {
        Path data = OpenccCaseTable.packageDir().resolve("data");
        // The package keeps configs in data/config and dictionaries in data/.
        return converters.computeIfAbsent(config, c -> Converter.builder()
                .openccConfig(data.resolve(Path.of("config", c + ".json"))).dataFolder(data).build());
    }

    @TestFactory
    Stream<DynamicTest> everyCaseMatchesOpenccExpectation() {
        return OpenccCaseTable.cases().stream().map(c -> DynamicTest.dynamicTest(c.config() + " " + c.id(),
                () -> assertEquals(c.expected(), converter(c.config()).convert(c.input()), c.input())));
    }

    /**
     * Each config's inputs joined by line ends and repeated past 4096 chars, which is where the s2t
     * family's dense phrase stage starts to skip the keys that change nothing: the joined outputs
     * (no key holds a line end, so the lines convert apart).
     */
    @TestFactory
    Stream<DynamicTest> longTextsOfEveryConfigMatchTheirLines() {
        Map<String, List<OpenccCaseTable.Case>> byConfig = OpenccCaseTable.cases().stream()
                .collect(Collectors.groupingBy(OpenccCaseTable.Case::config, TreeMap::new, Collectors.toList()));
        return byConfig.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            StringBuilder in = new StringBuilder();
            StringBuilder expected = new StringBuilder();
            while (in.length() < 5000) {
                for (OpenccCaseTable.Case c : e.getValue()) {
                    in.append(c.input()).append('\n');
                    expected.append(c.expected()).append('\n');
                }
            }
            assertEquals(expected.toString(), converter(e.getKey()).convert(in.toString()));
        }));
    }

    @Test
    void tableHas475Pairs() {
        List<OpenccCaseTable.Case> cases = OpenccCaseTable.cases();
        assertEquals(475, cases.size());
        assertEquals(16, cases.stream().map(OpenccCaseTable.Case::config).distinct().count());
    }
}
