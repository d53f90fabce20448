package dev.zhnorm.internal.normalize;

import dev.zhnorm.normalize.Style;
import dev.zhnorm.normalize.Numerals;
import dev.zhnorm.normalize.Spacing;

import dev.zhnorm.Explanation;
import dev.zhnorm.Normalizer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The golden case table: every case of every rule, each checked for its expected output, for
 * idempotence ({@code f(f(x)) = f(x)}), for streaming (equal to the whole-string result) and for
 * explain (same output).
 */
class GoldenCasesTest {
    private static final List<GoldenTable.Case> CASES = GoldenTable.load();
    private final Profiles profiles = new Profiles();

    @TestFactory
    Stream<DynamicTest> expectedOutput() {
        return CASES.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            Normalizer n = profiles.of(c.options());
            assertEquals(show(c.expected()), show(n.normalize(c.input())), c.remark());
        }));
    }

    @TestFactory
    Stream<DynamicTest> idempotent() {
        return CASES.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            Normalizer n = profiles.of(c.options());
            String once = n.normalize(c.input());
            assertEquals(show(once), show(n.normalize(once)));
        }));
    }

    @TestFactory
    Stream<DynamicTest> streamingAndExplainAgree() {
        return CASES.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            Normalizer n = profiles.of(c.options());
            String whole = n.normalize(c.input());
            assertEquals(show(whole), show(stream(n, c.input())), "streaming");
            Explanation e = n.explain(c.input());
            assertEquals(show(whole), show(e.output()), "explain");
        }));
    }

    @Test
    void coversEveryRuleAndOptionValue() {
        assertTrue(CASES.size() >= 300, "at least 300 golden cases, got " + CASES.size());
        Set<String> categories = CASES.stream().map(GoldenTable.Case::category).collect(Collectors.toSet());
        for (Rule r : Rule.values()) {
            assertTrue(categories.contains(r.id()), "no golden case for rule " + r.id());
        }
        for (String id : List.of("P13", "S7", "W5", "U4")) {
            assertTrue(categories.contains(id), "no golden case for " + id);
        }
        String notes = CASES.stream().map(GoldenTable.Case::options).collect(Collectors.joining(" "));
        for (Style s : Style.values()) {
            assertTrue(s == Style.MAINLAND || notes.contains("style=" + s.id()), s.toString());
        }
        for (Numerals v : EnumSet.complementOf(EnumSet.of(Numerals.WIDTH_ONLY))) {
            assertTrue(notes.contains("numerals=" + v.id()), v.toString());
        }
        for (Spacing v : EnumSet.complementOf(EnumSet.of(Spacing.AUTO))) {
            assertTrue(notes.contains("spacing=" + v.id()), v.toString());
        }
        assertTrue(notes.contains("indent=strip") && notes.contains("conversion=none") && notes.contains("protect="));
        Map<String, Long> perCategory = new TreeMap<>(CASES.stream()
                .collect(Collectors.groupingBy(GoldenTable.Case::category, Collectors.counting())));
        System.out.println("golden cases: " + CASES.size() + " " + perCategory);
    }

    static String stream(Normalizer n, String input) throws IOException {
        StringWriter w = new StringWriter();
        n.normalize(new StringReader(input), w);
        return w.toString();
    }

    /** Makes invisible differences visible in failure messages. */
    static String show(String s) {
        StringBuilder sb = new StringBuilder();
        s.codePoints().forEach(cp -> {
            if (cp < 0x20 || cp == 0x3000 || cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200F) || cp == 0xFEFF) {
                sb.append(String.format("<U+%04X>", cp));
            } else {
                sb.appendCodePoint(cp);
            }
        });
        return sb.toString();
    }
}
