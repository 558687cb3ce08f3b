package org.tempora.classical;

import java.util.ArrayList;
import java.util.List;

/**
 * Where one pyramid level of {@link KernelEstimator} is solved: an FFT plane of {@code fftWidth x fftHeight} and the
 * window {@code x, y, width, height} of the level's picture placed in it, the rest of the plane being border.
 *
 * <p>The plane is the cheapest by {@link FftSize#cost} that holds the picture plus its border, or a window of the
 * picture keeping at least {@link #KEEP_FRACTION} of it or at least {@code minPixels}: a power-of-two plane costs
 * about half a mixed-radix one per pixel, and a uniform blur is the same everywhere, so the most detailed window
 * (the most gradient energy outside clipped highlights) reveals it as well as the whole.
 */
record LevelCanvas(int fftWidth, int fftHeight, int x, int y, int width, int height) {
    /** A window may leave out this share of a small level's picture: a few border rows or columns. */
    static final double KEEP_FRACTION = 0.9;

    /**
     * @param lum       the level's picture, w x h
     * @param excluded  pixels whose gradients do not count when looking for the most detailed window (clipped), or null
     * @param gap       border the plane needs beyond the picture (kernel size and margin)
     * @param minPixels a window keeping at least this many pixels is acceptable however much it leaves out (0: none)
     */
    static LevelCanvas choose(float[] lum, int w, int h, boolean[] excluded, int gap, long minPixels) {
        List<Integer> widths = sides(w, gap), heights = sides(h, gap);
        double bestCost = Double.POSITIVE_INFINITY;
        long bestKept = -1;
        int bestW = 0, bestH = 0;
        long need = (long) Math.ceil(KEEP_FRACTION * w * h);
        if (minPixels > 0) need = Math.min(need, minPixels);
        for (int fw : widths) {
            for (int fh : heights) {
                long kept = (long) Math.min(w, fw - gap) * Math.min(h, fh - gap);
                if (kept < need) continue;
                double cost = FftSize.cost(fw, fh);
                if (cost < bestCost || (cost == bestCost && kept > bestKept)) {
                    bestCost = cost;
                    bestKept = kept;
                    bestW = fw;
                    bestH = fh;
                }
            }
        }
        int ww = Math.min(w, bestW - gap), wh = Math.min(h, bestH - gap);
        int[] at = mostDetailed(lum, w, h, excluded, ww, wh);
        return new LevelCanvas(bestW, bestH, at[0], at[1], ww, wh);
    }

    /**
     * Plane sides for a picture side n: the smallest good size holding it all, and the powers of two up to the first that
     * does, down to a window of three gaps (about three kernels, the estimator's least room).
     */
    private static List<Integer> sides(int n, int gap) {
        List<Integer> out = new ArrayList<>();
        int full = FftSize.good(n + gap);
        out.add(full);
        for (int p = FftSize.powerOfTwo(gap + 1); p <= FftSize.powerOfTwo(n + gap); p *= 2) {
            if (p != full && p - gap >= Math.min(n, 3 * gap)) out.add(p);
        }
        return out;
    }

    /** Top-left corner of the ww x wh window with the most gradient ({@link DetailedWindow}), every position tried. */
    static int[] mostDetailed(float[] lum, int w, int h, boolean[] excluded, int ww, int wh) {
        if (ww >= w && wh >= h) return new int[] {0, 0};
        return DetailedWindow.find(lum, w, 0, 0, w, h, excluded, ww, wh, 1);
    }
}
