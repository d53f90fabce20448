package dev.zhnorm.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zhnorm.Converter;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * This module runs zhnorm-core on Spark's Jackson (2.15; core is built with 2.20): core's OpenCC config
 * reading must work on it, and Spark's Jackson users (jackson-module-scala) must still start.
 */
class SparkJacksonTest {
    @Test
    void theClassPathHasSparksJackson() {
        assertEquals(2, com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.getMajorVersion());
        assertEquals(15, com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.getMinorVersion());
        // Spark's JSON schema parsing goes through jackson-module-scala, which refuses other minors.
        assertEquals(DataTypes.StringType, DataType.fromJson("\"string\""));
        new ObjectMapper().registerModule(com.fasterxml.jackson.module.scala.DefaultScalaModule$.MODULE$);
    }

    @Test
    void coreReadsAnOpenccConfigWithCommentsAndTrailingCommas(@TempDir Path dir) throws IOException {
        Files.write(dir.resolve("chars.txt"), List.of("漢\t汉", "髮\t发 髮"), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("mini.json"), String.join("\n",
                "{",
                "  // a comment: core enables Jackson's comment and trailing-comma features",
                "  \"name\": \"mini\",",
                "  \"segmentation\": {\"type\": \"mmseg\", \"dict\": {\"type\": \"text\", \"file\": \"chars.txt\"}},",
                "  \"conversion_chain\": [{\"dict\": {\"type\": \"text\", \"file\": \"chars.txt\"}},],",
                "}"), StandardCharsets.UTF_8);
        Converter c = Converter.fromOpenccConfig(dir.resolve("mini.json"));
        assertEquals("汉发", c.convert("漢髮"));
    }
}
