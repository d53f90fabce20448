package dev.zhnorm.internal.normalize;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A line (or piece of a long line) being normalized: its chars and, per char, the protected-span
 * kind byte (0 = free, see {@link SpanKind}). Grows as needed and is reused from line to line.
 * Not thread-safe.
 */
final class Line {
    char[] c;
    byte[] k;
    int n;

    Line(int capacity) {
        c = new char[Math.max(16, capacity)];
        k = new byte[c.length];
    }

    /** Makes room for {@code capacity} chars, keeping the content. */
    void ensure(int capacity) {
        if (capacity > c.length) {
            int size = (int) Math.min(Integer.MAX_VALUE - 16, Math.max(capacity, c.length * 2L));
            c = Arrays.copyOf(c, size);
            k = Arrays.copyOf(k, size);
        }
    }

    /** Replaces the content by the free chars {@code a[from,to)}. */
    void load(char[] a, int from, int to) {
        int len = to - from;
        ensure(len);
        System.arraycopy(a, from, c, 0, len);
        Arrays.fill(k, 0, len, (byte) 0);
        n = len;
    }

    void append(char ch) {
        if (n == c.length) {
            ensure(n + 1);
        }
        c[n] = ch;
        k[n] = 0;
        n++;
    }

    /** Appends {@code src[from,to)} with its kinds. */
    void append(Line src, int from, int to) {
        int len = to - from;
        if (len <= 0) {
            return;
        }
        ensure(n + len);
        System.arraycopy(src.c, from, c, n, len);
        System.arraycopy(src.k, from, k, n, len);
        n += len;
    }

    /** Appends free chars. */
    void append(char[] a, int from, int to) {
        int len = to - from;
        if (len <= 0) {
            return;
        }
        ensure(n + len);
        System.arraycopy(a, from, c, n, len);
        Arrays.fill(k, n, n + len, (byte) 0);
        n += len;
    }

    void append(CharSequence s) {
        int len = s.length();
        ensure(n + len);
        for (int i = 0; i < len; i++) {
            c[n + i] = s.charAt(i);
            k[n + i] = 0;
        }
        n += len;
    }

    boolean free(int i) {
        return k[i] == 0;
    }

    /** Reads eight kind bytes at once: most lines hold no protected span. */
    private static final VarHandle EIGHT_KINDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** @return the index of the first char at or after {@code from} inside a protected span, or {@link #n} */
    int endOfFree(int from) {
        int j = from;
        for (int last = n - 8; j <= last && (long) EIGHT_KINDS.get(k, j) == 0; j += 8) {
            // eight free chars
        }
        while (j < n && k[j] == 0) {
            j++;
        }
        return j;
    }

    boolean opaque(int i) {
        return SpanKind.isOpaque(k[i]);
    }

    /** @return the code point at {@code i} as context tests see it: {@link CharClasses#OPAQUE} inside opaque spans */
    int contextAt(int i) {
        if (opaque(i)) {
            return CharClasses.OPAQUE;
        }
        return CharClasses.codePointAt(c, i, n);
    }

    /** @return the nearest non-space code point at or after {@code i} as context tests see it, or NONE */
    int nextNonSpace(int i) {
        while (i < n && CharClasses.isSpace(c[i])) {
            i++;
        }
        return i < n ? contextAt(i) : CharClasses.NONE;
    }

    /** @return the index of the nearest non-space char at or after {@code i}, or {@code n} */
    int skipSpaces(int i) {
        while (i < n && CharClasses.isSpace(c[i])) {
            i++;
        }
        return i;
    }

    /** @return whether the line has a Han character outside opaque spans */
    boolean hasHan() {
        for (int i = 0; i < n; i++) {
            char ch = c[i];
            if ((CharClasses.isHanBmp(ch) || Character.isHighSurrogate(ch)) && !opaque(i)
                    && CharClasses.isHan(CharClasses.codePointAt(c, i, n))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return new String(c, 0, n);
    }
}
