package dev.zhnorm.internal;

/**
 * The boundaries of the maximum-match segments of one text, found on demand. A segment is a match
 * of the segmenting dictionary's greedy walk (with {@code everyMatch}; else only a match of two or
 * more code points, as when segmentation is fused into a first stage whose one-code-point keys
 * convert within runs), and the text between such matches is one segment too. A question about a
 * place walks the dictionary only from the last position before it that no key can span
 * ({@link CompiledDictionary#innerPairs}), which the walk must pass through, so the answer costs a
 * few matches wherever it is asked. Questions must come in ascending order of place. For the
 * phrase stages of s2twp, hk2s and the like, which ask only where one of their phrases would
 * match. Not thread-safe; one per text and pass.
 */
final class SegmentBoundaries {
    private final CompiledDictionary dict;
    private final PhraseFilters.PairFilter inner;
    private final boolean everyMatch;
    private final char[] a;
    private final int to;
    /** A position of the walk at or before every place still to be asked about. */
    private int known;

    /**
     * @param dict the dictionary whose walk segments {@code a[from,to)}, which holds no ideographic
     *     description operator
     * @param everyMatch whether a match of one code point is a segment of its own too
     */
    SegmentBoundaries(CompiledDictionary dict, boolean everyMatch, char[] a, int from, int to) {
        this.dict = dict;
        this.inner = dict.innerPairs();
        this.everyMatch = everyMatch;
        this.a = a;
        this.to = to;
        this.known = from;
    }

    /**
     * @param at a place, not before the last one asked about
     * @return the first segment boundary in {@code (at, limit)}, or {@code limit}
     */
    int firstAfter(int at, int limit) {
        int w = at;
        while (w > known && inner.mayContain(a[w - 1], a[w])) {
            w--;
        }
        while (w < limit) {
            if (!everyMatch && !dict.mayStartLonger(a, w, to)) {
                // A match of one code point at most: no segment, and the walk goes on to the next
                // char (a surrogate pair's low half starts no key). Most positions end here, before
                // the probe of the pair table that the walk would pay.
                if (w <= at) {
                    known = w;
                }
                w++;
                continue;
            }
            long m = dict.match(a, w, to);
            int len = m == CompiledDictionary.NO_MATCH ? 1 : CompiledDictionary.matchLength(m);
            if (m != CompiledDictionary.NO_MATCH
                    && (everyMatch || len > 2 || (len == 2 && !Character.isHighSurrogate(a[w])))) {
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
