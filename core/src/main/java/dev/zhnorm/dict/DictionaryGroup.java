package dev.zhnorm.dict;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Several dictionaries used as one, OpenCC's {@code "type": "group"}.
 *
 * <pre>{@code
 * Dictionary ts = new DictionaryGroup(MatchPolicy.SHORT_CIRCUIT, List.of(tsPhrases, tsCharacters));
 * }</pre>
 *
 * @param policy how children are chosen at each position
 * @param children the members in priority order, at least one
 */
public record DictionaryGroup(MatchPolicy policy, List<Dictionary> children) implements Dictionary {
    /**
     * Copies the children and rejects an empty group.
     *
     * @param policy how children are chosen at each position
     * @param children the members in priority order, at least one
     * @throws IllegalArgumentException if there is no member
     */
    public DictionaryGroup {
        children = List.copyOf(children);
        if (children.isEmpty()) {
            throw new IllegalArgumentException("a dictionary group needs at least one member");
        }
    }

    @Override
    public String name() {
        return children.stream().map(Dictionary::name)
                .collect(Collectors.joining(", ", policy.id() + "(", ")"));
    }
}
