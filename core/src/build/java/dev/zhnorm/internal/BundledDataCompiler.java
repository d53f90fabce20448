package dev.zhnorm.internal;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * Build step (run by Maven in {@code process-classes}): compiles every bundled stage from the
 * OpenCC4j jar's dictionaries and zhnorm's own into the binary tables {@link BundledData} reads, so
 * that loading a preset at run time is a few bulk array reads instead of parsing megabytes of text.
 *
 * <p>Usage: {@code BundledDataCompiler OUTPUT_DIR}
 */
public final class BundledDataCompiler {
    private BundledDataCompiler() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: BundledDataCompiler OUTPUT_DIR");
            System.exit(2);
        }
        Path outDir = Path.of(args[0]);
        Files.createDirectories(outDir);
        BundledSources sources = new BundledSources(BundledDataCompiler.class.getClassLoader());
        long t0 = System.nanoTime();
        for (BundledStages.Stage stage : BundledStages.STAGES.values()) {
            CompiledDictionary d = BundledStages.compile(stage, sources);
            Path file = outDir.resolve(BundledData.resourceName(stage.id()));
            Path tmp = outDir.resolve(file.getFileName() + ".tmp");
            try (OutputStream os = Files.newOutputStream(tmp);
                 DataOutputStream out = new DataOutputStream(new BufferedOutputStream(os, 1 << 16))) {
                CompiledDictionaryCodec.write(d, out);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
            if (Boolean.getBoolean("zhnorm.verbose")) {
                System.out.printf(Locale.ROOT, "zhnorm data: %-14s %7d keys  %s%n", stage.id(), d.size(), d.name());
            }
        }
        System.out.printf(Locale.ROOT, "zhnorm data: %d tables compiled in %d ms (-Dzhnorm.verbose=true lists them)%n",
                BundledStages.STAGES.size(), (System.nanoTime() - t0) / 1_000_000);
    }
}
