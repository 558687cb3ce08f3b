package org.tempora.export.video;

/**
 * 8-bit sRGB R'G'B' to Y'CbCr 4:2:0 with the BT.709 matrix in limited ("studio") range, as an H.264 stream tagged
 * colour_primaries = transfer = matrix = 1, video_full_range_flag = 0 is decoded (ITU-T H.273 equations 23-31 inverted).
 * jcodec's own RGB path applies BT.601 full-range weights, which shifts colours in every BT.709 player.
 */
public final class Bt709 {
    private Bt709() {}

    /** BT.709 luma weights (ITU-R BT.709-6 item 3.2). */
    static final double KR = 0.2126, KB = 0.0722, KG = 1 - KR - KB;

    /**
     * The planes of one picture as unsigned codes: luma {@code width x height}, each chroma plane
     * {@code ceil(width/2) x ceil(height/2)}, chroma sited at the centre of each 2x2 luma block (H.264 chroma_sample_loc_type 1).
     */
    public record Planes(int width, int height, byte[] y, byte[] cb, byte[] cr) {
        public int chromaWidth() { return (width + 1) / 2; }
        public int chromaHeight() { return (height + 1) / 2; }
    }

    /**
     * Converts packed 0xRRGGBB pixels (row-major, alpha ignored). Chroma is the BT.709 colour difference of the mean
     * R'G'B' over each 2x2 block (the difference is linear in R'G'B', so this equals averaging Cb and Cr), rows and
     * columns past an odd edge repeating the last one: Cb = 128 + 224 (B' - Y') / (2 (1 - Kb)), Cr likewise with Kr
     * (H.273 eq. 23-31, 8 bits). Luma is then chosen per pixel so that, with the chroma a decoder interpolates there,
     * R'G'B' comes back closest in the least-squares sense (the idea of libwebp's "sharp YUV"): Y' = mean over R, G, B
     * of (target - chroma term). Where chroma is flat this is the plain Y' = Kr R' + Kg G' + Kb B'.
     */
    public static Planes fromRgb(int[] rgb, int width, int height) {
        if (rgb.length != width * height) throw new IllegalArgumentException(rgb.length + " pixels for " + width + "x" + height);
        int cw = (width + 1) / 2, ch = (height + 1) / 2;
        byte[] cb = new byte[cw * ch], cr = new byte[cw * ch];
        for (int cy = 0; cy < ch; cy++) {
            int y0 = 2 * cy, y1 = Math.min(y0 + 1, height - 1);
            for (int cx = 0; cx < cw; cx++) {
                int x0 = 2 * cx, x1 = Math.min(x0 + 1, width - 1);
                int a = rgb[y0 * width + x0], b = rgb[y0 * width + x1], c = rgb[y1 * width + x0], d = rgb[y1 * width + x1];
                double r = (((a >> 16) & 0xFF) + ((b >> 16) & 0xFF) + ((c >> 16) & 0xFF) + ((d >> 16) & 0xFF)) / (4 * 255.0);
                double g = (((a >> 8) & 0xFF) + ((b >> 8) & 0xFF) + ((c >> 8) & 0xFF) + ((d >> 8) & 0xFF)) / (4 * 255.0);
                double bl = ((a & 0xFF) + (b & 0xFF) + (c & 0xFF) + (d & 0xFF)) / (4 * 255.0);
                double ey = KR * r + KG * g + KB * bl;
                cb[cy * cw + cx] = (byte) code(128 + 224 * (bl - ey) / (2 * (1 - KB)));
                cr[cy * cw + cx] = (byte) code(128 + 224 * (r - ey) / (2 * (1 - KR)));
            }
        }
        float[] ub = upsample(cb, width, height), ur = upsample(cr, width, height);
        byte[] y = new byte[width * height];
        for (int i = 0; i < y.length; i++) {
            int p = rgb[i];
            double pb = (ub[i] - 128) / 224.0, pr = (ur[i] - 128) / 224.0;
            double dr = 2 * (1 - KR) * pr, db = 2 * (1 - KB) * pb, dg = -(KR * dr + KB * db) / KG;   // R' - Y', G' - Y', B' - Y'
            double ey = (((p >> 16) & 0xFF) / 255.0 - dr + ((p >> 8) & 0xFF) / 255.0 - dg + (p & 0xFF) / 255.0 - db) / 3;
            y[i] = (byte) code(16 + 219 * ey);
        }
        return new Planes(width, height, y, cb, cr);
    }

    /**
     * Chroma at every luma position as a decoder interpolates it: bilinear, samples at the centre of their 2x2 block
     * (luma coordinate 2 i + 0.5), clamped at the borders; the same rule as the reader's {@code YCbCr.upsample}.
     */
    static float[] upsample(byte[] plane, int width, int height) {
        int cw = (width + 1) / 2, ch = (height + 1) / 2;
        float[] out = new float[width * height];
        for (int y = 0; y < height; y++) {
            double fyc = Math.min(Math.max((y - 0.5) / 2, 0), ch - 1);
            int y0 = (int) fyc, y1 = Math.min(y0 + 1, ch - 1);
            float fy = (float) (fyc - y0);
            for (int x = 0; x < width; x++) {
                double fxc = Math.min(Math.max((x - 0.5) / 2, 0), cw - 1);
                int x0 = (int) fxc, x1 = Math.min(x0 + 1, cw - 1);
                float fx = (float) (fxc - x0);
                float top = (plane[y0 * cw + x0] & 0xFF) * (1 - fx) + (plane[y0 * cw + x1] & 0xFF) * fx;
                float bottom = (plane[y1 * cw + x0] & 0xFF) * (1 - fx) + (plane[y1 * cw + x1] & 0xFF) * fx;
                out[y * width + x] = top * (1 - fy) + bottom * fy;
            }
        }
        return out;
    }

    /** Nearest code, kept in 1-254: 0 and 255 are reserved for timing in some interfaces and limited range never needs them. */
    static int code(double v) {
        int c = (int) Math.floor(v + 0.5);
        return c < 1 ? 1 : Math.min(c, 254);
    }
}
