package dev.zhnorm.spark;

import org.apache.spark.sql.SparkSession;

/** A local Spark session for tests: two threads, zhnorm's SQL functions, no UI, few shuffle partitions. */
final class LocalSpark {
    private LocalSpark() {
    }

    static SparkSession start(String appName) {
        return SparkSession.builder()
                .master("local[2]")
                .appName(appName)
                .config("spark.sql.extensions", ZhnormExtensions.class.getName())
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.sql.session.timeZone", "UTC")
                .getOrCreate();
    }
}
