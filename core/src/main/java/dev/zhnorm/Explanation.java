package dev.zhnorm;

import java.util.List;

/**
 * What a conversion or normalization did to a text: the output, every change with its input and
 * output ranges and the rule or dictionary that made it, and the output-to-input offset map.
 *
 * <pre>{@code
 * Explanation e = Converter.of("t2s").explain("後來");
 * e.output();                      // "后来"
 * e.changes().get(0).rule();       // the dictionary that made the change
 * }</pre>
 *
 * @param input the input text
 * @param output the result, equal to what {@code convert}/{@code normalize} returns
 * @param changes the changes in input order, not overlapping
 * @param offsets maps output offsets to input offsets
 */
public record Explanation(String input, String output, List<Change> changes, OffsetMap offsets) {
    /**
     * Copies the list of changes.
     *
     * @param input the input text
     * @param output the result
     * @param changes the changes in input order, not overlapping
     * @param offsets maps output offsets to input offsets
     */
    public Explanation {
        changes = List.copyOf(changes);
    }
}
