package org.tempora.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.tempora.image.LinearImage;

class ConsistencyMaskTest {
    @Test
    void consistentFlowPassesAndOccludedOrLeavingPixelsFail() {
        int w = 40, h = 30;
        FlowField forward = FlowField.uniform(w, h, 2, 0);
        FlowField backward = FlowField.uniform(w, h, -2, 0);
        // an occluder in the second frame over x 20..27: there the backward flow follows the occluder (still)
        for (int y = 0; y < h; y++) for (int x = 20; x < 28; x++) backward.u()[y * w + x] = 0;
        ConsistencyMask m = ConsistencyMask.check(forward, backward);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double tx = x + 2;
                // B sampled at x + 2: -2 left of 19, 0 from 20 to 27, -2 from 28; |2 + B|^2 < 0.01 (4 + B^2) + 0.5 only for B = -2
                boolean expected = tx <= w - 1 && (tx <= 19 || tx >= 28);
                assertEquals(expected, m.isReliable(x, y), "pixel " + x + "," + y);
            }
        }
        assertEquals((18 + 12) / 40.0, m.reliableFraction(), 1e-12); // x 0..17 and 26..37 of each row
    }

    @Test
    void toleranceGrowsWithTheMotion() {
        // |F + B|^2 = 1 fails for small motion (0.01 (1 + 0) + 0.5) but passes for 10 px (0.01 (100 + 81) + 0.5 = 2.31)
        assertFalse(ConsistencyMask.check(FlowField.uniform(8, 8, 1, 0), FlowField.uniform(8, 8, 0, 0)).isReliable(2, 2));
        assertTrue(ConsistencyMask.check(FlowField.uniform(40, 8, 10, 0), FlowField.uniform(40, 8, -9, 0)).isReliable(2, 2));
        // half a pixel of disagreement at rest: 0.25 < 0.5 + 0.01 * 0.25
        assertTrue(ConsistencyMask.check(FlowField.uniform(8, 8, 0.5f, 0), FlowField.uniform(8, 8, 0, 0)).isReliable(2, 2));
    }

    @Test
    void disFlowOfAMovingPatchIsFlaggedWhereTheBackgroundIsCovered() throws IOException {
        // a 40x40 textured patch moves 10 px right over a still photo: the background it covers has no match
        LinearImage all = FlowTestFrames.astronaut();
        LinearImage bg = all.crop(150, 150, 128, 128), patch = all.crop(300, 20, 40, 40);
        LinearImage a = withPatch(bg, patch, 40), b = withPatch(bg, patch, 50);
        DisFlow dis = new DisFlow(DisFlow.Preset.MEDIUM);
        FlowField f = dis.compute(a, b);
        ConsistencyMask m = ConsistencyMask.check(f, dis.compute(b, a));
        int coveredBad = 0, farGood = 0, far = 0;
        for (int y = 40; y < 80; y++) for (int x = 80; x < 90; x++) if (!m.isReliable(x, y)) coveredBad++; // covered in b
        for (int y = 0; y < 128; y++) {
            for (int x = 0; x < 118; x++) { // the last 10 columns may leave the frame
                if (x > 24 && x < 106 && y > 24 && y < 96) continue; // well away from the patch
                far++;
                if (m.isReliable(x, y)) farGood++;
            }
        }
        assertTrue(coveredBad >= 0.9 * 400, coveredBad + " of 400 covered pixels flagged"); // measured 400
        assertTrue(farGood >= 0.95 * far, farGood + " of " + far + " distant pixels reliable");
        // a 6 px move is too narrow an occlusion for DIS's 8 px patches: its flow drags the background along consistently
    }

    /** bg with the 40x40 patch pasted at (x0, 40). */
    private static LinearImage withPatch(LinearImage bg, LinearImage patch, int x0) {
        LinearImage img = bg.copy();
        for (int c = 0; c < img.channels(); c++) {
            for (int y = 0; y < 40; y++) for (int x = 0; x < 40; x++) img.set(c, x0 + x, 40 + y, patch.get(c, x, y));
        }
        return img;
    }
}
