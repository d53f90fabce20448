package dev.zhnorm.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Opens the jars the build made (core's and the command line's, with their {@code -sources} and
 * {@code -javadoc} jars, and the runnable {@code zhnorm.jar}) and checks what a release ships: the
 * licence and the notice crediting OpenCC's dictionaries in every jar, core's module descriptor and
 * compiled tables, and none of the build-time code or source dictionaries.
 */
class ReleaseJarsIT {
    /** Classes that only compile the bundled data at build time ({@code core/src/build/java}). */
    private static final List<String> BUILD_TIME_CLASSES = List.of("BundledDataCompiler", "BundledSources", "BundledStages");
    /** Every bundled stage table (see BundledPlans). */
    private static final List<String> STAGES = List.of("cjk-compat", "st", "st-seg", "ts", "ts-seg", "tw", "tw-rev",
            "twp", "twp-rev", "hk", "hk-rev", "hkp", "hkp-rev", "jp", "jp-rev", "t2cn-variants", "t2cn-simplify");

    private static final Path ROOT = Path.of(System.getProperty("zhnorm.root", ".."));
    private static final String VERSION = System.getProperty("zhnorm.version", "0.1.0-SNAPSHOT");
    private static final boolean JAVADOC_SKIPPED = "true".equals(System.getProperty("zhnorm.javadoc.skip"));
    private static final boolean SOURCES_SKIPPED = "true".equals(System.getProperty("zhnorm.source.skip"));

    private static Path built(String module, String file) {
        Path p = ROOT.resolve(module).resolve("target").resolve(file);
        assertTrue(Files.isRegularFile(p), "the build made " + p.toAbsolutePath().normalize());
        return p;
    }

    private static List<Path> everyJar() {
        List<Path> jars = new ArrayList<>();
        for (String module : List.of("core", "cli")) {
            String base = "zhnorm-" + module + "-" + VERSION;
            jars.add(built(module, base + ".jar"));
            if (!SOURCES_SKIPPED) {
                jars.add(built(module, base + "-sources.jar"));
            }
            if (!JAVADOC_SKIPPED) {
                jars.add(built(module, base + "-javadoc.jar"));
            }
        }
        jars.add(built("cli", "zhnorm.jar"));
        return jars;
    }

    @Test
    void everyJarHasTheLicenceAndTheNoticeCreditingOpencc() throws IOException {
        byte[] licence = Files.readAllBytes(ROOT.resolve("LICENSE"));
        assertTrue(new String(licence, StandardCharsets.UTF_8).contains("Apache License")
                && new String(licence, StandardCharsets.UTF_8).contains("Version 2.0, January 2004"), "LICENSE is Apache-2.0");
        for (Path jar : everyJar()) {
            try (JarFile j = new JarFile(jar.toFile())) {
                assertArrayEquals(licence, read(j, "META-INF/LICENSE", jar), jar + ": META-INF/LICENSE is the repository's LICENSE");
                String notice = new String(read(j, "META-INF/NOTICE", jar), StandardCharsets.UTF_8);
                for (String credit : List.of("OpenCC", "https://github.com/BYVoid/OpenCC", "OpenCC4j", "Apache License, Version 2.0")) {
                    assertTrue(notice.contains(credit), jar + ": META-INF/NOTICE names " + credit + ":\n" + notice);
                }
            }
        }
    }

    @Test
    void coreJarIsTheModuleWithItsCompiledTablesAndNoBuildTimeCode() throws IOException {
        Path jar = built("core", "zhnorm-core-" + VERSION + ".jar");
        try (JarFile j = new JarFile(jar.toFile())) {
            Set<String> names = names(j);
            assertTrue(names.contains("module-info.class"), "core is the named module dev.zhnorm");
            for (String stage : STAGES) {
                assertTrue(names.contains("dev/zhnorm/data/" + stage + ".bin"), "compiled table " + stage);
            }
            assertNoBuildTimeContent(jar, names);
            assertTrue(names.stream().noneMatch(n -> n.endsWith("Test.class") || n.endsWith("IT.class")), "no tests");
        }
    }

    @Test
    void runnableJarHasNoBuildTimeCodeNorForeignModuleDescriptors() throws IOException {
        Path jar = built("cli", "zhnorm.jar");
        try (JarFile j = new JarFile(jar.toFile())) {
            Set<String> names = names(j);
            assertTrue(names.contains("dev/zhnorm/cli/Main.class") && names.contains("dev/zhnorm/data/ts.bin"),
                    "the command and core's tables");
            assertTrue(names.stream().noneMatch(n -> n.endsWith("module-info.class")), "one class-path jar, no module descriptors");
            assertNoBuildTimeContent(jar, names);
        }
    }

    @Test
    void sourcesJarsHoldRuntimeSourcesOnly() throws IOException {
        if (SOURCES_SKIPPED) {
            return;
        }
        Path jar = built("core", "zhnorm-core-" + VERSION + "-sources.jar");
        try (JarFile j = new JarFile(jar.toFile())) {
            Set<String> names = names(j);
            assertTrue(names.contains("module-info.java") && names.contains("dev/zhnorm/Converter.java"), "core's sources");
            assertTrue(names.stream().noneMatch(n -> BUILD_TIME_CLASSES.stream().anyMatch(c -> n.endsWith("/" + c + ".java"))),
                    "no build-time sources: " + names);
        }
    }

    /**
     * The class-data-sharing archive the build made beside zhnorm.jar maps, with the collector the
     * launcher uses: {@code -Xshare:on} makes the JVM stop instead of starting without it.
     */
    @Test
    void classDataSharingArchiveMapsWithTheLaunchersCollector() throws Exception {
        Path archive = ROOT.resolve("cli/target/zhnorm.jsa");
        assumeTrue(Files.isRegularFile(archive), "skipped: this JVM made no class-data-sharing archive (see the build log)");
        Path jar = built("cli", "zhnorm.jar");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-XX:SharedArchiveFile=" + archive, "-Xshare:on", "-jar", jar.toString(), "--version")
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the JVM finished");
        assertEquals(0, p.exitValue(), output);
        assertTrue(output.startsWith("zhnorm "), output);
        String launcher = Files.readString(ROOT.resolve("zhnorm"), StandardCharsets.UTF_8);
        assertTrue(launcher.contains("-XX:+UseSerialGC") && launcher.contains("-XX:SharedArchiveFile="),
                "./zhnorm starts with the archive and the collector it was made with");
    }

    private static void assertNoBuildTimeContent(Path jar, Set<String> names) {
        for (String c : BUILD_TIME_CLASSES) {
            assertTrue(names.stream().noneMatch(n -> n.startsWith("dev/zhnorm/internal/" + c)), jar + " holds build-time class " + c);
        }
        List<String> sources = names.stream().filter(n -> n.startsWith("dev/zhnorm/dict/") && n.endsWith(".txt")).toList();
        assertEquals(List.of(), sources, jar + " holds source dictionaries");
        assertTrue(names.stream().noneMatch(n -> n.startsWith("data/dictionary/")), jar + " holds OpenCC4j's text dictionaries");
    }

    private static Set<String> names(JarFile j) {
        Set<String> names = new TreeSet<>();
        for (JarEntry e : (Iterable<JarEntry>) j.stream()::iterator) {
            names.add(e.getName());
        }
        return names;
    }

    private static byte[] read(JarFile j, String name, Path jar) throws IOException {
        JarEntry e = j.getJarEntry(name);
        assertNotNull(e, jar + " lacks " + name + "; it has " + Arrays.toString(names(j).stream().limit(20).toArray()));
        try (InputStream in = j.getInputStream(e)) {
            return in.readAllBytes();
        }
    }
}
