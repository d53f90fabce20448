package dev.zhnorm;

import java.io.UncheckedIOException;

/**
 * One text transformed as it arrives in pieces, from {@link TextTransform#start(LengthChangeListener)}:
 * for consumers that read a stream and must map every output offset back to the input, such as a
 * Lucene {@code CharFilter}. All pushes together write exactly {@link TextTransform#apply(CharSequence)}
 * of the whole text and report exactly the length changes of
 * {@link TextTransform#apply(CharSequence, LengthChangeListener)}, with offsets counted from the
 * start of the whole text and of the whole output, whatever the pieces. A push writes what the text
 * after it can no longer change and holds back the rest (a possible phrase, an unfinished line).
 *
 * <pre>{@code
 * List<int[]> edits = new ArrayList<>();
 * TextRun run = Converter.of("s2twp").start((inStart, inEnd, outStart, outEnd) ->
 *         edits.add(new int[] {inStart, inEnd, outStart, outEnd}));
 * StringBuilder out = new StringBuilder();
 * run.push("我上互联", false, out);   // out holds what is decided so far (here nothing: 互联网 may follow)
 * run.push("网了。", true, out);      // out: "我上網際網路了。"; edits: [2, 5, 2, 6]
 * }</pre>
 *
 * <p>Memory: a converter holds text up to the last place where no dictionary key can span (for the
 * bundled presets, any char in no key: punctuation, whitespace, Latin); should a million chars pass
 * without one, it cuts there anyway, where a key that spans the cut would not match. A normalizer
 * holds an unfinished line, at most 65,536 chars of it (long lines are normalized in pieces, as
 * everywhere), and with {@code spacing=auto} the first 65,536 chars of the text until it has
 * decided; a Markdown or HTML document (by the normalizer's format) is held whole. Mutable; one per
 * text, not thread-safe.
 */
public interface TextRun {
    /**
     * Feeds {@code chars[from,to)} and appends the output it decides to {@code out}; with {@code end}
     * the text is complete and everything is written.
     *
     * @param chars holds the next piece of the text
     * @param from where the piece starts in {@code chars}
     * @param to where it ends (exclusive)
     * @param end whether the piece ends the text
     * @param out where the decided output goes
     * @throws UncheckedIOException when {@code out} fails
     * @throws IllegalStateException when pushed to after the end
     * @throws IndexOutOfBoundsException when {@code [from,to)} is not a range of {@code chars}
     */
    void push(char[] chars, int from, int to, boolean end, Appendable out);

    /**
     * {@link #push(char[], int, int, boolean, Appendable)} of a whole char sequence.
     *
     * @param text the next piece of the text
     * @param end whether it ends the text
     * @param out where the decided output goes
     */
    default void push(CharSequence text, boolean end, Appendable out) {
        char[] a = text.toString().toCharArray();
        push(a, 0, a.length, end, out);
    }
}
