package dev.zhnorm.normalize;

import java.util.Objects;

/**
 * How {@link Spacing#AUTO} decided for one document (spec S8), or the fixed spacing of a profile:
 * the spacing applied and the Han–word boundaries counted.
 *
 * <pre>{@code
 * Normalizer.defaults().decideSpacing("用 Vue 写前端，用 Go 写后端 …").toString();
 *     // "pangu (auto: 9 of 10 Han-word boundaries spaced)"
 * }</pre>
 *
 * @param spacing the spacing applied: never {@link Spacing#AUTO}
 * @param auto whether it was decided from the document (else it is the profile's fixed choice)
 * @param spaced boundaries between Han and a word that had whitespace (0 when not counted)
 * @param unspaced boundaries that had none (0 when not counted)
 */
public record SpacingDecision(Spacing spacing, boolean auto, int spaced, int unspaced) {
    /** Below this many boundaries a document has no convention to follow: AUTO keeps its spaces. */
    public static final int MIN_BOUNDARIES = 8;

    /**
     * Checks the decision.
     *
     * @param spacing the spacing applied: never {@link Spacing#AUTO}
     * @param auto whether it was decided from the document
     * @param spaced boundaries between Han and a word that had whitespace
     * @param unspaced boundaries that had none
     * @throws IllegalArgumentException for {@link Spacing#AUTO} or negative counts
     */
    public SpacingDecision {
        Objects.requireNonNull(spacing, "spacing");
        if (spacing == Spacing.AUTO || spaced < 0 || unspaced < 0) {
            throw new IllegalArgumentException("a decision needs a concrete spacing and counts >= 0");
        }
    }

    /**
     * @param spaced Han–word boundaries with whitespace
     * @param unspaced Han–word boundaries without
     * @return the S8 decision: two thirds or more spaced (of at least 8) {@code pangu}, a third or
     *     less {@code none}, otherwise {@code keep}
     */
    public static SpacingDecision of(int spaced, int unspaced) {
        int total = spaced + unspaced;
        Spacing s;
        if (total < MIN_BOUNDARIES) {
            s = Spacing.KEEP;
        } else if (3L * spaced >= 2L * total) {
            s = Spacing.PANGU;
        } else if (3L * spaced <= total) {
            s = Spacing.NONE;
        } else {
            s = Spacing.KEEP;
        }
        return new SpacingDecision(s, true, spaced, unspaced);
    }

    /** @return e.g. {@code pangu (auto: 9 of 10 Han-word boundaries spaced)} or {@code none (fixed)} */
    @Override
    public String toString() {
        return spacing.id() + (auto ? " (auto: " + spaced + " of " + (spaced + unspaced) + " Han-word boundaries spaced)"
                : " (fixed)");
    }
}
