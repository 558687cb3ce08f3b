package org.tempora.classical;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import org.tempora.timeline.Interval;

class TimedKernelTest {
    /** Uniform horizontal line of 11 pixels through the centre of a 15x15 kernel. */
    static float[] horizontalLine(int size, int length) {
        float[] k = new float[size * size];
        int c = size / 2;
        for (int x = c - length / 2; x <= c + length / 2; x++) k[c * size + x] = 1f / length;
        return k;
    }

    /** An L-shaped path: right along the top, then down, with more mass (slower) on the corner. */
    static float[] lShape(int size) {
        float[] k = new float[size * size];
        for (int x = 2; x <= 10; x++) k[3 * size + x] = 1;
        for (int y = 4; y <= 11; y++) k[y * size + 10] = 1;
        k[3 * size + 10] = 4;
        return k;
    }

    @Test
    void tilingIntervalsAverageBackToTheKernel() {
        int size = 15;
        float[] k = lShape(size);
        double sum = 0;
        for (float v : k) sum += v;
        TimedKernel timed = PathExtractor.extract(k, size, false);
        for (int n : new int[] {1, 3, 7, 16}) {
            double[] mean = new double[size * size];
            for (int i = 0; i < n; i++) {
                float[] part = timed.partialKernel(new Interval((double) i / n - 0.5, (double) (i + 1) / n - 0.5), size);
                for (int j = 0; j < part.length; j++) mean[j] += part[j] / (double) n;
            }
            for (int j = 0; j < mean.length; j++) assertEquals(k[j] / sum, mean[j], 1e-6, "n=" + n + " pixel " + j);
        }
    }

    @Test
    void timeRunsFromTheLeftEndAtUniformSpeedOnALine() {
        int size = 15, length = 11;
        TimedKernel timed = PathExtractor.extract(horizontalLine(size, length), size, false);
        // The first eleventh of the exposure is the leftmost pixel, the last eleventh the rightmost.
        float[] first = timed.partialKernel(new Interval(-0.5, -0.5 + 1.0 / length), size);
        float[] last = timed.partialKernel(new Interval(0.5 - 1.0 / length, 0.5), size);
        assertEquals(1.0, first[7 * size + 2], 1e-5);
        assertEquals(1.0, last[7 * size + 12], 1e-5);
        // Velocity: 11 pixels per exposure to the right (the pixel staircase costs 1/11 of a pixel of accuracy).
        assertEquals(11.0, timed.endVelocity()[0], 0.1);
        assertEquals(0.0, timed.endVelocity()[1], 1e-9);
        assertEquals(11.0, timed.startVelocity()[0], 0.1);
        // The middle of the exposure is the centre of the line.
        assertArrayEquals(new double[] {0, 0}, timed.position(0), 1e-9);
    }

    @Test
    void reversingTimeMirrorsIntervals() {
        int size = 15;
        TimedKernel timed = PathExtractor.extract(lShape(size), size, false);
        TimedKernel back = PathExtractor.extract(lShape(size), size, true);
        Interval iv = new Interval(-0.3, 0.1), mirrored = new Interval(-0.1, 0.3);
        assertArrayEquals(timed.partialKernel(iv, size), back.partialKernel(mirrored, size), 1e-6f);
    }

    @Test
    void extrapolationContinuesAtTheEndVelocity() {
        int size = 15, length = 11;
        TimedKernel timed = PathExtractor.extract(horizontalLine(size, length), size, false);
        // End of the exposure: right end of the line (centre of the last pixel + half a pixel of travel).
        assertEquals(5.5, timed.position(0.5)[0], 0.06);
        // Half an exposure later the camera has moved 5.5 px further right.
        assertEquals(11.0, timed.position(1.0)[0], 0.1);
        int canvas = timed.canvasSize(new Interval(-1, 1));
        assertTrue(canvas >= 2 * 11 + 1, "canvas " + canvas);
        float[] future = timed.partialKernel(new Interval(0.5, 1.0), canvas);
        double cx = 0, sum = 0;
        int c = canvas / 2;
        for (int i = 0; i < future.length; i++) { cx += future[i] * (i % canvas - c); sum += future[i]; }
        assertEquals(1.0, sum, 1e-5);
        assertEquals(0.5 * (5.5 + 11.0), cx / sum, 0.1); // centroid of a uniform segment from 5.5 to 11
    }

    @Test
    void aDeltaKernelStandsStill() {
        float[] k = new float[9];
        k[4] = 1;
        TimedKernel timed = PathExtractor.extract(k, 3, false);
        assertArrayEquals(new double[] {0, 0}, timed.endVelocity(), 1e-12);
        float[] part = timed.partialKernel(new Interval(0.6, 0.9), timed.canvasSize(new Interval(-0.5, 0.9)));
        int c = part.length / 2;
        assertEquals(1.0, part[c], 1e-6);
    }
}
