package org.tempora.diffusion;

import org.junit.jupiter.api.Test;
import org.tempora.diffusion.runtime.Tensor;
import org.tempora.engine.CancellationToken;
import org.tempora.engine.CancelledException;
import org.tempora.engine.EngineException;

import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.*;

class TiledDecoderTest {
    /** A per-pixel decoder: RGB = fixed 3xC map of the latent, 8x nearest upsampling, 1 + 4(T-1) frames. */
    static Tensor pointwise(Tensor latents) {
        int c = latents.dim(1), t = latents.dim(2), h = latents.dim(3), w = latents.dim(4), f = 4 * (t - 1) + 1;
        float[] out = new float[3 * f * 64 * h * w];
        for (int o = 0; o < 3; o++) {
            for (int fr = 0; fr < f; fr++) {
                int lt = fr == 0 ? 0 : (fr - 1) / 4 + 1;
                for (int y = 0; y < 8 * h; y++) {
                    for (int x = 0; x < 8 * w; x++) {
                        float v = 0;
                        for (int k = 0; k < c; k++) v += (o + 1) * (k + 1) * 0.1f * latents.data()[((k * t + lt) * h + y / 8) * w + x / 8];
                        out[((o * f + fr) * 8 * h + y) * 8 * w + x] = v;
                    }
                }
            }
        }
        return new Tensor(out, new long[] {1, 3, f, 8L * h, 8L * w});
    }

    static Tensor randomLatents(int c, int t, int h, int w, long seed) {
        Random r = new Random(seed);
        float[] d = new float[c * t * h * w];
        for (int i = 0; i < d.length; i++) d[i] = (float) r.nextGaussian();
        return new Tensor(d, new long[] {1, c, t, h, w});
    }

    @Test
    void tileStartsCoverTheAxisWithTheLastFlushToTheEnd() {
        assertArrayEquals(new int[] {0}, TiledDecoder.starts(60, 64, 16));
        assertArrayEquals(new int[] {0, 26}, TiledDecoder.starts(90, 64, 16));
        assertArrayEquals(new int[] {0, 48, 96}, TiledDecoder.starts(160, 64, 16));
        assertArrayEquals(new int[] {0, 2, 4, 6}, TiledDecoder.starts(10, 4, 2));
    }

    @Test
    void referenceTilesCoverTheBlur2vidLatentWithTwentyTiles() throws Exception {
        // 1280x720 -> 90x160 latents; diffusers' 30x45 tiles at strides 25 and 36
        assertArrayEquals(new int[] {0, 25, 50, 60}, TiledDecoder.starts(90, 30, 5));
        assertArrayEquals(new int[] {0, 36, 72, 108, 115}, TiledDecoder.starts(160, 45, 9));
        assertEquals(20, new TiledDecoder(30, 45, 5, 9, 8).tileCount(90, 160));
        Tensor latents = randomLatents(2, 2, 11, 17, 4);
        Tensor tiled = new TiledDecoder(4, 6, 1, 2, 8).decode(latents, TiledDecoderTest::pointwise, (d, n) -> {}, CancellationToken.none());
        assertArrayEquals(pointwise(latents).data(), tiled.data(), 1e-5f);
    }

    @Test
    void rampsRiseAndFallOverTheOverlapOnly() {
        assertArrayEquals(new float[] {1, 1, 1, 1}, TiledDecoder.ramp(4, 0, 0));
        assertArrayEquals(new float[] {0.25f, 0.75f, 1, 1}, TiledDecoder.ramp(4, 2, 0));
        assertArrayEquals(new float[] {1, 1, 0.75f, 0.25f}, TiledDecoder.ramp(4, 0, 2));
    }

    @Test
    void tiledDecodingOfAPointwiseDecoderEqualsTheWholeDecode() throws Exception {
        Tensor latents = randomLatents(4, 5, 10, 13, 3);
        Tensor whole = pointwise(latents);
        AtomicInteger calls = new AtomicInteger();
        TiledDecoder tiled = new TiledDecoder(4, 2, 8);
        Tensor result = tiled.decode(latents, l -> { calls.incrementAndGet(); return pointwise(l); }, (d, n) -> {}, CancellationToken.none());
        assertArrayEquals(whole.shape(), result.shape());
        assertArrayEquals(whole.data(), result.data(), 1e-5f);
        assertEquals(tiled.tileCount(10, 13), calls.get());
        assertEquals(4 * 6, calls.get(), "rows 0,2,4,6 x columns 0,2,4,6,8,9");
    }

    @Test
    void overlapsAreBlendedNotOverwritten() throws Exception {
        // a decoder that paints each tile a constant: the blend is a weighted mean, 1 inside a tile alone
        Tensor latents = randomLatents(1, 1, 4, 8, 1);
        AtomicInteger index = new AtomicInteger();
        Tensor out = new TiledDecoder(4, 2, 1).decode(latents, l -> {
            float v = index.getAndIncrement();
            float[] d = new float[3 * l.dim(3) * l.dim(4)];
            java.util.Arrays.fill(d, v);
            return new Tensor(d, new long[] {1, 3, 1, l.dim(3), l.dim(4)});
        }, (d, n) -> {}, CancellationToken.none());
        // tiles at x = 0, 2, 4 (values 0, 1, 2); x = 0 is covered by tile 0 only, x = 7 by tile 2 only
        assertEquals(0f, out.data()[0], 1e-6);
        assertEquals(2f, out.data()[7], 1e-6);
        // x = 2: tile 0 falls (weight 1.5/2) and tile 1 rises (0.5/2): (0 * 0.75 + 1 * 0.25) / 1
        assertEquals(0.25f, out.data()[2], 1e-6);
    }

    @Test
    void wrongDecoderShapeIsAClearError() {
        Tensor latents = randomLatents(2, 2, 4, 4, 1);
        EngineException e = assertThrows(EngineException.class, () -> new TiledDecoder(8, 2, 8).decode(latents,
                l -> Tensor.zeros(1, 3, 4, 32, 32), (d, n) -> {}, CancellationToken.none()));
        assertTrue(e.getMessage().contains("expected [1, 3, 5, 32, 32]"), e.getMessage());
    }

    @Test
    void cancelStopsBetweenTiles() {
        CancellationToken cancel = new CancellationToken();
        AtomicInteger calls = new AtomicInteger();
        assertThrows(CancelledException.class, () -> new TiledDecoder(2, 0, 8).decode(randomLatents(1, 1, 4, 4, 1), l -> {
            if (calls.incrementAndGet() == 2) cancel.cancel();
            return pointwise(l);
        }, (d, n) -> {}, cancel));
        assertEquals(2, calls.get());
    }
}
