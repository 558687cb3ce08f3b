package org.tempora.classical;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class KernelOpsTest {
    @Test
    void recentreMovesCentreOfMassToTheMiddle() {
        float[] k = new float[25];
        k[0] = 1; // top-left corner of a 5x5
        float[] r = KernelOps.recentre(k, 5);
        assertEquals(1, r[12], 0);
    }

    @Test
    void keepsOnlyHeavyComponents() {
        float[] k = new float[49];
        k[8] = 0.3f; k[9] = 0.3f; k[16] = 0.3f; // one connected blob (diagonal neighbours count)
        k[48] = 0.05f;                          // a speck
        KernelOps.keepMainComponents(k, 7, 0.2);
        assertEquals(0, k[48], 0);
        assertEquals(0.3f, k[16], 0);
    }

    @Test
    void thresholdAndNormalise() {
        float[] k = {-0.1f, 0.01f, 1f, 0.5f};
        KernelOps.clampAndThreshold(k, 0.05);
        KernelOps.normalise(k, 2);
        assertArrayEquals(new float[] {0, 0, 2f / 3, 1f / 3}, k, 1e-6f);
        float[] empty = new float[9];
        KernelOps.normalise(empty, 3);
        assertEquals(1, empty[4], 0);
    }

    @Test
    void alignedCorrelationIgnoresShiftAndCanvas() {
        float[] a = TestPlanes.lineKernel(11, 7, 45);
        float[] b = KernelOps.shift(KernelOps.resizeCanvas(a, 11, 15), 15, 2, -1);
        assertEquals(1, KernelOps.alignedCorrelation(a, 11, b, 15, 3), 1e-6);
        assertTrue(KernelOps.alignedCorrelation(a, 11, TestPlanes.lineKernel(11, 7, -45), 11, 3) < 0.5);
    }

    @Test
    void resizeKeepsTheCentrePixelAndMass() {
        float[] k = KernelOps.delta(5);
        float[] up = Resample.resize(k, 5, 5, 7, 7);
        int peak = 0;
        for (int i = 1; i < up.length; i++) if (up[i] > up[peak]) peak = i;
        assertEquals(24, peak); // centre of 7x7
        float[] img = new float[40 * 30];
        java.util.Arrays.fill(img, 0.25f);
        for (float v : Resample.resize(img, 40, 30, 13, 9)) assertEquals(0.25f, v, 1e-6f);
    }

    @Test
    void pyramidEndsNearFivePixelKernels() {
        var levels = KernelEstimator.pyramid(320, 240, 51);
        assertTrue(levels.get(0)[1] <= 7); // 5 px, unless the picture would shrink below 24 px first
        assertEquals(51, (int) levels.get(levels.size() - 1)[1]);
        assertEquals(1.0, levels.get(levels.size() - 1)[0], 0);
    }
}
