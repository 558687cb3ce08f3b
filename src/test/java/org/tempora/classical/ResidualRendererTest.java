package org.tempora.classical;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class ResidualRendererTest {
    @Test
    void signedResizeKeepsNegativeValuesAndReproducesRamps() {
        // Keys' cubic reproduces linear ramps exactly away from the edges (Keys 1981); a clamp at 0 would cut the ramp's lower half.
        int w = 20, h = 10, nw = 60, nh = 30;
        float[] ramp = new float[w * h];
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) ramp[y * w + x] = (x - 9.5f) / 9.5f - 0.1f * (y - 4.5f);
        float[] big = ResidualRenderer.resizeSigned(ramp, w, h, nw, nh);
        for (int y = 6; y < nh - 6; y++) {
            for (int x = 6; x < nw - 6; x++) {
                double sx = (x + 0.5) * w / nw - 0.5, sy = (y + 0.5) * h / nh - 0.5;
                assertEquals((sx - 9.5) / 9.5 - 0.1 * (sy - 4.5), big[y * nw + x], 1e-5);
            }
        }
        float[] negative = new float[w * h];
        java.util.Arrays.fill(negative, -0.25f);
        for (float v : ResidualRenderer.resizeSigned(negative, w, h, nw, nh)) assertEquals(-0.25f, v, 1e-6);
    }
}
