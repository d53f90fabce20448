package dev.zhnorm.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** BENCHMARKS.md's command-line table says what {@code /usr/bin/time} can tell, not a false zero. */
class ReportFootprintTest {
    @Test
    void aRunUnderTheTimersTenMillisecondsReadsAsUnderTenNotZero(@TempDir Path dir) throws IOException {
        Path results = Files.writeString(dir.resolve("results.json"), "[]");
        Path footprint = Files.writeString(dir.resolve("footprint.json"), """
                {"rows": [
                  {"subject": "zhnorm (./zhnorm launcher)", "command": "c", "input": "1 KB", "bytes": 999, "runs": 20,
                   "wallMedianSeconds": 0.1550, "cpuMedianSeconds": 0.2000, "rssMedianKb": 48268, "rssMaxKb": 49116},
                  {"subject": "opencc 1.1.5", "command": "o", "input": "1 KB", "bytes": 999, "runs": 20,
                   "wallMedianSeconds": 0.0, "cpuMedianSeconds": 0.0, "rssMedianKb": 5478, "rssMaxKb": 5497}
                ]}
                """);
        Path out = dir.resolve("BENCHMARKS.md");
        Report.main(new String[] {"--results", results.toString(), "--footprint", footprint.toString(),
                "--out", out.toString()});
        String md = Files.readString(out, StandardCharsets.UTF_8);
        assertTrue(md.contains("| opencc 1.1.5 | 1 KB | 20 | < 10 ms | < 10 ms |"), md);
        assertTrue(md.contains("| zhnorm (./zhnorm launcher) | 1 KB | 20 | 155 ms | 200 ms |"), md);
        assertFalse(md.contains("0.000 ms"), md);
    }
}
