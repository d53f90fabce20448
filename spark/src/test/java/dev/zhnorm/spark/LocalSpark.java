package dev.zhnorm.spark;

import org.apache.spark.sql.SparkSession;

/**
 * The local Spark session of the tests: two threads, zhnorm's SQL functions, no UI, few shuffle
 * partitions. One per test JVM, shared by the test classes (starting Spark costs seconds); Spark's
 * own shutdown hook stops it.
 */
final class LocalSpark {
    private LocalSpark() {
    }

    static SparkSession session() {
        return SparkSession.builder()
                .master("local[2]")
                .appName("zhnorm-spark tests")
                .config("spark.sql.extensions", ZhnormExtensions.class.getName())
                .config("spark.ui.enabled", "false")
                // A compile error in generated code must fail the test, not fall back to eval().
                .config("spark.sql.codegen.fallback", "false")
                .config("spark.sql.shuffle.partitions", "2")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.sql.session.timeZone", "UTC")
                .getOrCreate();
    }
}
