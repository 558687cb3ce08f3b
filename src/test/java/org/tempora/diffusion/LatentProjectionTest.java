package org.tempora.diffusion;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class LatentProjectionTest {
    @Test
    void recoversAnAffineLatentToRgbMapExactly() {
        int c = 4, h = 6, w = 5, scale = 8, n = h * w, W = w * scale, H = h * scale;
        Random r = new Random(5);
        float[] rgb = new float[3 * W * H];
        for (int i = 0; i < rgb.length; i++) rgb[i] = (float) (r.nextDouble() * 2 - 1);
        float[] pooled = LatentProjection.pool(rgb, h, w, scale);
        // latent = M * pooled + offset, with M 4x3 of full column rank; the projection must invert it on RGB
        double[][] m = {{0.5, -0.2, 0.1}, {0.3, 0.8, -0.4}, {-0.6, 0.1, 0.9}, {0.2, 0.2, 0.2}};
        double[] offset = {0.1, -0.3, 0.05, 0.7};
        float[] latent = new float[c * n];
        for (int k = 0; k < c; k++) {
            for (int p = 0; p < n; p++) {
                double v = offset[k];
                for (int o = 0; o < 3; o++) v += m[k][o] * pooled[o * n + p];
                latent[k * n + p] = (float) v;
            }
        }
        LatentProjection projection = LatentProjection.fit(latent, c, h, w, rgb, scale);
        assertArrayEquals(pooled, projection.apply(latent, 0, n), 1e-3f);
    }

    @Test
    void poolingAveragesEachBlock() {
        float[] rgb = new float[3 * 4 * 2];
        for (int i = 0; i < 8; i++) rgb[i] = i; // red plane 4 wide, 2 high: blocks {0,1,4,5} and {2,3,6,7}
        float[] pooled = LatentProjection.pool(rgb, 1, 2, 2);
        assertEquals(2.5f, pooled[0], 1e-6);
        assertEquals(4.5f, pooled[1], 1e-6);
    }
}
