package dev.zhnorm.internal;

/**
 * The boundaries of the maximum-match segments of one text, found on demand: a segment is a match
 * of two or more code points of a dense dictionary's greedy walk, and the text between such matches
 * is one segment too. A question about a place walks the dictionary only from the last position
 * before it that no key can span ({@link PhraseFilters#mayContinue}), which the walk must pass
 * through, so the answer costs a few matches wherever it is asked; questions must come in
 * ascending order of place. For s2twp's second stage, which asks only where one of its phrases
 * would match (250 places in 左传). Not thread-safe; one per text.
 */
final class SegmentBoundaries {
    private final CompiledDictionary dict;
    private final PhraseFilters filters;
    private final char[] a;
    private final int to;
    /** A position of the walk at or before every place still to be asked about. */
    private int known;

    /**
     * @param dict the dense dictionary whose walk segments {@code a[from,to)}, which holds no
     *     ideographic description operator
     */
    SegmentBoundaries(CompiledDictionary dict, char[] a, int from, int to) {
        this.dict = dict;
        this.filters = dict.phraseFilters();
        this.a = a;
        this.to = to;
        this.known = from;
    }

    /**
     * @param at a place, not before the last one asked about
     * @return the first segment boundary in {@code (at, limit)}, or {@code limit}
     */
    int firstAfter(int at, int limit) {
        int w = CompiledDictionary.segmentStartBefore(filters, a, known, at);
        while (w < limit) {
            long m = dict.match(a, w, to);
            int len = m == CompiledDictionary.NO_MATCH ? 1 : CompiledDictionary.matchLength(m);
            if (len > 2 || (len == 2 && !Character.isHighSurrogate(a[w]))) {
                if (w > at) {
                    return w;
                }
                if (w + len > at && w + len < limit) {
                    return w + len;
                }
            }
            if (w <= at) {
                known = w;
            }
            w += len;
        }
        return limit;
    }
}
