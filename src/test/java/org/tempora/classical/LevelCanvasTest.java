package org.tempora.classical;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class LevelCanvasTest {
    /** A flat w x h picture with a checkerboard of 4 px squares in the given rectangle. */
    private static float[] flatWithTexture(int w, int h, int x0, int y0, int tw, int th) {
        float[] p = new float[w * h];
        for (int y = y0; y < y0 + th; y++) {
            for (int x = x0; x < x0 + tw; x++) p[y * w + x] = ((x / 4 + y / 4) & 1) == 0 ? 1f : 0f;
        }
        return p;
    }

    @Test
    void largeLevelIsSolvedOnItsMostDetailedPowerOfTwoWindow() {
        // the finest level of a 640x360 photo: 533x300, 51 px kernel (gap 59); 600x360 would cost 358560, 512x256 131072
        int w = 533, h = 300, gap = 59;
        float[] p = flatWithTexture(w, h, 380, 200, 100, 60);
        LevelCanvas c = LevelCanvas.choose(p, w, h, null, gap, 80_000);
        assertEquals(512, c.fftWidth());
        assertEquals(256, c.fftHeight());
        assertEquals(512 - gap, c.width());
        assertEquals(256 - gap, c.height());
        assertTrue((long) c.width() * c.height() >= 80_000);
        // the window holds the whole textured patch
        assertTrue(c.x() <= 380 && c.x() + c.width() >= 480, "x " + c.x());
        assertTrue(c.y() <= 200 && c.y() + c.height() >= 260, "y " + c.y());
    }

    @Test
    void withoutPixelBudgetAtMostATenthIsLeftOut() {
        int w = 533, h = 300, gap = 59;
        LevelCanvas c = LevelCanvas.choose(new float[w * h], w, h, null, gap, 0);
        assertTrue((long) c.width() * c.height() >= 0.9 * w * h, c.toString());
        assertTrue(c.fftWidth() >= c.width() + gap && c.fftHeight() >= c.height() + gap);
        // 600x360 (358560) is cheaper than any plane holding 90 %: 600x512 408576, 1024x360 490291
        assertEquals(new LevelCanvas(600, 360, 0, 0, w, h), c);
    }

    @Test
    void smallLevelIsPaddedToAPowerOfTwoWhenCheaper() {
        // 180 + 45 = 225: 240x240 costs 95616, 256x256 65536
        LevelCanvas c = LevelCanvas.choose(new float[180 * 180], 180, 180, null, 45, 0);
        assertEquals(new LevelCanvas(256, 256, 0, 0, 180, 180), c);
    }

    @Test
    void clippedPixelsDoNotAttractTheWindow() {
        int w = 40, h = 10;
        float[] p = flatWithTexture(w, h, 0, 0, 10, 10);
        float[] q = flatWithTexture(w, h, 30, 0, 10, 10);
        for (int i = 0; i < p.length; i++) p[i] += q[i];
        boolean[] clipped = new boolean[w * h];
        for (int y = 0; y < h; y++) for (int x = 0; x < 12; x++) clipped[y * w + x] = true;
        assertArrayEquals(new int[] {0, 0}, LevelCanvas.mostDetailed(p, w, h, null, 12, 10));
        // x = 27..38 holds the texture's rising edge (gradient at x = 29) and every gradient inside it up to x = 38
        assertArrayEquals(new int[] {27, 0}, LevelCanvas.mostDetailed(p, w, h, clipped, 12, 10));
    }
}
