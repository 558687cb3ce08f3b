package org.tempora.classical;

import static org.junit.jupiter.api.Assertions.*;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class BandsTest {
    /** Every index is worked on exactly once, whatever the split. */
    private static void coversOnce(Bands bands, int n) {
        AtomicIntegerArray seen = new AtomicIntegerArray(n);
        bands.run(n, (from, to) -> {
            assertTrue(0 <= from && from <= to && to <= n, from + ".." + to + " of " + n);
            for (int i = from; i < to; i++) seen.incrementAndGet(i);
        });
        for (int i = 0; i < n; i++) assertEquals(1, seen.get(i), "index " + i + " of " + n);
    }

    @Test
    void largePlanesAndSmallOnesCoverEveryIndexOnce() {
        Bands split = new Bands(Bands.PARALLEL_THRESHOLD), whole = new Bands(Bands.PARALLEL_THRESHOLD - 1);
        for (int n : new int[] {0, 1, 2, 3, 7, 257, 1000}) {
            coversOnce(split, n);
            coversOnce(whole, n);
        }
    }

    @Test
    void aSmallPlaneRunsInOneBandOnTheCallersThread() {
        Thread caller = Thread.currentThread();
        int[] calls = {0};
        new Bands(Bands.PARALLEL_THRESHOLD - 1).run(500, (from, to) -> {
            assertSame(caller, Thread.currentThread());
            assertEquals(0, from);
            assertEquals(500, to);
            calls[0]++;
        });
        assertEquals(1, calls[0]);
    }
}
