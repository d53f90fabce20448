package dev.zhnorm.internal;

import dev.zhnorm.Change;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The alignment between a text and its transformed form, as a sorted list of non-overlapping edits;
 * everything between edits is unchanged. Logs of successive transformations compose, so a pipeline
 * of stages can report changes against the original input. Mutable while recording.
 */
public final class EditLog {
    /** {@code src[srcStart,srcEnd)} became {@code dst[dstStart,dstEnd)}. */
    public record Edit(int srcStart, int srcEnd, int dstStart, int dstEnd, String source) {
    }

    private final List<Edit> edits = new ArrayList<>();

    /** Records an edit; edits must be added in order. */
    public void add(int srcStart, int srcEnd, int dstStart, int dstEnd, String source) {
        edits.add(new Edit(srcStart, srcEnd, dstStart, dstEnd, source));
    }

    /** @return the edits, in order */
    public List<Edit> edits() {
        return edits;
    }

    /** @return whether nothing was recorded */
    public boolean isEmpty() {
        return edits.isEmpty();
    }

    /**
     * Composes {@code first} (X→Y) with {@code second} (Y→Z) into X→Z: edits of either side whose Y
     * ranges overlap merge into one, named by all their sources in order.
     */
    public static EditLog compose(EditLog first, EditLog second) {
        if (first.isEmpty()) {
            return second;
        }
        if (second.isEmpty()) {
            return first;
        }
        record Item(int ys, int ye, Edit edit, boolean fromFirst) {
        }
        List<Item> items = new ArrayList<>(first.edits.size() + second.edits.size());
        first.edits.forEach(e -> items.add(new Item(e.dstStart(), e.dstEnd(), e, true)));
        second.edits.forEach(e -> items.add(new Item(e.srcStart(), e.srcEnd(), e, false)));
        items.sort(Comparator.comparingInt(Item::ys).thenComparingInt(Item::ye).thenComparing(i -> !i.fromFirst()));
        EditLog out = new EditLog();
        int shiftX = 0; // X position minus Y position, after the edits of `first` seen so far
        int shiftZ = 0; // Z position minus Y position, after the edits of `second` seen so far
        int i = 0;
        while (i < items.size()) {
            int cs = items.get(i).ys();
            int ce = items.get(i).ye();
            int j = i + 1;
            while (j < items.size() && items.get(j).ys() < ce) {
                ce = Math.max(ce, items.get(j).ye());
                j++;
            }
            int dx = 0;
            int dz = 0;
            Set<String> firstSources = new LinkedHashSet<>();
            Set<String> secondSources = new LinkedHashSet<>();
            for (int k = i; k < j; k++) {
                Edit e = items.get(k).edit();
                int delta = (e.srcEnd() - e.srcStart()) - (e.dstEnd() - e.dstStart());
                if (items.get(k).fromFirst()) {
                    dx += delta;
                    firstSources.add(e.source());
                } else {
                    dz -= delta;
                    secondSources.add(e.source());
                }
            }
            int xs = cs + shiftX;
            int zs = cs + shiftZ;
            int xe = ce + shiftX + dx;
            int ze = ce + shiftZ + dz;
            Set<String> sources = new LinkedHashSet<>(firstSources);
            sources.addAll(secondSources);
            out.add(xs, xe, zs, ze, String.join(" > ", sources));
            shiftX += dx;
            shiftZ += dz;
            i = j;
        }
        return out;
    }

    /** @return a copy with every position moved by the given offsets (for logs of a text's later part) */
    public EditLog shifted(int srcOffset, int dstOffset) {
        EditLog out = new EditLog();
        for (Edit e : edits) {
            out.add(e.srcStart() + srcOffset, e.srcEnd() + srcOffset, e.dstStart() + dstOffset,
                    e.dstEnd() + dstOffset, e.source());
        }
        return out;
    }

    /** Appends another log's edits (which must come after this log's). */
    public void addAll(EditLog other) {
        edits.addAll(other.edits);
    }

    /**
     * @param input the original text
     * @param output the final text
     * @return the edits as changes, leaving out those whose text did not actually change
     */
    public List<Change> toChanges(CharSequence input, CharSequence output) {
        List<Change> changes = new ArrayList<>(edits.size());
        for (Edit e : edits) {
            String before = input.subSequence(e.srcStart(), e.srcEnd()).toString();
            String after = output.subSequence(e.dstStart(), e.dstEnd()).toString();
            if (!before.equals(after)) {
                changes.add(new Change(e.srcStart(), e.srcEnd(), e.dstStart(), e.dstEnd(), before, after, e.source()));
            }
        }
        return changes;
    }
}
