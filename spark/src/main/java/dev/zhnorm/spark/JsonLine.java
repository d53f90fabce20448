package dev.zhnorm.spark;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import org.apache.spark.unsafe.Platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * One line of JSON Lines input, as the batch job reads it: the line's bytes are never re-serialized,
 * so every field but the normalized one is written back byte for byte (numbers, key order, spacing,
 * escapes, nested objects and arrays), and only the normalized value's bytes are replaced. Spark's own
 * JSON reader and writer cannot do that: they infer one schema for all records (so a field that is a
 * number in one record and a string in another comes out as a string everywhere, {@code 1} next to
 * {@code 2.5} as {@code 1.0}), drop null fields, sort keys, resolve names case-insensitively and fail
 * the whole read on a duplicate key.
 *
 * <p>The key is matched case-sensitively at the top level of the record. The parser accepts what
 * Spark's JSON reader accepts by default ({@code 'single quotes'}, {@code NaN}), without Jackson's size
 * limits on strings, numbers and nesting (the job decodes only the one value it normalizes).
 */
final class JsonLine {
    /** A blank line (whitespace only): no record, kept as it is. */
    static final String BLANK = "blank";
    /** A JSON object without the key: kept as it is. */
    static final String ABSENT = "absent";
    /** The key's value is a string: the one case that is normalized. */
    static final String STRING = "string";
    /** The key's value is null: kept as it is. */
    static final String NULL = "null";
    /** Not a JSON object, not well-formed, or not UTF-8: a bad row. */
    static final String MALFORMED = "malformed";

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE)
                    .maxNumberLength(Integer.MAX_VALUE).maxNestingDepth(Integer.MAX_VALUE).build())
            .build();

    private JsonLine() {
    }

    /**
     * What a line holds under the key.
     *
     * @param kind {@link #BLANK}, {@link #ABSENT}, {@link #NULL}, {@link #STRING}, {@link #MALFORMED}, or
     *     the JSON type of a value that cannot be normalized: number, boolean, object, array
     * @param reason why the line is a bad row; null when it is written (normalized or as it is)
     * @param start the byte offset of the string value's opening quote ({@link #STRING} only)
     * @param end the byte offset after its closing quote
     * @param value the decoded string value ({@link #STRING} only)
     */
    record Scan(String kind, String reason, int start, int end, String value) {
        static Scan of(String kind) {
            return new Scan(kind, null, -1, -1, null);
        }

        static Scan malformed(String reason) {
            return new Scan(MALFORMED, reason, -1, -1, null);
        }
    }

    /**
     * Reads a whole line. Bad rows: bytes that are not UTF-8, a line that is not one JSON object, a
     * duplicate key at any depth (readers disagree on which value counts, and Spark's fails the whole
     * read), a key value that is not a string or null, and a string value with a lone surrogate
     * escape ({@code "\ud800"}: no text a normalizer can return as UTF-8).
     *
     * @param line the line's bytes, without the {@code \n} (a {@code \r} before it is whitespace)
     * @param key the top-level key whose value is normalized
     * @return what the line holds
     */
    static Scan scan(byte[] line, String key) {
        int invalid = Utf8Check.firstInvalid(line, Platform.BYTE_ARRAY_OFFSET, line.length);
        if (invalid >= 0) {
            return Scan.malformed("invalid UTF-8 at byte " + invalid);
        }
        try (JsonParser p = FACTORY.createParser(line)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                return Scan.of(BLANK);
            }
            if (t != JsonToken.START_OBJECT) {
                return Scan.malformed("malformed record: not a JSON object");
            }
            Scan found = Scan.of(ABSENT);
            // The keys of each object still open, innermost first; the record's own at the bottom.
            Deque<Set<String>> open = new ArrayDeque<>();
            open.push(new HashSet<>());
            while (!open.isEmpty()) {
                t = p.nextToken();
                if (t == JsonToken.START_OBJECT) {
                    open.push(new HashSet<>());
                } else if (t == JsonToken.END_OBJECT) {
                    open.pop();
                } else if (t == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    if (!open.peek().add(name)) {
                        return Scan.malformed("duplicate key '" + name + "'");
                    }
                    if (open.size() == 1 && name.equals(key)) {
                        found = value(p, key);
                        if (p.currentToken() == JsonToken.START_OBJECT) {
                            open.push(new HashSet<>());
                        }
                    }
                }
            }
            if (p.nextToken() != null) {
                return Scan.malformed("malformed record: more than one JSON value on the line");
            }
            return found;
        } catch (JsonProcessingException e) {
            return Scan.malformed("malformed record: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // not expected: the parser reads from the array
        }
    }

    /** Reads the key's value token (the parser is on the key) and says what it is. */
    private static Scan value(JsonParser p, String key) throws IOException {
        JsonToken v = p.nextToken();
        return switch (v) {
            case VALUE_STRING -> {
                int start = (int) p.currentTokenLocation().getByteOffset();
                String text = p.getText(); // reads to the closing quote
                int end = (int) p.currentLocation().getByteOffset();
                int lone = firstLoneSurrogate(text);
                yield new Scan(STRING, lone < 0 ? null : "lone surrogate \\u" + Integer.toHexString(text.charAt(lone))
                        + " at char " + lone + " of '" + key + "'", start, end, text);
            }
            case VALUE_NULL -> Scan.of(NULL);
            default -> {
                String type = switch (v) {
                    case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "number";
                    case VALUE_TRUE, VALUE_FALSE -> "boolean";
                    case START_OBJECT -> "object";
                    default -> "array";
                };
                yield new Scan(type, "'" + key + "' is " + (type.equals("array") || type.equals("object") ? "an " : "a ")
                        + type + ", not a string", -1, -1, null);
            }
        };
    }

    /**
     * @return the index of the first unpaired surrogate char, or -1 (core's own check of this is
     *     internal, and this module uses core's public API only)
     */
    static int firstLoneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * @param line the line {@code scan} read
     * @param scan its {@link #STRING} result
     * @param value the new value
     * @return the line with the string value's bytes replaced by {@code value} as a JSON string (only
     *     {@code "}, {@code \} and control chars escaped; the rest as UTF-8), all other bytes as they were
     */
    static byte[] replace(byte[] line, Scan scan, String value) {
        byte[] quoted = JsonStringEncoder.getInstance().quoteAsUTF8(value);
        byte[] out = new byte[scan.start() + quoted.length + 2 + line.length - scan.end()];
        System.arraycopy(line, 0, out, 0, scan.start());
        out[scan.start()] = '"';
        System.arraycopy(quoted, 0, out, scan.start() + 1, quoted.length);
        out[scan.start() + 1 + quoted.length] = '"';
        System.arraycopy(line, scan.end(), out, scan.start() + quoted.length + 2, line.length - scan.end());
        return out;
    }
}
