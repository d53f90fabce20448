package dev.zhnorm.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The check before an {@code --in-place} rename runs once the temporary file is closed, just before
 * the rename: closing a large file can take a while (a file system may write it out then), and a
 * check made before that close missed what was written to the target meanwhile.
 */
class AtomicReplacementTest {
    @TempDir
    Path dir;

    @Test
    void theCheckRunsAfterTheTemporaryFileIsClosedAndBeforeTheRename() throws IOException {
        Path target = dir.resolve("a.txt");
        Files.writeString(target, "old");
        TempFiles temps = TempFiles.start();
        List<String> seen = new ArrayList<>();
        try (AtomicReplacement r = AtomicReplacement.begin(target, temps, seen::add)) {
            OutputStream out = r.stream();
            out.write("new".getBytes(StandardCharsets.UTF_8));
            r.commit(() -> {
                // Closed already: the temporary file holds the whole result, and the target is as it was.
                List<Path> temp = list().stream().filter(p -> p.toString().endsWith(".zhnorm-tmp")).toList();
                assertEquals(1, temp.size());
                seen.add("checked with " + Files.readString(temp.get(0)) + " written, the target " + Files.readString(target));
            });
        }
        assertEquals(List.of("checked with new written, the target old"), seen);
        assertEquals("new", Files.readString(target));
        assertEquals(List.of(target), list());
    }

    @Test
    void aCheckThatRefusesLeavesTheTargetAndNoTemporaryFile() throws IOException {
        Path target = dir.resolve("a.txt");
        Files.writeString(target, "old");
        TempFiles temps = TempFiles.start();
        try (AtomicReplacement r = AtomicReplacement.begin(target, temps, w -> { })) {
            r.stream().write("new".getBytes(StandardCharsets.UTF_8));
            CommandFailure refused = assertThrows(CommandFailure.class, () -> r.commit(() -> {
                throw new CommandFailure(ExitCodes.INPUT, "a.txt: changed while being normalized");
            }));
            assertTrue(refused.getMessage().contains("changed while being normalized"));
        }
        assertEquals("old", Files.readString(target));
        assertEquals(List.of(target), list());
    }

    private List<Path> list() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }
}
