package org.tempora.classical;

/**
 * Separable resizing of planes with a triangle (bilinear) filter that widens by the reduction factor when
 * shrinking, so downscaled pyramid levels are antialiased. Pixel centres map as (x + 0.5) * ratio - 0.5,
 * which keeps the centre pixel of an odd kernel on the centre pixel of the resized kernel.
 */
final class Resample {
    private Resample() {}

    static float[] resize(float[] src, int w, int h, int nw, int nh) {
        if (nw == w && nh == h) return src.clone();
        float[] tmp = new float[nw * h];
        Taps horizontal = new Taps(w, nw);
        for (int y = 0; y < h; y++) horizontal.apply(src, y * w, 1, tmp, y * nw, 1);
        float[] out = new float[nw * nh];
        Taps vertical = new Taps(h, nh);
        for (int x = 0; x < nw; x++) vertical.apply(tmp, x, nw, out, x, nw);
        return out;
    }

    /** Filter taps of a 1-D resize from n to m samples: first source index and weights per output sample. */
    private static final class Taps {
        final int[] first;
        final float[][] weights;
        final int sourceLength;

        Taps(int n, int m) {
            sourceLength = n;
            double ratio = n / (double) m;
            double radius = Math.max(1, ratio);
            first = new int[m];
            weights = new float[m][];
            for (int o = 0; o < m; o++) {
                double centre = (o + 0.5) * ratio - 0.5;
                int lo = (int) Math.ceil(centre - radius), hi = (int) Math.floor(centre + radius);
                float[] wts = new float[hi - lo + 1];
                double sum = 0;
                for (int i = lo; i <= hi; i++) {
                    double wt = Math.max(0, 1 - Math.abs(i - centre) / radius);
                    wts[i - lo] = (float) wt;
                    sum += wt;
                }
                for (int i = 0; i < wts.length; i++) wts[i] /= (float) sum;
                first[o] = lo;
                weights[o] = wts;
            }
        }

        void apply(float[] src, int srcStart, int srcStride, float[] dst, int dstStart, int dstStride) {
            int count = first.length;
            for (int o = 0; o < count; o++) {
                float[] wts = weights[o];
                float s = 0;
                for (int t = 0; t < wts.length; t++) {
                    s += wts[t] * src[srcStart + srcStride * clampIndex(first[o] + t)];
                }
                dst[dstStart + dstStride * o] = s;
            }
        }

        private int clampIndex(int i) { return Math.min(sourceLength - 1, Math.max(0, i)); }
    }
}
