package dev.zhnorm.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.attribute.FileTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes the unified diff ({@code diff -u}, three lines of context) of a text and its converted form,
 * with {@code --- NAME}/{@code +++ NAME} headers so that {@code patch -p0} applies it. As GNU diff
 * does, a TAB ends each name (then the original's modification time, where there is one), so that a
 * name with spaces is read whole; a name with a quote, backslash or control character is quoted C-style
 * ({@link FileNames#quoted(String)}), which patch reads back. The headers and the lines may go to
 * writers of different encodings: names are the file system's, lines the file's own.
 *
 * <p>Conversion and normalization never join or split lines, so line {@code i} of the output is the
 * transformed line {@code i} of the input and the diff pairs them directly: linear time, and the
 * natural diff a reader expects. Should the line counts ever differ, the common first and last
 * lines are kept and everything between is one change: still a correct patch.
 *
 * <pre>{@code
 * UnifiedDiff.write("a.txt", "2024-05-01 10:00:00.000000000 +0800", "頭髮\n", "头发\n", out, out);
 * // --- a.txt<TAB>2024-05-01 10:00:00.000000000 +0800
 * // +++ a.txt<TAB>2024-05-01 10:00:00.000000000 +0800
 * // @@ -1 +1 @@
 * // -頭髮
 * // +头发
 * }</pre>
 */
final class UnifiedDiff {
    private static final int CONTEXT = 3;
    /** GNU diff's time stamp: {@code 2024-05-01 10:00:00.123456789 +0800}. */
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.nnnnnnnnn xx",
            Locale.ROOT);

    private UnifiedDiff() {
    }

    /**
     * @param modified a file's last modification
     * @return it as GNU diff writes it in a header, in the local time zone
     */
    static String stamp(FileTime modified) {
        return STAMP.format(modified.toInstant().atZone(ZoneId.systemDefault()));
    }

    /**
     * @param name the file name for the headers
     * @param stamp the original's modification time for the headers ({@link #stamp}), or null (standard input)
     * @param before the original text
     * @param after the converted text
     * @param headers where the two header lines go (flushed before any other line is written)
     * @param out where the hunks go; nothing is written to either when the texts are equal
     * @throws IOException when writing fails
     */
    static void write(String name, String stamp, String before, String after, Writer headers, Writer out)
            throws IOException {
        if (before.equals(after)) {
            return;
        }
        List<String> a = lines(before);
        List<String> b = lines(after);
        // Pairs of [first line, end line) in a and b that differ, in order.
        List<int[]> changes = new ArrayList<>();
        if (a.size() == b.size()) {
            for (int i = 0; i < a.size(); i++) {
                if (!a.get(i).equals(b.get(i))) {
                    int j = i;
                    while (j < a.size() && !a.get(j).equals(b.get(j))) {
                        j++;
                    }
                    changes.add(new int[] {i, j, i, j});
                    i = j;
                }
            }
        } else {
            int prefix = 0;
            while (prefix < a.size() && prefix < b.size() && a.get(prefix).equals(b.get(prefix))) {
                prefix++;
            }
            int suffix = 0;
            while (suffix < a.size() - prefix && suffix < b.size() - prefix
                    && a.get(a.size() - 1 - suffix).equals(b.get(b.size() - 1 - suffix))) {
                suffix++;
            }
            changes.add(new int[] {prefix, a.size() - suffix, prefix, b.size() - suffix});
        }
        String header = FileNames.quoted(name) + "\t" + (stamp == null ? "" : stamp) + "\n";
        headers.write("--- " + header);
        headers.write("+++ " + header);
        headers.flush();
        int k = 0;
        while (k < changes.size()) {
            int last = k;
            while (last + 1 < changes.size() && changes.get(last + 1)[0] - changes.get(last)[1] <= 2 * CONTEXT) {
                last++;
            }
            writeHunk(a, b, changes.subList(k, last + 1), out);
            k = last + 1;
        }
    }

    private static void writeHunk(List<String> a, List<String> b, List<int[]> changes, Writer out) throws IOException {
        int[] first = changes.get(0);
        int[] lastChange = changes.get(changes.size() - 1);
        int aStart = Math.max(0, first[0] - CONTEXT);
        int bStart = Math.max(0, first[2] - CONTEXT);
        int aEnd = Math.min(a.size(), lastChange[1] + CONTEXT);
        int bEnd = Math.min(b.size(), lastChange[3] + CONTEXT);
        out.write("@@ -" + range(aStart, aEnd - aStart) + " +" + range(bStart, bEnd - bStart) + " @@\n");
        int ai = aStart;
        int bi = bStart;
        for (int[] c : changes) {
            while (ai < c[0]) {
                line(' ', a.get(ai++), out);
                bi++;
            }
            while (ai < c[1]) {
                line('-', a.get(ai++), out);
            }
            while (bi < c[3]) {
                line('+', b.get(bi++), out);
            }
        }
        while (ai < aEnd) {
            line(' ', a.get(ai++), out);
        }
    }

    private static String range(int start, int count) {
        if (count == 1) {
            return String.valueOf(start + 1);
        }
        // diff -u names the line before an empty range.
        return String.format(Locale.ROOT, "%d,%d", count == 0 ? start : start + 1, count);
    }

    private static void line(char tag, String line, Writer out) throws IOException {
        out.write(tag);
        if (line.endsWith("\n")) {
            out.write(line);
        } else {
            out.write(line);
            out.write("\n\\ No newline at end of file\n");
        }
    }

    /** Splits after each {@code \n}, keeping terminators ({@code \r\n} stays in the line). */
    static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lines.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return lines;
    }
}
