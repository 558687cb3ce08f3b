package org.tempora.diffusion;

import org.tempora.diffusion.runtime.Tensor;
import org.tempora.engine.CancellationToken;
import org.tempora.engine.CancelledException;
import org.tempora.engine.EngineException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Decodes video latents [1, C, T, h, w] to frames [1, 3, 4(T-1)+1, 8h, 8w] tile by tile, so the decoder's memory is
 * bounded by the tile size, not the photo's. Neighbouring tiles overlap and are blended with linear ramps across the
 * overlap (weights normalised per pixel), which hides seams as the VAE tiling of diffusers does.
 */
public final class TiledDecoder {
    /** The decoder run on one tile; the ONNX decoder in the engine, a plain function in tests. */
    @FunctionalInterface
    public interface TileDecoder {
        Tensor decode(Tensor latents) throws Exception;
    }

    /** Called after each tile. */
    @FunctionalInterface
    public interface TileListener {
        void tileDone(int done, int total);
    }

    private final int tileH, tileW, overlapH, overlapW;
    private final int scale;

    /**
     * @param tileH    tile height in latent pixels
     * @param tileW    tile width in latent pixels
     * @param overlapH overlap between vertically neighbouring tiles in latent pixels, less than the tile
     * @param overlapW overlap between horizontally neighbouring tiles
     * @param scale    pixels per latent pixel (the bundle's spatial compression)
     */
    public TiledDecoder(int tileH, int tileW, int overlapH, int overlapW, int scale) {
        check(tileH, overlapH);
        check(tileW, overlapW);
        this.tileH = tileH;
        this.tileW = tileW;
        this.overlapH = overlapH;
        this.overlapW = overlapW;
        this.scale = scale;
    }

    /** Square tiles. */
    public TiledDecoder(int tile, int overlap, int scale) {
        this(tile, tile, overlap, overlap, scale);
    }

    private static void check(int tile, int overlap) {
        if (tile < 1 || overlap < 0 || overlap >= tile) {
            throw new IllegalArgumentException("tile " + tile + " with overlap " + overlap + ": need 0 <= overlap < tile");
        }
    }

    /** Starts of the tiles covering [0, size): stride tile - overlap, the last one flush with the end. */
    static int[] starts(int size, int tile, int overlap) {
        if (size <= tile) return new int[] {0};
        List<Integer> starts = new ArrayList<>();
        int stride = tile - overlap;
        for (int s = 0; s + tile < size; s += stride) starts.add(s);
        starts.add(size - tile);
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Number of decoder runs for latents of {@code h x w}. */
    public int tileCount(int h, int w) {
        return starts(h, tileH, overlapH).length * starts(w, tileW, overlapW).length;
    }

    public Tensor decode(Tensor latents, TileDecoder decoder, TileListener listener, CancellationToken cancel)
            throws EngineException, CancelledException {
        int channels = latents.dim(1), t = latents.dim(2), h = latents.dim(3), w = latents.dim(4);
        int frames = 4 * (t - 1) + 1, height = h * scale, width = w * scale;
        float[] sum = new float[Math.multiplyExact(3 * frames, height * width)];
        float[] weight = new float[height * width];
        int[] rows = starts(h, tileH, overlapH), cols = starts(w, tileW, overlapW);
        int done = 0, total = rows.length * cols.length;
        for (int ri = 0; ri < rows.length; ri++) {
            for (int ci = 0; ci < cols.length; ci++) {
                cancel.throwIfCancelled();
                int th = Math.min(tileH, h), tw = Math.min(tileW, w);
                Tensor tile = cut(latents, channels, t, h, w, rows[ri], cols[ci], th, tw);
                Tensor out;
                try {
                    out = decoder.decode(tile);
                } catch (CancelledException e) {
                    throw e;
                } catch (Exception e) {
                    if (cancel.isCancelled()) throw new CancelledException();
                    throw new EngineException("the video decoder failed: " + e.getMessage(), e);
                }
                long[] want = {1, 3, frames, (long) th * scale, (long) tw * scale};
                if (!Arrays.equals(out.shape(), want)) {
                    throw new EngineException(String.format(Locale.ROOT, "the video decoder returned frames of shape %s for latents %s; expected %s",
                            Arrays.toString(out.shape()), Arrays.toString(tile.shape()), Arrays.toString(want)));
                }
                float[] ry = ramp(th * scale, ri > 0 ? overlapPixels(rows, th, ri - 1, ri) : 0, ri < rows.length - 1 ? overlapPixels(rows, th, ri, ri + 1) : 0);
                float[] rx = ramp(tw * scale, ci > 0 ? overlapPixels(cols, tw, ci - 1, ci) : 0, ci < cols.length - 1 ? overlapPixels(cols, tw, ci, ci + 1) : 0);
                accumulate(out.data(), sum, weight, frames, height, width, rows[ri] * scale, cols[ci] * scale, ry, rx);
                listener.tileDone(++done, total);
            }
        }
        int plane = height * width;
        for (int c = 0; c < 3 * frames; c++) {
            for (int p = 0; p < plane; p++) sum[c * plane + p] /= weight[p];
        }
        return new Tensor(sum, new long[] {1, 3, frames, height, width});
    }

    private int overlapPixels(int[] starts, int tile, int a, int b) {
        return (starts[a] + tile - starts[b]) * scale;
    }

    /** Weights along one tile edge: rising over the overlap with the previous tile, falling over the next one's. */
    static float[] ramp(int length, int before, int after) {
        float[] r = new float[length];
        for (int p = 0; p < length; p++) {
            float v = 1;
            if (before > 0) v = Math.min(v, (p + 0.5f) / before);
            if (after > 0) v = Math.min(v, (length - p - 0.5f) / after);
            r[p] = v;
        }
        return r;
    }

    private static Tensor cut(Tensor latents, int channels, int t, int h, int w, int y0, int x0, int th, int tw) {
        if (th == h && tw == w) return latents;
        float[] src = latents.data();
        float[] dst = new float[channels * t * th * tw];
        int i = 0;
        for (int ct = 0; ct < channels * t; ct++) {
            for (int y = 0; y < th; y++) {
                System.arraycopy(src, (ct * h + y0 + y) * w + x0, dst, i, tw);
                i += tw;
            }
        }
        return new Tensor(dst, new long[] {1, channels, t, th, tw});
    }

    private static void accumulate(float[] tile, float[] sum, float[] weight, int frames, int height, int width,
                                   int py, int px, float[] ry, float[] rx) {
        int th = ry.length, tw = rx.length, plane = height * width;
        for (int y = 0; y < th; y++) {
            for (int x = 0; x < tw; x++) weight[(py + y) * width + px + x] += ry[y] * rx[x];
        }
        for (int cf = 0; cf < 3 * frames; cf++) {
            int src = cf * th * tw, dst = cf * plane;
            for (int y = 0; y < th; y++) {
                float wy = ry[y];
                int row = dst + (py + y) * width + px, in = src + y * tw;
                for (int x = 0; x < tw; x++) sum[row + x] += tile[in + x] * wy * rx[x];
            }
        }
    }
}
