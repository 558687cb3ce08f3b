package org.tempora.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.tempora.engine.CancellationToken;
import org.tempora.image.LinearImage;
import org.tempora.image.Srgb;
import org.tempora.metrics.Psnr;

class ReblurCheckTest {
    /** A picture whose display (sRGB) value is {@code display} everywhere. */
    private static LinearImage display(double display) {
        LinearImage img = LinearImage.blank(8, 6, 3);
        for (int c = 0; c < 3; c++) Arrays.fill(img.plane(c), (float) Srgb.toLinear(display));
        return img;
    }

    @Test void identicalPicturesGiveAnAllBlackMapAndTheCap() throws Exception {
        LinearImage photo = display(0.4);
        photo.set(1, 3, 2, 0.9f);
        float[] diff = DifferenceHeatMap.values(photo, photo.copy());
        for (float d : diff) assertEquals(0f, d);
        ReblurCheck check = ReblurCheck.of(photo, photo.copy(), 8, CancellationToken.none());
        assertEquals(Psnr.CAP_DB, check.psnrDb());
        assertTrue(check.identical());
        assertEquals(0, check.largestDifference());
        for (int argb : check.heatMap().argb()) assertEquals(0xff000000, argb);
    }

    @Test void aKnownOffsetGivesItsPsnrAndDifference() throws Exception {
        // Display values 0.5 and 0.51: MSE = 1e-4, so PSNR = -10 log10(1e-4) = 40 dB.
        ReblurCheck check = ReblurCheck.of(display(0.5), display(0.51), 4, CancellationToken.none());
        assertEquals(40.0, check.psnrDb(), 1e-3);
        assertEquals(0.01, check.largestDifference(), 1e-5);
        assertFalse(check.identical());
        assertEquals(4, check.frames());
        assertEquals("PSNR 40.0 dB: the mean of the 4 exposure frames against the photo; largest difference 1.0% of full brightness.",
                InspectView.describe(check));
    }

    @Test void theDifferenceIsTheLargestOverChannels() {
        LinearImage a = display(0.5), b = display(0.5);
        b.set(2, 0, 0, (float) Srgb.toLinear(0.55)); // blue of the first pixel differs by 0.05
        b.set(0, 0, 0, (float) Srgb.toLinear(0.48)); // red by 0.02
        float[] diff = DifferenceHeatMap.values(a, b);
        assertEquals(0.05f, diff[0], 1e-5f);
        assertEquals(0f, diff[1]);
    }

    @Test void theHotColourMapRunsFromBlackThroughRedAndYellowToWhite() {
        float full = DifferenceHeatMap.FULL_SCALE;
        assertEquals(0xff000000, DifferenceHeatMap.colour(0, full));
        assertEquals(0xffff0000, DifferenceHeatMap.colour(full / 3, full));
        assertEquals(0xffffff00, DifferenceHeatMap.colour(2 * full / 3, full));
        assertEquals(0xffffffff, DifferenceHeatMap.colour(full, full));
        assertEquals(0xffffffff, DifferenceHeatMap.colour(5 * full, full), "clipped above full scale");
        assertEquals(0xff800000, DifferenceHeatMap.colour(full / 6, full), "half red at a sixth of full scale");
    }
}
