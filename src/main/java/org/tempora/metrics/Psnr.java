package org.tempora.metrics;

import org.tempora.image.LinearImage;

/**
 * Peak signal-to-noise ratio, PSNR = 10 log10(peak^2 / MSE), on display values: the linear images are sRGB-encoded
 * with Srgb.fromLinear and clamped to [0, 1], peak 1.0, matching the blur2vid evaluation (8-bit sRGB frames / 255).
 * Identical pictures would score infinity; every PSNR here is capped at {@link #CAP_DB}.
 */
public final class Psnr {
    private Psnr() {}

    /** Highest PSNR reported (reached when the MSE is 0 or below 1e-10). */
    public static final double CAP_DB = 100.0;

    /** PSNR in dB of a mean squared error on values with peak 1, capped at 100 dB. */
    public static double fromMse(double mse) {
        if (!(mse >= 0)) throw new IllegalArgumentException("a mean squared error must be 0 or more, got " + mse);
        return mse == 0 ? CAP_DB : Math.min(CAP_DB, -10.0 * Math.log10(mse));
    }

    /** PSNR between two pictures of the same size and channels, on display values over all channels. */
    public static double between(LinearImage a, LinearImage b) {
        Display.requireSameShape(a, b, "PSNR");
        return fromMse(mse(Display.planes(a), Display.planes(b)));
    }

    /** Mean squared difference over all channels and pixels. */
    static double mse(float[][] a, float[][] b) {
        double sum = 0;
        long count = 0;
        for (int c = 0; c < a.length; c++) {
            float[] x = a[c], y = b[c];
            for (int i = 0; i < x.length; i++) { double d = x[i] - y[i]; sum += d * d; }
            count += x.length;
        }
        return sum / count;
    }
}
