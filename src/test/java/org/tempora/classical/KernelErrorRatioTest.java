package org.tempora.classical;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tempora.simulate.Degradation;
import org.tempora.engine.CancellationToken;
import org.tempora.image.LinearImage;
import org.tempora.simulate.CameraShake;
import org.tempora.testutil.DevImages;

class KernelErrorRatioTest {
    @Test
    void aShiftedCopyHasNoErrorOnceTheShiftIsCompensated() {
        int w = 40, h = 30;
        float[] ref = new float[w * h], moved = new float[w * h];
        java.util.Random rnd = new java.util.Random(2);
        for (int i = 0; i < ref.length; i++) ref[i] = rnd.nextFloat();
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) moved[y * w + x] = ref[Math.floorMod(y - 2, h) * w + Math.floorMod(x + 3, w)];
        assertEquals(0, KernelErrorRatio.shiftCompensatedSsd(moved, ref, w, h, 5, 4), 1e-9);
        assertTrue(KernelErrorRatio.shiftCompensatedSsd(moved, ref, w, h, 5, 1) > 1);
    }

    @Test
    void aQuarterPixelShiftIsCompensatedExactlyOnABilinearPicture() {
        // bilinear interpolation reproduces a bilinear function exactly, so the best quarter-pixel shift leaves no error
        int w = 40, h = 30;
        float[] ref = new float[w * h], moved = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                ref[y * w + x] = bilinear(x, y);
                moved[y * w + x] = bilinear(x - 1.25, y + 0.75);
            }
        }
        assertEquals(0, KernelErrorRatio.shiftCompensatedSsd(moved, ref, w, h, 5, 3), 1e-6);
        // half a step off the grid: the least error over the quarter-pixel grid, summed in closed form (at (1.5, -0.25))
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) moved[y * w + x] = bilinear(x - 1.125, y);
        assertEquals(0.0057467, KernelErrorRatio.shiftCompensatedSsd(moved, ref, w, h, 5, 3), 2e-6);
    }

    private static float bilinear(double x, double y) { return (float) (0.1 + 0.02 * x + 0.03 * y + 0.001 * x * y); }

    @Test
    void aSmallStraightBlurIsEstimatedNearlyAsWellAsTheTrueKernel() throws Exception {
        LinearImage sharp = DevImages.crop("astronaut.png", 80, 40, 360, 360);
        KernelErrorRatio.Item r = KernelErrorRatio.measure("astronaut", sharp, CameraShake.linear(9, 30), 0.005, 1, CancellationToken.none());
        assertTrue(r.ratio() >= 0.8 && r.ratio() < 3, "error ratio " + r.ratio());
        assertEquals(9 * Math.cos(Math.toRadians(30)), r.extent(), 0.2);
    }

    @Test
    void clippedHighlightsAreComparedWithTheSharpPictureAtTheSameGain() throws Exception {
        LinearImage sharp = DevImages.crop("astronaut.png", 80, 40, 360, 360);
        KernelErrorRatio.Item clean = KernelErrorRatio.measure("astronaut", sharp, CameraShake.linear(9, 30), 0.005, 1, false, 1,
                Optional.empty(), CancellationToken.none());
        KernelErrorRatio.Item clipped = KernelErrorRatio.measure("astronaut", sharp, CameraShake.linear(9, 30), 0.005, 1, false, 1,
                Optional.of(Degradation.parse("clip:0.02")), CancellationToken.none());
        System.out.printf("true kernel's SSD: clean %.1f, 2%% clipped %.1f%n", clean.ssdTrue(), clipped.ssdTrue());
        // brightened to clip 2% of the pixels, the restoration's error grows with the gain squared and the clipped rims,
        // not by the whole brightening, which an unscaled reference would add
        assertTrue(clipped.ssdTrue() < 6 * clean.ssdTrue(), clipped.ssdTrue() + " against " + clean.ssdTrue());
        assertTrue(clipped.ratio() < 1.6, "one iteration from the truth: " + clipped.ratio());
    }
}
