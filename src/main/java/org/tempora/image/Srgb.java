package org.tempora.image;

/** The sRGB transfer function (IEC 61966-2-1) and its inverse, on values in [0, 1]. */
public final class Srgb {
    private Srgb() {}

    private static final float[] DECODE_8 = new float[256];
    static {
        for (int i = 0; i < 256; i++) DECODE_8[i] = (float) toLinear(i / 255.0);
    }

    public static double toLinear(double v) {
        return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }

    public static double fromLinear(double v) {
        if (v <= 0) return 0;
        if (v >= 1) return 1;
        return v <= 0.0031308 ? v * 12.92 : 1.055 * Math.pow(v, 1 / 2.4) - 0.055;
    }

    /** Table look-up for 8-bit codes: avoids a pow per pixel when reading JPEGs. */
    public static float linearFrom8bit(int code) { return DECODE_8[code & 0xff]; }
}
