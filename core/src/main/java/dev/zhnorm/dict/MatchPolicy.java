package dev.zhnorm.dict;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How a {@link DictionaryGroup} chooses among its children at one text position (OpenCC's {@code match_policy}). */
public enum MatchPolicy {
    /** The first child with any match wins, even if a later child would match a longer key. */
    SHORT_CIRCUIT,
    /** The longest match across all children wins; on equal length the earlier child wins. */
    UNION;

    /** @return the name used in OpenCC JSON configs: {@code short_circuit} or {@code union} */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param id {@code short_circuit} or {@code union}
     * @return the policy, or empty for an unknown name
     */
    public static Optional<MatchPolicy> fromId(String id) {
        return Arrays.stream(values()).filter(p -> p.id().equals(id)).findFirst();
    }
}
