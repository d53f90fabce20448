package dev.zhnorm.lucene;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The project's shared corpus ({@code ../shared/corpus} beside the repository, 左传 among it), read in
 * place, as core's tests read it: from this module {@code ../../shared/corpus}, from a git worktree
 * one level deeper. Tests that need it skip with a one-line message where it does not exist.
 */
final class SharedCorpus {
    /** 左传 in Traditional characters. */
    static final String ZUOZHUAN_HANT = "zuozhuan.hant.txt";
    /** 左传 in Simplified characters. */
    static final String ZUOZHUAN = "zuozhuan.txt";
    static final String ABSENT = "skipped: the shared corpus (../shared/corpus beside the repository) is not here";

    private static final List<Path> PLACES = List.of(Path.of("..", "..", "shared", "corpus"),
            Path.of("..", "..", "..", "shared", "corpus"));

    private SharedCorpus() {
    }

    /** @return the file's text (UTF-8), or empty when the corpus folder is absent */
    static Optional<String> read(String name) throws IOException {
        for (Path dir : PLACES) {
            if (Files.isDirectory(dir)) {
                return Optional.of(Files.readString(dir.resolve(name), StandardCharsets.UTF_8));
            }
        }
        return Optional.empty();
    }
}
