package org.tempora.export.video;

import java.util.Arrays;

/**
 * Maps pixels to the nearest palette entry (squared distance in sRGB codes), optionally with Floyd-Steinberg error
 * diffusion (Floyd and Steinberg, "An adaptive algorithm for spatial greyscale", 1976: weights 7, 3, 5, 1 / 16) in
 * serpentine order. Nearest entries are cached per 6-bit-per-channel cell; within a cell they can differ by at most
 * the 4 codes a cell spans, which the diffusion passes on to the neighbours anyway.
 */
public final class PaletteMapper {
    private final int[] palette;
    private final short[] cache = new short[1 << 18];

    public PaletteMapper(int[] palette) {
        if (palette.length == 0 || palette.length > 256) throw new IllegalArgumentException("a palette has 1 to 256 colours, got " + palette.length);
        this.palette = palette.clone();
        Arrays.fill(cache, (short) -1);
    }

    /** The palette, packed 0xRRGGBB. */
    public int[] palette() { return palette.clone(); }

    /** Palette index of the colour nearest to (r, g, b), each clamped to 0-255. */
    int nearest(int r, int g, int b) {
        r = clamp(r);
        g = clamp(g);
        b = clamp(b);
        int key = (r >> 2) << 12 | (g >> 2) << 6 | (b >> 2);
        int hit = cache[key];
        if (hit >= 0) return hit;
        int best = 0;
        long bestD = Long.MAX_VALUE;
        int cr = (r & ~3) + 2, cg = (g & ~3) + 2, cb = (b & ~3) + 2;      // the cell's centre
        for (int i = 0; i < palette.length; i++) {
            int p = palette[i];
            long dr = ((p >> 16) & 0xFF) - cr, dg = ((p >> 8) & 0xFF) - cg, db = (p & 0xFF) - cb;
            long d = dr * dr + dg * dg + db * db;
            if (d < bestD) {
                bestD = d;
                best = i;
            }
        }
        cache[key] = (short) best;
        return best;
    }

    /** Palette indices of a picture, dithered or not. */
    public byte[] map(int[] rgb, int width, int height, boolean dither) {
        byte[] out = new byte[rgb.length];
        if (!dither) {
            for (int i = 0; i < rgb.length; i++) {
                int p = rgb[i];
                out[i] = (byte) nearest((p >> 16) & 0xFF, (p >> 8) & 0xFF, p & 0xFF);
            }
            return out;
        }
        // error of the current and next row, per channel, with one guard column at each end
        float[][] cur = new float[3][width + 2], next = new float[3][width + 2];
        for (int y = 0; y < height; y++) {
            boolean ltr = (y & 1) == 0;
            for (int c = 0; c < 3; c++) Arrays.fill(next[c], 0);
            for (int n = 0; n < width; n++) {
                int x = ltr ? n : width - 1 - n, dir = ltr ? 1 : -1, i = y * width + x;
                int p = rgb[i];
                // clamped so saturated areas do not pile up error that no palette colour can pay back
                float r = clampf(((p >> 16) & 0xFF) + cur[0][x + 1]), g = clampf(((p >> 8) & 0xFF) + cur[1][x + 1]), b = clampf((p & 0xFF) + cur[2][x + 1]);
                int k = nearest(Math.round(r), Math.round(g), Math.round(b));
                out[i] = (byte) k;
                int q = palette[k];
                float[] err = {r - ((q >> 16) & 0xFF), g - ((q >> 8) & 0xFF), b - (q & 0xFF)};
                for (int c = 0; c < 3; c++) {
                    float e = err[c];
                    cur[c][x + 1 + dir] += e * 7 / 16;
                    next[c][x + 1 - dir] += e * 3 / 16;
                    next[c][x + 1] += e * 5 / 16;
                    next[c][x + 1 + dir] += e * 1 / 16;
                }
            }
            float[][] t = cur;
            cur = next;
            next = t;
        }
        return out;
    }

    private static float clampf(float v) { return v < 0 ? 0 : Math.min(v, 255); }

    private static int clamp(int v) { return v < 0 ? 0 : Math.min(v, 255); }
}
