package org.tempora.classical;

import java.util.Arrays;

/** How noisy a blurred picture is, read from its finest detail, where a blur leaves almost nothing but noise. */
final class NoiseLevel {
    private NoiseLevel() {}

    /**
     * Noise standard deviation from the finest diagonal Haar detail, median |HH| / 0.6745 (Donoho &amp; Johnstone
     * 1994): the diagonal detail of a blurred picture is almost all noise, and the median ignores its edges.
     */
    static double finest(float[] p, int w, int h) {
        int bw = w / 2, bh = h / 2;
        if (bw == 0 || bh == 0) return 0;
        float[] hh = new float[bw * bh];
        for (int y = 0; y < bh; y++) {
            for (int x = 0; x < bw; x++) {
                int i = 2 * y * w + 2 * x;
                hh[y * bw + x] = Math.abs(p[i] - p[i + 1] - p[i + w] + p[i + w + 1]) / 2;
            }
        }
        Arrays.sort(hh);
        return hh[hh.length / 2] / 0.6745;
    }

    /**
     * The noise a deconvolution would sharpen, grain included: {@link #finest} of the picture averaged over 2x2 blocks,
     * times 2. White noise gives its own deviation (averaging four pixels halves it); film grain, clumped over a pixel
     * or two, shows little in the finest detail (a third of its level under {@code grain:0.02}) and most of it here.
     */
    static double clumped(float[] p, int w, int h) {
        int bw = w / 2, bh = h / 2;
        if (bw < 2 || bh < 2) return finest(p, w, h);
        return 2 * finest(binned(p, w, h), bw, bh);
    }

    /** Side of the patches {@link #patchwise} reads: 25 dimensions, more than a blurred picture's detail fills. */
    static final int PATCH = 5;

    /**
     * The noise of the picture averaged over 2x2 blocks (times 2, as {@link #clumped}), read as the smallest principal
     * deviation of its {@value #PATCH}x{@value #PATCH} patches (after Liu, Tanaka &amp; Okutomi 2013): white noise spreads
     * over all directions of patch space alike, a blurred picture's detail over few, so the quietest direction holds the
     * noise alone. A sharp picture's texture fills every direction and reads as noise: see {@link #isNoise}.
     */
    static double patchwise(float[] p, int w, int h) {
        int bw = w / 2, bh = h / 2;
        if (bw < PATCH || bh < PATCH) return clumped(p, w, h);
        return 2 * Math.sqrt(Math.max(0, smallestPatchVariance(binned(p, w, h), bw, bh)));
    }

    /**
     * Coarser than this multiple of the {@link #patchwise} reading, the same reading one scale up (4x4 means, times 4)
     * says the reading is the picture's detail: white noise reads alike at both scales, fine texture some 3 times higher
     * one scale up (sharp development crops 2.8-3.3, crops under a 5 px blur 3.1-3.3 even with noise 0.02), while a 17 px
     * blur under noise 0.02 gave 1.6-1.7.
     */
    static final double NOISE_SCALE_RATIO = 2.2;

    /** Whether a {@link #patchwise} reading of this plane is noise rather than fine texture ({@link #NOISE_SCALE_RATIO}). */
    static boolean isNoise(float[] p, int w, int h, double reading) {
        if (w / 4 < PATCH || h / 4 < PATCH) return false;
        return 2 * patchwise(binned(p, w, h), w / 2, h / 2) <= NOISE_SCALE_RATIO * reading;
    }

    /** The means of the plane's 2x2 blocks. */
    private static float[] binned(float[] p, int w, int h) {
        int bw = w / 2, bh = h / 2;
        float[] b = new float[bw * bh];
        for (int y = 0; y < bh; y++) {
            for (int x = 0; x < bw; x++) {
                int i = 2 * y * w + 2 * x;
                b[y * bw + x] = (p[i] + p[i + 1] + p[i + w] + p[i + w + 1]) / 4;
            }
        }
        return b;
    }

    /** The smallest eigenvalue of the covariance of all {@value #PATCH}x{@value #PATCH} patches of a plane. */
    private static double smallestPatchVariance(float[] b, int bw, int bh) {
        int d = PATCH * PATCH;
        double[] sum = new double[d], v = new double[d];
        double[][] c = new double[d][d];
        long n = 0;
        for (int y = 0; y + PATCH <= bh; y++) {
            for (int x = 0; x + PATCH <= bw; x++) {
                for (int j = 0; j < PATCH; j++) {
                    for (int i = 0; i < PATCH; i++) v[j * PATCH + i] = b[(y + j) * bw + x + i];
                }
                for (int a = 0; a < d; a++) {
                    sum[a] += v[a];
                    double va = v[a];
                    double[] row = c[a];
                    for (int e = a; e < d; e++) row[e] += va * v[e];
                }
                n++;
            }
        }
        for (int a = 0; a < d; a++) {
            for (int e = a; e < d; e++) {
                c[a][e] = c[a][e] / n - (sum[a] / n) * (sum[e] / n);
                c[e][a] = c[a][e];
            }
        }
        return smallestEigenvalue(c);
    }

    /** The smallest eigenvalue of a symmetric matrix (overwritten), by cyclic Jacobi rotations. */
    static double smallestEigenvalue(double[][] a) {
        int d = a.length;
        for (int sweep = 0; sweep < 50; sweep++) {
            double off = 0, diag = 0;
            for (int p = 0; p < d; p++) {
                diag += a[p][p] * a[p][p];
                for (int q = p + 1; q < d; q++) off += a[p][q] * a[p][q];
            }
            if (off <= 1e-24 * diag) break;
            for (int p = 0; p < d; p++) {
                for (int q = p + 1; q < d; q++) {
                    if (a[p][q] == 0) continue;
                    double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
                    double t = (theta >= 0 ? 1 : -1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    double cs = 1 / Math.sqrt(t * t + 1), sn = t * cs;
                    for (int k = 0; k < d; k++) {
                        double kp = a[k][p], kq = a[k][q];
                        a[k][p] = cs * kp - sn * kq;
                        a[k][q] = sn * kp + cs * kq;
                    }
                    for (int k = 0; k < d; k++) {
                        double pk = a[p][k], qk = a[q][k];
                        a[p][k] = cs * pk - sn * qk;
                        a[q][k] = sn * pk + cs * qk;
                    }
                }
            }
        }
        double min = Double.POSITIVE_INFINITY;
        for (int p = 0; p < d; p++) min = Math.min(min, a[p][p]);
        return min;
    }

    /** Frequencies where a kernel passes less than this share of the power (|K|^2, K(0) = 1): there a deconvolution amplifies noise most. */
    static final double STOPBAND = 1e-3;

    /** The share of frequencies a kernel (ks x ks, unit mass) all but stops ({@link #STOPBAND}): 0 for a delta, more the longer the blur. */
    static double stopbandShare(float[] k, int ks) {
        int n = Math.max(64, Integer.highestOneBit(4 * ks - 1) << 1);
        RealFft2d fft = new RealFft2d(n, n);
        float[] spectrum = fft.newSpectrum(), power = new float[spectrum.length / 2];
        Spectra.ofKernel(fft, k, ks, new float[n * n], spectrum);
        Spectra.magnitudeSquared(spectrum, power);
        int stopped = 0;
        for (float p : power) if (p < STOPBAND) stopped++;
        return (double) stopped / power.length;
    }
}
