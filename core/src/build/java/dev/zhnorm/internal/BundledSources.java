package dev.zhnorm.internal;

import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.UTF16;
import dev.zhnorm.dict.Dictionary;
import dev.zhnorm.dict.DictionaryEntry;
import dev.zhnorm.dict.DictionaryGroup;
import dev.zhnorm.dict.MatchPolicy;
import dev.zhnorm.dict.TextDictionary;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The source dictionaries of the bundled presets, used at build time by {@link BundledDataCompiler}:
 * OpenCC's dictionaries from the OpenCC4j jar (resources {@code data/dictionary/*.txt}), the tables
 * derived from them the way OpenCC's data scripts derive theirs, the CJK compatibility ideographs
 * from Unicode data through ICU4J, and zhnorm's own dictionaries (resources {@code dev/zhnorm/dict}).
 */
public final class BundledSources {
    private static final String JAR_DIR = "data/dictionary/";
    private static final String OWN_DIR = "dev/zhnorm/dict/";

    private final ClassLoader loader;
    private final Map<String, TextDictionary> cache = new ConcurrentHashMap<>();

    public BundledSources(ClassLoader loader) {
        this.loader = loader;
    }

    /** Computes a dictionary once; derivations call each other, so no computeIfAbsent here. */
    private TextDictionary memo(String key, Function<String, TextDictionary> compute) {
        TextDictionary d = cache.get(key);
        if (d == null) {
            d = compute.apply(key);
            TextDictionary prev = cache.putIfAbsent(key, d);
            if (prev != null) {
                d = prev;
            }
        }
        return d;
    }

    /** A derived dictionary computed once per source set, e.g. from several stages. */
    public TextDictionary memoized(String key, Supplier<TextDictionary> compute) {
        return memo(key, k -> compute.get());
    }

    /** An OpenCC dictionary exactly as the OpenCC4j jar ships it, e.g. {@code STPhrases}. */
    public TextDictionary jar(String name) {
        return memo("jar:" + name, k -> readJar(name));
    }

    /** One of zhnorm's own dictionaries, e.g. {@code tw-variants-rev-phrases.txt}; strict OpenCC format. */
    public TextDictionary own(String file) {
        return memo("own:" + file, k -> {
            // Class#getResourceAsStream: dev/zhnorm/dict is a package of this module, whose resources
            // a class loader will not hand out to others when zhnorm runs as a named module.
            try (InputStream in = BundledSources.class.getResourceAsStream("/" + OWN_DIR + file)) {
                if (in == null) {
                    throw new IllegalStateException("resource not found: " + OWN_DIR + file);
                }
                return TextDictionary.parse(new InputStreamReader(in, StandardCharsets.UTF_8), file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * Taiwan variants keyed by OpenCC-standard Traditional. The OpenCC4j jar's {@code TWVariants.txt}
     * is keyed by Simplified characters (伪 偽, 里 裡, 面 麵), while OpenCC applies the table to
     * OpenCC-standard Traditional (僞 偽, 裏 裡, 麪 麵). Each jar key is mapped through STCharacters:
     * every standard form other than the Simplified key itself becomes a key (里 → 裏, not 里, which
     * stays 里 in Taiwan), the key itself only when it has no other form (着 → 著); identities are
     * dropped.
     */
    public TextDictionary twVariants() {
        return memo("derived:TWVariants", k -> {
            TextDictionary st = jar("STCharacters");
            Map<String, List<String>> map = new LinkedHashMap<>();
            for (DictionaryEntry e : jar("TWVariants").entries()) {
                List<String> forms = st.get(e.key()).map(DictionaryEntry::values).orElse(List.of(e.key()));
                List<String> others = forms.stream().filter(f -> !f.equals(e.key())).toList();
                for (String std : others.isEmpty() ? List.of(e.key()) : others) {
                    if (!std.equals(e.value())) {
                        map.putIfAbsent(std, List.of(e.value()));
                    }
                }
            }
            return dictionary("TWVariants (OpenCC4j, re-keyed)", map);
        });
    }

    /**
     * Taiwan phrases keyed by OpenCC-standard Traditional: the jar's {@code TWPhrases.txt} is keyed by
     * Simplified phrases (鼠标 滑鼠); each key is converted with s2t's dictionaries (鼠標 滑鼠).
     */
    public TextDictionary twPhrases() {
        return memo("derived:TWPhrases", k -> {
            CompiledDictionary s2t = CompiledDictionary.compile("s2t",
                    DictionaryFlattener.flatten(group(MatchPolicy.SHORT_CIRCUIT, jar("STPhrases"), jar("STCharacters"))),
                    CompiledDictionary.Purpose.CONVERSION);
            Map<String, List<String>> map = new LinkedHashMap<>();
            for (DictionaryEntry e : jar("TWPhrases").entries()) {
                char[] a = e.key().toCharArray();
                CharBuf out = new CharBuf(a.length * 2);
                s2t.convert(a, 0, a.length, true, out);
                map.putIfAbsent(out.toString(), e.values());
            }
            return dictionary("TWPhrases (OpenCC4j, re-keyed)", map);
        });
    }

    /** The reverse of a dictionary, as OpenCC derives {@code *Rev.txt} files. */
    public TextDictionary reversed(TextDictionary d, String name) {
        return memo("rev:" + name, k -> reverse(d, name));
    }

    /**
     * The reverse dictionary, derived as OpenCC's data scripts derive {@code *Rev.txt} files: every
     * value of every entry becomes a key whose values are the original keys, in order of first
     * appearance. Entries are visited in code point order (OpenCC sorts UTF-8 bytes), so the result
     * does not depend on file order; {@code 着 著} reversed is {@code 著 着}.
     */
    static TextDictionary reverse(TextDictionary d, String name) {
        Comparator<String> byCodePoint = new UTF16.StringComparator(true, false, 0);
        Map<String, List<String>> rev = new TreeMap<>(byCodePoint);
        d.entries().stream().sorted(Comparator.comparing(DictionaryEntry::key, byCodePoint)).forEach(e -> {
            for (String v : e.values()) {
                List<String> keys = rev.computeIfAbsent(v, k -> new ArrayList<>());
                if (!keys.contains(e.key())) {
                    keys.add(e.key());
                }
            }
        });
        List<DictionaryEntry> list = new ArrayList<>(rev.size());
        rev.forEach((key, values) -> list.add(new DictionaryEntry(key, values)));
        return TextDictionary.of(name, list);
    }

    /**
     * CJK compatibility ideographs (U+F900–FAFF, U+2F800–2FA1F) to their canonical unified
     * ideographs, from ICU4J's canonical decompositions: OpenCC's normalization stage.
     */
    public TextDictionary cjkCompatibilityIdeographs() {
        return memo("icu:cjk", k -> {
            Normalizer2 nfc = Normalizer2.getNFCInstance();
            Map<String, List<String>> map = new LinkedHashMap<>();
            int[][] ranges = {{0xF900, 0xFAFF}, {0x2F800, 0x2FA1F}};
            for (int[] range : ranges) {
                for (int cp = range[0]; cp <= range[1]; cp++) {
                    String s = new String(Character.toChars(cp));
                    String n = nfc.normalize(s);
                    if (!n.equals(s)) {
                        map.put(s, List.of(n));
                    }
                }
            }
            return dictionary("CJK compatibility ideographs (ICU4J)", map);
        });
    }

    /** @return a group of the given dictionaries */
    public static Dictionary group(MatchPolicy policy, Dictionary... members) {
        return new DictionaryGroup(policy, List.of(members));
    }

    private static TextDictionary dictionary(String name, Map<String, List<String>> map) {
        List<DictionaryEntry> list = new ArrayList<>(map.size());
        map.forEach((k, v) -> list.add(new DictionaryEntry(k, v)));
        return TextDictionary.of(name, list);
    }

    /**
     * Reads a jar dictionary leniently: the OpenCC4j copies separate key and values by a tab in most
     * files but by a space in {@code TWVariants.txt} and {@code TWPhrases.txt}, end lines with CRLF,
     * and may end without a newline. A repeated key keeps its first entry.
     */
    private TextDictionary readJar(String name) {
        String file = name + ".txt";
        Map<String, List<String>> map = new LinkedHashMap<>();
        Map<String, Integer> firstLine = new HashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(open(JAR_DIR + file), StandardCharsets.UTF_8))) {
            String line;
            int lineNo = 0;
            while ((line = r.readLine()) != null) {
                lineNo++;
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                int sep = line.indexOf('\t');
                if (sep < 0) {
                    sep = line.indexOf(' ');
                }
                if (sep <= 0) {
                    throw new IllegalStateException(file + ":" + lineNo + ": no separator in '" + line + "'");
                }
                String key = line.substring(0, sep);
                List<String> values = List.of(line.substring(sep + 1).strip().split("[ \t]+"));
                if (firstLine.putIfAbsent(key, lineNo) == null) {
                    map.put(key, values);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dictionary(file, map);
    }

    private InputStream open(String resource) {
        InputStream in = loader.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("resource not found on the class path: " + resource
                    + (resource.startsWith(JAR_DIR) ? " (is com.github.houbb:opencc4j on the class path?)" : ""));
        }
        return in;
    }
}
