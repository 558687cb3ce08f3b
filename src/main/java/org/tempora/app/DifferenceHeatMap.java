package org.tempora.app;

import org.tempora.image.LinearImage;
import org.tempora.image.Srgb;

/**
 * Where two pictures differ, as a person sees it: per pixel the largest difference over the channels of the
 * display (sRGB-encoded, clamped) values, the values PSNR is computed on; drawn black (same) through red and yellow
 * to white (at {@link #FULL_SCALE} or more), the "hot" colour map.
 */
public final class DifferenceHeatMap {
    private DifferenceHeatMap() {}

    /** The display difference drawn white: a tenth of full brightness, about 25 codes of an 8-bit picture. */
    public static final float FULL_SCALE = 0.1f;

    /** Per-pixel max over channels of |display(a) - display(b)|, in [0, 1], row-major. */
    public static float[] values(LinearImage a, LinearImage b) {
        if (a.width() != b.width() || a.height() != b.height() || a.channels() != b.channels()) {
            throw new IllegalArgumentException(a + " and " + b + " differ in size or channels: compare pictures of the same shape");
        }
        float[] out = new float[a.pixelCount()];
        for (int c = 0; c < a.channels(); c++) {
            float[] x = a.plane(c), y = b.plane(c);
            for (int i = 0; i < out.length; i++) {
                float d = (float) Math.abs(Srgb.fromLinear(x[i]) - Srgb.fromLinear(y[i]));
                if (d > out[i]) out[i] = d;
            }
        }
        return out;
    }

    /** Opaque ARGB of one difference: the "hot" map, red rising over the first third, then green, then blue. */
    public static int colour(float difference, float fullScale) {
        double u = Math.max(0, Math.min(1, difference / fullScale));
        int r = channel(3 * u), g = channel(3 * u - 1), b = channel(3 * u - 2);
        return 0xff000000 | r << 16 | g << 8 | b;
    }

    /** The differences as a picture. */
    public static DisplayPixels picture(float[] values, int width, int height, float fullScale) {
        int[] argb = new int[values.length];
        for (int i = 0; i < argb.length; i++) argb[i] = colour(values[i], fullScale);
        return new DisplayPixels(width, height, argb);
    }

    private static int channel(double v) { return (int) Math.round(255 * Math.max(0, Math.min(1, v))); }
}
