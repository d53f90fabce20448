package dev.zhnorm.t2cn;

import dev.zhnorm.Converter;
import dev.zhnorm.Preset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The t2cn proof set ({@code sentences.tsv}: Taiwan, Hong Kong, OpenCC-standard and Big5-of-mainland
 * sentences with their hand-checked mainland Simplified text): t2cn must convert every sentence
 * right, and each OpenCC preset a reader might otherwise use (t2s, tw2s, hk2s) must score lower.
 */
class T2cnSentencesTest {
    static final String RESOURCE = "/dev/zhnorm/t2cn/sentences.tsv";
    private static final List<Preset> RIVALS = List.of(Preset.T2S, Preset.TW2S, Preset.HK2S);

    /** One line of the proof set. */
    record Sentence(int line, String id, String region, String genre, String input, String expected, String note) {
    }

    private static List<Sentence> sentences;

    @BeforeAll
    static void load() throws IOException {
        sentences = read();
    }

    static List<Sentence> read() throws IOException {
        List<Sentence> list = new ArrayList<>();
        try (InputStream in = T2cnSentencesTest.class.getResourceAsStream(RESOURCE)) {
            assertNotNull(in, "resource " + RESOURCE + " is missing");
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String header = r.readLine();
            assertEquals("id\tregion\tgenre\tinput\texpected\tnote", header, RESOURCE + ": unexpected header");
            String line;
            int lineNo = 1;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] c = line.split("\t", -1);
                if (c.length != 6) {
                    fail(RESOURCE + ":" + lineNo + ": expected 6 tab-separated columns, found " + c.length);
                }
                list.add(new Sentence(lineNo, c[0], c[1], c[2], c[3], c[4], c[5]));
            }
        }
        return list;
    }

    @Test
    void theProofSetIsWellFormed() {
        assertTrue(sentences.size() >= 352, "the proof set shrank to " + sentences.size() + " sentences");
        Map<String, Integer> ids = new LinkedHashMap<>();
        for (Sentence s : sentences) {
            Integer before = ids.putIfAbsent(s.id(), s.line());
            assertNull(before, "id " + s.id() + " on line " + s.line() + " repeats line " + before);
            assertFalse(s.input().isEmpty() || s.expected().isEmpty(), "line " + s.line() + ": empty text");
        }
    }

    @Test
    void t2cnConvertsEverySentenceAndEveryOpenccRivalScoresLower() {
        Map<Preset, Integer> scores = new LinkedHashMap<>();
        StringBuilder t2cnFailures = new StringBuilder();
        for (Preset p : listOf(Preset.T2CN, RIVALS)) {
            Converter c = Converter.of(p);
            int right = 0;
            for (Sentence s : sentences) {
                String got = c.convert(s.input());
                if (got.equals(s.expected())) {
                    right++;
                } else if (p == Preset.T2CN) {
                    t2cnFailures.append(describe(s, got));
                }
            }
            scores.put(p, right);
        }
        StringBuilder table = new StringBuilder("t2cn proof set (" + sentences.size() + " sentences):\n");
        scores.forEach((p, n) -> table.append(String.format(Locale.ROOT, "  %-5s %3d / %d%n", p.id(), n, sentences.size())));
        System.out.print(table);

        assertTrue(t2cnFailures.length() == 0,
                "t2cn gets " + (sentences.size() - scores.get(Preset.T2CN)) + " sentences wrong:\n" + t2cnFailures);
        for (Preset rival : RIVALS) {
            assertTrue(scores.get(rival) < scores.get(Preset.T2CN),
                    rival.id() + " scores " + scores.get(rival) + ", not lower than t2cn's " + scores.get(Preset.T2CN)
                            + ": the proof set no longer shows what t2cn adds\n" + table);
        }
    }

    private static List<Preset> listOf(Preset first, List<Preset> rest) {
        List<Preset> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }

    /** A failure with the input, both outputs and where they first differ. */
    static String describe(Sentence s, String got) {
        int at = firstDifference(s.expected(), got);
        return String.format(Locale.ROOT, "  %s (line %d, %s %s; %s)%n    input    %s%n    expected %s%n    got      %s%n"
                        + "    first difference at char %d: expected \u00AB%s\u00BB, got \u00AB%s\u00BB%n",
                s.id(), s.line(), s.region(), s.genre(), s.note(), s.input(), s.expected(), got,
                at, excerpt(s.expected(), at), excerpt(got, at));
    }

    private static String excerpt(String s, int at) {
        return s.substring(Math.min(at, s.length()), Math.min(at + 4, s.length()));
    }

    static int firstDifference(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            if (a.charAt(i) != b.charAt(i)) {
                return i;
            }
        }
        return n;
    }
}
