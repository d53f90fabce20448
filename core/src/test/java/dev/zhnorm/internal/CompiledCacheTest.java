package dev.zhnorm.internal;

import dev.zhnorm.dict.Dictionary;
import dev.zhnorm.dict.DictionaryGroup;
import dev.zhnorm.dict.MatchPolicy;
import dev.zhnorm.dict.TextDictionary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The per-user cache of compiled dictionaries: hits equal compiling, damage and races are harmless. */
class CompiledCacheTest {
    @TempDir
    Path dir;

    private static Dictionary sample() {
        Map<String, String> phrases = Map.of("頭髮", "头发", "乾燥", "干燥");
        Map<String, String> chars = Map.of("頭", "头", "髮", "发", "乾", "干", "燥", "燥", "漢", "汉");
        return new DictionaryGroup(MatchPolicy.SHORT_CIRCUIT,
                List.of(TextDictionary.of("P.txt", phrases), TextDictionary.of("C.txt", chars)));
    }

    private static CompiledDictionary fresh(Dictionary d) {
        return CompiledDictionary.compile(d.name(), DictionaryFlattener.flatten(d), CompiledDictionary.Purpose.CONVERSION);
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }

    @Test
    void aHitEqualsCompilingAndConvertsTheSame() throws IOException {
        CompiledCache cache = new CompiledCache(dir);
        Dictionary d = sample();
        CompiledDictionary first = cache.compile(d, CompiledDictionary.Purpose.CONVERSION);
        assertEquals(1, files().size());
        Path file = files().get(0);
        assertNotNull(CompiledCache.read(file, CompiledCache.key(d, CompiledDictionary.Purpose.CONVERSION)));
        CompiledDictionary hit = cache.compile(d, CompiledDictionary.Purpose.CONVERSION);
        assertEquals(fresh(d), first);
        assertEquals(fresh(d), hit);
        Pipeline a = new Pipeline(null, List.of(), null, List.of(fresh(d)));
        Pipeline b = new Pipeline(null, List.of(), null, List.of(hit));
        assertEquals(Driver.apply(a, "漢字頭髮乾燥"), Driver.apply(b, "漢字頭髮乾燥"));
        assertEquals("汉字头发干燥", Driver.apply(b, "漢字頭髮乾燥"));
    }

    @Test
    void theKeyFollowsContentPurposeAndStructure() {
        Dictionary d = sample();
        String k = CompiledCache.key(d, CompiledDictionary.Purpose.CONVERSION);
        assertEquals(k, CompiledCache.key(sample(), CompiledDictionary.Purpose.CONVERSION));
        assertNotEquals(k, CompiledCache.key(d, CompiledDictionary.Purpose.SEGMENTATION));
        Dictionary changed = new DictionaryGroup(MatchPolicy.SHORT_CIRCUIT, List.of(
                TextDictionary.of("P.txt", Map.of("頭髮", "头发", "乾燥", "乾燥")),
                ((DictionaryGroup) d).children().get(1)));
        assertNotEquals(k, CompiledCache.key(changed, CompiledDictionary.Purpose.CONVERSION));
        Dictionary union = new DictionaryGroup(MatchPolicy.UNION, ((DictionaryGroup) d).children());
        assertNotEquals(k, CompiledCache.key(union, CompiledDictionary.Purpose.CONVERSION));
    }

    @Test
    void corruptOrTruncatedFilesAreRecompiledAndReplaced() throws IOException {
        CompiledCache cache = new CompiledCache(dir);
        Dictionary d = sample();
        String key = CompiledCache.key(d, CompiledDictionary.Purpose.CONVERSION);
        cache.compile(d, CompiledDictionary.Purpose.CONVERSION);
        Path file = files().get(0);
        byte[] good = Files.readAllBytes(file);
        List<byte[]> damaged = new ArrayList<>();
        damaged.add(new byte[0]);
        damaged.add(java.util.Arrays.copyOf(good, good.length / 2));
        damaged.add(java.util.Arrays.copyOf(good, good.length - 1));
        byte[] flipped = good.clone();
        flipped[flipped.length - 7] ^= 0x40;
        damaged.add(flipped);
        byte[] longer = java.util.Arrays.copyOf(good, good.length + 3);
        damaged.add(longer);
        byte[] badLength = good.clone();
        int lengthAt = 4 + 4 + 2 + key.length();
        badLength[lengthAt] = (byte) 0x80; // a negative payload length
        damaged.add(badLength);
        for (byte[] bytes : damaged) {
            Files.write(file, bytes);
            assertNull(CompiledCache.read(file, key), "damaged file of " + bytes.length + " bytes read as valid");
            assertEquals(fresh(d), cache.compile(d, CompiledDictionary.Purpose.CONVERSION));
            assertTrue(java.util.Arrays.equals(good, Files.readAllBytes(file)), "the file was replaced");
        }
        // A valid file under another key is not taken for this one.
        Files.write(file, good);
        assertNull(CompiledCache.read(file, "0".repeat(64)));
    }

    @Test
    void concurrentWritersLeaveOneValidFile() throws Exception {
        Dictionary d = sample();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<CompiledDictionary>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                CompiledCache cache = new CompiledCache(dir); // as separate processes would
                results.add(pool.submit(() -> {
                    start.await();
                    return cache.compile(d, CompiledDictionary.Purpose.CONVERSION);
                }));
            }
            start.countDown();
            for (Future<CompiledDictionary> f : results) {
                assertEquals(fresh(d), f.get());
            }
        } finally {
            pool.shutdown();
        }
        List<Path> left = files();
        assertEquals(1, left.size(), "temporary files left: " + left);
        assertNotNull(CompiledCache.read(left.get(0), CompiledCache.key(d, CompiledDictionary.Purpose.CONVERSION)));
    }

    @Test
    void anUnwritableFolderMeansNoCacheNotAnError() throws IOException {
        Path notAFolder = Files.writeString(dir.resolve("file"), "x");
        CompiledCache cache = new CompiledCache(notAFolder.resolve("sub"));
        assertEquals(fresh(sample()), cache.compile(sample(), CompiledDictionary.Purpose.CONVERSION));
        assertEquals(fresh(sample()), new CompiledCache(null).compile(sample(), CompiledDictionary.Purpose.CONVERSION));
    }

    @Test
    void theFolderComesFromTheEnvironment() {
        assertEquals(Path.of("/c/zhnorm"), CompiledCache.folderFrom(Map.of("XDG_CACHE_HOME", "/c"), null, "/home/u"));
        assertEquals(Path.of("/home/u/.cache/zhnorm"), CompiledCache.folderFrom(Map.of(), null, "/home/u"));
        assertEquals(Path.of("/x"), CompiledCache.folderFrom(Map.of("ZHNORM_CACHE_DIR", "/x", "XDG_CACHE_HOME", "/c"), null, "/h"));
        assertEquals(Path.of("/p"), CompiledCache.folderFrom(Map.of("ZHNORM_CACHE_DIR", "/x"), "/p", "/h"));
        assertNull(CompiledCache.folderFrom(Map.of("ZHNORM_CACHE_DIR", "off"), null, "/h"));
        assertNull(CompiledCache.folderFrom(Map.of(), null, null));
    }
}
