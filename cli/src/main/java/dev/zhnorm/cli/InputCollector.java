package dev.zhnorm.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Turns the FILES operands into the inputs, checking all of them before any work starts so that a
 * typo in the last name does not leave half of the output written: no operand (or {@code -}) is
 * standard input, a directory needs {@code -r}, and with {@code -r} a directory stands for its
 * regular files in sorted order, hidden ones (starting with {@code .}) and hidden folders left out,
 * filtered by the {@code --include} globs.
 *
 * <pre>{@code
 * InputCollector.collect(List.of("docs"), true, List.of("*.md"));  // docs/a.md, docs/sub/b.md
 * InputCollector.collect(List.of(), false, List.of());              // [<stdin>]
 * }</pre>
 *
 * <p>A glob without {@code /} matches file names ({@code *.txt}); one with {@code /} matches the path
 * relative to the directory operand ({@code chapters/*.txt}, {@code **}{@code /*.md}).
 */
final class InputCollector {
    private InputCollector() {
    }

    static List<Input> collect(List<String> operands, boolean recursive, List<String> includes) {
        if (operands.isEmpty()) {
            return List.of(Input.stdin());
        }
        List<PathMatcher> nameGlobs = new ArrayList<>();
        List<PathMatcher> pathGlobs = new ArrayList<>();
        for (String glob : includes) {
            try {
                PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + glob);
                (glob.contains("/") ? pathGlobs : nameGlobs).add(m);
            } catch (IllegalArgumentException e) {
                throw new CommandFailure(ExitCodes.USAGE, "bad --include glob '" + glob + "': " + e.getMessage());
            }
        }
        List<Input> inputs = new ArrayList<>();
        for (String operand : operands) {
            if (operand.equals("-")) {
                inputs.add(Input.stdin());
                continue;
            }
            Path p = Path.of(operand);
            if (Files.isDirectory(p)) {
                if (!recursive) {
                    throw new CommandFailure(ExitCodes.USAGE,
                            operand + ": is a directory; use -r to process the files under it");
                }
                walk(p, nameGlobs, pathGlobs, inputs);
            } else if (Files.isRegularFile(p)) {
                inputs.add(Input.file(p, false));
            } else if (Files.exists(p)) {
                inputs.add(Input.file(p, false)); // a named pipe or device: read it as a stream
            } else {
                throw new CommandFailure(ExitCodes.INPUT, operand + ": no such file or directory");
            }
        }
        long stdinCount = inputs.stream().filter(Input::isStdin).count();
        if (stdinCount > 1) {
            throw new CommandFailure(ExitCodes.USAGE, "standard input (-) can be named only once");
        }
        return inputs;
    }

    private static void walk(Path root, List<PathMatcher> nameGlobs, List<PathMatcher> pathGlobs, List<Input> out) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.filter(p -> !isHiddenBelow(root, p))
                    .filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) || isLinkToFile(p))
                    .filter(p -> included(root.relativize(p), nameGlobs, pathGlobs))
                    .sorted()
                    .forEach(p -> out.add(Input.file(p, true)));
        } catch (IOException | UncheckedIOException e) {
            IOException cause = e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
            throw new CommandFailure(ExitCodes.INPUT, IoMessages.describe(cause), cause);
        }
    }

    private static boolean isLinkToFile(Path p) {
        return Files.isSymbolicLink(p) && Files.isRegularFile(p);
    }

    private static boolean isHiddenBelow(Path root, Path p) {
        for (Path part : root.relativize(p)) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static boolean included(Path relative, List<PathMatcher> nameGlobs, List<PathMatcher> pathGlobs) {
        if (nameGlobs.isEmpty() && pathGlobs.isEmpty()) {
            return true;
        }
        Path name = relative.getFileName();
        return nameGlobs.stream().anyMatch(m -> m.matches(name)) || pathGlobs.stream().anyMatch(m -> m.matches(relative));
    }
}
