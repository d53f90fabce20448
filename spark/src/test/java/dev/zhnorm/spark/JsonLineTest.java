package dev.zhnorm.spark;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The JSON line scanner without Spark: what each kind of line is, and the byte-exact replacement. */
class JsonLineTest {
    private static JsonLine.Scan scan(String line) {
        return JsonLine.scan(line.getBytes(StandardCharsets.UTF_8), "text");
    }

    private static void assertBad(String reason, String line) {
        JsonLine.Scan s = scan(line);
        assertEquals(reason, s.reason(), line);
    }

    @Test
    void findsTheTopLevelStringValueAndItsBytes() {
        String line = "{\"n\": {\"text\": 1}, \"text\": \"臺\\u7063\\\"\", \"a\": [{\"text\": [true]}]}\r";
        JsonLine.Scan s = scan(line);
        assertEquals(JsonLine.STRING, s.kind());
        assertNull(s.reason());
        assertEquals("臺灣\"", s.value());
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        assertEquals("\"臺\\u7063\\\"\"", new String(bytes, s.start(), s.end() - s.start(), StandardCharsets.UTF_8));
        assertEquals("{\"n\": {\"text\": 1}, \"text\": \"台湾\\\"\\n\", \"a\": [{\"text\": [true]}]}\r",
                new String(JsonLine.replace(bytes, s, "台湾\"\n"), StandardCharsets.UTF_8),
                "only the value's bytes change, escaped as JSON needs");
    }

    @Test
    void linesThatAreKeptAsTheyAre() {
        assertEquals(JsonLine.BLANK, scan("").kind());
        assertEquals(JsonLine.BLANK, scan(" \t\r").kind());
        assertEquals(JsonLine.ABSENT, scan("{\"Text\": \"臺\", \"TEXT\": 1}").kind(), "keys are case-sensitive");
        assertEquals(JsonLine.NULL, scan("{\"text\": null}").kind());
        assertEquals(JsonLine.STRING, scan("{'text': '臺', \"x\": NaN}").kind(), "what Spark's JSON reader accepts");
        assertEquals("\uD840\uDC3E", scan("{\"text\": \"\\ud840\\udc3e\"}").value(), "a pair of escapes is one char");
    }

    @Test
    void badRowsSayWhy() {
        assertBad("duplicate key 'text'", "{\"text\": \"a\", \"text\": \"b\"}");
        assertBad("duplicate key 'id'", "{\"id\": 1, \"text\": \"a\", \"id\": 2}");
        assertBad("duplicate key 'b'", "{\"a\": [{\"b\": 1, \"b\": 2}], \"text\": \"a\"}");
        assertBad("'text' is a number, not a string", "{\"text\": 2.5}");
        assertBad("'text' is an object, not a string", "{\"text\": {\"a\": 1}, \"b\": 2}");
        assertBad("'text' is an array, not a string", "{\"text\": []}");
        assertBad("'text' is a boolean, not a string", "{\"text\": false}");
        assertBad("lone surrogate \\ud800 at char 1 of 'text'", "{\"text\": \"a\\ud800\"}");
        assertBad("malformed record: not a JSON object", "[{\"text\": \"a\"}]");
        assertBad("malformed record: more than one JSON value on the line", "{\"text\": \"a\"} {}");
        assertEquals(JsonLine.MALFORMED, scan("{\"text\": \"a").kind());
        assertEquals("invalid UTF-8 at byte 10",
                JsonLine.scan(new byte[] {'{', '"', 't', 'e', 'x', 't', '"', ':', ' ', '"', (byte) 0xFF, '"', '}'}, "text")
                        .reason());
    }
}
