package dev.zhnorm.internal;

import dev.zhnorm.Preset;

import java.util.List;

/**
 * Which bundled stages form each preset, in OpenCC's terms (normalization, segmentation, chain).
 * Apart from {@code BundledStages}, whose stage definitions are build-time code (not in the jar), so
 * that loading a preset at run time touches nothing but this table and the compiled stages.
 */
public final class BundledPlans {
    private BundledPlans() {
    }

    /**
     * The stages of one preset, by stage id.
     *
     * @param fusedSegmentation whether the segmentation keys are exactly the first chain stage's keys
     *     of two or more code points (so one walk segments and converts); declared here to spare
     *     start-up a walk over every key, and checked against the data by a test
     */
    public record Plan(List<String> normalization, String segmentation, List<String> chain,
                       boolean fusedSegmentation) {
        Plan(List<String> normalization, String segmentation, List<String> chain) {
            this(normalization, segmentation, chain, false);
        }
    }

    /**
     * @param preset a preset
     * @return its stages
     */
    public static Plan plan(Preset preset) {
        List<String> norm = List.of("cjk-compat");
        return switch (preset) {
            case S2T -> new Plan(norm, null, List.of("st"));
            case T2S -> new Plan(norm, null, List.of("ts"));
            case S2TW -> new Plan(norm, "st-seg", List.of("st", "tw"), true);
            case TW2S -> new Plan(norm, "ts-seg", List.of("tw-rev", "ts"));
            case S2HK -> new Plan(norm, "st-seg", List.of("st", "hk"), true);
            case HK2S -> new Plan(norm, "ts-seg", List.of("hk-rev", "ts"));
            case S2TWP -> new Plan(norm, "st-seg", List.of("st", "twp"), true);
            case TW2SP -> new Plan(norm, "ts-seg", List.of("twp-rev", "ts"));
            case T2TW -> new Plan(norm, null, List.of("tw"));
            case TW2T -> new Plan(norm, null, List.of("tw-rev"));
            case T2HK -> new Plan(norm, null, List.of("hk"));
            case HK2T -> new Plan(norm, null, List.of("hk-rev"));
            case T2JP -> new Plan(norm, null, List.of("jp"));
            case JP2T -> new Plan(norm, null, List.of("jp-rev"));
            case S2HKP -> new Plan(norm, "st-seg", List.of("st", "hkp"), true);
            case HK2SP -> new Plan(norm, "ts-seg", List.of("hkp-rev", "ts"));
            case T2CN -> new Plan(norm, null, List.of("t2cn-variants", "t2cn-simplify"));
        };
    }
}
