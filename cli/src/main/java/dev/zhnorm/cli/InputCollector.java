package dev.zhnorm.cli;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns the FILES operands into the inputs. Usage errors stop the command before any work starts: a
 * directory needs {@code -r}, standard input can be named once. A missing file, or a folder under
 * {@code -r} that cannot be read, becomes an input that fails when its turn comes ({@link Input#failure()}),
 * so that it is reported on one line and the other inputs are still done. No operand (or {@code -}) is
 * standard input, and with {@code -r} a directory stands for its
 * regular files in sorted order, hidden ones (starting with {@code .}) and hidden folders left out,
 * filtered by the {@code --include} patterns ({@link IncludeGlob}: gitignore-style, relative to each
 * directory given). A pattern that selects no file gets a warning. Everything {@code -r} leaves out
 * (hidden files and folders, FIFOs, sockets, devices, the links below) is said under {@code --verbose}
 * and counted, for the run's summary.
 *
 * <p>Symbolic links under a directory are followed only while they stay inside it: a link to a file
 * outside the directory given (or to a folder) is skipped, with a note under {@code --verbose}, unless
 * {@code --follow}, which follows links to files and folders anywhere (loops are skipped). A link
 * named on the command line is always followed.
 *
 * <pre>{@code
 * InputCollector.collect(List.of("docs"), true, List.of("*.md"));  // docs/a.md, docs/sub/b.md
 * InputCollector.collect(List.of(), false, List.of());              // [<stdin>]
 * }</pre>
 */
final class InputCollector {
    private InputCollector() {
    }

    /** As {@link #collect(List, boolean, List, boolean, Diagnostics)} without {@code --follow} or messages. */
    static List<Input> collect(List<String> operands, boolean recursive, List<String> includes) {
        return collect(operands, recursive, includes, false, null).inputs();
    }

    /**
     * The inputs of a command line, and how many items under its directories were left out.
     *
     * @param inputs the inputs in order
     * @param skipped hidden files and folders, special files and symbolic links skipped by {@code -r}
     *     (each said under {@code --verbose})
     */
    record Collected(List<Input> inputs, int skipped) {
    }

    /**
     * @param operands the FILE arguments
     * @param recursive {@code -r}
     * @param includes the {@code --include} patterns
     * @param follow {@code --follow}: follow symbolic links out of the directories given
     * @param diagnostics for skipped links and patterns that match nothing, or null
     * @return the inputs in order, and how many items -r skipped
     * @throws CommandFailure for a directory without -r, standard input named twice or a bad pattern (exit 2)
     */
    static Collected collect(List<String> operands, boolean recursive, List<String> includes, boolean follow,
                             Diagnostics diagnostics) {
        if (operands.isEmpty()) {
            return new Collected(List.of(Input.stdin()), 0);
        }
        int[] skipped = {0};
        List<IncludeGlob> globs = includes.stream().map(IncludeGlob::parse).toList();
        boolean[] used = new boolean[globs.size()];
        List<Input> inputs = new ArrayList<>();
        List<String> roots = new ArrayList<>();
        for (String operand : operands) {
            if (operand.isEmpty()) {
                // An unset variable ("$DIR"): the empty path is the working folder, and -r would walk it.
                throw new CommandFailure(ExitCodes.USAGE, "an empty file name (an unset variable?); name a file "
                        + "or folder, or - for standard input");
            }
            if (operand.equals("-")) {
                inputs.add(Input.stdin());
                continue;
            }
            Path p;
            try {
                p = Path.of(operand);
            } catch (InvalidPathException e) {
                // The JVM decodes arguments in the locale's charset: in the C locale a Chinese name
                // arrives with its chars lost, and no file can be named by it.
                String shown = operand.replace('\uFFFD', '?').replaceAll("[^\\x20-\\x7E]", "?");
                inputs.add(Input.failing(Path.of(shown), false, "this file name cannot be read in the locale's charset ("
                        + System.getProperty("sun.jnu.encoding") + "); run zhnorm in a UTF-8 locale, e.g. LC_ALL=C.UTF-8"));
                continue;
            }
            if (Files.isDirectory(p)) {
                if (!recursive) {
                    throw new CommandFailure(ExitCodes.USAGE,
                            FileNames.quoted(operand) + ": is a directory; use -r to process the files under it");
                }
                roots.add(operand);
                skipped[0] += walk(p, globs, used, follow, diagnostics, inputs);
            } else if (Files.exists(p)) {
                inputs.add(Input.file(p, false)); // a regular file, or a named pipe or device read as a stream
            } else if (Files.isSymbolicLink(p)) {
                inputs.add(Input.failing(p, false, "a symbolic link to nothing (its target is missing, "
                        + "or the links lead back to themselves)"));
            } else {
                inputs.add(Input.failing(p, false, "no such file or directory"));
            }
        }
        long stdinCount = inputs.stream().filter(Input::isStdin).count();
        if (stdinCount > 1) {
            throw new CommandFailure(ExitCodes.USAGE, "standard input (-) can be named only once");
        }
        if (diagnostics != null && !roots.isEmpty()) {
            for (int i = 0; i < globs.size(); i++) {
                if (!used[i]) {
                    String relative = withoutRoot(globs.get(i).text(), roots);
                    diagnostics.warn("--include '" + globs.get(i).text() + "' matches no file under "
                            + roots.stream().map(FileNames::quoted).collect(Collectors.joining(", "))
                            + " (patterns are relative to each directory given"
                            + (relative == null ? ")" : ": try '" + relative + "')"));
                }
            }
        }
        return new Collected(inputs, skipped[0]);
    }

    /** @return how many items it skipped */
    private static int walk(Path root, List<IncludeGlob> globs, boolean[] used, boolean follow,
                             Diagnostics diagnostics, List<Input> out) {
        List<Path> found = new ArrayList<>();
        Map<Path, String> problems = new HashMap<>();
        int[] skipped = {0};
        try {
            Path realRoot = root.toRealPath();
            Set<FileVisitOption> options = follow ? EnumSet.of(FileVisitOption.FOLLOW_LINKS)
                    : EnumSet.noneOf(FileVisitOption.class);
            Files.walkFileTree(root, options, Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (!dir.equals(root) && dir.getFileName().toString().startsWith(".")) {
                        skip(dir, "skipped, a hidden folder");
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    if (file.getFileName().toString().startsWith(".")) {
                        skip(file, "skipped, a hidden file");
                        return FileVisitResult.CONTINUE;
                    }
                    if (attrs.isSymbolicLink()) {
                        link(file);
                    } else if (attrs.isRegularFile()) {
                        found.add(file);
                    } else {
                        skip(file, "skipped, " + special(file) + ", not a regular file");
                    }
                    return FileVisitResult.CONTINUE;
                }

                /** Without --follow: a link to a file inside the root is taken, anything else skipped. */
                private void link(Path file) {
                    Path target;
                    try {
                        target = file.toRealPath();
                    } catch (IOException e) {
                        skip(file, "skipped, a broken symbolic link");
                        return;
                    }
                    if (Files.isDirectory(target)) {
                        skip(file, "skipped, a symbolic link to a folder (use --follow to walk it)");
                    } else if (!Files.isRegularFile(target)) {
                        skip(file, "skipped, a symbolic link to " + special(target) + ", not a regular file");
                    } else if (!target.startsWith(realRoot)) {
                        skip(file, "skipped, a symbolic link out of " + FileNames.quoted(root) + " to "
                                + FileNames.quoted(target) + " (use --follow to process it)");
                    } else {
                        found.add(file);
                    }
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    if (e instanceof FileSystemLoopException) {
                        skip(file, "skipped, a symbolic link loop");
                    } else {
                        // An unreadable folder (or a file gone meanwhile) fails alone; the rest of the tree is done.
                        String m = IoMessages.describe(e);
                        String prefix = FileNames.quoted(file) + ": ";
                        problems.put(file, m.startsWith(prefix) ? m.substring(prefix.length()) : m);
                        found.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                private void skip(Path item, String why) {
                    skipped[0]++;
                    if (diagnostics != null) {
                        diagnostics.note(FileNames.quoted(item) + ": " + why);
                    }
                }
            });
        } catch (IOException e) {
            throw new CommandFailure(ExitCodes.INPUT, IoMessages.describe(e), e);
        }
        found.sort(null);
        for (Path p : found) {
            if (problems.containsKey(p)) {
                out.add(Input.failing(p, true, problems.get(p)));
                continue;
            }
            // Relative to the directory given, as README promises: its own name is no part of the path
            // (r/a.txt under -r r would be r/r/a.txt).
            String relative = separatedBySlash(root.relativize(p));
            if (globs.isEmpty()) {
                out.add(Input.file(p, true));
                continue;
            }
            boolean any = false;
            for (int i = 0; i < globs.size(); i++) {
                if (globs.get(i).matches(relative)) {
                    used[i] = true;
                    any = true;
                }
            }
            if (any) {
                out.add(Input.file(p, true));
            }
        }
        return skipped[0];
    }

    /**
     * @return a pattern that starts with a directory given (a path from the working folder, as in
     *     {@code -r docs --include 'docs/*.md'}) as it is meant, relative to that directory
     *     ({@code /*.md}), or null
     */
    private static String withoutRoot(String pattern, List<String> roots) {
        for (String root : roots) {
            Path normal = Path.of(root).normalize();
            String prefix = (normal.isAbsolute() ? "/" : "") + separatedBySlash(normal) + "/";
            String p = pattern.startsWith("./") ? pattern.substring(2) : pattern;
            if (!prefix.equals("/") && p.startsWith(prefix) && p.length() > prefix.length()) {
                String rest = p.substring(prefix.length());
                // A slash keeps the rest anchored to the directory, as the whole pattern was; without
                // one it would match names at any depth (IncludeGlob's rule: a trailing slash does not count).
                return rest.substring(0, rest.length() - 1).contains("/") ? rest : "/" + rest;
            }
        }
        return null;
    }

    /** @return what a file that is neither regular nor a folder is, e.g. {@code a named pipe (FIFO)} */
    static String special(Path file) {
        int type;
        try {
            type = (Integer) Files.getAttribute(file, "unix:mode") & 0170000;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "a special file";
        }
        return switch (type) {
            case 0010000 -> "a named pipe (FIFO)";
            case 0140000 -> "a socket";
            case 0020000 -> "a character device";
            case 0060000 -> "a block device";
            default -> "a special file";
        };
    }

    private static String separatedBySlash(Path p) {
        StringBuilder s = new StringBuilder();
        for (Path part : p) {
            if (s.length() > 0) {
                s.append('/');
            }
            s.append(part);
        }
        return s.toString();
    }
}
