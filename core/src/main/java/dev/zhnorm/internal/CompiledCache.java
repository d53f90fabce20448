package dev.zhnorm.internal;

import dev.zhnorm.dict.Dictionary;
import dev.zhnorm.dict.DictionaryEntry;
import dev.zhnorm.dict.DictionaryGroup;
import dev.zhnorm.dict.TextDictionary;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * A per-user folder of compiled dictionaries, so that an OpenCC config read at run time (its text
 * dictionaries parsed and flattened anew on every run) compiles each table once: the file of a table
 * is named by a SHA-256 of everything the compiled form depends on (the entries and names of every
 * dictionary in it, the group policies, the purpose, and the compiler's and format's versions), so a
 * changed dictionary gets a new file and a stale one is never read.
 *
 * <p>Safe when several processes share the folder: a table is written to a temporary file and
 * renamed into place atomically, so a reader sees a whole file or none. A file that does not
 * validate (wrong magic, version or key, bad length or checksum, unreadable payload) is ignored, the
 * table is compiled, and the file is replaced. When the folder cannot be created or written, tables
 * are compiled as if there were no cache.
 *
 * <p>The folder is {@code $ZHNORM_CACHE_DIR} or the system property {@code zhnorm.cache.dir} if set
 * ({@code off} disables the cache), else {@code $XDG_CACHE_HOME/zhnorm}, else
 * {@code ~/.cache/zhnorm}. Immutable and thread-safe.
 */
public final class CompiledCache {
    /**
     * Bump whenever compiling the same entries would give different arrays (flattening, entry
     * filtering, trie layout): old files then no longer match any key.
     */
    static final int COMPILER_VERSION = 2;
    private static final int MAGIC = 0x5A48_4E43; // "ZHNC"
    private static final int LAYOUT_VERSION = 1;
    private static final String SUFFIX = ".zhc";

    private final Path folder;

    /** @param folder the cache folder, or null for no cache */
    public CompiledCache(Path folder) {
        this.folder = folder;
    }

    /** @return the cache the environment asks for (see the class comment), possibly none */
    public static CompiledCache standard() {
        return Standard.INSTANCE;
    }

    private static final class Standard {
        static final CompiledCache INSTANCE = new CompiledCache(folderFrom(System.getenv(),
                System.getProperty("zhnorm.cache.dir"), System.getProperty("user.home")));
    }

    /** @return the folder the settings name, or null when the cache is off or no folder is known */
    static Path folderFrom(Map<String, String> env, String property, String home) {
        String explicit = property != null ? property : env.get("ZHNORM_CACHE_DIR");
        if (explicit != null) {
            return explicit.isBlank() || explicit.equals("off") ? null : Path.of(explicit);
        }
        String xdg = env.get("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "zhnorm");
        }
        return home == null || home.isBlank() ? null : Path.of(home, ".cache", "zhnorm");
    }

    /** @return the folder, when there is a cache */
    public Optional<Path> folder() {
        return Optional.ofNullable(folder);
    }

    /**
     * The compiled form of {@code d}: read from the cache when a valid file is there, else compiled
     * (and stored, when the folder can be written).
     */
    public CompiledDictionary compile(Dictionary d, CompiledDictionary.Purpose purpose) {
        if (folder == null) {
            return compileNow(d, purpose);
        }
        String key = key(d, purpose);
        Path file = folder.resolve(key + SUFFIX);
        CompiledDictionary cached = read(file, key);
        if (cached != null) {
            return cached;
        }
        CompiledDictionary compiled = compileNow(d, purpose);
        write(file, key, compiled);
        return compiled;
    }

    private static CompiledDictionary compileNow(Dictionary d, CompiledDictionary.Purpose purpose) {
        return CompiledDictionary.compile(d.name(), DictionaryFlattener.flatten(d), purpose);
    }

    /** @return the hex SHA-256 of everything the compiled form of {@code d} depends on */
    static String key(Dictionary d, CompiledDictionary.Purpose purpose) {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
        Hasher h = new Hasher(md);
        h.add("zhnorm compiled " + COMPILER_VERSION + " " + CompiledDictionaryCodec.FORMAT_VERSION + " " + purpose);
        digest(h, d);
        h.flush();
        return HexFormat.of().formatHex(md.digest());
    }

    private static void digest(Hasher h, Dictionary d) {
        if (d instanceof DictionaryGroup g) {
            h.add("\u0001group " + g.policy() + " " + g.children().size());
            for (Dictionary child : g.children()) {
                digest(h, child);
            }
            h.add("\u0002");
        } else {
            TextDictionary t = (TextDictionary) d;
            h.add("\u0003text " + t.name() + " " + t.size());
            for (DictionaryEntry e : t.entries()) {
                h.add(e.key());
                for (String v : e.values()) {
                    h.add('\t');
                    h.add(v);
                }
                h.add('\n');
            }
        }
    }

    /** Feeds chars as UTF-16 code units through one buffer: no allocation per entry. */
    private static final class Hasher {
        private final MessageDigest md;
        private final byte[] buf = new byte[1 << 13];
        private int n;

        Hasher(MessageDigest md) {
            this.md = md;
        }

        void add(char c) {
            if (n + 2 > buf.length) {
                flush();
            }
            buf[n++] = (byte) (c >>> 8);
            buf[n++] = (byte) c;
        }

        void add(String s) {
            for (int i = 0; i < s.length(); i++) {
                add(s.charAt(i));
            }
        }

        void flush() {
            md.update(buf, 0, n);
            n = 0;
        }
    }

    /** @return the dictionary in {@code file}, or null when it is missing or does not validate */
    static CompiledDictionary read(Path file, String key) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException | SecurityException e) {
            // Missing, unreadable, or denied by a security manager (an OpenSearch node): no cache.
            return null;
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            if (in.readInt() != MAGIC || in.readInt() != LAYOUT_VERSION || !in.readUTF().equals(key)) {
                return null;
            }
            int length = in.readInt();
            long checksum = in.readLong();
            byte[] payload = in.readNBytes(length);
            if (length < 0 || payload.length != length || in.read() != -1) {
                return null;
            }
            CRC32 crc = new CRC32();
            crc.update(payload);
            if (crc.getValue() != checksum) {
                return null;
            }
            return CompiledDictionaryCodec.read(new DataInputStream(new ByteArrayInputStream(payload)));
        } catch (IOException | RuntimeException e) {
            return null; // a damaged file: compile instead, and replace it
        }
    }

    /** Writes {@code d} to a temporary file and renames it to {@code file}; gives up quietly on errors. */
    void write(Path file, String key, CompiledDictionary d) {
        Path tmp = null;
        try {
            Files.createDirectories(folder);
            ByteArrayOutputStream payload = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(payload)) {
                CompiledDictionaryCodec.write(d, out);
            }
            byte[] p = payload.toByteArray();
            CRC32 crc = new CRC32();
            crc.update(p);
            ByteArrayOutputStream whole = new ByteArrayOutputStream(p.length + 128);
            try (DataOutputStream out = new DataOutputStream(whole)) {
                out.writeInt(MAGIC);
                out.writeInt(LAYOUT_VERSION);
                out.writeUTF(key);
                out.writeInt(p.length);
                out.writeLong(crc.getValue());
                out.write(p);
            }
            tmp = Files.createTempFile(folder, key.substring(0, 16), ".tmp");
            Files.write(tmp, whole.toByteArray());
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException | RuntimeException e) {
            // No cache this time (read-only or full disk, a race we lost): the table was compiled anyway.
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException | SecurityException ignored) {
                    // a temporary file left behind is harmless
                }
            }
        }
    }

    @Override
    public String toString() {
        return "CompiledCache[" + (folder == null ? "off" : folder) + "]";
    }
}
