package org.tempora.export;

import java.awt.image.BufferedImage;
import org.tempora.image.LinearImage;
import org.tempora.image.Srgb;

/** Linear-light pictures as packed 8-bit sRGB pixels (0xRRGGBB), the form Java2D, GIF and the H.264 encoder take. */
public final class SrgbPixels {
    private SrgbPixels() {}

    /** Linear value to the nearest 8-bit sRGB code, tabulated at 2^16 + 1 points: the table's step is far below half a code. */
    private static final int STEPS = 1 << 16;
    private static final byte[] CODE = new byte[STEPS + 1];
    static {
        for (int i = 0; i <= STEPS; i++) CODE[i] = (byte) Math.round(Srgb.fromLinear((double) i / STEPS) * 255);
    }

    static int code(float linear) {
        if (!(linear > 0)) return 0;
        if (linear >= 1) return 255;
        return CODE[Math.round(linear * STEPS)] & 0xFF;
    }

    /** Row-major packed pixels; a grey picture gives equal R, G and B. */
    public static int[] pack(LinearImage img) {
        int n = img.pixelCount();
        int[] out = new int[n];
        float[] r = img.plane(0), g = img.plane(img.channels() == 3 ? 1 : 0), b = img.plane(img.channels() == 3 ? 2 : 0);
        for (int i = 0; i < n; i++) out[i] = code(r[i]) << 16 | code(g[i]) << 8 | code(b[i]);
        return out;
    }

    public static int[] pixels(BufferedImage img) {
        return img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
    }
}
