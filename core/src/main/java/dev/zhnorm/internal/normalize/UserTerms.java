package dev.zhnorm.internal.normalize;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The terms a user protects: matched on the raw line (longest first, left to right), before any
 * stage runs, so they come through byte-identical and are never converted. Immutable.
 */
final class UserTerms {
    static final UserTerms NONE = new UserTerms(List.of());

    /** Per first char, the terms starting with it, longest first; null when none. */
    private final char[][][] byFirst;
    private final boolean empty;
    private final List<String> terms;

    UserTerms(List<String> terms) {
        Set<String> unique = new LinkedHashSet<>(terms);
        this.terms = List.copyOf(unique);
        List<String> sorted = new ArrayList<>(unique);
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        this.empty = sorted.isEmpty();
        this.byFirst = empty ? null : new char[1 << 16][][];
        if (empty) {
            return;
        }
        List<List<char[]>> buckets = new ArrayList<>();
        int[] slot = new int[1 << 16];
        Arrays.fill(slot, -1);
        for (String t : sorted) {
            char first = t.charAt(0);
            if (slot[first] < 0) {
                slot[first] = buckets.size();
                buckets.add(new ArrayList<>());
            }
            buckets.get(slot[first]).add(t.toCharArray());
        }
        for (int c = 0; c < slot.length; c++) {
            if (slot[c] >= 0) {
                byFirst[c] = buckets.get(slot[c]).toArray(new char[0][]);
            }
        }
    }

    List<String> terms() {
        return terms;
    }

    boolean isEmpty() {
        return empty;
    }

    /**
     * Marks every occurrence in the line as a {@link SpanKind#USER} span.
     *
     * @return whether any term occurs
     */
    boolean mark(Line line) {
        if (empty) {
            return false;
        }
        boolean any = false;
        char[] c = line.c;
        int n = line.n;
        int i = 0;
        while (i < n) {
            char[][] candidates = byFirst[c[i]];
            int len = 0;
            if (candidates != null) {
                for (char[] t : candidates) {
                    if (t.length <= n - i && Arrays.equals(c, i, i + t.length, t, 0, t.length)) {
                        len = t.length;
                        break;
                    }
                }
            }
            if (len == 0) {
                i++;
                continue;
            }
            byte code = SpanKind.USER.code();
            Arrays.fill(line.k, i, i + len, code);
            line.k[i] |= SpanKind.START;
            any = true;
            i += len;
        }
        return any;
    }
}
