package dev.zhnorm;

/**
 * Receives the changes of a transformation whose input and output differ in length, from
 * {@link TextTransform#apply(CharSequence, LengthChangeListener)}: what an offset-correcting
 * consumer (a Lucene {@code CharFilter}, a highlighter) needs, since a change of equal lengths
 * ({@code 漢 → 汉}) moves no offset. The calls come in input order and describe exactly the
 * {@link Change}s of {@link TextTransform#explain(CharSequence)} whose {@code before} and
 * {@code after} differ in length, with the same four offsets.
 *
 * <pre>{@code
 * // s2twp turns 互联网 (3 chars) into 網際網路 (4):
 * String out = Converter.of("s2twp").apply("上互联网", (inStart, inEnd, outStart, outEnd) ->
 *         System.out.println(inStart + "-" + inEnd + " -> " + outStart + "-" + outEnd));   // 1-4 -> 1-5
 * }</pre>
 */
@FunctionalInterface
public interface LengthChangeListener {
    /**
     * One change: input {@code [inputStart, inputEnd)} became output {@code [outputStart, outputEnd)},
     * and the two lengths differ.
     *
     * @param inputStart start offset (UTF-16 index) in the input
     * @param inputEnd end offset (exclusive) in the input
     * @param outputStart start offset in the output
     * @param outputEnd end offset (exclusive) in the output
     */
    void lengthChanged(int inputStart, int inputEnd, int outputStart, int outputEnd);
}
