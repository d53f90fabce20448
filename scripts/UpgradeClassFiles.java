import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

/**
 * Build-time tool of the cli module (run with the JDK's source launcher, ASM on the class path):
 * rewrites the class files under a package prefix of a jar, in place, from their old class-file
 * version to Java 8's (52) with stack map frames computed.
 *
 * <p>Why: picocli is compiled for Java 5 (class-file version 49). A Java 17 JVM can neither put such
 * classes into a class-data-sharing archive nor check them with the fast split verifier, so
 * {@code ./zhnorm} loaded and verified about 180 picocli classes from the jar on every start, the
 * largest single cost of a small conversion. The rewrite changes no instruction: only the version
 * number and the frames that version requires.
 *
 * <p>Usage: {@code java -cp asm.jar scripts/UpgradeClassFiles.java JAR PREFIX...}
 * (e.g. {@code picocli/}). Fails, leaving the jar as it was, if any class cannot be rewritten.
 */
public final class UpgradeClassFiles {
    private static final int TARGET = Opcodes.V1_8;

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: UpgradeClassFiles JAR PREFIX...");
            System.exit(2);
        }
        Path jar = Path.of(args[0]);
        String[] prefixes = java.util.Arrays.copyOfRange(args, 1, args.length);
        Path tmp = jar.resolveSibling(jar.getFileName() + ".upgrading");
        int upgraded = 0;
        try (ZipFile in = new ZipFile(jar.toFile());
             URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                     ClassLoader.getPlatformClassLoader());
             OutputStream file = Files.newOutputStream(tmp);
             ZipOutputStream out = new ZipOutputStream(file)) {
            Enumeration<? extends ZipEntry> entries = in.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                byte[] bytes;
                try (InputStream s = in.getInputStream(entry)) {
                    bytes = s.readAllBytes();
                }
                if (selected(entry.getName(), prefixes)) {
                    byte[] rewritten = upgrade(bytes, loader);
                    if (rewritten != bytes) {
                        bytes = rewritten;
                        upgraded++;
                    }
                }
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTime(entry.getTime());       // keeps the jar reproducible
                out.putNextEntry(copy);
                out.write(bytes);
                out.closeEntry();
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        System.out.println("upgrade-class-files: " + upgraded + " classes of " + String.join(", ", prefixes)
                + " now class-file version " + TARGET + " in " + jar);
    }

    private static boolean selected(String name, String[] prefixes) {
        if (!name.endsWith(".class") || name.startsWith("META-INF/")) {
            return false;
        }
        for (String p : prefixes) {
            if (name.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    /** The class at version 52 with computed frames, or the same array if it is already that new. */
    private static byte[] upgrade(byte[] bytes, ClassLoader loader) {
        ClassReader reader = new ClassReader(bytes);
        int version = reader.readUnsignedShort(6);          // major version, after magic and minor
        if (version >= TARGET) {
            return bytes;
        }
        // Frames need the common superclass of two types, found by loading them from the jar itself.
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
            @Override
            protected ClassLoader getClassLoader() {
                return loader;
            }
        };
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public void visit(int v, int access, String name, String signature, String superName,
                    String[] interfaces) {
                super.visit(TARGET, access, name, signature, superName, interfaces);
            }
        }, ClassReader.SKIP_FRAMES);
        return writer.toByteArray();
    }
}
