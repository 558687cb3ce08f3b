package org.tempora.classical;

/** Transform lengths the mixed-radix FFT handles fastest: even numbers with no prime factor above 5. */
final class FftSize {
    private FftSize() {}

    /**
     * Relative cost per pixel of a 2-D transform with a side that is not a power of two: JTransforms runs powers of two
     * by split radix and other lengths by its slower mixed-radix code (measured 2-D, forward and inverse, per pixel:
     * 512x512 about 17 ns, 512x384 22, 600x360 28).
     */
    static final double MIXED_RADIX_COST = 0.33;

    /** Smallest even 2^a 3^b 5^c that is at least {@code n} (and at least 2). */
    static int good(int n) {
        int m = Math.max(2, n + (n & 1));
        while (!smooth(m)) m += 2;
        return m;
    }

    /** Smallest power of two that is at least {@code n} (and at least 2). */
    static int powerOfTwo(int n) {
        return Math.max(2, Integer.highestOneBit(Math.max(1, n - 1)) << 1);
    }

    static boolean isPowerOfTwo(int n) { return n > 0 && (n & (n - 1)) == 0; }

    /** Estimated time of one 2-D transform of a width x height plane, in units of a power-of-two pixel. */
    static double cost(int width, int height) {
        double perPixel = 1 + (isPowerOfTwo(width) ? 0 : MIXED_RADIX_COST) + (isPowerOfTwo(height) ? 0 : MIXED_RADIX_COST);
        return (double) width * height * perPixel;
    }

    /**
     * The cheapest plane by {@link #cost} holding at least {@code minWidth x minHeight}, {width, height}: each side the
     * smallest {@link #good} size or the smallest power of two (a larger border is harmless to every user).
     */
    static int[] plane(int minWidth, int minHeight) {
        int[] ws = {good(minWidth), powerOfTwo(minWidth)}, hs = {good(minHeight), powerOfTwo(minHeight)};
        int[] best = {ws[0], hs[0]};
        for (int w : ws) {
            for (int h : hs) if (cost(w, h) < cost(best[0], best[1])) best = new int[] {w, h};
        }
        return best;
    }

    private static boolean smooth(int m) {
        for (int p : new int[] {2, 3, 5}) {
            while (m % p == 0) m /= p;
        }
        return m == 1;
    }
}
