package org.tempora.simulate;

/** How a sub-pixel shift of an image is interpolated. */
public enum Resampling {
    /**
     * 2-tap linear interpolation: the shifted image is exactly the sharp image convolved with the
     * bilinear splat of the shift, so {@link BlurSimulator#kernelImage} describes the blur exactly,
     * but fractional shifts soften fine detail.
     */
    BILINEAR(2),
    /**
     * 4-tap cubic convolution (Keys 1981, "Cubic convolution interpolation for digital image
     * processing", IEEE TASSP 29(6), a = -0.5): keeps fine detail in the ground-truth frames; may
     * overshoot slightly (below 0) next to hard edges.
     */
    BICUBIC(4);

    private final int taps;

    Resampling(int taps) { this.taps = taps; }

    /** Number of source samples each output sample reads along one axis. */
    public int taps() { return taps; }

    /**
     * Weights of the taps for a sample at fractional position {@code f} in [0, 1) past a grid point;
     * tap k reads grid point {@code floor(pos) + k - (taps/2 - 1)}.
     */
    double[] weights(double f) {
        if (this == BILINEAR) return new double[] {1 - f, f};
        double f2 = f * f, f3 = f2 * f;
        // Keys (1981) eq. 15 with a = -0.5, evaluated at distances 1+f, f, 1-f, 2-f.
        return new double[] {
            -0.5 * f3 + f2 - 0.5 * f,
            1.5 * f3 - 2.5 * f2 + 1,
            -1.5 * f3 + 2 * f2 + 0.5 * f,
            0.5 * f3 - 0.5 * f2
        };
    }

    /** Offset of the first tap from {@code floor(pos)}. */
    int firstTap() { return -(taps / 2 - 1); }
}
