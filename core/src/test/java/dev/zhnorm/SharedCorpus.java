package dev.zhnorm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The project's shared corpus ({@code ../shared/corpus} beside the repository: the reference article
 * and 左传), read in place and never copied into the repository. From the core module that is
 * {@code ../../shared/corpus}; from a git worktree one level deeper, one more level up. Tests that
 * need it are skipped, with a message, where it does not exist.
 */
public final class SharedCorpus {
    /** The reference article: a Traditional news page from a Big5 gateway of a mainland site. */
    public static final String ARTICLE = "000_f7272f80a1d8ce85.txt";
    /** 左传 in Simplified characters, 1.9 MB. */
    public static final String ZUOZHUAN = "zuozhuan.txt";
    /** 左传 in Traditional characters. */
    public static final String ZUOZHUAN_HANT = "zuozhuan.hant.txt";

    private SharedCorpus() {
    }

    private static final List<Path> PLACES = List.of(Path.of("..", "..", "shared", "corpus"),
            Path.of("..", "..", "..", "shared", "corpus"));

    /** @return whether the corpus folder is here (for tests that fall back to other text without it) */
    public static boolean isPresent() {
        return PLACES.stream().anyMatch(Files::isDirectory);
    }

    /** @return the file, after skipping the calling test when the corpus folder is absent */
    public static Path file(String name) {
        for (Path dir : PLACES) {
            if (Files.isDirectory(dir)) {
                Path file = dir.resolve(name);
                assertTrue(Files.isRegularFile(file), dir.toAbsolutePath().normalize() + " lacks " + name);
                return file;
            }
        }
        AbsenceNotice.print();
        assumeTrue(false, ABSENT);
        throw new AssertionError("unreachable");
    }

    private static final String ABSENT = "skipped: the shared corpus (../shared/corpus beside the repository: "
            + "the reference article and 左传) is not here; the tests that read it are skipped";

    /** Says once per test JVM, on standard error, why tests are skipped (surefire's summary only counts them). */
    private static final class AbsenceNotice {
        static {
            System.err.println("zhnorm tests: " + ABSENT);
        }

        static void print() {
            // the class initializer above prints, once
        }
    }

    /** @return the file's text (UTF-8), after skipping the calling test when the corpus is absent */
    public static String read(String name) {
        try {
            return Files.readString(file(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
