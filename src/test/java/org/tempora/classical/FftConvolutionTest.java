package org.tempora.classical;

import static org.junit.jupiter.api.Assertions.*;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FftConvolutionTest {
    private static float[] randomPlane(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = (float) r.nextDouble();
        return a;
    }

    /** An asymmetric kernel summing to 1 (heavy corner taps) so flips and offsets are caught. */
    private static float[] asymmetricKernel(int ks, long seed) {
        float[] k = randomPlane(ks * ks, seed);
        k[0] += ks * ks;
        k[Math.max(0, ks * ks - 2)] += ks;
        double sum = 0;
        for (float v : k) sum += v;
        for (int i = 0; i < k.length; i++) k[i] /= (float) sum;
        return k;
    }

    private static double maxAbsDiff(float[] a, float[] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
        return m;
    }

    @Test
    void fftMatchesDirectForOddAndEvenSizes() {
        int[][] cases = {{37, 23, 5}, {64, 48, 7}, {101, 80, 4}, {50, 77, 15}, {9, 11, 21}};
        for (int[] c : cases) {
            int w = c[0], h = c[1], ks = c[2];
            float[] img = randomPlane(w * h, w * 31L + h);
            float[] k = asymmetricKernel(ks, ks);
            float[] direct = FftConvolution.convolveDirect(img, w, h, k, ks);
            float[] viaFft = FftConvolution.convolve(img, w, h, k, ks);
            assertTrue(maxAbsDiff(direct, viaFft) < 1e-5, "w=" + w + " h=" + h + " ks=" + ks + " diff=" + maxAbsDiff(direct, viaFft));
        }
    }

    @Test
    void preparedImageAppliesManyKernels() {
        int w = 73, h = 52;
        float[] img = randomPlane(w * h, 7);
        PreparedImage prepared = FftConvolution.prepare(img, w, h, 17);
        for (int ks : new int[] {1, 3, 8, 17}) {
            float[] k = asymmetricKernel(ks, 100 + ks);
            float[] direct = FftConvolution.convolveDirect(img, w, h, k, ks);
            assertTrue(maxAbsDiff(direct, prepared.convolve(k, ks)) < 1e-5, "ks=" + ks);
        }
    }

    @Test
    void directConvolutionIsTrueConvolutionWithReplicatedBorder() {
        // a single off-centre tap at (2, 1) of a 3x3 kernel moves the picture right by one column
        int w = 4, h = 3;
        float[] img = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
        float[] k = new float[9];
        k[1 * 3 + 2] = 1f;
        float[] out = FftConvolution.convolveDirect(img, w, h, k, 3);
        assertArrayEquals(new float[] {1, 1, 2, 3, 5, 5, 6, 7, 9, 9, 10, 11}, out, 0f);
        assertArrayEquals(out, FftConvolution.convolve(img, w, h, k, 3), 1e-5f);
    }

    @Test
    void oneKernelSpectrumServesEveryImageOfTheSameSize() {
        int w = 61, h = 40, ks = 9;
        float[] k = asymmetricKernel(ks, 3);
        PreparedImage a = FftConvolution.prepare(randomPlane(w * h, 1), w, h, 11);
        PreparedImage b = FftConvolution.prepare(randomPlane(w * h, 2), w, h, 11);
        float[] spectrum = a.kernelSpectrum(k, ks);
        float[] copy = spectrum.clone();
        assertTrue(maxAbsDiff(a.convolve(k, ks), a.convolve(spectrum)) < 1e-6);
        assertTrue(maxAbsDiff(b.convolve(k, ks), b.convolve(spectrum)) < 1e-6);
        assertArrayEquals(copy, spectrum, 0f, "the spectrum is left untouched");
        assertThrows(IllegalArgumentException.class, () -> FftConvolution.prepare(new float[16], 4, 4, 3).convolve(spectrum));
    }

    @Test
    void planesArePowersOfTwoWhereCheaper() {
        assertEquals(512, FftSize.powerOfTwo(257));
        assertEquals(256, FftSize.powerOfTwo(256));
        assertEquals(2, FftSize.powerOfTwo(1));
        // 101: 108^2 * 1.66 = 19364 against 128^2 = 16384
        assertArrayEquals(new int[] {128, 128}, FftSize.plane(101, 101));
        // 738 x 458: 750 x 512 costs 384000 * 1.33 = 510720, below 1024 x 512 = 524288 and 750 x 480 = 597600
        assertArrayEquals(new int[] {750, 512}, FftSize.plane(738, 458));
        assertArrayEquals(new int[] {600, 360}, FftSize.plane(592, 359));
        assertEquals(512 * 512, FftSize.cost(512, 512), 0);
        assertEquals(600 * 360 * (1 + 2 * FftSize.MIXED_RADIX_COST), FftSize.cost(600, 360), 1e-6);
    }

    @Test
    void rejectsOversizedKernel() {
        PreparedImage p = FftConvolution.prepare(new float[16], 4, 4, 3);
        assertThrows(IllegalArgumentException.class, () -> p.convolve(new float[25], 5));
    }

    @Test
    void goodSizesAreEvenAndSmooth() {
        assertEquals(2, FftSize.good(1));
        assertEquals(64, FftSize.good(63));
        assertEquals(72, FftSize.good(67)); // 68 = 4*17 and 70 = 2*5*7 have larger factors
    }
}
