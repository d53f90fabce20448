package dev.zhnorm.cli;

import dev.zhnorm.Change;
import dev.zhnorm.Explanation;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

/**
 * The {@code --explain} formats: one record per change with the file, the 1-based line where the
 * change starts, input and output offsets (UTF-16 code units of the decoded text, end exclusive), the
 * text before and after, and the rule or dictionary that made it.
 *
 * <pre>{@code
 * // tsv: a header line, then tab-separated fields; tab, newline, CR and backslash escaped as \t \n \r \\
 * file    line    input_start  input_end  output_start  output_end  before  after  rule
 * a.txt   1       0            2          0             2           頭髮    头发    ts = ...
 * // json: one JSON object per line (JSON Lines)
 * {"file":"a.txt","line":1,"input_start":0,"input_end":2,"output_start":0,"output_end":2,"before":"頭髮","after":"头发","rule":"ts = ..."}
 * }</pre>
 */
enum ExplainFormat {
    /** Tab-separated values with a header line. */
    TSV,
    /** JSON Lines: one object per change. */
    JSON;

    /**
     * @param out where the header goes, once per run, just before the first line of the first input explained
     * @throws IOException when writing fails
     */
    void writeHeader(Writer out) throws IOException {
        if (this == TSV) {
            out.write("file\tline\tinput_start\tinput_end\toutput_start\toutput_end\tbefore\tafter\trule\n");
        }
    }

    /**
     * Names what was decided for one input before its records: the document format and the spacing
     * (spec S8). TSV: a line {@code # FILE: format markdown, spacing pangu (auto: …)}; JSON: an object
     * with {@code file} and {@code decision} and no {@code rule}.
     *
     * @param file the input's name
     * @param decision e.g. {@code format markdown, spacing pangu (auto: 9 of 10 Han-word boundaries spaced)}
     * @param out where it goes
     * @throws IOException when writing fails
     */
    void writeDecision(String file, String decision, Writer out) throws IOException {
        StringBuilder sb = new StringBuilder(128);
        if (this == TSV) {
            sb.append("# ");
            tsv(sb, file).append(": ");
            tsv(sb, decision).append('\n');
        } else {
            sb.append("{\"file\":");
            json(sb, file).append(",\"decision\":");
            json(sb, decision).append("}\n");
        }
        out.append(sb);
    }

    /**
     * @param file the input's name
     * @param e the explanation of its whole text
     * @param out where the records go
     * @throws IOException when writing fails
     */
    void write(String file, Explanation e, Writer out) throws IOException {
        String input = e.input();
        int line = 1;
        int scanned = 0;
        StringBuilder sb = new StringBuilder(256);
        for (Change c : e.changes()) {
            while (scanned < c.inputStart()) {
                if (input.charAt(scanned++) == '\n') {
                    line++;
                }
            }
            sb.setLength(0);
            if (this == TSV) {
                tsv(sb, file).append('\t').append(line).append('\t').append(c.inputStart()).append('\t')
                        .append(c.inputEnd()).append('\t').append(c.outputStart()).append('\t').append(c.outputEnd())
                        .append('\t');
                tsv(sb, c.before()).append('\t');
                tsv(sb, c.after()).append('\t');
                tsv(sb, c.rule()).append('\n');
            } else {
                sb.append("{\"file\":");
                json(sb, file).append(",\"line\":").append(line)
                        .append(",\"input_start\":").append(c.inputStart())
                        .append(",\"input_end\":").append(c.inputEnd())
                        .append(",\"output_start\":").append(c.outputStart())
                        .append(",\"output_end\":").append(c.outputEnd())
                        .append(",\"before\":");
                json(sb, c.before()).append(",\"after\":");
                json(sb, c.after()).append(",\"rule\":");
                json(sb, c.rule()).append("}\n");
            }
            out.append(sb);
        }
    }

    private static StringBuilder tsv(StringBuilder sb, String s) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '\t' -> sb.append("\\t");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\\' -> sb.append("\\\\");
                default -> {
                    if (ch < 0x20 || ch == 0x7F) {
                        // Another control char (an escape sequence in a file name or a removed C0 char)
                        // as an octal escape: raw, it would recolour a terminal or split a tool's field.
                        sb.append(String.format(Locale.ROOT, "\\%03o", (int) ch));
                    } else {
                        sb.append(ch);
                    }
                }
            }
        }
        return sb;
    }

    private static StringBuilder json(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (ch < 0x20 || Character.isSurrogate(ch) && !validPairAt(s, i)) {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
                    } else {
                        sb.append(ch);
                    }
                }
            }
        }
        return sb.append('"');
    }

    private static boolean validPairAt(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }
}
