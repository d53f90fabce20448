package dev.zhnorm.spark;

import org.apache.spark.unsafe.Platform;
import org.apache.spark.unsafe.types.UTF8String;

import java.nio.charset.StandardCharsets;

/** UTF8String to String without the intermediate copy that {@link UTF8String#toString()} makes. */
final class Utf8Decoding {
    private Utf8Decoding() {
    }

    /**
     * @param s a value, usually a slice of a row's byte array
     * @return the decoded text (ill-formed bytes become U+FFFD, as in {@code toString()})
     */
    static String decode(UTF8String s) {
        if (s.getBaseObject() instanceof byte[] bytes) {
            // Rows keep their values in byte arrays: decode the slice in place.
            return new String(bytes, (int) (s.getBaseOffset() - Platform.BYTE_ARRAY_OFFSET), s.numBytes(),
                    StandardCharsets.UTF_8);
        }
        return s.toString();
    }
}
