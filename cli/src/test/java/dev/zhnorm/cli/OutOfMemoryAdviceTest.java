package dev.zhnorm.cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The out-of-memory line advises a heap larger than the one that ran out, and --diff/--explain only when used. */
class OutOfMemoryAdviceTest {
    private static final long MIB = 1L << 20;

    @Test
    void theAdvisedHeapIsTwiceTheOneThatRanOutRoundedUp() {
        assertEquals("2g", ZhnormCli.largerHeap(989 * MIB));            // what -Xmx1g reports with the serial collector
        assertEquals("12g", ZhnormCli.largerHeap((long) (5.7 * 1024) * MIB));
        assertEquals("64m", ZhnormCli.largerHeap(31 * MIB));
        assertEquals("384m", ZhnormCli.largerHeap(170 * MIB));
        assertEquals("1g", ZhnormCli.largerHeap(512 * MIB));
    }

    @Test
    void streamingIsSuggestedOnlyWhenDiffOrExplainWasUsed() {
        assertEquals("zhnorm: out of memory (Java heap of 5.7 GiB); give Java more with ZHNORM_JAVA_OPTS=-Xmx12g\n",
                advice((long) (5.7 * 1024) * MIB, false));
        assertEquals("zhnorm: out of memory (Java heap of 1.0 GiB); give Java more with ZHNORM_JAVA_OPTS=-Xmx2g, "
                + "or use streaming output instead of --diff/--explain\n", advice(1024 * MIB, true));
        assertTrue(ZhnormCli.holdsWholeFiles("-v", "--diff", "a.md"));
        assertTrue(ZhnormCli.holdsWholeFiles("--explain=tsv", "a.md"));
        assertFalse(ZhnormCli.holdsWholeFiles("-c", "none", "big.md"));
        assertFalse(ZhnormCli.holdsWholeFiles("--", "--diff"), "a file named --diff");
    }

    private static String advice(long heap, boolean holdsFiles) {
        StringWriter err = new StringWriter();
        assertEquals(ExitCodes.INTERNAL, ZhnormCli.outOfMemory(new PrintWriter(err), heap, holdsFiles));
        return err.toString();
    }
}
