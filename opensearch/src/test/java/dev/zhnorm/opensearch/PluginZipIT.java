package dev.zhnorm.opensearch;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.opensearch.bootstrap.JarHell;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.net.URL;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

/**
 * Checks the installable zip that {@code mvn package} built (run by failsafe in {@code mvn verify}):
 * the descriptor OpenSearch reads, the policy, exactly the jars the plugin needs and none that
 * OpenSearch ships itself, and no class in two jars (OpenSearch refuses such a plugin: "jar hell").
 */
public class PluginZipIT {
    /** Where the zip's jars are unpacked; deleted after each test. */
    @Rule
    public TemporaryFolder temp = new TemporaryFolder();
    private static final String VERSION = System.getProperty("project.version");

    private static Path zip() {
        Path zip = Path.of(System.getProperty("plugin.zip", "target/zhnorm-opensearch-" + VERSION + ".zip"));
        assertTrue(zip + " was not built", Files.isRegularFile(zip));
        return zip;
    }

    @Test
    public void descriptorNamesThePluginAndItsVersions() throws IOException {
        try (ZipFile z = new ZipFile(zip().toFile())) {
            ZipEntry e = z.getEntry("plugin-descriptor.properties");
            assertNotNull("plugin-descriptor.properties at the top of the zip", e);
            Properties p = new Properties();
            try (InputStream in = z.getInputStream(e)) {
                p.load(new StringReader(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            }
            assertEquals("analysis-zhnorm", p.getProperty("name"));
            assertEquals(ZhnormAnalysisPlugin.class.getName(), p.getProperty("classname"));
            assertEquals(VERSION, p.getProperty("version"));
            assertEquals(System.getProperty("opensearch.version"), p.getProperty("opensearch.version"));
            assertEquals("17", p.getProperty("java.version"));
            assertTrue(p.getProperty("description").contains("OpenSearch"));
            assertNotNull("plugin-security.policy at the top of the zip", z.getEntry("plugin-security.policy"));
        }
    }

    @Test
    public void holdsExactlyTheJarsThePluginNeeds() throws IOException {
        Set<String> jars = new TreeSet<>();
        try (ZipFile z = new ZipFile(zip().toFile())) {
            z.stream().map(ZipEntry::getName).filter(n -> n.endsWith(".jar")).forEach(jars::add);
        }
        String jackson = System.getProperty("jackson.version");
        Set<String> expected = new TreeSet<>(Set.of(
                "zhnorm-opensearch-" + VERSION + ".jar", "zhnorm-lucene-" + VERSION + ".jar", "zhnorm-core-" + VERSION + ".jar",
                "icu4j-" + System.getProperty("icu4j.version") + ".jar",
                "jackson-databind-" + jackson + ".jar", "jackson-annotations-" + jackson + ".jar",
                // core's document formats (Markdown, HTML), loaded only when a document asks for them
                "commonmark-" + System.getProperty("commonmark.version") + ".jar",
                "commonmark-ext-footnotes-" + System.getProperty("commonmark.version") + ".jar",
                "commonmark-ext-gfm-strikethrough-" + System.getProperty("commonmark.version") + ".jar",
                "commonmark-ext-gfm-tables-" + System.getProperty("commonmark.version") + ".jar",
                "commonmark-ext-yaml-front-matter-" + System.getProperty("commonmark.version") + ".jar",
                "jsoup-" + System.getProperty("jsoup.version") + ".jar"));
        assertEquals(expected, jars);
    }

    @Test
    public void noClassInTwoJarsAndNoneOfOpenSearchsOwn() throws IOException {
        Map<String, String> owner = new HashMap<>();
        boolean pluginClassFound = false;
        try (ZipFile z = new ZipFile(zip().toFile())) {
            for (ZipEntry e : z.stream().filter(e -> e.getName().endsWith(".jar")).toList()) {
                try (JarInputStream jar = new JarInputStream(z.getInputStream(e))) {
                    for (JarEntry c; (c = jar.getNextJarEntry()) != null; ) {
                        String name = c.getName();
                        if (!name.endsWith(".class") || name.startsWith("META-INF/") || name.equals("module-info.class")) {
                            continue; // multi-release variants and module descriptors repeat on purpose
                        }
                        String before = owner.put(name, e.getName());
                        assertTrue(name + " is in " + before + " and " + e.getName(), before == null);
                        assertTrue(name + " (" + e.getName() + ") belongs to OpenSearch's own class path",
                                !name.startsWith("org/opensearch/") && !name.startsWith("org/apache/lucene/")
                                        && !name.startsWith("com/fasterxml/jackson/core/"));
                        pluginClassFound |= name.equals("dev/zhnorm/opensearch/ZhnormAnalysisPlugin.class");
                    }
                }
            }
        }
        assertTrue("the plugin class is in the zip", pluginClassFound);
        assertTrue("zhnorm-core's compiled dictionaries are in the zip", owner.containsKey("dev/zhnorm/Converter.class"));
    }

    /**
     * The check {@code opensearch-plugin install} makes: OpenSearch's jar hell check over the plugin's
     * jars together with OpenSearch's own class path (here: this JVM's class path without zhnorm and
     * the libraries the zip brings).
     */
    @Test
    public void passesOpenSearchsJarHellCheckAgainstItsClassPath() throws Exception {
        Path dir = temp.newFolder("zhnorm-plugin").toPath();
        Set<URL> urls = new LinkedHashSet<>();
        Set<String> brought = new TreeSet<>();
        try (ZipFile z = new ZipFile(zip().toFile())) {
            for (ZipEntry e : z.stream().filter(e -> e.getName().endsWith(".jar")).toList()) {
                Path jar = dir.resolve(e.getName());
                try (InputStream in = z.getInputStream(e)) {
                    Files.copy(in, jar);
                }
                urls.add(jar.toUri().toURL());
                brought.add(e.getName());
            }
        }
        int server = 0;
        for (URL u : JarHell.parseClassPath()) {
            String name = Path.of(u.toURI()).getFileName().toString();
            // This JVM's class path also holds the libraries the zip brings (and zhnorm's own
            // modules as folders): the rest stands for OpenSearch's class path.
            if (name.endsWith(".jar") && !name.startsWith("zhnorm-") && !brought.contains(name)) {
                urls.add(u);
                server += name.startsWith("opensearch-") || name.startsWith("lucene-core-") ? 1 : 0;
            }
        }
        assertTrue("OpenSearch's jars are on the class path", server >= 2);
        JarHell.checkJarHell(urls, message -> { });
    }
}
