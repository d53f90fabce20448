/**
 * The dictionary model: {@link dev.zhnorm.dict.TextDictionary} (OpenCC's text format, strictly
 * parsed), {@link dev.zhnorm.dict.DictionaryGroup} with a {@link dev.zhnorm.dict.MatchPolicy}, and
 * the reverse-table derivation OpenCC's data scripts use. Immutable.
 *
 * <pre>{@code
 * TextDictionary d = TextDictionary.load(Path.of("TSPhrases.txt"));
 * Dictionary ts = new DictionaryGroup(MatchPolicy.SHORT_CIRCUIT, List.of(d, TextDictionary.load(chars)));
 * }</pre>
 */
package dev.zhnorm.dict;
