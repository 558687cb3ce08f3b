package org.tempora.app;

import org.tempora.image.LinearImage;
import org.tempora.image.Srgb;

/**
 * A picture ready for the screen: opaque 8-bit sRGB packed as ARGB ints, row-major. Computed off the UI thread
 * so the UI thread only copies it into an image.
 */
public record DisplayPixels(int width, int height, int[] argb) {
    public DisplayPixels {
        if (argb.length != width * height) throw new IllegalArgumentException(argb.length + " pixels for " + width + "x" + height);
    }

    /** Linear values are looked up at 1/65535 steps: finer than one 8-bit sRGB code even at the steep dark end (slope 12.92). */
    private static final int STEPS = 65535;
    private static final byte[] ENCODE = new byte[STEPS + 1];
    static {
        for (int i = 0; i <= STEPS; i++) ENCODE[i] = (byte) Math.round(255 * Srgb.fromLinear((double) i / STEPS));
    }

    /** The 8-bit sRGB code (IEC 61966-2-1) of a linear value; out-of-range values clip, NaN is black. */
    public static int code(float linear) {
        if (!(linear > 0)) return 0;
        if (linear >= 1) return 255;
        return ENCODE[(int) (linear * STEPS + 0.5f)] & 0xff;
    }

    /** The image in sRGB for display; a grey image shows grey. */
    public static DisplayPixels of(LinearImage image) {
        int n = image.pixelCount();
        int[] out = new int[n];
        float[] r = image.plane(0);
        float[] g = image.channels() == 3 ? image.plane(1) : r;
        float[] b = image.channels() == 3 ? image.plane(2) : r;
        for (int i = 0; i < n; i++) out[i] = 0xff000000 | code(r[i]) << 16 | code(g[i]) << 8 | code(b[i]);
        return new DisplayPixels(image.width(), image.height(), out);
    }
}
