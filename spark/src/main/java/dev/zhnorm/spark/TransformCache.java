package dev.zhnorm.spark;

import dev.zhnorm.TextTransform;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The transforms of this JVM, one per {@link TransformSpec}. Spark deserializes an expression (and
 * its spec) with every task; this cache is what makes the dictionaries load and the normalizer build
 * once per executor rather than once per task. It only ever holds immutable, thread-safe values, and
 * its size is bounded by the number of distinct option combinations a job uses.
 */
final class TransformCache {
    private static final Map<TransformSpec, TextTransform> TRANSFORMS = new ConcurrentHashMap<>();

    private TransformCache() {
    }

    static TextTransform get(TransformSpec spec) {
        return TRANSFORMS.computeIfAbsent(spec, TransformSpec::build);
    }
}
