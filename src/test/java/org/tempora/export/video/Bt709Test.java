package org.tempora.export.video;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class Bt709Test {
    /** H.273 eq. 26-31 (limited range, 8 bits): the R'G'B' code a decoder computes from Y, Cb, Cr. */
    private static double[] decode(int y, int cb, int cr) {
        double ey = (y - 16) / 219.0, pb = (cb - 128) / 224.0, pr = (cr - 128) / 224.0;
        double r = ey + 2 * (1 - Bt709.KR) * pr, b = ey + 2 * (1 - Bt709.KB) * pb;
        double g = (ey - Bt709.KR * r - Bt709.KB * b) / Bt709.KG;
        return new double[] {r * 255, g * 255, b * 255};
    }

    private static int[] flat(int rgb, int n) {
        int[] p = new int[n];
        java.util.Arrays.fill(p, rgb);
        return p;
    }

    @Test
    void grey128IsY126AndNeutralChromaAndDecodesTo128() {
        Bt709.Planes p = Bt709.fromRgb(flat(0x808080, 16), 4, 4);
        assertEquals(126, p.y()[0] & 0xFF);                      // 16 + 219 * 128/255 = 125.93
        assertEquals(128, p.cb()[0] & 0xFF);
        assertEquals(128, p.cr()[0] & 0xFF);
        for (double v : decode(126, 128, 128)) assertEquals(128, v, 0.5);
    }

    @Test
    void primariesFollowBt709Weights() {
        Bt709.Planes red = Bt709.fromRgb(flat(0xFF0000, 4), 2, 2);
        assertEquals(63, red.y()[0] & 0xFF, 1);                  // 16 + 219 * 0.2126 = 62.56
        assertEquals(240, red.cr()[0] & 0xFF);                   // 128 + 112
        assertEquals(102, red.cb()[0] & 0xFF);                   // 128 - 224 * 0.2126 / 1.8556 = 102.34
        double[] back = decode(red.y()[0] & 0xFF, red.cb()[0] & 0xFF, red.cr()[0] & 0xFF);
        assertEquals(255, back[0], 2.5);
        assertEquals(0, back[1], 2.5);
        assertEquals(0, back[2], 2.5);
        Bt709.Planes white = Bt709.fromRgb(flat(0xFFFFFF, 4), 2, 2), black = Bt709.fromRgb(flat(0, 4), 2, 2);
        assertEquals(235, white.y()[0] & 0xFF);
        assertEquals(16, black.y()[0] & 0xFF);
    }

    @Test
    void chromaIsTheMeanOfEach2x2BlockAndOddEdgesRepeat() {
        // left column red, right column blue on a 3x2 picture: chroma block 0 averages red and blue, block 1 is blue alone
        int[] px = {0xFF0000, 0x0000FF, 0x0000FF, 0xFF0000, 0x0000FF, 0x0000FF};
        Bt709.Planes p = Bt709.fromRgb(px, 3, 2);
        assertEquals(2, p.chromaWidth());
        assertEquals(1, p.chromaHeight());
        Bt709.Planes purple = Bt709.fromRgb(flat(0x800080, 4), 2, 2), blue = Bt709.fromRgb(flat(0x0000FF, 4), 2, 2);
        assertEquals(purple.cr()[0] & 0xFF, p.cr()[0] & 0xFF, 1);   // mean of 255 and 0 is 127.5, purple is 128
        assertEquals(blue.cb()[0] & 0xFF, p.cb()[1] & 0xFF);
    }

    @Test
    void lumaCompensatesTheInterpolatedChroma() {
        // a sharp red/green edge: with chroma spread over it, least-squares luma reconstructs R'G'B' better than plain luma
        int w = 8, h = 2;
        int[] px = new int[w * h];
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) px[y * w + x] = x < 3 ? 0xFF0000 : 0x00FF00;
        Bt709.Planes p = Bt709.fromRgb(px, w, h);
        float[] cb = Bt709.upsample(p.cb(), w, h), cr = Bt709.upsample(p.cr(), w, h);
        double fitted = 0, plain = 0;
        for (int i = 0; i < px.length; i++) {
            int r = (px[i] >> 16) & 0xFF, g = (px[i] >> 8) & 0xFF, b = px[i] & 0xFF;
            fitted += error(decodeF(p.y()[i] & 0xFF, cb[i], cr[i]), r, g, b);
            plain += error(decodeF(Bt709.code(16 + 219 * (Bt709.KR * r + Bt709.KG * g + Bt709.KB * b) / 255), cb[i], cr[i]), r, g, b);
        }
        assertTrue(fitted < plain, fitted + " vs " + plain);
    }

    private static double[] decodeF(int y, double cb, double cr) {
        double ey = (y - 16) / 219.0, pb = (cb - 128) / 224.0, pr = (cr - 128) / 224.0;
        double r = ey + 2 * (1 - Bt709.KR) * pr, b = ey + 2 * (1 - Bt709.KB) * pb;
        return new double[] {r * 255, (ey - Bt709.KR * r - Bt709.KB * b) / Bt709.KG * 255, b * 255};
    }

    private static double error(double[] v, int r, int g, int b) {
        return (v[0] - r) * (v[0] - r) + (v[1] - g) * (v[1] - g) + (v[2] - b) * (v[2] - b);
    }
}
