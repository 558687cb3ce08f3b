package org.tempora.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.tempora.image.LinearImage;
import org.tempora.image.Srgb;

class FlowInputTest {
    @Test void framesUpToAMegapixelAreMeasuredAtFullSize() {
        assertEquals(1, FlowInput.reduction(1280, 720));
        assertEquals(1, FlowInput.reduction(1000, 1000));
        assertEquals(2, FlowInput.reduction(1920, 1080)); // 960 x 540
        assertEquals(4, FlowInput.reduction(4000, 3000)); // 3: 1333 x 1000 is still over; 4: 1000 x 750
        assertEquals(1000, FlowInput.reduced(4000, 4));
    }

    @Test void aThinFrameIsNotShrunkBelowWhatFlowMeasures() {
        // 2,000,000 x 16: any reduction would leave fewer than 16 rows.
        assertEquals(1, FlowInput.reduction(2_000_000, 16));
    }

    @Test void greyIsTheLinearLuminanceOfTheSrgbCodes() {
        int[] argb = {0xff000000, 0xffffffff, 0xffff0000, 0xff808080};
        LinearImage g = FlowInput.grey(argb, 2, 2, 1);
        assertEquals(1, g.channels());
        assertEquals(0, g.plane(0)[0], 0);
        assertEquals(1, g.plane(0)[1], 1e-6);
        assertEquals(0.2126, g.plane(0)[2], 1e-6); // pure red: Rec. 709 weight of R
        assertEquals(Srgb.toLinear(128 / 255.0), g.plane(0)[3], 1e-6);
    }

    @Test void reducingAveragesInLinearLight() {
        // 4x2 pixels: black and white columns; halved, each output pixel averages one black and one white: 0.5 in linear light.
        int[] argb = new int[8];
        for (int i = 0; i < 8; i++) argb[i] = i % 2 == 0 ? 0xff000000 : 0xffffffff;
        LinearImage g = FlowInput.grey(argb, 4, 2, 2);
        assertEquals(2, g.width());
        assertEquals(1, g.height());
        for (float v : g.plane(0)) assertEquals(0.5, v, 1e-6, Arrays.toString(g.plane(0)));
    }

    @Test void refusesAWrongPixelCount() {
        assertThrows(IllegalArgumentException.class, () -> FlowInput.grey(new int[3], 2, 2, 1));
    }
}
