package org.tempora.image;

/**
 * Decoded video samples (8-bit Y'CbCr, possibly chroma-subsampled) to linear-light RGB, with the matrix and range
 * the stream signals (ITU-T H.273 / H.264 Annex E). The R'G'B' result is taken as sRGB-encoded, the way players and
 * frame exporters (ffmpeg) hand video frames to still-image tools.
 */
final class YCbCr {
    private YCbCr() {}

    /**
     * How a stream's samples are to be read.
     *
     * @param kr red luma weight of the matrix
     * @param kb blue luma weight of the matrix
     * @param fullRange true for 0-255 codes (JPEG style), false for studio range (Y 16-235, Cb/Cr 16-240)
     * @param chromaLocType H.264 chroma_sample_loc_type 0-5 (0 = left co-sited, vertically between lines: MPEG-2 style)
     * @param description matrix and range in words, for messages
     */
    record Signal(double kr, double kb, boolean fullRange, int chromaLocType, String description) {
        /** Horizontal chroma offset in luma samples for 2:1 subsampling (H.264 Figure E-1): types 1, 3, 5 sit between columns. */
        double horizontalSiting() { return chromaLocType % 2 == 1 ? 0.5 : 0; }

        /** Vertical chroma offset in luma lines for 2:1 subsampling: 0/1 between lines, 2/3 on the top line, 4/5 on the bottom. */
        double verticalSiting() { return chromaLocType <= 1 ? 0.5 : chromaLocType <= 3 ? 0 : 1; }
    }

    /**
     * The signal for H.273 MatrixCoefficients {@code matrix} (2 = unspecified), range flag and chroma siting. Unspecified
     * or unknown matrices follow players' convention: BT.709 above standard definition (height over 576), BT.601 below.
     */
    static Signal signal(int matrix, boolean fullRange, int chromaLocType, int width, int height) {
        String range = fullRange ? "full range" : "limited range";
        int loc = chromaLocType >= 0 && chromaLocType <= 5 ? chromaLocType : 0;
        return switch (matrix) {
            case 1 -> new Signal(0.2126, 0.0722, fullRange, loc, "BT.709, " + range);
            case 4 -> new Signal(0.30, 0.11, fullRange, loc, "FCC, " + range);
            case 5, 6 -> new Signal(0.299, 0.114, fullRange, loc, "BT.601, " + range);
            case 7 -> new Signal(0.212, 0.087, fullRange, loc, "SMPTE 240M, " + range);
            case 9, 10 -> new Signal(0.2627, 0.0593, fullRange, loc, "BT.2020, " + range);
            default -> height > 576
                    ? new Signal(0.2126, 0.0722, fullRange, loc, "BT.709 (assumed for HD), " + range)
                    : new Signal(0.299, 0.114, fullRange, loc, "BT.601 (assumed for SD), " + range);
        };
    }

    /**
     * One sample's codes to R'G'B' on a 0-1 scale, unclipped (H.273 equations 23-31 for 8 bits):
     * Y' = (Y - 16) / 219, Pb = (Cb - 128) / 224 in limited range, Y / 255 and (Cb - 128) / 255 in full range;
     * R' = Y' + 2(1 - Kr) Pr, B' = Y' + 2(1 - Kb) Pb, G' = (Y' - Kr R' - Kb B') / (1 - Kr - Kb).
     */
    static void toRgb(double y, double cb, double cr, Signal s, double[] rgb) {
        double ey, pb, pr;
        if (s.fullRange()) {
            ey = y / 255.0;
            pb = (cb - 128) / 255.0;
            pr = (cr - 128) / 255.0;
        } else {
            ey = (y - 16) / 219.0;
            pb = (cb - 128) / 224.0;
            pr = (cr - 128) / 224.0;
        }
        double r = ey + 2 * (1 - s.kr()) * pr;
        double b = ey + 2 * (1 - s.kb()) * pb;
        rgb[0] = r;
        rgb[1] = (ey - s.kr() * r - s.kb() * b) / (1 - s.kr() - s.kb());
        rgb[2] = b;
    }

    /**
     * A decoded picture, already cropped, as unsigned 8-bit codes. Chroma planes are {@code chromaWidth x chromaHeight}
     * (subsampled 2:1 in a direction when that size is half the luma's, rounded up); both null for monochrome.
     */
    record Planes(int width, int height, byte[] luma, byte[] cb, byte[] cr, int chromaWidth, int chromaHeight) {
        Planes {
            if (luma.length != width * height) throw new IllegalArgumentException("luma plane is " + luma.length + " samples for " + width + "x" + height);
            if ((cb == null) != (cr == null)) throw new IllegalArgumentException("both chroma planes or neither");
            if (cb != null && (cb.length != chromaWidth * chromaHeight || cr.length != cb.length)) {
                throw new IllegalArgumentException("chroma planes do not match " + chromaWidth + "x" + chromaHeight);
            }
        }
    }

    /** Linear-light RGB of a picture: chroma upsampled bilinearly at its signalled siting, then the matrix, then sRGB decoding. */
    static LinearImage toLinear(Planes p, Signal s) {
        int w = p.width(), h = p.height(), n = w * h;
        float[] r = new float[n], g = new float[n], b = new float[n];
        float[] cb = p.cb() == null ? null : upsample(p.cb(), p, s);
        float[] cr = p.cr() == null ? null : upsample(p.cr(), p, s);
        double[] rgb = new double[3];
        for (int i = 0; i < n; i++) {
            toRgb(p.luma()[i] & 0xFF, cb == null ? 128 : cb[i], cr == null ? 128 : cr[i], s, rgb);
            r[i] = SrgbTable.toLinear(rgb[0]);
            g[i] = SrgbTable.toLinear(rgb[1]);
            b[i] = SrgbTable.toLinear(rgb[2]);
        }
        return new LinearImage(w, h, new float[][] {r, g, b});
    }

    /** Bilinear interpolation of a chroma plane at every luma position, clamped at the borders. */
    static float[] upsample(byte[] plane, Planes p, Signal s) {
        int w = p.width(), h = p.height(), cw = p.chromaWidth(), ch = p.chromaHeight();
        int sx = Math.max(1, (w + cw - 1) / cw), sy = Math.max(1, (h + ch - 1) / ch);
        double offX = sx == 1 ? 0 : s.horizontalSiting() * (sx - 1), offY = sy == 1 ? 0 : s.verticalSiting() * (sy - 1);
        int[] x0 = new int[w], x1 = new int[w];
        float[] fx = new float[w];
        for (int x = 0; x < w; x++) {
            double c = Math.min(Math.max((x - offX) / sx, 0), cw - 1);   // luma column in chroma coordinates
            x0[x] = (int) Math.floor(c);
            x1[x] = Math.min(x0[x] + 1, cw - 1);
            fx[x] = (float) (c - x0[x]);
        }
        float[] out = new float[w * h];
        for (int y = 0; y < h; y++) {
            double c = Math.min(Math.max((y - offY) / sy, 0), ch - 1);
            int y0 = (int) Math.floor(c), y1 = Math.min(y0 + 1, ch - 1);
            float fy = (float) (c - y0);
            int r0 = y0 * cw, r1 = y1 * cw, o = y * w;
            for (int x = 0; x < w; x++) {
                float top = (plane[r0 + x0[x]] & 0xFF) * (1 - fx[x]) + (plane[r0 + x1[x]] & 0xFF) * fx[x];
                float bottom = (plane[r1 + x0[x]] & 0xFF) * (1 - fx[x]) + (plane[r1 + x1[x]] & 0xFF) * fx[x];
                out[o + x] = top * (1 - fy) + bottom * fy;
            }
        }
        return out;
    }

    /** The sRGB decoding curve tabulated at 4096 steps with linear interpolation: error below 1e-7, no pow per sample. */
    static final class SrgbTable {
        private SrgbTable() {}

        private static final int STEPS = 4096;
        private static final float[] TABLE = new float[STEPS + 1];
        static {
            for (int i = 0; i <= STEPS; i++) TABLE[i] = (float) Srgb.toLinear((double) i / STEPS);
        }

        /** Linear light of an sRGB-encoded value, clipped to [0, 1] first. */
        static float toLinear(double encoded) {
            if (!(encoded > 0)) return 0;
            if (encoded >= 1) return 1;
            double t = encoded * STEPS;
            int i = (int) t;
            float f = (float) (t - i);
            return TABLE[i] + f * (TABLE[i + 1] - TABLE[i]);
        }
    }
}
