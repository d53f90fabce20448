package dev.zhnorm.dict;

/**
 * A dictionary as OpenCC configs compose them: either one {@link TextDictionary} or a
 * {@link DictionaryGroup} of dictionaries with a {@link MatchPolicy}. Immutable.
 */
public sealed interface Dictionary permits TextDictionary, DictionaryGroup {
    /** @return a human-readable name, such as the file name, used in explanations and errors */
    String name();
}
