package org.tempora.classical;

/**
 * Embeds a w x h plane in a larger W x H plane for FFT work and takes it back out. The picture sits at
 * (offsetX, offsetY); the border is filled either by replicating edges (exact 'same' convolution) or by
 * a smooth periodic bridge between opposite edges, so circular deconvolution does not see a jump at the
 * wrap-around (the idea of Liu & Jia 2008, "Reducing boundary artifacts in image deconvolution").
 */
final class BorderPadding {
    private BorderPadding() {}

    /** Copies the picture into {@code dst} at the offset and replicates its edges over the rest. */
    static void replicate(float[] src, int w, int h, float[] dst, int W, int H, int offsetX, int offsetY) {
        for (int y = 0; y < H; y++) {
            int sy = Math.min(h - 1, Math.max(0, y - offsetY));
            int srow = sy * w, drow = y * W;
            for (int x = 0; x < W; x++) {
                int sx = Math.min(w - 1, Math.max(0, x - offsetX));
                dst[drow + x] = src[srow + sx];
            }
        }
    }

    /**
     * Copies the picture in and fills the border with a raised-cosine blend from each edge to the opposite
     * one (through the wrap-around), first along rows, then along whole columns: the result is continuous
     * and periodic. Edge values are averaged over a few pixels so single noisy pixels do not become streaks.
     */
    static void smoothPeriodic(float[] src, int w, int h, float[] dst, int W, int H, int offsetX, int offsetY) {
        int gapX = W - w, gapY = H - h;
        for (int y = 0; y < h; y++) {
            int drow = (y + offsetY) * W;
            System.arraycopy(src, y * w, dst, drow + offsetX, w);
            if (gapX == 0) continue;
            float right = edgeMean(dst, drow + offsetX + w - 1, -1, Math.min(3, w));
            float left = edgeMean(dst, drow + offsetX, 1, Math.min(3, w));
            for (int t = 0; t < gapX; t++) {
                double s = 0.5 - 0.5 * Math.cos(Math.PI * (t + 1) / (gapX + 1));
                dst[drow + (offsetX + w + t) % W] = (float) (right + (left - right) * s);
            }
        }
        if (gapY == 0) return;
        for (int x = 0; x < W; x++) {
            float bottom = edgeMean(dst, (offsetY + h - 1) * W + x, -W, Math.min(3, h));
            float top = edgeMean(dst, offsetY * W + x, W, Math.min(3, h));
            for (int t = 0; t < gapY; t++) {
                double s = 0.5 - 0.5 * Math.cos(Math.PI * (t + 1) / (gapY + 1));
                dst[((offsetY + h + t) % H) * W + x] = (float) (bottom + (top - bottom) * s);
            }
        }
    }

    private static float edgeMean(float[] a, int start, int step, int n) {
        float s = 0;
        for (int i = 0; i < n; i++) s += a[start + i * step];
        return s / n;
    }

    /** Copies the w x h picture at the offset out of the padded plane. */
    static void crop(float[] padded, int W, int offsetX, int offsetY, float[] dst, int w, int h) {
        for (int y = 0; y < h; y++) System.arraycopy(padded, (y + offsetY) * W + offsetX, dst, y * w, w);
    }

    /** True where (x, y) of the padded plane lies inside the picture. */
    static boolean inside(int x, int y, int w, int h, int offsetX, int offsetY) {
        return x >= offsetX && x < offsetX + w && y >= offsetY && y < offsetY + h;
    }
}
