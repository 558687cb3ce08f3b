package org.tempora.metrics;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tempora.image.LinearImage;

class PatchSsimTest {
    private static final double C1 = 1e-4;

    /** x: (37 i mod 101) / 100, y: correlated with x; the same float32 arithmetic as the skimage script below. */
    private static float[][] pattern(int n) {
        float[] x = new float[n], y = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) ((i * 37L) % 101) / 100f;
            y[i] = (float) ((i * 37L) % 101 + (i * 53L + 7) % 13) / 112f;
        }
        return new float[][] {x, y};
    }

    @Test
    void matchesScikitImageStructuralSimilarity() {
        // Reference: skimage 0.26 structural_similarity(X, Y, data_range=1.0) on the same values as float64.
        float[][] p = pattern(40 * 40);
        assertEquals(0.9868059023303555, PatchSsim.patchSsim(p[0], p[1], 40, 0, 0, 40, 40), 1e-10);
        float[][] q = pattern(30 * 25); // 30 wide, 25 high; patch rows 5..21, columns 3..25
        assertEquals(0.986374065766341, PatchSsim.patchSsim(q[0], q[1], 30, 3, 5, 23, 17), 1e-10);
    }

    @Test
    void averagesChannelsAsScikitImageWithChannelAxis() {
        // Reference: structural_similarity(X, Y, data_range=1.0, channel_axis=2), planes c = values c*1600 .. c*1600+1599.
        float[][] p = pattern(3 * 1600);
        LinearImage a = Videos.fromDisplay(40, 40, i -> p[0][i], i -> p[0][1600 + i], i -> p[0][3200 + i]);
        LinearImage b = Videos.fromDisplay(40, 40, i -> p[1][i], i -> p[1][1600 + i], i -> p[1][3200 + i]);
        assertEquals(0.9868118419486311, PatchSsim.between(a, b), 1e-5); // display -> linear -> display round trip costs ~1e-7
    }

    @Test
    void constantPatchesFollowTheLuminanceTerm() {
        double a = 0.5, b = 0.6;
        double expected = (2 * a * b + C1) / (a * a + b * b + C1); // contrast-structure term is C2 / C2 = 1
        assertEquals(expected, PatchSsim.between(Videos.constant(40, 40, a), Videos.constant(40, 40, b)), 1e-6);
    }

    @Test
    void identicalVideosScoreOne() {
        List<LinearImage> truth = Videos.randomVideo(3, 80, 80, 3, 7);
        PatchSsim.Result r = PatchSsim.compute(truth, truth);
        assertEquals(1.0, r.ssim(), 1e-12);
        assertEquals(1.0, r.forwardSsim(), 1e-12);
        assertEquals(4, r.patches());
    }

    @Test
    void reversedPredictionScoresTheSameAsForward() {
        List<LinearImage> truth = Videos.randomVideo(5, 40, 40, 3, 8);
        List<LinearImage> predicted = new ArrayList<>();
        for (int f = 0; f < 5; f++) predicted.add(Videos.mix(truth.get(f), Videos.random(40, 40, 3, 90 + f, 0, 1), (c, x, y) -> (x + y) % 3 != 0));
        PatchSsim.Result forward = PatchSsim.compute(predicted, truth);
        PatchSsim.Result backward = PatchSsim.compute(Videos.reversed(predicted), truth);
        assertEquals(forward.ssim(), backward.ssim(), 1e-12);
        assertTrue(forward.ssim() < 0.95 && forward.ssim() > 0.1, "partly corrupted: " + forward.ssim());
        assertTrue(backward.forwardSsim() < forward.forwardSsim());
    }

    @Test
    void halfForwardHalfReversedPatchesArePerfectOnlyBidirectionally() {
        List<LinearImage> truth = Videos.randomVideo(4, 80, 40, 3, 9);
        List<LinearImage> predicted = new ArrayList<>();
        for (int f = 0; f < 4; f++) predicted.add(Videos.mix(truth.get(f), truth.get(3 - f), (c, x, y) -> x < 40)); // left patch forward
        PatchSsim.Result r = PatchSsim.compute(predicted, truth);
        assertEquals(2, r.patches());
        assertEquals(1.0, r.ssim(), 1e-12);
        assertTrue(r.forwardSsim() < 0.8, "forward " + r.forwardSsim());
    }

    @Test
    void edgePatchesThinnerThanTheWindowAreLeftOut() {
        LinearImage a = Videos.random(50, 45, 1, 10, 0, 1); // 50 = 40 + 10 (kept), 45 = 40 + 5 (too thin)
        assertEquals(2, PatchSsim.compute(List.of(a), List.of(a)).patches());
        LinearImage tiny = Videos.random(6, 30, 1, 11, 0, 1);
        String msg = assertThrows(IllegalArgumentException.class, () -> PatchSsim.between(tiny, tiny)).getMessage();
        assertTrue(msg.contains("too small for SSIM"), msg);
    }
}
