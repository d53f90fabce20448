package dev.zhnorm.internal.normalize;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads {@code golden-cases.tsv}: category, input, expected, note (options, then "; remark"). */
final class GoldenTable {
    record Case(int line, String category, String input, String expected, String options, String remark) {
        String name() {
            String shown = input.length() > 40 ? input.substring(0, 40) + "…" : input;
            return category + " " + shown.replace("\n", "⏎").replace("\r", "␍") + (options.isEmpty() ? "" : " [" + options + "]")
                    + " (line " + line + ")";
        }
    }

    private GoldenTable() {
    }

    static List<Case> load() {
        String resource = "golden-cases.tsv";
        try (InputStream in = GoldenTable.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<Case> cases = new ArrayList<>();
            String line;
            int number = 0;
            boolean header = true;
            while ((line = r.readLine()) != null) {
                number++;
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (f.length != 4) {
                    throw new IllegalStateException(resource + ":" + number + ": expected 4 columns, got " + f.length);
                }
                String note = f[3];
                int semi = note.indexOf(';');
                String options = semi < 0 ? note : note.substring(0, semi);
                String remark = semi < 0 ? "" : note.substring(semi + 1).trim();
                cases.add(new Case(number, f[0], unescape(f[1]), unescape(f[2]), options.trim(), remark));
            }
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String unescape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            char e = s.charAt(++i);
            switch (e) {
                case 't' -> sb.append('\t');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case '\\' -> sb.append('\\');
                case 'u' -> {
                    sb.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> throw new IllegalArgumentException("bad escape \\" + e + " in " + s);
            }
        }
        return sb.toString();
    }
}
