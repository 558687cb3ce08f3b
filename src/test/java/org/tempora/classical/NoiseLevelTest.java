package org.tempora.classical;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import org.tempora.simulate.Degradation;

/** The noise read from a picture's finest detail: white noise at its deviation, clumped grain at its own too. */
class NoiseLevelTest {
    private static final int W = 320, H = 240;

    @Test
    void whiteNoiseIsReadAtItsDeviationAtBothScales() {
        float[] flat = TestPlanes.addNoise(new float[W * H], 0.01, 3);
        assertEquals(0.01, NoiseLevel.finest(flat, W, H), 0.0005);
        assertEquals(0.01, NoiseLevel.clumped(flat, W, H), 0.001);
    }

    @Test
    void grainClumpedOverAPixelHidesFromTheFinestDetailButNotFromTheClumpedReading() {
        // white noise blurred by a Gaussian of sigma 0.8 px, scaled to r.m.s. 0.01: neighbours correlate by r1 = exp(-1/2.56)
        // and diagonal ones by r2 = exp(-2/2.56), so the finest diagonal detail keeps sqrt(1 - 2 r1 + r2) = 0.32 of it
        float[] grain = TestPlanes.addNoise(new float[W * H], 1, 5);
        grain = Degradation.gaussianBlur(grain, W, H, 0.8);
        double sq = 0;
        for (float v : grain) sq += v * (double) v;
        float scale = (float) (0.01 / Math.sqrt(sq / grain.length));
        for (int i = 0; i < grain.length; i++) grain[i] *= scale;
        double r1 = Math.exp(-1 / 2.56), r2 = Math.exp(-2 / 2.56);
        assertEquals(0.01 * Math.sqrt(1 - 2 * r1 + r2), NoiseLevel.finest(grain, W, H), 0.0004);
        // 2x2 means, then their diagonal detail: per axis the signs (+ + - -) over four pixels with correlations c(d) =
        // exp(-d^2/2.56) sum to S = 4 + 2 c(1) - 4 c(2) - 2 c(3), and the reading is 2 sqrt(S^2 / 64) = S / 4 of the r.m.s.
        double c1 = Math.exp(-1 / 2.56), c2 = Math.exp(-4 / 2.56), c3 = Math.exp(-9 / 2.56);
        assertEquals(0.01 * (4 + 2 * c1 - 4 * c2 - 2 * c3) / 4, NoiseLevel.clumped(grain, W, H), 0.0005);
    }

    @Test
    void thePatchwiseReadingSeesWhiteNoiseAtItsDeviationAndTellsItFromASharpPicturesTexture() throws Exception {
        // flat: the covariance of white noise is sigma^2 I; over n = 156 x 116 patches of 25 values its smallest sample
        // eigenvalue is about sigma^2 (1 - sqrt(25 / n))^2 (Marchenko-Pastur, for independent samples: overlapping patches
        // are not, so only roughly), so 0.01 reads about 0.0096
        float[] flat = TestPlanes.addNoise(new float[W * H], 0.01, 3);
        double reading = NoiseLevel.patchwise(flat, W, H);
        assertEquals(0.01 * (1 - Math.sqrt(25.0 / (156 * 116))), reading, 0.0005);
        assertTrue(NoiseLevel.isNoise(flat, W, H, reading), "white noise reads alike one scale up");
        // a 17 px blur under noise 0.02: the reading is the noise; a sharp picture: its texture, three times higher one scale up
        float[] blurred = TestPlanes.blurredCrop("camera.png", 100, 60, W, H, TestPlanes.lineKernel(17, 15, 30), 17, 0.02, 11);
        double blurredReading = NoiseLevel.patchwise(blurred, W, H);
        assertEquals(0.02, blurredReading, 0.003);
        assertTrue(NoiseLevel.isNoise(blurred, W, H, blurredReading));
        float[] sharp = TestPlanes.addNoise(TestPlanes.devLuminance("camera.png", 100, 60, W, H), 0.003, 3);
        double sharpReading = NoiseLevel.patchwise(sharp, W, H);
        assertTrue(sharpReading > 0.01, "texture reads as noise at one scale: " + sharpReading);
        assertFalse(NoiseLevel.isNoise(sharp, W, H, sharpReading), "but not at two");
    }

    @Test
    void theSmallestEigenvalueOfASymmetricMatrixIsFoundByRotation() {
        assertEquals(1, NoiseLevel.smallestEigenvalue(new double[][] {{2, 1}, {1, 2}}), 1e-12);
        // eigenvalues 2 - sqrt(2), 2, 2 + sqrt(2) of the second-difference matrix
        assertEquals(2 - Math.sqrt(2), NoiseLevel.smallestEigenvalue(new double[][] {{2, -1, 0}, {-1, 2, -1}, {0, -1, 2}}), 1e-12);
        assertEquals(-3, NoiseLevel.smallestEigenvalue(new double[][] {{5, 0}, {0, -3}}));
    }

    @Test
    void aBlurredPictureWithoutNoiseReadsAsAlmostNone() throws Exception {
        float[] k = TestPlanes.lineKernel(15, 13, 20);
        float[] blurred = TestPlanes.blurredCrop("camera.png", 100, 60, W, H, k, 15, 0, 1);
        assertTrue(NoiseLevel.clumped(blurred, W, H) < 0.004, "clumped " + NoiseLevel.clumped(blurred, W, H));
    }

    @Test
    void theShareOfFrequenciesAKernelStopsIsNoneForADeltaAndTheDirichletKernelsForABox() {
        assertEquals(0, NoiseLevel.stopbandShare(TestPlanes.delta(5), 5));
        // a horizontal box of L pixels: |K(u)|^2 = (sin(pi u L / n) / (L sin(pi u / n)))^2 whatever the row frequency, on
        // an n = 128 plane (the smallest power of two >= 4 ks, at least 64) whose half spectrum keeps u = 0 .. n/2
        int ks = 21, length = 17, n = 128;
        float[] box = new float[ks * ks];
        for (int i = 0; i < length; i++) box[(ks / 2) * ks + ks / 2 - length / 2 + i] = 1f / length;
        int stopped = 0;
        for (int u = 1; u <= n / 2; u++) {
            double dirichlet = Math.sin(Math.PI * u * length / n) / (length * Math.sin(Math.PI * u / n));
            if (dirichlet * dirichlet < NoiseLevel.STOPBAND) stopped++;
        }
        assertEquals((double) stopped / (n / 2 + 1), NoiseLevel.stopbandShare(box, ks), 1e-9);
        assertTrue(stopped > 0);
    }
}
