package org.tempora.metrics;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tempora.image.LinearImage;
import org.tempora.image.Srgb;

class BlurConsistencyTest {
    @Test
    void framesWhoseMeanIsThePhotoScoreTheCap() {
        LinearImage a = Videos.random(16, 12, 3, 20, 0, 1), b = Videos.random(16, 12, 3, 21, 0, 1);
        float[][] planes = new float[3][16 * 12];
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < planes[c].length; i++) planes[c][i] = (float) ((a.plane(c)[i] + (double) b.plane(c)[i]) / 2);
        }
        LinearImage photo = new LinearImage(16, 12, planes);
        assertEquals(Psnr.CAP_DB, BlurConsistency.psnr(photo, List.of(a, b)), 0.0);
    }

    @Test
    void framesAreAveragedInLinearLight() {
        LinearImage black = Videos.constant(4, 4, 0.0), white = Videos.constant(4, 4, 1.0);
        LinearImage halfLight = new LinearImage(4, 4, new float[][] {filled(16, 0.5f)});
        assertEquals(100.0, BlurConsistency.psnr(halfLight, List.of(black, white)), 0.0);
        // Averaging display values instead would give display 0.5, far from the photo's 0.7354.
        double displayOfHalfLight = Srgb.fromLinear(0.5);
        assertEquals(-10 * Math.log10(Math.pow(displayOfHalfLight - 0.5, 2)),
                Psnr.between(halfLight, Videos.constant(4, 4, 0.5)), 1e-4);
    }

    @Test
    void displayOffsetOfOneTenthIsTwentyDecibels() {
        LinearImage photo = Videos.random(10, 10, 3, 22, 0.0, 0.6);
        LinearImage brighter = photo.copy();
        for (int c = 0; c < 3; c++) {
            float[] p = brighter.plane(c);
            for (int i = 0; i < p.length; i++) p[i] = (float) Srgb.toLinear(Srgb.fromLinear(p[i]) + 0.1);
        }
        LinearImage dim = brighter.copy(), bright = brighter.copy();
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < 100; i++) { dim.plane(c)[i] *= 0.5f; bright.plane(c)[i] *= 1.5f; } // mean stays the brighter picture
        }
        assertEquals(20.0, BlurConsistency.psnr(photo, List.of(dim, bright)), 1e-4);
        assertEquals(20.0, Psnr.between(photo, brighter), 1e-4);
    }

    @Test
    void refusesFramesOfAnotherSize() {
        LinearImage photo = Videos.constant(4, 4, 0.5);
        String msg = assertThrows(IllegalArgumentException.class,
                () -> BlurConsistency.psnr(photo, List.of(Videos.constant(4, 5, 0.5)))).getMessage();
        assertTrue(msg.contains("same size"), msg);
        assertThrows(IllegalArgumentException.class, () -> BlurConsistency.psnr(photo, List.of()));
    }

    private static float[] filled(int n, float v) { float[] a = new float[n]; java.util.Arrays.fill(a, v); return a; }
}
