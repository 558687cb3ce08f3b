package org.tempora.classical;

/**
 * Clean-up and comparison of square kernels (row-major, ks x ks, centre at (ks/2, ks/2)): the projection
 * steps applied after each least-squares kernel update in blind deconvolution (non-negativity, small-value
 * threshold, connected support, unit mass, centring), trimming to the support, and aligned correlation.
 */
final class KernelOps {
    private KernelOps() {}

    /** A ks x ks kernel with all its mass at the centre. */
    static float[] delta(int ks) {
        float[] k = new float[ks * ks];
        k[(ks / 2) * ks + ks / 2] = 1;
        return k;
    }

    /** Sets negative values and values below {@code fraction} of the maximum to zero (in place). */
    static void clampAndThreshold(float[] k, double fraction) {
        float max = 0;
        for (float v : k) max = Math.max(max, v);
        float t = (float) (max * fraction);
        for (int i = 0; i < k.length; i++) if (k[i] < t || k[i] < 0) k[i] = 0;
    }

    /** Scales to unit sum (in place); a kernel with no positive mass becomes a delta. */
    static void normalise(float[] k, int ks) {
        double s = 0;
        for (float v : k) s += v;
        if (!(s > 0)) {
            System.arraycopy(delta(ks), 0, k, 0, k.length);
            return;
        }
        float inv = (float) (1 / s);
        for (int i = 0; i < k.length; i++) k[i] *= inv;
    }

    /**
     * Keeps the 8-connected components of the non-zero support whose mass is at least {@code fraction}
     * of the heaviest one's (in place): isolated specks are noise, the camera path is one connected curve.
     */
    static void keepMainComponents(float[] k, int ks, double fraction) {
        int[] label = new int[k.length];
        int[] stack = new int[k.length];
        double[] mass = new double[k.length + 1];
        int labels = 0;
        for (int start = 0; start < k.length; start++) {
            if (k[start] <= 0 || label[start] != 0) continue;
            labels++;
            int top = 0;
            stack[top++] = start;
            label[start] = labels;
            while (top > 0) {
                int p = stack[--top];
                mass[labels] += k[p];
                int px = p % ks, py = p / ks;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int qx = px + dx, qy = py + dy;
                        if (qx < 0 || qy < 0 || qx >= ks || qy >= ks) continue;
                        int q = qy * ks + qx;
                        if (k[q] > 0 && label[q] == 0) {
                            label[q] = labels;
                            stack[top++] = q;
                        }
                    }
                }
            }
        }
        double heaviest = 0;
        for (int l = 1; l <= labels; l++) heaviest = Math.max(heaviest, mass[l]);
        for (int i = 0; i < k.length; i++) {
            if (label[i] != 0 && mass[label[i]] < fraction * heaviest) k[i] = 0;
        }
    }

    /** Shifts the kernel by whole pixels so its centre of mass falls on the centre pixel (returns a new array). */
    static float[] recentre(float[] k, int ks) {
        double s = 0, sx = 0, sy = 0;
        for (int y = 0; y < ks; y++) {
            for (int x = 0; x < ks; x++) {
                float v = k[y * ks + x];
                s += v;
                sx += v * x;
                sy += v * y;
            }
        }
        if (!(s > 0)) return k.clone();
        int dx = (int) Math.round(ks / 2 - sx / s), dy = (int) Math.round(ks / 2 - sy / s);
        return shift(k, ks, dx, dy);
    }

    /** Moves the content by (dx, dy) pixels; what leaves the square is dropped. */
    static float[] shift(float[] k, int ks, int dx, int dy) {
        float[] out = new float[k.length];
        for (int y = 0; y < ks; y++) {
            int ty = y + dy;
            if (ty < 0 || ty >= ks) continue;
            for (int x = 0; x < ks; x++) {
                int tx = x + dx;
                if (tx >= 0 && tx < ks) out[ty * ks + tx] = k[y * ks + x];
            }
        }
        return out;
    }

    /** Radius (Chebyshev distance from the centre pixel) of the farthest non-zero value; 0 for a delta. */
    static int supportRadius(float[] k, int ks) {
        int c = ks / 2, r = 0;
        for (int y = 0; y < ks; y++) {
            for (int x = 0; x < ks; x++) {
                if (k[y * ks + x] > 0) r = Math.max(r, Math.max(Math.abs(x - c), Math.abs(y - c)));
            }
        }
        return r;
    }

    /** The centred square of odd size {@code size} cut from (or zero-padded around) a ks x ks kernel. */
    /** The cw x ch window at (x0, y0) of a plane of width w. */
    static float[] crop(float[] src, int w, int x0, int y0, int cw, int ch) {
        float[] out = new float[cw * ch];
        for (int y = 0; y < ch; y++) System.arraycopy(src, (y + y0) * w + x0, out, y * cw, cw);
        return out;
    }

    static float[] resizeCanvas(float[] k, int ks, int size) {
        float[] out = new float[size * size];
        int off = size / 2 - ks / 2;
        for (int y = 0; y < ks; y++) {
            int ty = y + off;
            if (ty < 0 || ty >= size) continue;
            for (int x = 0; x < ks; x++) {
                int tx = x + off;
                if (tx >= 0 && tx < size) out[ty * size + tx] = k[y * ks + x];
            }
        }
        return out;
    }

    /**
     * Normalised cross-correlation of two kernels (each drawn on a common canvas) maximised over integer
     * shifts up to {@code maxShift}: 1 when they are the same shape, regardless of where each was centred.
     */
    static double alignedCorrelation(float[] a, int as, float[] b, int bs, int maxShift) {
        int n = Math.max(as, bs) + 2 * maxShift;
        n += 1 - (n & 1);
        float[] ca = resizeCanvas(a, as, n), cb = resizeCanvas(b, bs, n);
        double na = norm(ca), nb = norm(cb);
        if (na == 0 || nb == 0) return 0;
        double best = -1;
        for (int dy = -maxShift; dy <= maxShift; dy++) {
            for (int dx = -maxShift; dx <= maxShift; dx++) {
                double s = 0;
                for (int y = Math.max(0, -dy); y < Math.min(n, n - dy); y++) {
                    for (int x = Math.max(0, -dx); x < Math.min(n, n - dx); x++) {
                        s += ca[y * n + x] * cb[(y + dy) * n + x + dx];
                    }
                }
                best = Math.max(best, s / (na * nb));
            }
        }
        return best;
    }

    private static double norm(float[] a) {
        double s = 0;
        for (float v : a) s += v * (double) v;
        return Math.sqrt(s);
    }
}
