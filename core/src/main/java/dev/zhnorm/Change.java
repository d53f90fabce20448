package dev.zhnorm;

/**
 * One change made to a text, with where it was in the input and where it is in the output.
 *
 * <pre>{@code
 * // Converter.of("t2s").explain("漢字").changes():
 * // [Change[inputStart=0, inputEnd=1, outputStart=0, outputEnd=1, before=漢, after=汉, rule=TSCharacters.txt]]
 * // Normalizer.defaults().explain("他說,好").changes():
 * // [... before=說, after=说, rule=TSCharacters.txt], [... before=,, after=，, rule=P1]]
 * }</pre>
 *
 * @param inputStart start offset (UTF-16 index) in the input
 * @param inputEnd end offset (exclusive) in the input
 * @param outputStart start offset in the output
 * @param outputEnd end offset (exclusive) in the output
 * @param before the input text that changed
 * @param after what it became
 * @param rule what made the change: a normalization rule id such as {@code P1} or {@code S4}, or the
 *     dictionary (for stacked changes, several joined by {@code " > "})
 */
public record Change(int inputStart, int inputEnd, int outputStart, int outputEnd, String before, String after,
                     String rule) {
}
