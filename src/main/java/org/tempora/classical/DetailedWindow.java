package org.tempora.classical;

/**
 * Where a picture shows the most edges: the window of a given size with the largest sum of |grad| (L1), found with a
 * summed-area table. A uniform blur is the same everywhere, and edges are what reveal it, so the estimator, its level
 * windows and the uniformity check all work on such windows.
 */
final class DetailedWindow {
    private DetailedWindow() {}

    /**
     * Top-left corner {x, y}, in plane coordinates, of the ww x wh window with the most gradient inside the rectangle
     * (x0, y0, w, h) of a plane {@code stride} wide; positions are tried every {@code step} pixels, first best wins.
     *
     * @param excluded pixels that contribute nothing (clipped highlights), indexed like the plane; null for none
     */
    static int[] find(float[] lum, int stride, int x0, int y0, int w, int h, boolean[] excluded, int ww, int wh, int step) {
        if (ww > w || wh > h || step < 1) throw new IllegalArgumentException("a " + ww + "x" + wh + " window in a " + w + "x" + h + " rectangle, step " + step);
        double[] sat = new double[(w + 1) * (h + 1)];
        for (int y = 0; y < h; y++) {
            double row = 0;
            for (int x = 0; x < w; x++) {
                int i = (y + y0) * stride + x + x0;
                double g = 0;
                if (x + 1 < w && y + 1 < h && (excluded == null || !excluded[i])) {
                    g = Math.abs(lum[i + 1] - lum[i]) + Math.abs(lum[i + stride] - lum[i]);
                }
                row += g;
                sat[(y + 1) * (w + 1) + x + 1] = sat[y * (w + 1) + x + 1] + row;
            }
        }
        int bestX = 0, bestY = 0;
        double best = -1;
        for (int y = 0; y <= h - wh; y += step) {
            for (int x = 0; x <= w - ww; x += step) {
                double e = sat[(y + wh) * (w + 1) + x + ww] - sat[y * (w + 1) + x + ww] - sat[(y + wh) * (w + 1) + x] + sat[y * (w + 1) + x];
                if (e > best) {
                    best = e;
                    bestX = x;
                    bestY = y;
                }
            }
        }
        return new int[] {x0 + bestX, y0 + bestY};
    }
}
