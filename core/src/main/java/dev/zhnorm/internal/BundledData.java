package dev.zhnorm.internal;

import dev.zhnorm.Preset;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The compiled bundled data at run time. Each stage is read from the jar on first use and then
 * shared by every preset that uses it; each preset's pipeline is built once. The caches only
 * memoize immutable values, so concurrent first uses at worst read a table twice.
 */
public final class BundledData {
    private static final String DIR = "/dev/zhnorm/data/";
    private static final Map<String, CompiledDictionary> STAGES = new ConcurrentHashMap<>();
    private static final Map<Preset, Pipeline> PIPELINES = new ConcurrentHashMap<>();

    private BundledData() {
    }

    static String resourceName(String stageId) {
        return stageId + ".bin";
    }

    /** @return the preset's pipeline, loading its stages on first use */
    public static Pipeline pipeline(Preset preset) {
        Pipeline p = PIPELINES.get(preset);
        if (p == null) {
            p = build(BundledPlans.plan(preset));
            Pipeline prev = PIPELINES.putIfAbsent(preset, p);
            if (prev != null) {
                p = prev;
            }
        }
        return p;
    }

    private static Pipeline build(BundledPlans.Plan plan) {
        List<CompiledDictionary> norm = new ArrayList<>();
        plan.normalization().forEach(id -> norm.add(stage(id)));
        List<CompiledDictionary> chain = new ArrayList<>();
        plan.chain().forEach(id -> chain.add(stage(id)));
        String seg = plan.segmentation();
        // Loaded when a run first segments (stage caches it): a fused one only for a full explanation.
        return new Pipeline(null, norm, seg == null ? null : () -> stage(seg), chain, plan.fusedSegmentation());
    }

    /** @return a bundled stage by id */
    public static CompiledDictionary stage(String id) {
        CompiledDictionary d = STAGES.get(id);
        if (d == null) {
            d = read(id);
            CompiledDictionary prev = STAGES.putIfAbsent(id, d);
            if (prev != null) {
                d = prev;
            }
        }
        return d;
    }

    private static CompiledDictionary read(String id) {
        String resource = DIR + resourceName(id);
        try (InputStream raw = BundledData.class.getResourceAsStream(resource)) {
            if (raw == null) {
                throw new IllegalStateException("bundled data " + resource + " is missing from the class path; "
                        + "zhnorm-core must be built with Maven, which compiles it (process-classes)");
            }
            return CompiledDictionaryCodec.read(new DataInputStream(new BufferedInputStream(raw, 1 << 16)));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read bundled data " + resource + ": " + e.getMessage(), e);
        }
    }
}
