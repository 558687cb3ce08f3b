package org.tempora.diffusion;

import org.junit.jupiter.api.Test;
import org.tempora.image.LinearImage;
import org.tempora.image.Srgb;

import static org.junit.jupiter.api.Assertions.*;

class PhotoFitTest {
    @Test
    void wideAndTallPhotosFitCentredKeepingTheirAspect() {
        assertEquals(new PhotoFit(1280, 720, 0, 0, 1280, 720), PhotoFit.of(1920, 1080, 1280, 720));
        // 4:3 in 16:9: full height, 960 wide, centred with 160 px each side
        assertEquals(new PhotoFit(1280, 720, 160, 0, 960, 720), PhotoFit.of(4000, 3000, 1280, 720));
        // 3:1 panorama: full width, 1280/3 = 426.67 -> 427 high, (720 - 427) / 2 = 146 above
        assertEquals(new PhotoFit(1280, 720, 0, 146, 1280, 427), PhotoFit.of(3000, 1000, 1280, 720));
        assertFalse(PhotoFit.of(640, 360, 1280, 720).padded());
        assertTrue(PhotoFit.of(640, 480, 1280, 720).padded());
    }

    @Test
    void mirrorReflectsWithoutRepeatingTheEdge() {
        int[] expected = {2, 1, 0, 1, 2, 3, 2, 1, 0, 1};
        for (int i = -2; i < 8; i++) assertEquals(expected[i + 2], PhotoFit.mirror(i, 4), "index " + i);
        assertEquals(0, PhotoFit.mirror(5, 1));
    }

    @Test
    void modelInputIsSrgbInMinusOneToOneWithMirroredBorders() {
        // a 2x4 photo (tall) in a 4x4 frame: one mirrored column each side
        LinearImage photo = LinearImage.blank(2, 4, 3);
        for (int y = 0; y < 4; y++) {
            photo.set(0, 0, y, 0.2f);
            photo.set(0, 1, y, 0.8f);
            photo.set(1, 0, y, 0f);
            photo.set(1, 1, y, 1f);
        }
        PhotoFit fit = PhotoFit.of(2, 4, 4, 4);
        assertEquals(new PhotoFit(4, 4, 1, 0, 2, 4), fit);
        float[] in = fit.modelInput(photo);
        float a = (float) (2 * Srgb.fromLinear(0.2) - 1), b = (float) (2 * Srgb.fromLinear(0.8) - 1);
        float[] row = {b, a, b, a}; // x = -1 mirrors to 1, x = 2 mirrors to 0
        for (int x = 0; x < 4; x++) assertEquals(row[x], in[2 * 4 + x], 1e-6, "red at x=" + x);
        assertEquals(-1f, in[16 + 4 + 1], 1e-6);
        assertEquals(1f, in[16 + 4 + 2], 1e-6);
        assertEquals(-1f, in[32], 1e-6, "blue is 0");
        float[] plane = new float[16];
        System.arraycopy(in, 0, plane, 0, 16);
        float[] crop = fit.crop(plane);
        assertArrayEquals(new float[] {a, b, a, b, a, b, a, b}, crop, 1e-6f);
    }

    @Test
    void greyPhotoFillsAllThreeChannels() {
        LinearImage grey = LinearImage.blank(8, 8, 1);
        java.util.Arrays.fill(grey.plane(0), 0.5f);
        float[] in = PhotoFit.of(8, 8, 8, 8).modelInput(grey);
        float v = (float) (2 * Srgb.fromLinear(0.5) - 1);
        for (float x : in) assertEquals(v, x, 1e-6);
    }
}
