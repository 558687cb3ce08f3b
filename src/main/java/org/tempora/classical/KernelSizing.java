package org.tempora.classical;

/**
 * The kernel canvas of each pyramid level of {@link KernelEstimator}, read from the previous level's kernel: the
 * radius holding most of its mass, scaled by the pyramid ratio, plus room to grow. A coarse-to-fine support estimate in
 * the manner of Fergus et al. 2006 and Cho &amp; Lee 2009, with a mass quantile instead of the farthest non-zero
 * value: a few noise specks at the canvas's edge then no longer widen the next level's canvas, which otherwise gave
 * noise ever more room level after level (kernels of 85 px for 19 px blurs on low-texture pictures).
 */
final class KernelSizing {
    private KernelSizing() {}

    /**
     * Share of the kernel's mass the support radius must hold. Noise spread over the canvas carried up to ~15% of
     * the mass on the low-texture development pictures; 0.8-0.9 measured alike, 0.95 and above let the noise back in.
     */
    static final double SUPPORT_MASS = 0.85;
    /** Room to grow beyond the scaled support, in pixels of the next level and as a share of the radius. */
    static final double GROWTH_MARGIN = 2, GROWTH_FRACTION = 0.25;

    /**
     * Smallest Chebyshev radius r about the centre pixel such that the square of side 2r + 1 holds at least
     * {@code fraction} of the kernel's positive mass; 0 for a delta or an empty kernel.
     */
    static int massRadius(float[] k, int ks, double fraction) {
        if (ks < 1 || ks % 2 == 0 || k.length != ks * ks) throw new IllegalArgumentException("need an odd ks x ks kernel, got ks " + ks);
        int c = ks / 2;
        double[] ring = new double[c + 1];
        double total = 0;
        for (int y = 0; y < ks; y++) {
            for (int x = 0; x < ks; x++) {
                float v = k[y * ks + x];
                if (v <= 0) continue;
                ring[Math.max(Math.abs(x - c), Math.abs(y - c))] += v;
                total += v;
            }
        }
        if (!(total > 0)) return 0;
        double seen = 0;
        for (int r = 0; r < c; r++) {
            seen += ring[r];
            if (seen >= fraction * total) return r;
        }
        return c;
    }

    /**
     * Odd canvas size of the next level for the ks x ks kernel {@code k} of this level, the next being {@code ratio}
     * times finer: 2 ceil(r (1 + {@link #GROWTH_FRACTION}) + {@link #GROWTH_MARGIN}) + 1 with r the
     * {@link #SUPPORT_MASS} radius times the ratio, at most {@code nominal}. A straight uniform stroke's mass radius
     * is at least SUPPORT_MASS of its half-length, and SUPPORT_MASS (1 + GROWTH_FRACTION) > 1, so a straight
     * blur is never cut.
     */
    static int nextLevelSize(float[] k, int ks, double ratio, int nominal) {
        double r = massRadius(k, ks, SUPPORT_MASS) * ratio;
        return Math.min(nominal, 2 * (int) Math.ceil(r * (1 + GROWTH_FRACTION) + GROWTH_MARGIN) + 1);
    }
}
