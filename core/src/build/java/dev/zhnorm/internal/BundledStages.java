package dev.zhnorm.internal;

import dev.zhnorm.dict.Dictionary;
import dev.zhnorm.dict.TextDictionary;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

import static dev.zhnorm.dict.MatchPolicy.SHORT_CIRCUIT;
import static dev.zhnorm.dict.MatchPolicy.UNION;
import static dev.zhnorm.internal.BundledSources.group;

/**
 * The bundled stages, in OpenCC's terms: which dictionaries form each stage ({@link BundledPlans}
 * says which stages form each preset). The sixteen OpenCC presets follow OpenCC's current configurations
 * (a CJK compatibility normalization stage, {@code mmseg} where OpenCC segments, the same groups and
 * policies), built on the OpenCC4j jar's data; where the jar lacks a file, the derived or
 * zhnorm-authored table takes its place. Stages shared by several presets are compiled once.
 */
public final class BundledStages {
    private BundledStages() {
    }

    /** A compiled stage's identity: its resource name, what it is used for, and how it is built. */
    public record Stage(String id, CompiledDictionary.Purpose purpose, Function<BundledSources, Dictionary> definition) {
    }

    private static final CompiledDictionary.Purpose CONV = CompiledDictionary.Purpose.CONVERSION;
    private static final CompiledDictionary.Purpose SEG = CompiledDictionary.Purpose.SEGMENTATION;

    /** Every stage, in a stable order. */
    public static final Map<String, Stage> STAGES = stages(
            new Stage("cjk-compat", CONV, BundledSources::cjkCompatibilityIdeographs),
            new Stage("st", CONV, s -> group(SHORT_CIRCUIT, stPhrases(s), s.jar("STCharacters"))),
            new Stage("st-seg", SEG, BundledStages::stPhrases),
            new Stage("ts", CONV, s -> group(SHORT_CIRCUIT, tsPhrases(s), s.jar("TSCharacters"))),
            new Stage("ts-seg", SEG, BundledStages::tsPhrases),
            new Stage("tw", CONV, BundledSources::twVariants),
            new Stage("tw-rev", CONV, s -> group(SHORT_CIRCUIT, twRevPhrases(s), twVariantsRev(s))),
            new Stage("twp", CONV, s -> group(SHORT_CIRCUIT, s.twPhrases(), s.twVariants())),
            new Stage("twp-rev", CONV, s -> group(SHORT_CIRCUIT,
                    s.reversed(s.twPhrases(), "TWPhrasesRev (derived)"), twRevPhrases(s), twVariantsRev(s))),
            new Stage("hk", CONV, s -> s.jar("HKVariants")),
            new Stage("hk-rev", CONV, s -> group(SHORT_CIRCUIT, s.jar("HKVariantsRevPhrases"), hkVariantsRev(s))),
            new Stage("hkp", CONV, s -> group(SHORT_CIRCUIT, s.own("hk-phrases.txt"), s.jar("HKVariants"))),
            new Stage("hkp-rev", CONV, s -> group(SHORT_CIRCUIT,
                    s.reversed(s.own("hk-phrases.txt"), "hk-phrases.txt reversed"),
                    s.jar("HKVariantsRevPhrases"), hkVariantsRev(s))),
            new Stage("jp", CONV, s -> s.jar("JPVariants")),
            new Stage("jp-rev", CONV, s -> group(SHORT_CIRCUIT, s.jar("JPShinjitaiPhrases"),
                    s.jar("JPShinjitaiCharacters"), s.reversed(s.jar("JPVariants"), "JPVariantsRev (derived)"))),
            new Stage("t2cn-variants", CONV, s -> t2cnVariants(s, t2cnFixedPoints(s))),
            new Stage("t2cn-simplify", CONV, s -> t2cnSimplify(s, t2cnFixedPoints(s))));

    /** t2cn stage 1: any regional Traditional to OpenCC-standard Traditional, disambiguating on the way. */
    private static Dictionary t2cnVariants(BundledSources s, TextDictionary fixedPoints) {
        return group(SHORT_CIRCUIT,
                group(UNION, s.own("t2cn-variant-phrases.txt"), fixedPoints, twRevPhrases(s), s.jar("HKVariantsRevPhrases")),
                group(UNION, twVariantsRev(s), hkVariantsRev(s)));
    }

    /** t2cn stage 2: OpenCC-standard Traditional to mainland Simplified. */
    private static Dictionary t2cnSimplify(BundledSources s, TextDictionary fixedPoints) {
        return group(SHORT_CIRCUIT,
                group(UNION, s.own("t2cn-phrases.txt"), fixedPoints, tsPhrases(s)),
                s.own("t2cn-characters.txt"), s.jar("TSCharacters"));
    }

    /**
     * t2cn's output must be a fixed point of t2cn: normalizing twice, or converting text that is
     * already mainland Simplified, must change nothing. Outputs such as 乾县 (乾 kept in a place name)
     * or 显著 (著 read zhù) would not survive a second pass (乾 → 干 by default; 著 → 着 by the Taiwan
     * reverse table, whose exceptions are keyed in Traditional). So the conversion of every phrase
     * key of both stages, and every phrase value, is added as an identity entry in its Simplified
     * form to both stages when t2cn would change it; repeated until nothing changes. Single
     * characters are the authored dictionaries' business.
     */
    static TextDictionary t2cnFixedPoints(BundledSources s) {
        return s.memoized("derived:t2cn-fixed-points", () -> {
            Map<String, String> fixed = new TreeMap<>();
            for (int round = 0; round < 4; round++) {
                TextDictionary current = TextDictionary.of("t2cn fixed points (derived)", fixed);
                Dictionary simplify = t2cnSimplify(s, current);
                Pipeline p = new Pipeline(null, List.of(), null, List.of(
                        compileDefinition("t2cn-variants", t2cnVariants(s, current), CONV),
                        compileDefinition("t2cn-simplify", simplify, CONV)));
                Set<String> outputs = new TreeSet<>();
                for (FlatEntry e : DictionaryFlattener.flatten(t2cnVariants(s, current))) {
                    outputs.add(Driver.apply(p, e.key()));
                }
                for (FlatEntry e : DictionaryFlattener.flatten(simplify)) {
                    outputs.add(Driver.apply(p, e.key()));
                    outputs.add(e.value());
                }
                int before = fixed.size();
                for (String v : outputs) {
                    if (v.codePointCount(0, v.length()) > 1 && !Driver.apply(p, v).equals(v)) {
                        fixed.put(v, v);
                    }
                }
                if (fixed.size() == before) {
                    return current;
                }
            }
            throw new IllegalStateException("t2cn fixed points do not converge");
        });
    }

    /**
     * OpenCC's phrases with zhnorm's corrections of the jar's old data in front: fixes of common
     * words the jar converts wrongly (e.g. 胚胎发育 matched as 胎发). They also join the
     * segmentation dictionary, so the first stage's longer keys stay segmentation keys.
     */
    private static Dictionary stPhrases(BundledSources s) {
        return group(UNION, s.own("st-phrases-fixes.txt"), s.jar("STPhrases"));
    }

    private static Dictionary tsPhrases(BundledSources s) {
        return group(UNION, s.own("ts-phrases-fixes.txt"), s.jar("TSPhrases"));
    }

    private static TextDictionary twRevPhrases(BundledSources s) {
        return s.own("tw-variants-rev-phrases.txt");
    }

    private static TextDictionary twVariantsRev(BundledSources s) {
        return s.reversed(s.twVariants(), "TWVariantsRev (derived)");
    }

    private static TextDictionary hkVariantsRev(BundledSources s) {
        return s.reversed(s.jar("HKVariants"), "HKVariantsRev (derived)");
    }

    private static Map<String, Stage> stages(Stage... stages) {
        Map<String, Stage> map = new LinkedHashMap<>();
        for (Stage s : stages) {
            map.put(s.id(), s);
        }
        return Collections.unmodifiableMap(map);
    }

    /** Compiles one stage from its sources. */
    public static CompiledDictionary compile(Stage stage, BundledSources sources) {
        return compileDefinition(stage.id(), stage.definition().apply(sources), stage.purpose());
    }

    private static CompiledDictionary compileDefinition(String id, Dictionary d, CompiledDictionary.Purpose purpose) {
        return CompiledDictionary.compile(id + " = " + d.name(), DictionaryFlattener.flatten(d), purpose);
    }
}
