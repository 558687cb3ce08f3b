package org.tempora.image;

/**
 * Resizes linear-light images separably (rows, then columns). Shrinking averages the exact area each output pixel
 * covers (a box filter with fractional coverage of edge pixels), so detail finer than the new grid averages out
 * instead of aliasing; enlarging uses Keys' cubic convolution with a = -0.5 (Keys 1981, IEEE TASSP 29(6)), which
 * reproduces linear ramps exactly. Negative lobes can undershoot at hard edges; results are clamped at 0 (no negative light).
 */
public final class Resampling {
    private Resampling() {}

    /** Scales {@code img} to cover w x h (keeping its aspect), then keeps the centre w x h. */
    public static LinearImage cover(LinearImage img, int w, int h) {
        double s = Math.max((double) w / img.width(), (double) h / img.height());
        int sw = Math.max(w, (int) Math.ceil(img.width() * s)), sh = Math.max(h, (int) Math.ceil(img.height() * s));
        return resize(img, sw, sh).crop((sw - w) / 2, (sh - h) / 2, w, h);
    }

    public static LinearImage resize(LinearImage src, int newW, int newH) {
        float[][] planes = new float[src.channels()][];
        Weights wx = Weights.of(src.width(), newW), wy = Weights.of(src.height(), newH);
        for (int c = 0; c < planes.length; c++) planes[c] = apply(src.plane(c), src.width(), src.height(), wx, wy);
        return new LinearImage(newW, newH, planes);
    }

    /** One plane of {@code w x h} row-major samples resized to {@code newW x newH}. */
    public static float[] resize(float[] plane, int w, int h, int newW, int newH) {
        if (plane.length != (long) w * h) throw new IllegalArgumentException("plane length " + plane.length + " != " + w + "*" + h);
        return apply(plane, w, h, Weights.of(w, newW), Weights.of(h, newH));
    }

    private static float[] apply(float[] src, int w, int h, Weights wx, Weights wy) {
        int nw = wx.outSize, nh = wy.outSize;
        float[] rows = new float[nw * h];
        for (int y = 0; y < h; y++) {
            int in = y * w, out = y * nw;
            for (int x = 0; x < nw; x++) {
                int first = wx.first[x], base = x * wx.taps;
                float s = 0;
                for (int k = 0; k < wx.count[x]; k++) s += wx.weight[base + k] * src[in + first + k];
                rows[out + x] = s;
            }
        }
        float[] dst = new float[nw * nh];
        for (int y = 0; y < nh; y++) {
            int first = wy.first[y], base = y * wy.taps, out = y * nw;
            for (int k = 0; k < wy.count[y]; k++) {
                float wk = wy.weight[base + k];
                int in = (first + k) * nw;
                for (int x = 0; x < nw; x++) dst[out + x] += wk * rows[in + x];
            }
        }
        if (wx.enlarges || wy.enlarges) {
            for (int i = 0; i < dst.length; i++) if (dst[i] < 0) dst[i] = 0;
        }
        return dst;
    }

    /** For each output index along one axis: the first source index and the weights of consecutive source samples. */
    static final class Weights {
        final int outSize, taps;
        final int[] first, count;
        final float[] weight;
        final boolean enlarges;

        private Weights(int outSize, int taps, boolean enlarges) {
            this.outSize = outSize;
            this.taps = taps;
            this.enlarges = enlarges;
            first = new int[outSize];
            count = new int[outSize];
            weight = new float[outSize * taps];
        }

        static Weights of(int n, int m) {
            if (n <= 0 || m <= 0) throw new IllegalArgumentException("sizes must be positive: " + n + " -> " + m);
            return m < n ? box(n, m) : m == n ? identity(n) : cubic(n, m);
        }

        private static Weights identity(int n) {
            Weights t = new Weights(n, 1, false);
            for (int i = 0; i < n; i++) {
                t.first[i] = i;
                t.count[i] = 1;
                t.weight[i] = 1;
            }
            return t;
        }

        /** Output i covers source [i*s, (i+1)*s) with s = n/m; each source pixel weighs its overlap / s. */
        private static Weights box(int n, int m) {
            double s = (double) n / m;
            Weights t = new Weights(m, (int) Math.ceil(s) + 2, false);
            for (int i = 0; i < m; i++) {
                double lo = i * s, hi = Math.min(n, (i + 1) * s);
                int a = (int) Math.floor(lo), b = Math.min(n - 1, (int) Math.ceil(hi) - 1);
                t.first[i] = a;
                t.count[i] = b - a + 1;
                double sum = 0;
                for (int j = a; j <= b; j++) {
                    double cover = Math.min(hi, j + 1) - Math.max(lo, j);
                    t.weight[i * t.taps + j - a] = (float) cover;
                    sum += cover;
                }
                for (int k = 0; k < t.count[i]; k++) t.weight[i * t.taps + k] /= (float) sum;
            }
            return t;
        }

        /** Pixel centres aligned (x_src = (i + 0.5) n/m - 0.5); taps beyond the edge reuse the edge sample. */
        private static Weights cubic(int n, int m) {
            Weights t = new Weights(m, 4, true);
            double s = (double) n / m;
            for (int i = 0; i < m; i++) {
                double x = (i + 0.5) * s - 0.5;
                int x0 = (int) Math.floor(x);
                double[] w = new double[4];
                for (int k = 0; k < 4; k++) w[k] = keys(x - (x0 - 1 + k));
                // fold taps outside [0, n-1] onto the edge so weights stay contiguous
                int lo = Math.max(0, Math.min(n - 1, x0 - 1)), hi = Math.max(0, Math.min(n - 1, x0 + 2));
                t.first[i] = lo;
                t.count[i] = hi - lo + 1;
                for (int k = 0; k < 4; k++) {
                    int j = Math.max(0, Math.min(n - 1, x0 - 1 + k));
                    t.weight[i * 4 + j - lo] += (float) w[k];
                }
            }
            return t;
        }

        /** Keys cubic convolution kernel, a = -0.5. */
        static double keys(double x) {
            double ax = Math.abs(x);
            if (ax < 1) return (1.5 * ax - 2.5) * ax * ax + 1;
            if (ax < 2) return ((-0.5 * ax + 2.5) * ax - 4) * ax + 2;
            return 0;
        }
    }
}
