package dev.zhnorm.dict;


import dev.zhnorm.internal.WellFormed;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A dictionary in OpenCC's text format: one entry per line, {@code KEY<TAB>VALUE[ VALUE...]}. Lines
 * that are empty or start with {@code #} are skipped; a UTF-8 byte-order mark is ignored. Immutable
 * and thread-safe; entries keep their file order.
 *
 * <pre>{@code
 * TextDictionary d = TextDictionary.parse(new StringReader("漢\t汉\n漢字\t汉字\n"), "inline");
 * d.get("漢字");   // Optional[DictionaryEntry[key=漢字, values=[汉字]]]
 * }</pre>
 */
public final class TextDictionary implements Dictionary {
    private final String name;
    private final List<DictionaryEntry> entries;
    private final Map<String, DictionaryEntry> byKey;

    private TextDictionary(String name, List<DictionaryEntry> entries, Map<String, DictionaryEntry> byKey) {
        this.name = name;
        this.entries = entries;
        this.byKey = byKey;
    }

    /**
     * Builds a dictionary from entries; a later entry with the same key as an earlier one is rejected.
     *
     * @param name name used in explanations and errors
     * @param entries the entries in priority order
     * @return the dictionary
     * @throws IllegalArgumentException on a duplicate key
     */
    public static TextDictionary of(String name, List<DictionaryEntry> entries) {
        Map<String, DictionaryEntry> byKey = new HashMap<>(entries.size() * 2);
        for (DictionaryEntry e : entries) {
            if (byKey.putIfAbsent(e.key(), e) != null) {
                throw new IllegalArgumentException(name + ": duplicate key '" + e.key() + "'");
            }
        }
        return new TextDictionary(name, List.copyOf(entries), Collections.unmodifiableMap(byKey));
    }

    /**
     * Builds a dictionary of single-valued entries, in the map's iteration order.
     *
     * @param name name used in explanations and errors
     * @param keyToValue the mappings
     * @return the dictionary
     */
    public static TextDictionary of(String name, Map<String, String> keyToValue) {
        List<DictionaryEntry> list = new ArrayList<>(keyToValue.size());
        keyToValue.forEach((k, v) -> list.add(new DictionaryEntry(k, List.of(v))));
        return of(name, list);
    }

    /**
     * Parses OpenCC's text format strictly.
     *
     * @param reader the text; read to the end but not closed
     * @param name file name or description, used in errors
     * @return the dictionary
     * @throws DictionaryFormatException naming {@code name} and the line, on a line without a tab, an
     *     empty key or value, a lone surrogate, or a key defined twice
     */
    public static TextDictionary parse(Reader reader, String name) {
        Objects.requireNonNull(name, "name");
        BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader, 1 << 16);
        List<DictionaryEntry> entries = new ArrayList<>();
        Map<String, Integer> lineOfKey = new HashMap<>();
        Map<String, DictionaryEntry> byKey = new LinkedHashMap<>();
        int lineNo = 0;
        try {
            String line;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (lineNo == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
                    line = line.substring(1);
                }
                DictionaryEntry e = parseLine(line, name, lineNo);
                if (e == null) {
                    continue;
                }
                Integer first = lineOfKey.putIfAbsent(e.key(), lineNo);
                if (first != null) {
                    throw new DictionaryFormatException(name, lineNo,
                            "key " + quoted(e.key()) + " is already defined on line " + first);
                }
                entries.add(e);
                byKey.put(e.key(), e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(name + ": cannot read dictionary: " + e.getMessage(), e);
        }
        return new TextDictionary(name, List.copyOf(entries), Collections.unmodifiableMap(byKey));
    }

    /**
     * Reads a dictionary file in OpenCC's text format (UTF-8).
     *
     * @param file the file
     * @return the dictionary, named by the file's path
     * @throws DictionaryException when the file does not exist, is not UTF-8, or cannot be read
     * @throws DictionaryFormatException on a malformed line
     */
    public static TextDictionary load(Path file) {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (Reader r = new InputStreamReader(Files.newInputStream(file), decoder)) {
            return parse(r, file.toString());
        } catch (NoSuchFileException e) {
            throw new DictionaryException(file + ": dictionary file not found", e);
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                throw new DictionaryException(file + ": dictionary is not valid UTF-8", e);
            }
            // opened but not readable as a file (a folder): parse says so, naming the file
            throw new DictionaryException(e.getMessage(), e);
        } catch (IOException e) {
            throw new DictionaryException(file + ": cannot read dictionary: " + e.getMessage(), e);
        }
    }

    /** Parses one line; returns null for blank and comment lines. */
    static DictionaryEntry parseLine(String raw, String name, int lineNo) {
        String line = stripTrailing(raw);
        if (line.isEmpty() || line.charAt(0) == '#') {
            return null;
        }
        int tab = line.indexOf('\t');
        if (tab < 0) {
            throw new DictionaryFormatException(name, lineNo,
                    "expected KEY<TAB>VALUE[ VALUE...], found no tab in " + quoted(line));
        }
        if (tab == 0) {
            throw new DictionaryFormatException(name, lineNo, "empty key before the tab");
        }
        String key = line.substring(0, tab);
        String rest = line.substring(tab + 1);
        if (rest.isEmpty()) {
            throw new DictionaryFormatException(name, lineNo, "no value after the tab for key " + quoted(key));
        }
        if (rest.indexOf('\t') >= 0) {
            throw new DictionaryFormatException(name, lineNo,
                    "a second tab in the values of key " + quoted(key) + " (values are separated by single spaces)");
        }
        String[] values = rest.split(" ", -1);
        for (String v : values) {
            if (v.isEmpty()) {
                throw new DictionaryFormatException(name, lineNo,
                        "empty value for key " + quoted(key) + " (values are separated by single spaces)");
            }
        }
        checkWellFormed(key, name, lineNo);
        for (String v : values) {
            checkWellFormed(v, name, lineNo);
        }
        return new DictionaryEntry(key, List.of(values));
    }

    /** How much of a line or key an error message quotes, in code points: a malformed line may be megabytes long. */
    private static final int EXCERPT_CHARS = 80;

    /**
     * @return {@code s} in quotes, or its first {@link #EXCERPT_CHARS} characters (code points) and
     *     how many it has ({@code 'abc…' (200000 characters)}, the command line's form)
     */
    private static String quoted(String s) {
        int length = s.codePointCount(0, s.length());
        if (length <= EXCERPT_CHARS) {
            return "'" + s + "'";
        }
        return "'" + s.substring(0, s.offsetByCodePoints(0, EXCERPT_CHARS)) + "…' (" + length + " characters)";
    }

    private static String stripTrailing(String s) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == '\r' || s.charAt(end - 1) == ' ')) {
            end--;
        }
        return s.substring(0, end);
    }

    private static void checkWellFormed(String s, String name, int lineNo) {
        int i = WellFormed.loneSurrogate(s);
        if (i >= 0) {
            throw new DictionaryFormatException(name, lineNo,
                    String.format(Locale.ROOT, "lone surrogate U+%04X in '%s'", (int) s.charAt(i), s));
        }
    }

    @Override
    public String name() {
        return name;
    }

    /** @return the entries in file order */
    public List<DictionaryEntry> entries() {
        return entries;
    }

    /** @return the number of entries */
    public int size() {
        return entries.size();
    }

    /**
     * @param key a key
     * @return its entry, if the dictionary has one
     */
    public Optional<DictionaryEntry> get(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    @Override
    public String toString() {
        return "TextDictionary[" + name + ", " + entries.size() + " entries]";
    }
}
