package org.tempora.flow;

import org.tempora.image.LinearImage;
import org.tempora.image.Srgb;

/**
 * The 8-bit sRGB-encoded luminance of a linear image, the input DIS expects (its photometric constancy works on
 * display-encoded intensities, where noise and texture are spread evenly over the code range).
 */
final class Grey8 {
    private Grey8() {}

    /** THRESHOLDS[k]: the linear luminance above which the sRGB code exceeds k, i.e. the decoded value of k + 0.5. */
    private static final double[] THRESHOLDS = new double[256]; // double: a float boundary could round across a float input
    /** Bins of width 1/BINS over [0, 1]: the code at each bin's start. */
    private static final int BINS = 1 << 16;
    private static final byte[] BIN_CODE = new byte[BINS + 1];
    static {
        for (int k = 0; k < 255; k++) THRESHOLDS[k] = Srgb.toLinear((k + 0.5) / 255.0);
        THRESHOLDS[255] = Double.POSITIVE_INFINITY;
        for (int b = 0, code = 0; b <= BINS; b++) {
            double start = b / (double) BINS;
            while (start > THRESHOLDS[code]) code++;
            BIN_CODE[b] = (byte) code;
        }
    }

    /** round(255 * sRGB(Y)) per pixel, Y the Rec. 709 luminance (IEC 61966-2-1 transfer), exact to the code boundary. */
    static byte[] of(LinearImage img) {
        byte[] out = new byte[img.pixelCount()];
        if (img.channels() == 1) {
            float[] g = img.plane(0);
            for (int i = 0; i < out.length; i++) out[i] = (byte) code(g[i]);
        } else {
            float[] r = img.plane(0), g = img.plane(1), b = img.plane(2);
            for (int i = 0; i < out.length; i++) out[i] = (byte) code(0.2126f * r[i] + 0.7152f * g[i] + 0.0722f * b[i]);
        }
        return out;
    }

    /**
     * The code of one linear value. Codes are at least 3e-4 apart in linear light (at black, where sRGB is steepest)
     * and bins 1.5e-5 wide, so a bin holds at most one boundary: one table look-up and one comparison suffice.
     */
    static int code(float linear) {
        if (!(linear > 0)) return 0; // NaN and negatives are black
        if (linear >= 1) return 255;
        int code = BIN_CODE[(int) (linear * BINS)] & 0xff;
        return linear > THRESHOLDS[code] ? code + 1 : code;
    }
}
