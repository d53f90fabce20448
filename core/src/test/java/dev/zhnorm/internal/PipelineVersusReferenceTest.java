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
