package org.tempora.classical;

import java.util.stream.IntStream;

/** Splits a plane's work (its rows, columns or values) into one contiguous band per core when the plane is large enough. */
final class Bands {
    /**
     * Below this many pixels the work is too small to be worth splitting over threads. 2^14 rather than the 2^16 it was:
     * the kernel estimate's 0.5 level of a 640x360 photo (a plane of about 300x160) then runs on both cores, and the
     * whole estimate alone took 0.49 instead of 0.55 s (warm, alternating).
     */
    static final long PARALLEL_THRESHOLD = 1 << 14;

    /** Work on the indices from (inclusive) to (exclusive) of one band. */
    @FunctionalInterface
    interface Range {
        void apply(int from, int to);
    }

    private final int chunks;

    /** Bands for a plane of this many pixels. */
    Bands(long pixels) {
        this.chunks = pixels >= PARALLEL_THRESHOLD ? Math.max(1, Runtime.getRuntime().availableProcessors()) : 1;
    }

    /** Runs {@code body} over 0..n-1, one band per core, and returns when all are done. */
    void run(int n, Range body) {
        if (chunks == 1 || n < chunks) {
            body.apply(0, n);
            return;
        }
        IntStream.range(0, chunks).parallel().forEach(c -> body.apply((int) ((long) n * c / chunks), (int) ((long) n * (c + 1) / chunks)));
    }
}
