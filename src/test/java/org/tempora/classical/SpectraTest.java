package org.tempora.classical;

import static org.junit.jupiter.api.Assertions.*;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link RealFft2d} against the direct DFT, and the closed-form spectra of {@link Spectra}. */
class SpectraTest {
    /** X(u, v) = sum_x,y x(x, y) exp(-2 pi i (u x / W + v y / H)), by direct summation in double precision. */
    private static double[] directDft(float[] plane, int w, int h, int u, int v) {
        double re = 0, im = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double phase = -2 * Math.PI * ((double) u * x / w + (double) v * y / h);
                re += plane[y * w + x] * Math.cos(phase);
                im += plane[y * w + x] * Math.sin(phase);
            }
        }
        return new double[] {re, im};
    }

    @Test
    void halfSpectrumMatchesDirectDftAndInverts() {
        // powers of two (split radix) and mixed radix sides, as FftSize.plane picks both
        int[][] sizes = {{16, 8}, {12, 10}, {32, 15}, {10, 16}};
        for (int[] s : sizes) {
            int w = s[0], h = s[1];
            SplittableRandom r = new SplittableRandom(w * 100L + h);
            float[] plane = new float[w * h];
            for (int i = 0; i < plane.length; i++) plane[i] = (float) r.nextDouble(-1, 1);
            RealFft2d fft = new RealFft2d(w, h);
            float[] spec = fft.newSpectrum();
            fft.forward(plane, spec);
            for (int v = 0; v < h; v++) {
                for (int u = 0; u <= w / 2; u++) {
                    double[] d = directDft(plane, w, h, u, v);
                    int i = 2 * (v * fft.cw + u);
                    assertEquals(d[0], spec[i], 1e-4, w + "x" + h + " re(" + u + "," + v + ")");
                    assertEquals(d[1], spec[i + 1], 1e-4, w + "x" + h + " im(" + u + "," + v + ")");
                }
            }
            float[] back = new float[w * h];
            fft.inverse(spec, back);
            assertArrayEquals(plane, back, 1e-5f, w + "x" + h + " round trip");
        }
    }

    @Test
    void aPlaneLargeEnoughToSplitOverTheCoresMatchesTheDirectDft() {
        // 160x120 is over Bands.PARALLEL_THRESHOLD, and its 81 spectrum columns leave a partial block of one
        int w = 160, h = 120;
        assertTrue((long) w * h >= Bands.PARALLEL_THRESHOLD);
        SplittableRandom r = new SplittableRandom(5);
        float[] plane = new float[w * h];
        for (int i = 0; i < plane.length; i++) plane[i] = (float) r.nextDouble(-1, 1);
        RealFft2d fft = new RealFft2d(w, h);
        float[] spec = fft.newSpectrum();
        fft.forward(plane, spec);
        for (int[] f : new int[][] {{0, 0}, {1, 0}, {0, 1}, {79, 7}, {80, 119}, {72, 60}, {33, 101}}) {
            double[] d = directDft(plane, w, h, f[0], f[1]);
            int i = 2 * (f[1] * fft.cw + f[0]);
            assertEquals(d[0], spec[i], 2e-3, "re(" + f[0] + "," + f[1] + ")");
            assertEquals(d[1], spec[i + 1], 2e-3, "im(" + f[0] + "," + f[1] + ")");
        }
        float[] back = new float[w * h];
        fft.inverse(spec, back);
        assertArrayEquals(plane, back, 1e-5f, "round trip");
    }

    @Test
    void gradientsByRowBandsEqualTheWholePlaneAndTheirAdjointIsTheTranspose() {
        int w = 13, h = 11;
        SplittableRandom r = new SplittableRandom(9);
        float[] x = new float[w * h], gx = new float[w * h], gy = new float[w * h];
        for (int i = 0; i < x.length; i++) x[i] = (float) r.nextDouble(-1, 1);
        float[] wholeX = new float[w * h], wholeY = new float[w * h];
        Gradients.forward(x, w, h, wholeX, wholeY);
        for (int[] band : new int[][] {{0, 4}, {4, 5}, {5, 11}}) Gradients.forward(x, w, h, gx, gy, band[0], band[1]);
        assertArrayEquals(wholeX, gx, 0f);
        assertArrayEquals(wholeY, gy, 0f);
        float[] px = new float[w * h], py = new float[w * h];
        for (int i = 0; i < px.length; i++) {
            px[i] = (float) r.nextDouble(-1, 1);
            py[i] = (float) r.nextDouble(-1, 1);
        }
        float[] whole = new float[w * h], banded = new float[w * h];
        Gradients.adjoint(px, py, w, h, whole);
        for (int[] band : new int[][] {{0, 1}, {1, 7}, {7, 11}}) Gradients.adjoint(px, py, w, h, banded, band[0], band[1]);
        assertArrayEquals(whole, banded, 0f);
        // <D x, p> = <x, D^T p>
        double left = 0, right = 0;
        for (int i = 0; i < x.length; i++) {
            left += (double) wholeX[i] * px[i] + (double) wholeY[i] * py[i];
            right += (double) x[i] * whole[i];
        }
        assertEquals(left, right, 1e-4);
    }

    @Test
    void closedFormGradientPowerEqualsTransformedDifferences() {
        for (int[] s : new int[][] {{16, 8}, {12, 10}, {30, 7}}) {
            RealFft2d fft = new RealFft2d(s[0], s[1]);
            int m = fft.spectrumLength() / 2;
            float[] dx = new float[m], dy = new float[m];
            Spectra.magnitudeSquared(Spectra.ofForwardDifferenceX(fft), dx);
            Spectra.magnitudeSquared(Spectra.ofForwardDifferenceY(fft), dy);
            float[] power = Spectra.gradientPower(fft);
            assertEquals(m, power.length);
            for (int i = 0; i < m; i++) assertEquals(dx[i] + dy[i], power[i], 1e-5, s[0] + "x" + s[1] + " at " + i);
        }
        // Nyquist in both directions: |e^(i pi) - 1|^2 = 4 each
        RealFft2d fft = new RealFft2d(8, 4);
        assertEquals(8f, Spectra.gradientPower(fft)[2 * fft.cw + 4], 1e-6f);
        assertEquals(0f, Spectra.gradientPower(fft)[0], 0f);
    }

    @Test
    void theGaussianTransferFunctionTurnsAnImpulseIntoTheSampledGaussian() {
        // its transfer falls to exp(-11) at Nyquist for sigma 1.5, so the inverse is the sampled Gaussian to float precision
        double sigma = 1.5;
        RealFft2d fft = new RealFft2d(32, 24);
        float[] impulse = new float[32 * 24], out = new float[32 * 24], spec = fft.newSpectrum();
        impulse[0] = 1;
        fft.forward(impulse, spec);
        Spectra.scale(spec, Spectra.gaussian(fft, sigma));
        fft.inverse(spec, out);
        for (int y = -6; y <= 6; y++) {
            for (int x = -6; x <= 6; x++) {
                double expected = Math.exp(-(x * x + y * y) / (2 * sigma * sigma)) / (2 * Math.PI * sigma * sigma);
                assertEquals(expected, out[Math.floorMod(y, 24) * 32 + Math.floorMod(x, 32)], 1e-6, "at " + x + "," + y);
            }
        }
    }
}
