package dev.zhnorm.cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProgressBarTest {
    @Test
    void drawsOnATerminalAndErasesItselfAtTheEnd() throws InterruptedException {
        StringWriter err = new StringWriter();
        try (ProgressBar bar = ProgressBar.start(new PrintWriter(err), true, 4L << 20, 3, 0)) {
            bar.addBytes(1L << 20);
            bar.fileDone();
            Thread.sleep(500);
        }
        String shown = err.toString();
        // The first draw may come before the bytes are counted; a later one shows them.
        assertTrue(shown.contains("\r[######..................]  25% 1.0 MiB of 4.0 MiB, "), shown);
        assertTrue(shown.contains(", 1 of 3 files"), shown);
        assertTrue(shown.endsWith("\r\u001B[K"), shown);
    }

    @Test
    void staysSilentWhenDisabledOrForShortJobs() throws InterruptedException {
        StringWriter err = new StringWriter();
        try (ProgressBar bar = ProgressBar.start(new PrintWriter(err), false, 100, 1, 0)) {
            bar.addBytes(50);
            Thread.sleep(250);
        }
        try (ProgressBar bar = ProgressBar.start(new PrintWriter(err), true, 100, 1)) {
            bar.addBytes(100); // done long before the first draw after one second
        }
        assertEquals("", err.toString());
    }

    @Test
    void unknownSizeShowsBytesRead() throws InterruptedException {
        StringWriter err = new StringWriter();
        try (ProgressBar bar = ProgressBar.start(new PrintWriter(err), true, -1, 1, 0)) {
            bar.addBytes(3L << 20);
            Thread.sleep(500);
        }
        assertTrue(err.toString().contains("\r3.0 MiB read, "), err.toString());
    }
}
