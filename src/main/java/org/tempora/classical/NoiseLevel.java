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
        float[] binned = new float[bw * bh];
        for (int y = 0; y < bh; y++) {
            for (int x = 0; x < bw; x++) {
                int i = 2 * y * w + 2 * x;
                binned[y * bw + x] = (p[i] + p[i + 1] + p[i + w] + p[i + w + 1]) / 4;
            }
        }
        return 2 * finest(binned, bw, bh);
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
