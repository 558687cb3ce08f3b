package org.tempora.classical;

/**
 * Element-wise operations on half spectra from {@link RealFft2d} (interleaved re, im), and the spectra
 * of the small filters the solvers need. A kernel is placed with its centre (ks/2, ks/2) at the origin,
 * wrapping around, so that multiplying spectra is true (circular) convolution.
 */
final class Spectra {
    private Spectra() {}

    /** Spectrum of a ks x ks kernel centred at (ks/2, ks/2); {@code scratch} is a width*height work plane. */
    static void ofKernel(RealFft2d fft, float[] k, int ks, float[] scratch, float[] spec) {
        java.util.Arrays.fill(scratch, 0f);
        int c = ks / 2;
        for (int j = 0; j < ks; j++) {
            int y = Math.floorMod(j - c, fft.height);
            for (int i = 0; i < ks; i++) {
                int x = Math.floorMod(i - c, fft.width);
                scratch[y * fft.width + x] += k[j * ks + i];
            }
        }
        fft.forward(scratch, spec);
    }

    /** Spectrum of the forward difference along x, (D x)(p) = x(p + e_x) - x(p), as used by {@link Gradients}. */
    static float[] ofForwardDifferenceX(RealFft2d fft) {
        float[] d = new float[fft.width * fft.height];
        d[0] = -1;
        d[fft.width - 1] = 1;
        float[] spec = fft.newSpectrum();
        fft.forward(d, spec);
        return spec;
    }

    /** Spectrum of the forward difference along y, (D y)(p) = x(p + e_y) - x(p). */
    static float[] ofForwardDifferenceY(RealFft2d fft) {
        float[] d = new float[fft.width * fft.height];
        d[0] = -1;
        if (fft.height > 1) d[(fft.height - 1) * fft.width] = 1;
        float[] spec = fft.newSpectrum();
        fft.forward(d, spec);
        return spec;
    }

    /**
     * |Dx|^2 + |Dy|^2 per frequency of the half spectrum, for the forward differences of {@link Gradients}, in closed
     * form: |exp(2 pi i u / W) - 1|^2 = 4 sin^2(pi u / W), so no transform is needed.
     */
    static float[] gradientPower(RealFft2d fft) {
        int cw = fft.cw, h = fft.height;
        double[] sx = new double[cw], sy = new double[h];
        for (int u = 0; u < cw; u++) sx[u] = 4 * Math.pow(Math.sin(Math.PI * u / fft.width), 2);
        for (int v = 0; v < h; v++) sy[v] = 4 * Math.pow(Math.sin(Math.PI * v / h), 2);
        float[] out = new float[cw * h];
        for (int v = 0; v < h; v++) {
            for (int u = 0; u < cw; u++) out[v * cw + u] = (float) (sx[u] + sy[v]);
        }
        return out;
    }

    /**
     * The transfer function of a Gaussian blur of standard deviation {@code sigma} pixels, exp(-2 pi^2 sigma^2 (f_x^2 + f_y^2))
     * with f in cycles per pixel, per frequency of the half spectrum: real, as the Gaussian is symmetric.
     */
    static float[] gaussian(RealFft2d fft, double sigma) {
        int cw = fft.cw, h = fft.height;
        double c = -2 * Math.PI * Math.PI * sigma * sigma;
        float[] out = new float[cw * h];
        for (int v = 0; v < h; v++) {
            double fy = Math.min(v, h - v) / (double) h;
            for (int u = 0; u < cw; u++) {
                double fx = u / (double) fft.width;
                out[v * cw + u] = (float) Math.exp(c * (fx * fx + fy * fy));
            }
        }
        return out;
    }

    /** a *= g per frequency, g real (half the length of {@code a}). */
    static void scale(float[] a, float[] g) {
        for (int i = 0, n = g.length; i < n; i++) {
            a[2 * i] *= g[i];
            a[2 * i + 1] *= g[i];
        }
    }

    /** |a|^2 per frequency, written into {@code out} (half the length of {@code a}). */
    static void magnitudeSquared(float[] a, float[] out) {
        for (int i = 0, n = out.length; i < n; i++) {
            float re = a[2 * i], im = a[2 * i + 1];
            out[i] = re * re + im * im;
        }
    }

    /** out = a * b (complex); out may alias a or b. */
    static void multiply(float[] a, float[] b, float[] out) {
        for (int i = 0; i < a.length; i += 2) {
            float ar = a[i], ai = a[i + 1], br = b[i], bi = b[i + 1];
            out[i] = ar * br - ai * bi;
            out[i + 1] = ar * bi + ai * br;
        }
    }

    /** out = conj(a) * b (complex): correlation with a; out may alias a or b. */
    static void multiplyConjugate(float[] a, float[] b, float[] out) {
        for (int i = 0; i < a.length; i += 2) {
            float ar = a[i], ai = a[i + 1], br = b[i], bi = b[i + 1];
            out[i] = ar * br + ai * bi;
            out[i + 1] = ar * bi - ai * br;
        }
    }
}
