package dev.zhnorm.internal;

import dev.zhnorm.dict.Dictionary;
import dev.zhnorm.dict.DictionaryEntry;
import dev.zhnorm.dict.DictionaryGroup;
import dev.zhnorm.dict.TextDictionary;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A deliberately slow, obvious interpreter of OpenCC's model, straight from the rules: no flattening,
 * no trie, substrings and code points everywhere. The fast engine is compared against it on random
 * dictionaries and text. Ideographic description sequences are kept whole where no key matches.
 */
final class ReferenceOpencc {
    /** A config: user entries (matched first, output final), normalization, segmentation, chain. */
    record Config(Map<String, String> user, List<Dictionary> normalization, Dictionary segmentation,
                  List<Dictionary> chain) {
    }

    /** A match: length in chars and the first value. */
    record Match(int length, String value) {
    }

    private ReferenceOpencc() {
    }

    static String convert(Config c, String text) {
        if (c.user() == null || c.user().isEmpty()) {
            return convertWithoutUser(c, text);
        }
        StringBuilder out = new StringBuilder();
        int runStart = 0;
        int i = 0;
        while (i < text.length()) {
            String best = null;
            for (String k : c.user().keySet()) {
                if (text.startsWith(k, i) && (best == null || k.length() > best.length())) {
                    best = k;
                }
            }
            if (best == null) {
                i += Character.charCount(text.codePointAt(i));
                continue;
            }
            out.append(convertWithoutUser(c, text.substring(runStart, i))).append(c.user().get(best));
            i += best.length();
            runStart = i;
        }
        return out.append(convertWithoutUser(c, text.substring(runStart))).toString();
    }

    private static String convertWithoutUser(Config c, String text) {
        for (Dictionary d : c.normalization()) {
            text = applyStage(d, text);
        }
        List<String> segments = c.segmentation() == null ? List.of(text) : segment(c.segmentation(), text);
        StringBuilder out = new StringBuilder();
        for (String s : segments) {
            for (Dictionary d : c.chain()) {
                s = applyStage(d, s);
            }
            out.append(s);
        }
        return out.toString();
    }

    static List<String> segment(Dictionary d, String text) {
        List<String> segments = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            Match m = match(d, text, i);
            if (m == null) {
                int n = unmatchedLength(text, i);
                run.append(text, i, i + n);
                i += n;
            } else {
                if (run.length() > 0) {
                    segments.add(run.toString());
                    run.setLength(0);
                }
                segments.add(text.substring(i, i + m.length()));
                i += m.length();
            }
        }
        if (run.length() > 0) {
            segments.add(run.toString());
        }
        return segments;
    }

    static String applyStage(Dictionary d, String s) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            Match m = match(d, s, i);
            if (m == null) {
                int n = unmatchedLength(s, i);
                out.append(s, i, i + n);
                i += n;
            } else {
                out.append(m.value());
                i += m.length();
            }
        }
        return out.toString();
    }

    /**
     * Where no key matches, OpenCC (1.3.2 and later) copies a complete ideographic description
     * sequence whole, else one code point.
     */
    static int unmatchedLength(String s, int i) {
        int end = descriptionEnd(s, i, 16, new int[] {0});
        if (end > 0 && isOperator(s.codePointAt(i))) {
            return end - i;
        }
        return Character.charCount(s.codePointAt(i));
    }

    /** The end of the operand at {@code i}, or -1 if it is cut short, too deep or too long. */
    private static int descriptionEnd(String s, int i, int depthLeft, int[] codePoints) {
        if (i >= s.length() || depthLeft == 0 || codePoints[0] >= 64) {
            return -1;
        }
        int cp = s.codePointAt(i);
        codePoints[0]++;
        int operands = !isOperator(cp) ? 0 : cp == 0x2FF2 || cp == 0x2FF3 ? 3 : cp >= 0x2FFE ? 1 : 2;
        int end = i + Character.charCount(cp);
        for (int k = 0; k < operands && end > 0; k++) {
            end = descriptionEnd(s, end, depthLeft - 1, codePoints);
        }
        return end;
    }

    private static boolean isOperator(int cp) {
        return cp >= 0x2FF0 && cp <= 0x2FFF;
    }

    /** The longest key of {@code d} that is a prefix of {@code s} at {@code i}, by OpenCC's group rules. */
    static Match match(Dictionary d, String s, int i) {
        if (d instanceof TextDictionary t) {
            Match best = null;
            for (DictionaryEntry e : t.entries()) {
                if (s.startsWith(e.key(), i) && (best == null || e.key().length() > best.length())) {
                    best = new Match(e.key().length(), e.value());
                }
            }
            return best;
        }
        DictionaryGroup g = (DictionaryGroup) d;
        Match best = null;
        for (Dictionary child : g.children()) {
            Match m = match(child, s, i);
            if (m == null) {
                continue;
            }
            switch (g.policy()) {
                case SHORT_CIRCUIT -> {
                    return m;
                }
                case UNION -> {
                    if (best == null || m.length() > best.length()) {
                        best = m;
                    }
                }
            }
        }
        return best;
    }
}
