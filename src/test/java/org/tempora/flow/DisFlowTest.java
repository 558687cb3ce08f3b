package org.tempora.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tempora.image.LinearImage;

/** DIS recovers known motion of a textured photo (astronaut.png), default preset MEDIUM. */
class DisFlowTest {
    private static LinearImage astronaut;
    private final DisFlow dis = new DisFlow(DisFlow.Preset.MEDIUM);

    @BeforeAll
    static void load() throws IOException {
        astronaut = FlowTestFrames.astronaut();
    }

    private static double interiorEpe(FlowField estimate, FlowField truth, int border) {
        return EndPointError.of(estimate, truth, EndPointError.interior(truth.width(), truth.height(), border)).mean();
    }

    @Test
    void wholePixelTranslationIsRecoveredWithinATenthOfAPixel() {
        LinearImage[] f = FlowTestFrames.shifted(astronaut, 128, 128, 256, 256, 3, -2);
        FlowField flow = dis.compute(f[0], f[1]);
        double epe = interiorEpe(flow, FlowField.uniform(256, 256, 3, -2), 16);
        assertTrue(epe < 0.1, "mean end-point error " + epe + " px"); // measured 0.056
    }

    @Test
    void subpixelTranslationIsRecoveredWithinATenthOfAPixel() {
        // (3, -1) fine pixels at half resolution: (1.5, -0.5) px exactly
        LinearImage[] fine = FlowTestFrames.shifted(astronaut, 16, 16, 480, 480, 3, -1);
        FlowField flow = dis.compute(FlowTestFrames.boxDown(fine[0], 2), FlowTestFrames.boxDown(fine[1], 2));
        double epe = interiorEpe(flow, FlowField.uniform(240, 240, 1.5f, -0.5f), 16);
        assertTrue(epe < 0.1, "mean end-point error " + epe + " px"); // measured 0.075
        // a quarter pixel: (1, -1) fine pixels at a quarter of the resolution
        LinearImage[] quarter = FlowTestFrames.shifted(astronaut, 16, 16, 480, 480, 1, -1);
        FlowField small = dis.compute(FlowTestFrames.boxDown(quarter[0], 4), FlowTestFrames.boxDown(quarter[1], 4));
        double epeSmall = interiorEpe(small, FlowField.uniform(120, 120, 0.25f, -0.25f), 8);
        assertTrue(epeSmall < 0.1, "mean end-point error " + epeSmall + " px"); // measured 0.044
    }

    @Test
    void rotationOfTwoDegreesIsRecoveredWithinAQuarterPixel() {
        // 2 degrees about the centre of a 256x256 window: up to 6.3 px of motion at the corners of the interior
        LinearImage a = astronaut.crop(128, 128, 256, 256);
        LinearImage b = FlowTestFrames.rotated(a, 2, 127.5, 127.5);
        double epe = interiorEpe(dis.compute(a, b), FlowTestFrames.rotationFlow(256, 256, 2, 127.5, 127.5), 16);
        assertTrue(epe < 0.25, "mean end-point error " + epe + " px"); // measured 0.18 (MEDIUM), 0.08 (FINE)
    }

    @Test
    void finePresetIsAtLeastAsAccurateOnRotation() {
        LinearImage a = astronaut.crop(128, 128, 256, 256);
        LinearImage b = FlowTestFrames.rotated(a, 5, 127.5, 127.5);
        FlowField truth = FlowTestFrames.rotationFlow(256, 256, 5, 127.5, 127.5);
        double medium = interiorEpe(dis.compute(a, b), truth, 16);
        double fine = interiorEpe(new DisFlow(DisFlow.Preset.FINE).compute(a, b), truth, 16);
        assertTrue(fine < 0.25 && fine <= medium, "5 degrees: fine " + fine + " px, medium " + medium + " px"); // measured 0.20, 0.37
    }

    @Test
    void stillFramesGiveZeroFlow() {
        LinearImage a = astronaut.crop(100, 100, 64, 64);
        FlowField flow = dis.compute(a, a.copy());
        assertEquals(0, flow.maxMagnitude(null), 1e-3);
    }

    @Test
    void refusesFramesOfDifferentSizesAndTinyFrames() {
        LinearImage a = astronaut.crop(0, 0, 64, 64), b = astronaut.crop(0, 0, 64, 48);
        assertThrows(IllegalArgumentException.class, () -> dis.compute(a, b));
        LinearImage tiny = astronaut.crop(0, 0, 8, 8);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> dis.compute(tiny, tiny));
        assertTrue(e.getMessage().contains("at least 16x16"), e.getMessage());
        LinearImage smallest = astronaut.crop(200, 200, DisFlow.MIN_SIDE, DisFlow.MIN_SIDE);
        assertEquals(DisFlow.MIN_SIDE, dis.compute(smallest, smallest).width()); // the smallest accepted size runs
    }

    @Test
    void greyCodesMatchRoundedSrgbEncoding() {
        java.util.Random rnd = new java.util.Random(3);
        for (int n = 0; n < 200_000; n++) {
            float lin = n < 256 ? (float) org.tempora.image.Srgb.toLinear(n / 255.0) : rnd.nextFloat();
            int expected = (int) Math.round(255 * org.tempora.image.Srgb.fromLinear(lin));
            assertEquals(expected, Grey8.code(lin), "linear " + lin);
        }
        assertEquals(0, Grey8.code(Float.NaN));
        assertEquals(0, Grey8.code(-1f));
        assertEquals(255, Grey8.code(7f));
    }
}
