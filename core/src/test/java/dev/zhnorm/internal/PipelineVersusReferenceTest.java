package dev.zhnorm.internal;

import dev.zhnorm.Change;

import dev.zhnorm.dict.Dictionary;
import dev.zhnorm.dict.DictionaryEntry;
import dev.zhnorm.dict.DictionaryGroup;
import dev.zhnorm.dict.MatchPolicy;
import dev.zhnorm.dict.TextDictionary;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fast engine (flattened groups, compiled tries, the level cascade) against {@link ReferenceOpencc}
 * on random configs and random text over a tiny alphabet that includes surrogate pairs, so that
 * overlaps, nested groups, segment boundaries and chunk edges all occur often. Seeds are fixed and
 * printed in failure messages.
 */
class PipelineVersusReferenceTest {
    private static final long SEED = 20261128L;
    /** Includes ideographic description operators: binary ⿰, ternary ⿲, unary ⿾. */
    private static final String[] ALPHABET = {"a", "b", "c", "d", "漢", "字", "\uD840\uDC00", "\uD87E\uDC00", " ",
        "⿰", "⿲", "⿾"};
    private static final String[] WITHOUT_OPERATORS = java.util.Arrays.stream(ALPHABET)
            .filter(s -> !IdeographicDescription.isOperator(s.charAt(0))).toArray(String[]::new);

    @Test
    void fastPipelineEqualsReferenceOnRandomConfigsAndText() {
        for (int round = 0; round < 1500; round++) {
            long seed = SEED + round;
            Random r = new Random(seed);
            ReferenceOpencc.Config config = randomConfig(r);
            Pipeline fast = compile(config);
            for (int t = 0; t < 8; t++) {
                String text = randomText(r, r.nextInt(40));
                String expected = ReferenceOpencc.convert(config, text);
                assertEquals(expected, Driver.apply(fast, text), () -> "seed " + seed + " text '" + text + "' config " + config);
                Explained e = Driver.explain(fast, text, false);
                assertEquals(expected, e.output(), () -> "explain, seed " + seed + " text '" + text + "'");
                assertEquals(expected, replay(text, e.log().toChanges(text, e.output())),
                        () -> "explained changes, seed " + seed + " text '" + text + "' config " + config);
            }
        }
    }

    /** The input with every change's range replaced by its text: the output when the log aligns. */
    private static String replay(String input, List<Change> changes) {
        StringBuilder sb = new StringBuilder();
        int in = 0;
        for (Change c : changes) {
            sb.append(input, in, c.inputStart()).append(c.after());
            in = c.inputEnd();
        }
        return sb.append(input, in, input.length()).toString();
    }

    @Test
    void streamingEqualsWholeTextForEveryChunkSizeOnRandomConfigs() throws IOException {
        for (int round = 0; round < 150; round++) {
            long seed = SEED * 31 + round;
            Random r = new Random(seed);
            ReferenceOpencc.Config config = randomConfig(r);
            Pipeline fast = compile(config);
            String text = randomText(r, 80 + r.nextInt(80));
            String expected = ReferenceOpencc.convert(config, text);
            for (int chunk = 1; chunk <= 64; chunk++) {
                StringWriter out = new StringWriter();
                Driver.apply(fast, new ChunkedReader(text, chunk), out);
                int c = chunk;
                assertEquals(expected, out.toString(), () -> "seed " + seed + " chunk " + c + " text '" + text + "'");
            }
        }
    }

    /**
     * OpenCC's s2tw shape: segmentation by a phrase dictionary that is also the first member of the
     * first stage, whose other member maps single code points (including supplementary ones). The
     * engine fuses segmentation into the first stage in this shape, which this test pins down.
     */
    @Test
    void phraseSegmentedShapeEqualsReferenceWholeAndStreamed() throws IOException {
        for (int round = 0; round < 300; round++) {
            long seed = SEED * 17 + round;
            Random r = new Random(seed);
            Map<String, String> phrases = new LinkedHashMap<>();
            while (phrases.size() < 1 + r.nextInt(6)) {
                phrases.putIfAbsent(randomText(r, 2 + r.nextInt(3)), randomText(r, 1 + r.nextInt(3)));
            }
            Map<String, String> chars = randomMap(r, 3 + r.nextInt(5));
            chars.keySet().removeIf(k -> k.codePointCount(0, k.length()) != 1);
            TextDictionary p = TextDictionary.of("P", phrases);
            TextDictionary c = TextDictionary.of("C", chars);
            ReferenceOpencc.Config config = new ReferenceOpencc.Config(Map.of(), List.of(), p, List.of(
                    new DictionaryGroup(MatchPolicy.SHORT_CIRCUIT, List.of(p, c)), randomDictionary(r, 1)));
            Pipeline fast = compile(config);
            String text = randomText(r, 60 + r.nextInt(60));
            String expected = ReferenceOpencc.convert(config, text);
            assertEquals(expected, Driver.apply(fast, text), () -> "seed " + seed + " text '" + text + "'");
            for (int chunk = 1; chunk <= 9; chunk++) {
                StringWriter out = new StringWriter();
                Driver.apply(fast, new ChunkedReader(text, chunk), out);
                int ch = chunk;
                assertEquals(expected, out.toString(), () -> "seed " + seed + " chunk " + ch + " text '" + text + "'");
            }
        }
    }

    /**
     * The fused shape (s2twp's: segmentation by the phrases of a first stage that also maps single
     * code points) with a second stage of phrases over the first stage's output, folded into the
     * first stage ({@link PhraseStageFold}): keys of the second stage are drawn from what the first
     * writes (so they match inside runs through the char map's preimages) and from the phrases'
     * chars (so segments start inside them and reach past them). Whole and streamed, with the fold
     * derived; most configs must fold.
     */
    @Test
    void phraseStageFoldedIntoAFusedFirstStageEqualsReference() throws IOException {
        int folded = 0;
        int runKeys = 0;
        for (int round = 0; round < 1500; round++) {
            long seed = SEED * 19 + round;
            Random r = new Random(seed);
            Map<String, String> phrases = new LinkedHashMap<>();
            while (phrases.size() < 1 + r.nextInt(6)) {
                phrases.putIfAbsent(randomText(r, 2 + r.nextInt(3), WITHOUT_OPERATORS),
                        randomText(r, 1 + r.nextInt(3), WITHOUT_OPERATORS));
            }
            Map<String, String> chars = new LinkedHashMap<>();
            for (int i = 1 + r.nextInt(5); i > 0; i--) {
                chars.putIfAbsent(randomText(r, 1, WITHOUT_OPERATORS), randomText(r, 1, WITHOUT_OPERATORS));
            }
            Map<String, String> second = new LinkedHashMap<>();
            List<String> written = new ArrayList<>(chars.values());
            written.addAll(phrases.values());
            written.addAll(List.of(WITHOUT_OPERATORS));
            for (int i = 2 + r.nextInt(6); i > 0; i--) {
                StringBuilder key = new StringBuilder();
                for (int n = r.nextInt(5) == 0 ? 1 : 2 + r.nextInt(2); n > 0; n--) {
                    String w = written.get(r.nextInt(written.size()));
                    int last = w.offsetByCodePoints(0, w.codePointCount(0, w.length()) - 1);
                    key.appendCodePoint(w.codePointAt(r.nextInt(2) == 0 ? 0 : last)); // a first or last char written
                }
                second.putIfAbsent(key.toString(), randomText(r, 1 + r.nextInt(3), WITHOUT_OPERATORS));
            }
            TextDictionary p = TextDictionary.of("P", phrases);
            ReferenceOpencc.Config config = new ReferenceOpencc.Config(Map.of(), List.of(), p, List.of(
                    new DictionaryGroup(MatchPolicy.SHORT_CIRCUIT, List.of(p, TextDictionary.of("C", chars))),
                    TextDictionary.of("S", second)));
            Pipeline fast = compile(config);
            assertTrue(fast.fusedSegmentation(), () -> "seed " + seed);
            PhraseStageFold fold = fast.chain().get(0).foldedWith(fast.chain().get(1));
            if (fold != null) {
                folded++;
                for (int id = 0; id < fold.dict.valueCount(); id++) {
                    runKeys += fold.runCheck(id) != 0 ? 1 : 0;
                }
            }
            for (int t = 0; t < 6; t++) {
                String text = randomText(r, r.nextInt(60), t == 0 ? ALPHABET : WITHOUT_OPERATORS);
                String expected = ReferenceOpencc.convert(config, text);
                assertEquals(expected, Driver.apply(fast, text), () -> "seed " + seed + " text '" + text + "' config " + config);
                int chunk = 1 + r.nextInt(9);
                StringWriter out = new StringWriter();
                Driver.apply(fast, new ChunkedReader(text, chunk), out);
                assertEquals(expected, out.toString(), () -> "seed " + seed + " chunk " + chunk + " text '" + text + "'");
            }
        }
        int foldedConfigs = folded;
        assertTrue(foldedConfigs > 1200, () -> "folded " + foldedConfigs + " of 1500");
        assertTrue(runKeys > 2000, runKeys + " run keys");
    }

    /**
     * A normalization stage that maps code point to code point (as the CJK compatibility stage does)
     * folded into the first stage and the segmentation ({@link Pipeline#folded()}): the same output
     * as the reference, which runs the stages apart, on random configs whose stages may hold keys
     * with the map's keys or images, whole and streamed. Most configs must fold (a stage with a
     * description operator in a key does not).
     */
    @Test
    void normalizationFoldedIntoTheFirstStageEqualsReference() throws IOException {
        int folded = 0;
        for (int round = 0; round < 1500; round++) {
            long seed = SEED * 7 + round;
            Random r = new Random(seed);
            // Keys without operators (a stage with one does not fold); the text has them.
            ReferenceOpencc.Config random = randomConfig(r, round % 4 == 0 ? ALPHABET : WITHOUT_OPERATORS);
            ReferenceOpencc.Config config = new ReferenceOpencc.Config(random.user(),
                    List.of(TextDictionary.of("N", codePointMap(r))), random.segmentation(), random.chain());
            Pipeline fast = compile(config);
            Pipeline f = fast.folded();
            if (f != fast) {
                folded++;
                assertEquals(List.of(), f.normalization());
            }
            for (int t = 0; t < 8; t++) {
                String text = randomText(r, r.nextInt(60));
                String expected = ReferenceOpencc.convert(config, text);
                assertEquals(expected, Driver.apply(f, text), () -> "seed " + seed + " text '" + text + "' config " + config);
                int chunk = 1 + r.nextInt(9);
                StringWriter out = new StringWriter();
                Driver.apply(fast, new ChunkedReader(text, chunk), out); // a stream takes the folded pipeline
                assertEquals(expected, out.toString(), () -> "seed " + seed + " chunk " + chunk + " text '" + text + "'");
            }
        }
        int foldedConfigs = folded;
        assertTrue(foldedConfigs > 1000, () -> "folded " + foldedConfigs + " of 1500");
    }

    /**
     * Sparse dictionaries (few chars start a key) on both sides of the second-char count at which the
     * table loop takes 47 groups instead of 15 ({@code CompiledDictionary.wideGroups()}), over a
     * large alphabet so that the groups fill up: text built from keys, their prefixes and their first
     * chars before other chars (where a group may collide) converts as the reference does, whole and
     * streamed, alone and as the first of two stages.
     */
    @Test
    void sparseDictionariesWithFewAndManySecondCharsEqualReference() throws IOException {
        String[] alphabet = new String[900];
        for (int i = 0; i < alphabet.length; i++) {
            alphabet[i] = String.valueOf((char) (0x4E00 + 7 * i));
        }
        String[] text = java.util.Arrays.copyOf(alphabet, alphabet.length + 4);
        text[900] = "，";
        text[901] = "a";
        text[902] = "\uD840\uDC00";
        text[903] = "⿰"; // the trie decides a description operator: the tables mark it so
        boolean[] seen = new boolean[2];
        for (int round = 0; round < 16; round++) {
            long seed = SEED * 13 + round;
            Random r = new Random(seed);
            int phrases = round % 2 == 0 ? 1500 : 250;
            Map<String, String> map = new LinkedHashMap<>();
            List<String> keys = new ArrayList<>();
            for (int i = 0; i < phrases; i++) {
                // First chars from 300 of the alphabet (a sparse dictionary), second chars from all of it.
                String key = alphabet[r.nextInt(300)] + alphabet[r.nextInt(alphabet.length)]
                        + (r.nextInt(3) == 0 ? alphabet[r.nextInt(alphabet.length)] : "");
                if (map.putIfAbsent(key, randomText(r, 1 + r.nextInt(3), alphabet)) == null) {
                    keys.add(key);
                }
            }
            for (int i = 0; i < 60; i++) {
                map.putIfAbsent(alphabet[r.nextInt(alphabet.length)], alphabet[r.nextInt(alphabet.length)]);
            }
            TextDictionary w = TextDictionary.of("W", map);
            CompiledDictionary compiled = CompiledDictionary.compile("W", DictionaryFlattener.flatten(w),
                    CompiledDictionary.Purpose.CONVERSION);
            boolean wide = phrases > 1000;
            assertEquals(wide, compiled.wideGroups(), () -> "seed " + seed);
            seen[wide ? 1 : 0] = true;
            List<Dictionary> chain = round % 4 < 2 ? List.of(w) : List.of(w, randomDictionary(r, 1, alphabet));
            ReferenceOpencc.Config config = new ReferenceOpencc.Config(Map.of(), List.of(), null, chain);
            Pipeline fast = compile(config);
            StringBuilder sb = new StringBuilder();
            while (sb.length() < 3000) {
                String key = keys.get(r.nextInt(keys.size()));
                switch (r.nextInt(4)) {
                    case 0 -> sb.append(key);
                    case 1 -> sb.append(key, 0, key.length() - 1);
                    case 2 -> sb.append(key.charAt(0)).append(text[r.nextInt(text.length)]);
                    default -> sb.append(text[r.nextInt(text.length)]);
                }
            }
            // A text's last char is read from the tables too: end some with one they leave to the trie.
            String input = sb.append(round / 4 % 2 == 0 ? "⿰" : "").toString();
            String expected = ReferenceOpencc.convert(config, input);
            assertEquals(expected, Driver.apply(fast, input), () -> "seed " + seed);
            int chunk = 1 + r.nextInt(700);
            StringWriter out = new StringWriter();
            Driver.apply(fast, new ChunkedReader(input, chunk), out);
            assertEquals(expected, out.toString(), () -> "seed " + seed + " chunk " + chunk);
        }
        assertTrue(seen[0] && seen[1], "both layouts");
    }

    /** One to three code points of the alphabet, each mapped to one of the others (no chains). */
    private static Map<String, String> codePointMap(Random r) {
        List<String> plain = new ArrayList<>(List.of(WITHOUT_OPERATORS));
        java.util.Collections.shuffle(plain, r);
        int keys = 1 + r.nextInt(3);
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keys; i++) {
            map.put(plain.get(i), plain.get(keys + r.nextInt(plain.size() - keys)));
        }
        return map;
    }

    static Pipeline compile(ReferenceOpencc.Config c) {
        CompiledDictionary user = null;
        if (c.user() != null && !c.user().isEmpty()) {
            List<FlatEntry> entries = new ArrayList<>();
            c.user().forEach((k, v) -> entries.add(new FlatEntry(k, v, "user")));
            user = CompiledDictionary.compile("user", entries, CompiledDictionary.Purpose.SEGMENTATION);
        }
        List<CompiledDictionary> norm = new ArrayList<>();
        for (Dictionary d : c.normalization()) {
            norm.add(CompiledDictionary.compile("norm", DictionaryFlattener.flatten(d), CompiledDictionary.Purpose.CONVERSION));
        }
        CompiledDictionary seg = c.segmentation() == null ? null
                : CompiledDictionary.compile("seg", DictionaryFlattener.flatten(c.segmentation()), CompiledDictionary.Purpose.SEGMENTATION);
        List<CompiledDictionary> chain = new ArrayList<>();
        for (Dictionary d : c.chain()) {
            chain.add(CompiledDictionary.compile("stage", DictionaryFlattener.flatten(d), CompiledDictionary.Purpose.CONVERSION));
        }
        return new Pipeline(user, norm, seg, chain);
    }

    static ReferenceOpencc.Config randomConfig(Random r) {
        return randomConfig(r, ALPHABET);
    }

    /** @param keyAlphabet what the keys of the segmentation and the chain are made of */
    private static ReferenceOpencc.Config randomConfig(Random r, String[] keyAlphabet) {
        Map<String, String> user = r.nextInt(4) == 0 ? randomMap(r, 1 + r.nextInt(3), ALPHABET) : Map.of();
        List<Dictionary> norm = new ArrayList<>();
        for (int i = r.nextInt(3) == 0 ? 1 : 0; i > 0; i--) {
            norm.add(randomDictionary(r, 0, ALPHABET));
        }
        Dictionary seg = r.nextBoolean() ? randomDictionary(r, 1, keyAlphabet) : null;
        List<Dictionary> chain = new ArrayList<>();
        for (int i = 1 + r.nextInt(3); i > 0; i--) {
            chain.add(randomDictionary(r, 2, keyAlphabet));
        }
        return new ReferenceOpencc.Config(user, norm, seg, chain);
    }

    private static Dictionary randomDictionary(Random r, int depth) {
        return randomDictionary(r, depth, ALPHABET);
    }

    private static Dictionary randomDictionary(Random r, int depth, String[] keyAlphabet) {
        if (depth == 0 || r.nextInt(3) == 0) {
            Map<String, String> map = randomMap(r, 1 + r.nextInt(8), keyAlphabet);
            List<DictionaryEntry> entries = new ArrayList<>();
            map.forEach((k, v) -> entries.add(new DictionaryEntry(k, r.nextBoolean() ? List.of(v) : List.of(v, "Q"))));
            return TextDictionary.of("d" + r.nextInt(1000), entries);
        }
        List<Dictionary> children = new ArrayList<>();
        for (int i = 1 + r.nextInt(3); i > 0; i--) {
            children.add(randomDictionary(r, depth - 1, keyAlphabet));
        }
        return new DictionaryGroup(r.nextBoolean() ? MatchPolicy.SHORT_CIRCUIT : MatchPolicy.UNION, children);
    }

    private static Map<String, String> randomMap(Random r, int n) {
        return randomMap(r, n, ALPHABET);
    }

    private static Map<String, String> randomMap(Random r, int n, String[] keyAlphabet) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            // Values may be shorter, equal (identity) or longer than keys.
            String key = randomText(r, 1 + r.nextInt(4), keyAlphabet);
            String value = r.nextInt(6) == 0 ? key : randomText(r, 1 + r.nextInt(3));
            map.putIfAbsent(key, value);
        }
        return map;
    }

    static String randomText(Random r, int codePoints) {
        return randomText(r, codePoints, ALPHABET);
    }

    private static String randomText(Random r, int codePoints, String[] alphabet) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < codePoints; i++) {
            sb.append(alphabet[r.nextInt(alphabet.length)]);
        }
        return sb.toString();
    }

    /** A reader that returns at most {@code chunk} chars per read, splitting surrogate pairs at edges. */
    static final class ChunkedReader extends java.io.Reader {
        private final StringReader in;
        private final int chunk;

        ChunkedReader(String text, int chunk) {
            this.in = new StringReader(text);
            this.chunk = chunk;
        }

        @Override
        public int read(char[] cbuf, int off, int len) throws IOException {
            return in.read(cbuf, off, Math.min(len, chunk));
        }

        @Override
        public void close() {
            in.close();
        }
    }
}
