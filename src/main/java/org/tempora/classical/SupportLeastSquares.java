package org.tempora.classical;

/**
 * Solves the kernel normal equations restricted to the kernel square, sum_v A(u - v) k(v) + gamma k(u) = C(u)
 * for u, v in the ks x ks support, by conjugate gradients (as in Cho & Lee 2009 and Pan et al. 2014), where
 * A is the autocorrelation of the latent gradients and C their cross-correlation with the blurred gradients.
 * The product with A is a circular convolution on a small FFT grid of side >= 2 ks - 1, so lags never alias.
 */
final class SupportLeastSquares {
    private final int ks, side;
    private final RealFft2d fft;
    private final float[] aSpectrum, c, plane, spec;
    private final float gamma;
    private final double a0;
    /** Plane index of each support pixel (centre at the origin, wrapping). */
    private final int[] supportOnPlane;
    /** The diagonal added to A per support pixel: gamma, plus the IRLS weights of an L1 penalty while one is solved. */
    private final float[] diagonal;

    /**
     * @param autocorrelation A on the full W x H grid, lag 0 at index 0 (wrapping)
     * @param crossCorrelation C on the same grid
     * @param gammaRelative Tikhonov weight as a fraction of A(0), the total gradient energy
     */
    SupportLeastSquares(float[] autocorrelation, float[] crossCorrelation, int W, int H, int ks, double gammaRelative) {
        this.ks = ks;
        this.side = FftSize.plane(2 * ks - 1, 2 * ks - 1)[0];
        this.fft = new RealFft2d(side, side);
        this.plane = new float[side * side];
        this.spec = fft.newSpectrum();
        int r = ks - 1;
        int[] lagsOnPlane = wrapped(-r, r, side), lagsX = wrapped(-r, r, W), lagsY = wrapped(-r, r, H);
        for (int j = 0; j < lagsY.length; j++) {
            int to = lagsOnPlane[j] * side, from = lagsY[j] * W;
            for (int i = 0; i < lagsX.length; i++) plane[to + lagsOnPlane[i]] = autocorrelation[from + lagsX[i]];
        }
        this.aSpectrum = fft.newSpectrum();
        fft.forward(plane, aSpectrum);
        int h = ks / 2;
        int[] offsetsX = wrapped(-h, h, W), offsetsY = wrapped(-h, h, H), onPlane = wrapped(-h, h, side);
        this.c = new float[ks * ks];
        this.supportOnPlane = new int[ks * ks];
        for (int j = 0; j < ks; j++) {
            for (int i = 0; i < ks; i++) {
                c[j * ks + i] = crossCorrelation[offsetsY[j] * W + offsetsX[i]];
                supportOnPlane[j * ks + i] = onPlane[j] * side + onPlane[i];
            }
        }
        this.a0 = autocorrelation[0];
        this.gamma = (float) (gammaRelative * autocorrelation[0]);
        this.diagonal = new float[ks * ks];
        java.util.Arrays.fill(diagonal, gamma);
    }

    /**
     * The offsets from..to wrapped onto a circle of n: the hot loops then index through these tables, since a wrap
     * taken inside them (floorMod) had the JIT compile them again each time a new size changed which way it went.
     */
    private static int[] wrapped(int from, int to, int n) {
        int[] out = new int[to - from + 1];
        for (int d = from; d <= to; d++) out[d - from] = Math.floorMod(d, n);
        return out;
    }

    /** Conjugate gradients from {@code k} (ks x ks, updated in place), at most {@code iterations} steps. */
    void solve(float[] k, int iterations) {
        int n = k.length;
        float[] r = new float[n], p = new float[n], ap = new float[n];
        apply(k, ap);
        double rr = 0;
        for (int i = 0; i < n; i++) {
            r[i] = c[i] - ap[i];
            p[i] = r[i];
            rr += r[i] * (double) r[i];
        }
        double stop = rr * 1e-10;
        for (int it = 0; it < iterations && rr > stop && rr > 0; it++) {
            apply(p, ap);
            double pap = 0;
            for (int i = 0; i < n; i++) pap += p[i] * (double) ap[i];
            if (!(pap > 0)) break;
            float alpha = (float) (rr / pap);
            double rrNext = 0;
            for (int i = 0; i < n; i++) {
                k[i] += alpha * p[i];
                r[i] -= alpha * ap[i];
                rrNext += r[i] * (double) r[i];
            }
            float beta = (float) (rrNext / rr);
            for (int i = 0; i < n; i++) p[i] = r[i] + beta * p[i];
            rr = rrNext;
        }
    }

    /**
     * One iteratively-reweighted least-squares pass for an added L1 penalty mu |k|_1 (Levin et al. 2011's sparse kernel
     * prior, IRLS as in Daubechies et al. 2010): the diagonal gains mu / max(|k_i|, eps) from the current k, with
     * mu = {@code l1Relative} A(0) max|k| and eps = max|k| / 100, then conjugate gradients from k as in {@link #solve}.
     */
    void solveReweighted(float[] k, double l1Relative, int iterations) {
        double peak = 0;
        for (float v : k) peak = Math.max(peak, Math.abs(v));
        if (!(peak > 0)) return;
        double mu = l1Relative * a0 * peak, eps = peak / 100;
        for (int i = 0; i < k.length; i++) diagonal[i] = gamma + (float) (mu / Math.max(Math.abs(k[i]), eps));
        solve(k, iterations);
        java.util.Arrays.fill(diagonal, gamma);
    }

    /** out = (A + diagonal) v on the support. */
    private void apply(float[] v, float[] out) {
        java.util.Arrays.fill(plane, 0f);
        for (int q = 0; q < v.length; q++) plane[supportOnPlane[q]] = v[q];
        fft.forward(plane, spec);
        Spectra.multiply(spec, aSpectrum, spec);
        fft.inverse(spec, plane);
        for (int q = 0; q < v.length; q++) out[q] = plane[supportOnPlane[q]] + diagonal[q] * v[q];
    }
}
