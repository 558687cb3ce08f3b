package org.tempora.classical;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
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
    void aSmallStraightBlurIsEstimatedNearlyAsWellAsTheTrueKernel() throws Exception {
        LinearImage sharp = DevImages.crop("astronaut.png", 80, 40, 360, 360);
        KernelErrorRatio.Item r = KernelErrorRatio.measure("astronaut", sharp, CameraShake.linear(9, 30), 0.005, 1, CancellationToken.none());
        assertTrue(r.ratio() >= 0.8 && r.ratio() < 3, "error ratio " + r.ratio());
        assertEquals(9 * Math.cos(Math.toRadians(30)), r.extent(), 0.2);
    }
}
