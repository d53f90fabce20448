package dev.zhnorm.internal;

import java.util.Arrays;

/** A growable char array used as scratch and output buffer; deliberately minimal and final for speed. Not thread-safe. */
public final class CharBuf implements CharSequence {
    char[] buf;
    int len;

    public CharBuf(int capacity) {
        buf = new char[Math.max(16, capacity)];
    }

    private CharBuf(char[] buf) {
        this.buf = buf;
    }

    /** The array of every {@link #growing()} buffer until its first write: empty, so never written. */
    private static final char[] NOTHING_YET = new char[0];

    /**
     * A buffer that allocates on its first write: a run's per-level buffers (held-back input,
     * scratch) stay unused for most short texts, and allocating and zeroing them was a visible part
     * of a short conversion's cost.
     */
    public static CharBuf growing() {
        return new CharBuf(NOTHING_YET);
    }

    /** Makes room for {@code extra} more chars. */
    public void ensureSpare(int extra) {
        long need = (long) len + extra;
        if (need > buf.length) {
            if (need > Integer.MAX_VALUE - 16) {
                throw new OutOfMemoryError("text too large for one buffer: " + need + " chars");
            }
            buf = Arrays.copyOf(buf, (int) Math.max(Math.max(need, 64), Math.min(Integer.MAX_VALUE - 16, buf.length * 2L)));
        }
    }

    public void append(char c) {
        if (len == buf.length) {
            ensureSpare(1);
        }
        buf[len++] = c;
    }

    public void append(char[] a, int from, int to) {
        int n = to - from;
        if (n <= 0) {
            return;
        }
        ensureSpare(n);
        System.arraycopy(a, from, buf, len, n);
        len += n;
    }

    public void append(CharSequence s) {
        int n = s.length();
        ensureSpare(n);
        if (s instanceof String str) {
            str.getChars(0, n, buf, len);
        } else {
            for (int i = 0; i < n; i++) {
                buf[len + i] = s.charAt(i);
            }
        }
        len += n;
    }

    /** Drops the first {@code n} chars, keeping the rest. */
    public void consume(int n) {
        if (n >= len) {
            len = 0;
        } else if (n > 0) {
            System.arraycopy(buf, n, buf, 0, len - n);
            len -= n;
        }
    }

    public void clear() {
        len = 0;
    }

    public boolean isEmpty() {
        return len == 0;
    }

    public char[] array() {
        return buf;
    }

    @Override
    public int length() {
        return len;
    }

    @Override
    public char charAt(int index) {
        if (index >= len) {
            throw new IndexOutOfBoundsException(index);
        }
        return buf[index];
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return new String(buf, start, end - start);
    }

    @Override
    public String toString() {
        return new String(buf, 0, len);
    }
}
