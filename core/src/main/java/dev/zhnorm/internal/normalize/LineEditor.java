package dev.zhnorm.internal.normalize;

import dev.zhnorm.internal.EditLog;

/**
 * Rewrites a source {@link Line} into a destination line, left to right, copying untouched text in
 * bulk and only once something changes (copy on first edit). Edits come in increasing source order.
 * When given an {@link EditLog} it records every edit with its rule id, for explanations.
 * Context look-ups see the text as rewritten so far on the left and the source on the right, so a
 * rule sweep cascades ({@code 吗?!} → {@code 吗？！}). Not thread-safe; reused across sweeps.
 */
final class LineEditor {
    private Line src;
    private Line dst;
    private EditLog log;
    /** Source chars before {@code pos} are in {@code dst} (copied or replaced). */
    private int pos;
    private boolean started;
    /**
     * Whether {@code dst} holds a whole copy of the source edited in place: every edit so far
     * replaced one char by one, so the output before {@code pos} is {@code dst[0, pos)}. Most
     * edits are such (P1's {@code ,} to {@code ，}, widths): each then costs a store instead of
     * two array copies up to it. Not when recording, whose log wants output positions as it goes.
     */
    private boolean patching;

    void begin(Line source, Line destination, EditLog editLog) {
        this.src = source;
        this.dst = destination;
        this.log = editLog;
        this.pos = 0;
        this.started = false;
        this.patching = false;
        destination.n = 0;
    }

    /** Copies the source up to {@code srcPos}; returns where the edit's output starts in the destination. */
    private int flushTo(int srcPos) {
        if (srcPos < pos) {
            throw new IllegalStateException("edit at " + srcPos + " before " + pos);
        }
        started = true;
        if (patching) {
            patching = false; // keeps the output so far, dst[0, srcPos), and drops the rest of the copy
            dst.n = srcPos;
        } else {
            dst.append(src, pos, srcPos);
        }
        pos = srcPos;
        return dst.n;
    }

    /** @return the length of the output so far */
    private int outLength() {
        return patching ? pos : dst.n;
    }

    /** Replaces {@code src[from,to)} by one char. */
    void replace(int from, int to, char ch, Rule rule) {
        if (to == from + 1 && log == null && (patching || !started)) {
            if (from < pos) {
                throw new IllegalStateException("edit at " + from + " before " + pos);
            }
            if (!patching) {
                started = true;
                patching = true;
                dst.n = 0;
                dst.append(src, 0, src.n);
            }
            dst.c[from] = ch;
            dst.k[from] = 0;
            pos = to;
            return;
        }
        int ds = flushTo(from);
        dst.append(ch);
        edited(from, to, ds, rule);
    }

    /** Replaces {@code src[from,to)} by a text. */
    void replace(int from, int to, CharSequence s, Rule rule) {
        int ds = flushTo(from);
        dst.append(s);
        edited(from, to, ds, rule);
    }

    void delete(int from, int to, Rule rule) {
        if (from != to) {
            edited(from, to, flushTo(from), rule);
        }
    }

    void insert(int at, char ch, Rule rule) {
        replace(at, at, ch, rule);
    }

    /** Records the edit whose output is {@code dst[dstStart, n)} and moves past its source range. */
    private void edited(int from, int to, int dstStart, Rule rule) {
        if (log != null) {
            log.add(from, to, dstStart, dst.n, rule.id());
        }
        pos = to;
    }

    /** @return the source position up to which the output is fixed; later edits must start there or after */
    int position() {
        return pos;
    }

    /**
     * Copies the rest of the source.
     *
     * @return whether anything changed; if so the result is in the destination, else the source stands
     */
    boolean finish() {
        if (!started) {
            return false;
        }
        flushTo(src.n);
        return true;
    }

    /**
     * @return the nearest non-space code point before source position {@code srcPos} in the text as
     *     rewritten so far (opaque span chars as {@link CharClasses#OPAQUE}), or NONE
     */
    int prevNonSpace(int srcPos) {
        int floor = started ? pos : 0;
        int i = srcPos - 1;
        while (i >= floor && CharClasses.isSpace(src.c[i])) {
            i--;
        }
        if (i >= floor) {
            return src.opaque(i) ? CharClasses.OPAQUE : CharClasses.codePointEndingAt(src.c, i, floor);
        }
        if (!started) {
            return CharClasses.NONE;
        }
        int j = outLength() - 1;
        while (j >= 0 && CharClasses.isSpace(dst.c[j])) {
            j--;
        }
        if (j < 0) {
            return CharClasses.NONE;
        }
        return dst.opaque(j) ? CharClasses.OPAQUE : CharClasses.codePointEndingAt(dst.c, j, 0);
    }

    /** @return the char right before source position {@code srcPos} in the text as rewritten so far, or NONE */
    int prevChar(int srcPos) {
        if (srcPos - 1 >= (started ? pos : 0)) {
            return src.c[srcPos - 1];
        }
        int m = outLength();
        return started && m > 0 ? dst.c[m - 1] : CharClasses.NONE;
    }

    /**
     * @return the code point right before source position {@code srcPos} in the text as rewritten so
     *     far (opaque span chars as {@link CharClasses#OPAQUE}), or NONE
     */
    int prevCodePoint(int srcPos) {
        int floor = started ? pos : 0;
        if (srcPos - 1 >= floor) {
            return src.opaque(srcPos - 1) ? CharClasses.OPAQUE : CharClasses.codePointEndingAt(src.c, srcPos - 1, floor);
        }
        int m = outLength();
        if (!started || m == 0) {
            return CharClasses.NONE;
        }
        return dst.opaque(m - 1) ? CharClasses.OPAQUE : CharClasses.codePointEndingAt(dst.c, m - 1, 0);
    }
}
