package dev.zhnorm.internal.normalize;

import dev.zhnorm.Preset;
import dev.zhnorm.internal.BundledData;
import dev.zhnorm.internal.Pipeline;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

class ConversionStepTest {
    /**
     * The conversion step runs a line without Cleanup's trigger bit through its pipeline less the
     * normalization stages, which is the same conversion only while those stages start keys at
     * such chars alone; the step checks it at run time, and this test that the bundled data keeps
     * the fast way open.
     */
    @Test
    void bundledNormalizationStagesStartKeysOnlyAtCleanupTriggers() {
        for (Preset preset : Preset.values()) {
            Pipeline p = BundledData.pipeline(preset).forNormalization();
            assertTrue(p.everyNormalizationStarter(c -> CharClasses.triggers((char) c, CharClasses.T_CLEAN)), preset.id());
            assertTrue(p.withoutNormalization().normalization().isEmpty(), preset.id());
            assertTrue(p.withoutNormalization().chain().equals(p.chain()), preset.id());
        }
    }
}
