package org.tempora.simulate;

/** Translating an image plane by a sub-pixel amount, as a separable interpolation filter. */
final class SubpixelShift {
    private SubpixelShift() {}

    /**
     * Adds to {@code acc} (outW x outH) the plane {@code src} (srcW x srcH) sampled at
     * (X + srcX, Y + srcY) for every output pixel (X, Y). A pure translation uses the same tap weights
     * at every pixel, so the 2-D filter separates into a row pass and a column pass.
     *
     * @param rows scratch of at least outW * (outH + taps - 1) values
     * @throws IllegalArgumentException if a tap would read outside {@code src}
     */
    static void accumulate(float[] src, int srcW, int srcH, double srcX, double srcY, Resampling resampling,
                           double[] acc, int outW, int outH, double[] rows) {
        int ix = (int) Math.floor(srcX);
        int iy = (int) Math.floor(srcY);
        double[] wx = resampling.weights(srcX - ix);
        double[] wy = resampling.weights(srcY - iy);
        int taps = wx.length;
        int x0 = ix + resampling.firstTap();
        int y0 = iy + resampling.firstTap();
        int rowCount = outH + taps - 1;
        if (x0 < 0 || y0 < 0 || x0 + outW + taps - 1 > srcW || y0 + rowCount > srcH) {
            throw new IllegalArgumentException("shift (" + srcX + ", " + srcY + ") of a " + outW + "x" + outH
                    + " window reads outside the " + srcW + "x" + srcH + " image");
        }
        for (int r = 0; r < rowCount; r++) {
            int srcRow = (y0 + r) * srcW + x0;
            int dst = r * outW;
            for (int X = 0; X < outW; X++) rows[dst + X] = 0;
            for (int k = 0; k < taps; k++) {
                double w = wx[k];
                if (w == 0) continue;
                int s = srcRow + k;
                for (int X = 0; X < outW; X++) rows[dst + X] += w * src[s + X];
            }
        }
        for (int Y = 0; Y < outH; Y++) {
            int dst = Y * outW;
            for (int k = 0; k < taps; k++) {
                double w = wy[k];
                if (w == 0) continue;
                int s = (Y + k) * outW;
                for (int X = 0; X < outW; X++) acc[dst + X] += w * rows[s + X];
            }
        }
    }
}
