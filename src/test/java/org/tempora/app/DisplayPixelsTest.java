package org.tempora.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tempora.image.LinearImage;
import org.tempora.image.Srgb;

class DisplayPixelsTest {
    @Test void codesFollowTheSrgbCurveWithinOneStep() {
        int off = 0;
        for (int i = 0; i <= 200_000; i++) {
            float v = i / 200_000f;
            int expected = (int) Math.round(255 * Srgb.fromLinear(v));
            int got = DisplayPixels.code(v);
            assertTrue(Math.abs(got - expected) <= 1, v + ": " + got + " vs " + expected);
            if (got != expected) off++;
        }
        // Each of the 255 code boundaries is blurred by half a table step (1/131070), so under 255/65535 = 0.4% may differ.
        assertTrue(off < 800, off + " of 200001 values rounded to a neighbouring code");
        assertEquals(188, DisplayPixels.code(0.5f)); // 255 * (1.055 * 0.5^(1/2.4) - 0.055) = 187.5 -> 188
        assertEquals(13, DisplayPixels.code(0.004f)); // linear segment: 255 * 12.92 * 0.004 = 13.18
    }

    @Test void outOfRangeValuesClip() {
        assertEquals(0, DisplayPixels.code(-0.2f));
        assertEquals(0, DisplayPixels.code(Float.NaN));
        assertEquals(255, DisplayPixels.code(1f));
        assertEquals(255, DisplayPixels.code(3f));
    }

    @Test void packsOpaqueArgbRowMajor() {
        LinearImage rgb = new LinearImage(2, 1, new float[][] {{1f, 0f}, {0f, 0.5f}, {0f, 1f}});
        assertArrayEquals(new int[] {0xffff0000, 0xff00bcff}, DisplayPixels.of(rgb).argb());
        LinearImage grey = new LinearImage(1, 2, new float[][] {{0.5f, 0f}});
        assertArrayEquals(new int[] {0xffbcbcbc, 0xff000000}, DisplayPixels.of(grey).argb());
    }
}
