package org.tempora.classical;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tempora.engine.CancellationToken;
import org.tempora.engine.EngineOptions;
import org.tempora.engine.GenerationRequest;
import org.tempora.engine.ProgressListener;
import org.tempora.image.LinearImage;
import org.tempora.simulate.BlurSimulator;
import org.tempora.simulate.CameraShake;
import org.tempora.testutil.DevImages;
import org.tempora.timeline.FramePlans;

/** Grey and sepia scans: the frames keep the photo's tone, with no colour fringes from per-channel deconvolution. */
class ToneFidelityTest {
    /** Sepia in linear light: each channel a fixed share of the grey. */
    static final float[] SEPIA = {1.0f, 0.78f, 0.52f};

    private static List<LinearImage> frames(LinearImage photo) throws Exception {
        return new ArrayList<>(new ClassicalEngine().generate(new GenerationRequest(photo, FramePlans.present(5), 0, EngineOptions.defaults()),
                ProgressListener.NONE, CancellationToken.none()).frames());
    }

    private static LinearImage blurredGrey() throws Exception {
        LinearImage grey = DevImages.crop("camera.png", 120, 100, 260, 200);
        return BlurSimulator.simulate(grey, CameraShake.arc(14, 20, 30), 5, 8, 0.002, 3).blurred();
    }

    @Test
    void aGreyPhotoGivesGreyFrames() throws Exception {
        LinearImage photo = blurredGrey();
        assertEquals(1, photo.channels());
        for (LinearImage f : frames(photo)) assertEquals(1, f.channels());
    }

    @Test
    void aSepiaPhotoKeepsItsHueInEveryFrame() throws Exception {
        LinearImage grey = blurredGrey();
        float[][] planes = new float[3][];
        for (int c = 0; c < 3; c++) {
            planes[c] = grey.plane(0).clone();
            for (int i = 0; i < planes[c].length; i++) planes[c][i] *= SEPIA[c];
        }
        LinearImage sepia = new LinearImage(grey.width(), grey.height(), planes);
        double worst = 0;
        for (LinearImage f : frames(sepia)) {
            for (int i = 0; i < f.pixelCount(); i++) {
                float r = f.plane(0)[i];
                if (r < 0.02f) continue; // ratios of near-black pixels are all noise
                for (int c = 1; c < 3; c++) worst = Math.max(worst, Math.abs(f.plane(c)[i] / r - SEPIA[c] / SEPIA[0]));
            }
        }
        assertTrue(worst < 0.01, "largest departure of a channel ratio from the sepia tone: " + worst);
    }

    @Test
    void tonedMonochromeIsToldFromColour() throws Exception {
        LinearImage colour = DevImages.crop("coffee.png", 0, 0, 120, 90);
        assertTrue(MonochromeTone.gains(colour, colour.luminance()).isEmpty());
        LinearImage grey = DevImages.crop("camera.png", 0, 0, 120, 90);
        float[][] planes = new float[3][];
        for (int c = 0; c < 3; c++) {
            planes[c] = grey.plane(0).clone();
            for (int i = 0; i < planes[c].length; i++) planes[c][i] *= SEPIA[c];
        }
        LinearImage sepia = new LinearImage(120, 90, planes);
        float[] g = MonochromeTone.gains(sepia, sepia.luminance()).orElseThrow();
        // Y = (0.2126 * 1 + 0.7152 * 0.78 + 0.0722 * 0.52) grey, so g_c = SEPIA[c] / that
        double y = 0.2126 * SEPIA[0] + 0.7152 * SEPIA[1] + 0.0722 * SEPIA[2];
        for (int c = 0; c < 3; c++) assertEquals(SEPIA[c] / y, g[c], 1e-5);
    }
}
