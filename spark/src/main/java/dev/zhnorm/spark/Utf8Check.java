package dev.zhnorm.spark;

import org.apache.spark.unsafe.Platform;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * Finds the first byte that is not well-formed UTF-8 (Unicode's Table 3-7): a stray continuation
 * byte, a truncated sequence, an overlong form, an encoded surrogate (how a lone UTF-16 surrogate
 * comes out of a lenient encoder, CESU-8 style) or a code point above U+10FFFF. Spark's text reader
 * keeps a line's bytes as they are, and decoding them to a String would silently turn such bytes into
 * U+FFFD; the batch job checks first and reports the row instead. Reads the bytes in place.
 */
final class Utf8Check {
    private Utf8Check() {
    }

    /**
     * @param s a string value
     * @return the offset of the first byte of the first ill-formed sequence, or -1 if all is well
     */
    static int firstInvalid(UTF8String s) {
        return firstInvalid(s.getBaseObject(), s.getBaseOffset(), s.numBytes());
    }

    static int firstInvalid(Object base, long offset, int length) {
        int i = 0;
        while (i < length) {
            int b = Platform.getByte(base, offset + i) & 0xFF;
            if (b < 0x80) {
                i++;
                continue;
            }
            int need;
            int lo = 0x80;
            int hi = 0xBF;
            if (b >= 0xC2 && b <= 0xDF) {
                need = 1;
            } else if (b >= 0xE0 && b <= 0xEF) {
                need = 2;
                if (b == 0xE0) {
                    lo = 0xA0; // overlong below U+0800
                } else if (b == 0xED) {
                    hi = 0x9F; // U+D800..U+DFFF, surrogates
                }
            } else if (b >= 0xF0 && b <= 0xF4) {
                need = 3;
                if (b == 0xF0) {
                    lo = 0x90; // overlong below U+10000
                } else if (b == 0xF4) {
                    hi = 0x8F; // above U+10FFFF
                }
            } else {
                return i; // continuation byte without a lead, C0/C1 (overlong) or F5..FF
            }
            if (i + need >= length) {
                return i; // truncated at the end
            }
            int second = Platform.getByte(base, offset + i + 1) & 0xFF;
            if (second < lo || second > hi) {
                return i;
            }
            for (int k = 2; k <= need; k++) {
                int c = Platform.getByte(base, offset + i + k) & 0xFF;
                if (c < 0x80 || c > 0xBF) {
                    return i;
                }
            }
            i += need + 1;
        }
        return -1;
    }
}
