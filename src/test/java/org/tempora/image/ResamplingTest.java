package org.tempora.image;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResamplingTest {
    private static float[] random(int n, long seed) {
        Random r = new Random(seed);
        float[] p = new float[n];
        for (int i = 0; i < n; i++) p[i] = r.nextFloat();
        return p;
    }

    @Test
    void halvingAveragesEachTwoByTwoBlock() {
        float[] src = random(8 * 6, 1);
        float[] out = Resampling.resize(src, 8, 6, 4, 3);
        for (int y = 0; y < 3; y++)
            for (int x = 0; x < 4; x++) {
                double mean = (src[2 * y * 8 + 2 * x] + src[2 * y * 8 + 2 * x + 1] + src[(2 * y + 1) * 8 + 2 * x] + src[(2 * y + 1) * 8 + 2 * x + 1]) / 4.0;
                assertEquals(mean, out[y * 4 + x], 1e-6);
            }
    }

    /** 3 -> 2: each output covers 1.5 source pixels, the middle one split half and half. */
    @Test
    void fractionalShrinkWeighsPartialCoverage() {
        float a = 0.2f, b = 0.9f, c = 0.4f;
        float[] out = Resampling.resize(new float[] { a, b, c }, 3, 1, 2, 1);
        assertEquals((a + 0.5 * b) / 1.5, out[0], 1e-6);
        assertEquals((0.5 * b + c) / 1.5, out[1], 1e-6);
    }

    @Test
    void shrinkingPreservesTheMeanExactly() {
        float[] src = random(97 * 61, 2);
        float[] out = Resampling.resize(src, 97, 61, 30, 17);
        assertEquals(mean(src), mean(out), 1e-5);
    }

    /** A one-pixel checkerboard has all its energy at Nyquist; area averaging must flatten it, not alias it. */
    @Test
    void checkerboardShrinksToFlatGreyWithoutAliasing() {
        int n = 100;
        float[] src = new float[n * n];
        for (int y = 0; y < n; y++) for (int x = 0; x < n; x++) src[y * n + x] = (x + y) % 2;
        float[] out = Resampling.resize(src, n, n, 30, 30);
        for (float v : out) assertEquals(0.5, v, 0.03);
    }

    @Test
    void constantsSurviveEveryDirection() {
        float[] src = new float[13 * 7];
        java.util.Arrays.fill(src, 0.37f);
        for (int[] s : new int[][] { { 5, 3 }, { 40, 20 }, { 5, 20 }, { 40, 3 }, { 13, 7 } }) {
            for (float v : Resampling.resize(src, 13, 7, s[0], s[1])) assertEquals(0.37, v, 1e-6);
        }
    }

    /** Keys' kernel reproduces linear functions: a ramp sampled at the new pixel centres, away from the clamped edges. */
    @Test
    void enlargingKeepsARampExactAndHitsSourceSamples() {
        int n = 10, m = 30;
        float[] src = new float[n];
        for (int i = 0; i < n; i++) src[i] = 0.05f + 0.08f * i;
        float[] out = Resampling.resize(src, n, 1, m, 1);
        for (int i = 0; i < m; i++) {
            double x = (i + 0.5) * n / m - 0.5;
            if (x >= 1 && x <= n - 2) assertEquals(0.05 + 0.08 * x, out[i], 1e-5, "output " + i);
        }
        for (int k = 0; k < n; k++) assertEquals(src[k], out[3 * k + 1], 1e-6, "output on source centre " + k);
    }

    @Test
    void enlargingAHardEdgeNeverGoesNegative() {
        float[] src = { 0, 0, 0, 1, 1, 1 };
        for (float v : Resampling.resize(src, 6, 1, 25, 1)) assertTrue(v >= 0);
    }

    @Test
    void sameSizeIsIdentityAndImageVariantMatchesPlaneVariant() {
        float[] p = random(9 * 4, 3);
        assertArrayEquals(p, Resampling.resize(p, 9, 4, 9, 4));
        LinearImage img = new LinearImage(9, 4, new float[][] { p, random(36, 4), random(36, 5) });
        LinearImage out = Resampling.resize(img, 5, 7);
        assertEquals(5, out.width());
        assertEquals(7, out.height());
        for (int c = 0; c < 3; c++) assertArrayEquals(Resampling.resize(img.plane(c), 9, 4, 5, 7), out.plane(c));
    }

    private static double mean(float[] p) {
        double s = 0;
        for (float v : p) s += v;
        return s / p.length;
    }
}
