package dev.zhnorm.internal;

import dev.zhnorm.Change;
import dev.zhnorm.LengthChangeListener;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The alignment between a text and its transformed form, as a sorted list of non-overlapping edits;
 * everything between edits is unchanged. Logs of successive transformations compose, so a pipeline
 * of stages can report changes against the original input. Mutable while recording.
 *
 * <p>Edits are kept as four ints each, so recording allocates nothing per edit. A {@linkplain #lean()
 * lean} log, for callers that only need the length-changing edits (offset correction), also drops
 * the rule names and every same-length edit of at most one char on each side (漢 → 汉, the bulk of a
 * conversion): such an edit never widens a composed edit (whatever it overlaps contains it) and
 * moves no offset, so the length-changing edits of a lean log and its compositions are exactly
 * those of the full log.
 */
public final class EditLog {
    /** {@code src[srcStart,srcEnd)} became {@code dst[dstStart,dstEnd)}. */
    public record Edit(int srcStart, int srcEnd, int dstStart, int dstEnd, String source) {
    }

    private static final int[] NO_POSITIONS = new int[0];

    private final boolean lean;
    /** srcStart, srcEnd, dstStart, dstEnd of edit i at {@code 4 * i}. */
    private int[] pos = NO_POSITIONS;
    /** The rule or dictionary of each edit; {@code null} when lean. */
    private String[] sources;
    private int size;

    /** A full log: every edit with its source. */
    public EditLog() {
        this(false);
    }

    private EditLog(boolean lean) {
        this.lean = lean;
        this.sources = lean ? null : new String[0];
    }

    /** @return an empty lean log (no sources, no same-length edits of at most one char) */
    public static EditLog lean() {
        return new EditLog(true);
    }

    /** @return an empty log of the same kind as this one */
    public EditLog newOfSameKind() {
        return new EditLog(lean);
    }

    /** @return whether this log is lean */
    public boolean isLean() {
        return lean;
    }

    /** Records an edit; edits must be added in order. A lean log ignores {@code source}. */
    public void add(int srcStart, int srcEnd, int dstStart, int dstEnd, String source) {
        int srcLength = srcEnd - srcStart;
        if (lean && srcLength == dstEnd - dstStart && srcLength <= 1) {
            return;
        }
        if (4 * size == pos.length) {
            int capacity = Math.max(8, size * 2);
            pos = Arrays.copyOf(pos, 4 * capacity);
            if (!lean) {
                sources = Arrays.copyOf(sources, capacity);
            }
        }
        int k = 4 * size;
        pos[k] = srcStart;
        pos[k + 1] = srcEnd;
        pos[k + 2] = dstStart;
        pos[k + 3] = dstEnd;
        if (!lean) {
            sources[size] = source;
        }
        size++;
    }

    /** @return the number of edits */
    public int size() {
        return size;
    }

    private int srcStart(int i) {
        return pos[4 * i];
    }

    private int srcEnd(int i) {
        return pos[4 * i + 1];
    }

    private int dstStart(int i) {
        return pos[4 * i + 2];
    }

    private int dstEnd(int i) {
        return pos[4 * i + 3];
    }

    private String source(int i) {
        return lean ? null : sources[i];
    }

    /** @return the edits, in order (a new list; sources are {@code null} in a lean log) */
    public List<Edit> edits() {
        List<Edit> list = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            list.add(new Edit(srcStart(i), srcEnd(i), dstStart(i), dstEnd(i), source(i)));
        }
        return list;
    }

    /** @return whether nothing was recorded */
    public boolean isEmpty() {
        return size == 0;
    }

    /**
     * Composes {@code first} (X→Y) with {@code second} (Y→Z) into X→Z: edits of either side whose Y
     * ranges overlap merge into one, named by all their sources in order. Both logs must be of the
     * same kind.
     */
    public static EditLog compose(EditLog first, EditLog second) {
        if (first.isEmpty()) {
            return second;
        }
        if (second.isEmpty()) {
            return first;
        }
        // Both logs are sorted by their Y ranges: merge them in the order (Y start, Y end, first's
        // before second's), and sweep clusters of overlapping Y ranges.
        EditLog out = first.newOfSameKind();
        boolean named = !out.lean;
        List<String> firstSources = named ? new ArrayList<>() : null;
        List<String> secondSources = named ? new ArrayList<>() : null;
        int n1 = first.size;
        int n2 = second.size;
        int i = 0;
        int j = 0;
        int shiftX = 0; // X position minus Y position, after the edits of `first` seen so far
        int shiftZ = 0; // Z position minus Y position, after the edits of `second` seen so far
        while (i < n1 || j < n2) {
            int cs = -1;
            int ce = -1;
            int dx = 0;
            int dz = 0;
            while (i < n1 || j < n2) {
                boolean takeFirst = i < n1 && (j >= n2 || first.dstStart(i) < second.srcStart(j)
                        || (first.dstStart(i) == second.srcStart(j) && first.dstEnd(i) <= second.srcEnd(j)));
                int ys = takeFirst ? first.dstStart(i) : second.srcStart(j);
                int ye = takeFirst ? first.dstEnd(i) : second.srcEnd(j);
                if (cs < 0) {
                    cs = ys;
                    ce = ye;
                } else if (ys < ce) {
                    ce = Math.max(ce, ye);
                } else {
                    break;
                }
                if (takeFirst) {
                    dx += (first.srcEnd(i) - first.srcStart(i)) - (ye - ys);
                    if (named) {
                        addOnce(firstSources, first.source(i));
                    }
                    i++;
                } else {
                    dz -= (ye - ys) - (second.dstEnd(j) - second.dstStart(j));
                    if (named) {
                        addOnce(secondSources, second.source(j));
                    }
                    j++;
                }
            }
            String source = null;
            if (named) {
                secondSources.forEach(s -> addOnce(firstSources, s));
                source = String.join(" > ", firstSources);
                firstSources.clear();
                secondSources.clear();
            }
            out.add(cs + shiftX, ce + shiftX + dx, cs + shiftZ, ce + shiftZ + dz, source);
            shiftX += dx;
            shiftZ += dz;
        }
        return out;
    }

    private static void addOnce(List<String> names, String name) {
        if (!names.contains(name)) {
            names.add(name);
        }
    }

    /** @return a copy with every position moved by the given offsets (for logs of a text's later part) */
    public EditLog shifted(int srcOffset, int dstOffset) {
        EditLog out = newOfSameKind();
        out.addAllShifted(this, srcOffset, dstOffset);
        return out;
    }

    /** Appends another log's edits (which must come after this log's). */
    public void addAll(EditLog other) {
        addAllShifted(other, 0, 0);
    }

    /** Appends another log's edits moved by the given offsets (they must then come after this log's). */
    public void addAllShifted(EditLog other, int srcOffset, int dstOffset) {
        for (int i = 0; i < other.size; i++) {
            add(other.srcStart(i) + srcOffset, other.srcEnd(i) + srcOffset, other.dstStart(i) + dstOffset,
                    other.dstEnd(i) + dstOffset, other.source(i));
        }
    }

    /**
     * @param input the original text
     * @param output the final text
     * @return the edits as changes, leaving out those whose text did not actually change
     */
    public List<Change> toChanges(CharSequence input, CharSequence output) {
        List<Change> changes = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            String before = input.subSequence(srcStart(i), srcEnd(i)).toString();
            String after = output.subSequence(dstStart(i), dstEnd(i)).toString();
            if (!before.equals(after)) {
                changes.add(new Change(srcStart(i), srcEnd(i), dstStart(i), dstEnd(i), before, after, source(i)));
            }
        }
        return changes;
    }

    /**
     * Reports the edits whose two sides differ in length, in order: exactly the length-changing
     * changes of {@link #toChanges}, lean or not (an edit of different lengths always changed text).
     */
    public void forEachLengthChange(LengthChangeListener listener) {
        forEachLengthChange(listener, 0, 0);
    }

    /** {@link #forEachLengthChange(LengthChangeListener)} with every input and output offset shifted. */
    public void forEachLengthChange(LengthChangeListener listener, int srcShift, int dstShift) {
        for (int i = 0; i < size; i++) {
            if (srcEnd(i) - srcStart(i) != dstEnd(i) - dstStart(i)) {
                listener.lengthChanged(srcStart(i) + srcShift, srcEnd(i) + srcShift, dstStart(i) + dstShift,
                        dstEnd(i) + dstShift);
            }
        }
    }

    /** Forgets every edit (a consumer took them); later edits keep their own positions. */
    public void clear() {
        size = 0;
    }
}
