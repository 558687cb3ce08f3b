package org.tempora.metrics;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tempora.image.LinearImage;

/**
 * Scores a synthetic 5-frame 80x40 RGB video against numbers computed by re-running the blur2vid evaluation formulas
 * (extra/moMets-parallel-gopro.py: scorePWPSNR, the PSNR column, per-patch skimage SSIM with channel_axis=2, mean over
 * frames, max over direction, mean over patches) in numpy / scikit-image 0.26 on the same display values, as float64.
 */
class ReferenceEvaluationTest {
    private static final int FRAMES = 5, WIDTH = 80, HEIGHT = 40;

    private static double truth(int f, int i, int c) { return ((i * 37 + f * 11 + c * 5) % 101) / 100.0; }

    private static double predicted(int f, int i, int c) {
        int x = i % WIDTH;
        if (x < 40) return truth(f, i, c) * 0.9 + 0.05; // left patch: close to the forward video
        return ((i * 37 + (FRAMES - 1 - f) * 11 + c * 5 + i % 7) % 101) / 100.0; // right patch: near the reversed video
    }

    private static List<LinearImage> video(boolean ofTruth) {
        List<LinearImage> frames = new ArrayList<>();
        for (int f = 0; f < FRAMES; f++) {
            int frame = f;
            frames.add(Videos.fromDisplay(WIDTH, HEIGHT,
                    i -> ofTruth ? truth(frame, i, 0) : predicted(frame, i, 0),
                    i -> ofTruth ? truth(frame, i, 1) : predicted(frame, i, 1),
                    i -> ofTruth ? truth(frame, i, 2) : predicted(frame, i, 2)));
        }
        return frames;
    }

    @Test
    void bidirectionalPsnrMatchesTheReferenceScript() {
        BidirectionalPsnr.Result r = BidirectionalPsnr.compute(video(false), video(true));
        assertEquals(19.042917181251667, r.psnr(), 1e-5);
        assertEquals(11.55073998469444, r.bestDirectionPsnr(), 1e-5);
        assertEquals(11.55073998469444, r.forwardPsnr(), 1e-5);
    }

    @Test
    void patchSsimMatchesTheReferenceScript() {
        PatchSsim.Result r = PatchSsim.compute(video(false), video(true));
        assertEquals(0.9134711810036642, r.ssim(), 1e-5);
        assertEquals(0.4866137425354786, r.forwardSsim(), 1e-5);
    }
}
