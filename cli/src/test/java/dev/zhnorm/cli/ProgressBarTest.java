package dev.zhnorm.cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The progress line, drawn by the test's own hand at times it chooses on a clock it sets: no sleeping. */
class ProgressBarTest {
    /** A redraw schedule and clock the test drives. */
    private static final class Hand {
        final List<Runnable> draws = new ArrayList<>();
        long nanos;
        boolean closed;

        ProgressBar.Redraws start(Runnable draw) {
            draws.add(draw);
            return () -> closed = true;
        }

        void drawAt(long seconds) {
            nanos = seconds * 1_000_000_000L;
            draws.forEach(Runnable::run);
        }
    }

    private static ProgressBar bar(StringWriter err, Hand hand, long total, int files) {
        return new ProgressBar(new PrintWriter(err), total, files, hand::start, () -> hand.nanos);
    }

    @Test
    void drawsOnATerminalAndErasesItselfAtTheEnd() {
        StringWriter err = new StringWriter();
        Hand hand = new Hand();
        try (ProgressBar bar = bar(err, hand, 4L << 20, 3)) {
            bar.addBytes(1L << 20);
            bar.fileDone();
            hand.drawAt(2);
        }
        String shown = err.toString();
        assertEquals("\r[######..................]  25% 1.0 MiB of 4.0 MiB, 512 KiB/s, 1 of 3 files\u001B[K\r\u001B[K", shown);
        assertTrue(hand.closed, "closing the bar stops the redraws");
    }

    @Test
    void staysSilentWhenDisabledOrNeverDrawn() {
        StringWriter err = new StringWriter();
        try (ProgressBar bar = ProgressBar.start(new PrintWriter(err), false, 100, 1)) {
            bar.addBytes(50);
        }
        Hand hand = new Hand();
        try (ProgressBar bar = bar(err, hand, 100, 1)) {
            bar.addBytes(100); // done before the first draw: nothing to erase either
        }
        assertEquals("", err.toString());
    }

    @Test
    void unknownSizeShowsBytesReadAndNothingAfterClose() {
        StringWriter err = new StringWriter();
        Hand hand = new Hand();
        ProgressBar bar = bar(err, hand, -1, 1);
        bar.addBytes(3L << 20);
        hand.drawAt(3);
        bar.close();
        hand.drawAt(4); // a late timer tick after close draws nothing
        assertEquals("\r3.0 MiB read, 1.0 MiB/s\u001B[K\r\u001B[K", err.toString());
    }
}
