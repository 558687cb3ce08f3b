package org.tempora.classical;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * With white latent gradients the autocorrelation is a delta, A(u) = a [u = 0], so the support normal equations are
 * diagonal and have closed-form solutions: k_i = C_i / (a + gamma) for plain least squares and, for one reweighted
 * (IRLS) pass, k_i = C_i / (a + gamma + mu / max(|k0_i|, eps)) with mu = l1 a max|k0| and eps = max|k0| / 100.
 */
class SupportLeastSquaresTest {
    private static final int W = 32, H = 32, KS = 5;
    private static final float A = 4f;
    private static final double GAMMA = 0.2;

    private static float[] autocorrelation() {
        float[] a = new float[W * H];
        a[0] = A;
        return a;
    }

    /** C on the full grid holding {@code c} (ks x ks, centred) at lags -ks/2..ks/2. */
    private static float[] crossCorrelation(float[] c) {
        float[] full = new float[W * H];
        int h = KS / 2;
        for (int j = 0; j < KS; j++) {
            for (int i = 0; i < KS; i++) full[Math.floorMod(j - h, H) * W + Math.floorMod(i - h, W)] = c[j * KS + i];
        }
        return full;
    }

    private static float[] pattern() {
        float[] c = new float[KS * KS];
        for (int i = 0; i < c.length; i++) c[i] = (float) (0.05 + 0.9 * ((i * 7) % 11) / 10.0);
        return c;
    }

    @Test
    void plainSolveIsTheDiagonalQuotient() {
        float[] c = pattern();
        float[] k = new float[KS * KS];
        new SupportLeastSquares(autocorrelation(), crossCorrelation(c), W, H, KS, GAMMA).solve(k, 20);
        for (int i = 0; i < k.length; i++) assertEquals(c[i] / (A * (1 + GAMMA)), k[i], 1e-5, "pixel " + i);
    }

    @Test
    void reweightedPassAddsTheL1Diagonal() {
        float[] c = pattern();
        float[] k0 = new float[KS * KS];
        for (int i = 0; i < k0.length; i++) k0[i] = (float) (((i * 3) % 5) / 4.0); // zeros included: eps applies there
        double l1 = 0.05, peak = 1.0, mu = l1 * A * peak, eps = peak / 100;
        float[] k = k0.clone();
        new SupportLeastSquares(autocorrelation(), crossCorrelation(c), W, H, KS, GAMMA).solveReweighted(k, l1, 40);
        for (int i = 0; i < k.length; i++) {
            double expected = c[i] / (A * (1 + GAMMA) + mu / Math.max(Math.abs(k0[i]), eps));
            assertEquals(expected, k[i], 1e-5, "pixel " + i);
        }
    }
}
