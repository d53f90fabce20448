package dev.zhnorm.t2cn;

import dev.zhnorm.Converter;
import dev.zhnorm.dict.DictionaryEntry;
import dev.zhnorm.dict.TextDictionary;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every dictionary zhnorm authors (resources {@code dev/zhnorm/dict}) parses strictly, and every group
 * of it is exercised by at least one hand-written row of {@code dictionary-groups.tsv} (file, group,
 * preset, input, expected), converted through a preset that uses the file.
 *
 * <p>A group is headed by the comment line directly above its first entry (blank lines aside) and
 * runs to the next comment line; its name is that line's text without the {@code #}. Renaming a
 * header therefore fails this test until the golden rows follow.
 */
class AuthoredDictionariesTest {
    private static final String GOLDEN = "/dev/zhnorm/t2cn/dictionary-groups.tsv";
    private static final String DICT_DIR = "/dev/zhnorm/dict/";

    /** Each authored dictionary and the presets whose conversion goes through it. */
    private static final Map<String, Set<String>> PRESETS_OF_FILE = Map.of(
            "tw-variants-rev-phrases.txt", Set.of("tw2t", "tw2s"),
            "t2cn-variant-phrases.txt", Set.of("t2cn"),
            "t2cn-phrases.txt", Set.of("t2cn"),
            "t2cn-characters.txt", Set.of("t2cn"),
            "hk-phrases.txt", Set.of("s2hkp", "hk2sp"),
            "st-phrases-fixes.txt", Set.of("s2t"),
            "ts-phrases-fixes.txt", Set.of("t2s"));

    /** A group of entries under one header comment. */
    record Group(String file, String name, int line, List<DictionaryEntry> entries) {
    }

    /** One golden row. */
    record Row(int line, String file, String group, String preset, String input, String expected) {
    }

    @Test
    void everyAuthoredDictionaryIsKnownToThisTest() throws IOException {
        // Run from the core module (Maven's default): a new file in the folder must get presets and rows here.
        Path dir = Path.of("src", "main", "resources", "dev", "zhnorm", "dict");
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                Set<String> present = files.map(p -> p.getFileName().toString())
                        .filter(n -> n.endsWith(".txt")).collect(Collectors.toCollection(TreeSet::new));
                assertEquals(new TreeSet<>(PRESETS_OF_FILE.keySet()), present,
                        "the authored dictionaries in " + dir + " differ from the files this test covers");
            }
        }
    }

    @Test
    void everyDictionaryParsesStrictlyAndItsGroupsHoldEveryEntry() throws IOException {
        for (String file : PRESETS_OF_FILE.keySet()) {
            String text = read(file);
            TextDictionary strict = TextDictionary.parse(new StringReader(text), file);
            List<Group> groups = groups(file, text);
            int grouped = groups.stream().mapToInt(g -> g.entries().size()).sum();
            assertEquals(strict.size(), grouped, file + ": entries outside a group");
            Set<String> names = new TreeSet<>();
            for (Group g : groups) {
                assertTrue(names.add(g.name()), file + ":" + g.line() + ": group header repeats an earlier one: " + g.name());
            }
        }
    }

    @Test
    void everyGroupHasAGoldenRowAndEveryRowConvertsAsWritten() throws IOException {
        List<Row> rows = golden();
        Map<String, Group> groups = new LinkedHashMap<>();
        for (String file : PRESETS_OF_FILE.keySet()) {
            for (Group g : groups(file, read(file))) {
                groups.put(file + "\t" + g.name(), g);
            }
        }

        StringBuilder problems = new StringBuilder();
        Set<String> covered = new TreeSet<>();
        for (Row r : rows) {
            String where = GOLDEN + ":" + r.line() + " (" + r.file() + ", " + r.preset() + ")";
            Set<String> presets = PRESETS_OF_FILE.get(r.file());
            if (presets == null) {
                problems.append(where).append(": unknown dictionary file\n");
                continue;
            }
            if (!presets.contains(r.preset())) {
                problems.append(where).append(": preset ").append(r.preset())
                        .append(" does not use this file; use one of ").append(new TreeSet<>(presets)).append('\n');
                continue;
            }
            Group g = groups.get(r.file() + "\t" + r.group());
            if (g == null) {
                problems.append(where).append(": no group headed '").append(r.group()).append("'\n");
                continue;
            }
            covered.add(r.file() + "\t" + r.group());
            if (!touches(g, r)) {
                problems.append(where).append(": neither the input nor the expected text contains a key or value of group '")
                        .append(r.group()).append("'\n");
            }
            String got = Converter.of(r.preset()).convert(r.input());
            if (!got.equals(r.expected())) {
                problems.append(String.format(Locale.ROOT, "%s, group '%s':%n    input    %s%n    expected %s%n    got      %s%n",
                        where, r.group(), r.input(), r.expected(), got));
            }
        }
        for (Map.Entry<String, Group> e : groups.entrySet()) {
            if (!covered.contains(e.getKey())) {
                Group g = e.getValue();
                problems.append(String.format(Locale.ROOT, "%s:%d: group '%s' has no row in %s%n", g.file(), g.line(), g.name(), GOLDEN));
            }
        }
        assertTrue(problems.length() == 0, "authored dictionaries against " + GOLDEN + ":\n" + problems);
    }

    /** Whether a row exercises its group: a key or value of the group occurs in the input or the expected text. */
    private static boolean touches(Group g, Row r) {
        for (DictionaryEntry e : g.entries()) {
            if (r.input().contains(e.key()) || r.expected().contains(e.key())) {
                return true;
            }
            for (String v : e.values()) {
                if (r.input().contains(v) || r.expected().contains(v)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Splits a dictionary into groups; an entry before any comment line fails the test. */
    static List<Group> groups(String file, String text) throws IOException {
        List<Group> groups = new ArrayList<>();
        BufferedReader r = new BufferedReader(new StringReader(text));
        String lastComment = null;
        boolean commentSinceEntry = false;
        List<DictionaryEntry> current = null;
        String line;
        int lineNo = 0;
        while ((line = r.readLine()) != null) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            if (line.startsWith("#")) {
                lastComment = line.substring(1).strip();
                commentSinceEntry = true;
                continue;
            }
            if (commentSinceEntry) {
                if (lastComment == null || lastComment.isEmpty()) {
                    fail(file + ":" + lineNo + ": an entry needs a non-empty group header comment above it");
                }
                current = new ArrayList<>();
                groups.add(new Group(file, lastComment, lineNo - 1, current));
                commentSinceEntry = false;
            } else if (current == null) {
                fail(file + ":" + lineNo + ": entry before any group header");
            }
            int tab = line.indexOf('\t');
            current.add(new DictionaryEntry(line.substring(0, tab), List.of(line.substring(tab + 1).strip().split(" "))));
        }
        return groups;
    }

    private static String read(String file) throws IOException {
        try (InputStream in = AuthoredDictionariesTest.class.getResourceAsStream(DICT_DIR + file)) {
            assertNotNull(in, "resource " + DICT_DIR + file + " is missing");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<Row> golden() throws IOException {
        List<Row> rows = new ArrayList<>();
        try (InputStream in = AuthoredDictionariesTest.class.getResourceAsStream(GOLDEN)) {
            assertNotNull(in, "resource " + GOLDEN + " is missing");
            Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
            BufferedReader r = new BufferedReader(reader);
            assertEquals("file\tgroup\tpreset\tinput\texpected", r.readLine(), GOLDEN + ": unexpected header");
            String line;
            int lineNo = 1;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                String[] c = line.split("\t", -1);
                if (c.length != 5 || Stream.of(c).anyMatch(String::isEmpty)) {
                    fail(GOLDEN + ":" + lineNo + ": expected 5 non-empty tab-separated columns: " + line);
                }
                rows.add(new Row(lineNo, c[0], c[1], c[2], c[3], c[4]));
            }
        }
        return rows;
    }
}
