package org.tempora.classical;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.tempora.engine.CancellationToken;
import org.tempora.engine.ProgressListener;

class KernelSizingTest {
    /** A horizontal stroke of 2 m + 1 equal pixels through the centre of a ks x ks kernel. */
    private static float[] horizontalLine(int ks, int m) {
        float[] k = new float[ks * ks];
        int c = ks / 2;
        for (int x = c - m; x <= c + m; x++) k[c * ks + x] = 1f / (2 * m + 1);
        return k;
    }

    @Test
    void massRadiusOfDeltaAndEmptyKernelIsZero() {
        assertEquals(0, KernelSizing.massRadius(KernelOps.delta(9), 9, 0.85));
        assertEquals(0, KernelSizing.massRadius(new float[81], 9, 0.85));
    }

    @Test
    void massRadiusOfUniformLineIsTheQuantileOfItsLength() {
        // 21 equal pixels (m = 10): the square of radius r holds (2r + 1) / 21 of the mass
        float[] k = horizontalLine(31, 10);
        assertEquals(10, KernelSizing.massRadius(k, 31, 1.0));
        assertEquals(9, KernelSizing.massRadius(k, 31, 0.9));   // 19/21 = 0.905 >= 0.9 > 17/21
        assertEquals(8, KernelSizing.massRadius(k, 31, 0.8));   // 17/21 = 0.810
        assertEquals(0, KernelSizing.massRadius(k, 31, 1.0 / 21));
    }

    @Test
    void faintSpecksAtTheEdgeDoNotWidenTheSupport() {
        // a 7 px stroke with 90% of the mass, and 10% spread over the four corners of a 41 px canvas
        int ks = 41;
        float[] k = horizontalLine(ks, 3);
        for (int i = 0; i < k.length; i++) k[i] *= 0.9f;
        for (int i : new int[] {0, ks - 1, ks * (ks - 1), ks * ks - 1}) k[i] = 0.025f;
        assertEquals(20, KernelOps.supportRadius(k, ks));
        assertEquals(3, KernelSizing.massRadius(k, ks, KernelSizing.SUPPORT_MASS));
        // next level at sqrt 2: 2 ceil(3 sqrt2 * 1.25 + 2) + 1 = 2 * 8 + 1
        assertEquals(17, KernelSizing.nextLevelSize(k, ks, Math.sqrt(2), 59));
    }

    @Test
    void nextLevelNeverCutsAStraightStrokeAndStaysWithinTheNominalSize() {
        for (int m = 1; m <= 40; m++) {
            int ks = 2 * m + 9;
            int next = KernelSizing.nextLevelSize(horizontalLine(ks, m), ks, Math.sqrt(2), 1001);
            assertTrue(next / 2 >= Math.ceil(m * Math.sqrt(2)), "m " + m + ": next canvas " + next);
            assertEquals(1, next % 2);
        }
        assertEquals(21, KernelSizing.nextLevelSize(horizontalLine(41, 15), 41, Math.sqrt(2), 21));
    }

    @Test
    void rejectsEvenOrMismatchedKernels() {
        assertThrows(IllegalArgumentException.class, () -> KernelSizing.massRadius(new float[16], 4, 0.9));
        assertThrows(IllegalArgumentException.class, () -> KernelSizing.massRadius(new float[10], 3, 0.9));
    }

    @Test
    void automaticSizeOfALineBlurCoversItWithoutDoublingIt() throws Exception {
        Assumptions.assumeTrue(Files.exists(Path.of("..", "shared", "dev-images", "camera.png")));
        int side = 255;
        for (int length : new int[] {13, 25}) {
            for (int degrees : new int[] {0, 30}) {
                int ks = length + 2;
                float[] k = TestPlanes.lineKernel(ks, length, degrees);
                float[] blurred = TestPlanes.blurredCrop("camera.png", 120, 120, side, side, k, ks, 0.005, 3);
                KernelEstimator.Estimate est = new KernelEstimator().estimate(blurred, side, side, 0, ProgressListener.NONE, CancellationToken.none());
                // the stroke spans length cos(degrees) px along its longer side; 2 px of trim margin each way may follow
                String what = length + " px line at " + degrees + " deg: size " + est.size();
                assertTrue(est.size() >= length * Math.cos(Math.toRadians(degrees)), what);
                assertTrue(est.size() <= 2 * length + 5, what);
                System.out.println(what);
            }
        }
    }
}
