package org.tempora.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Y'CbCr to RGB against the 8-bit colour-bar codes of Rec. 601 and Rec. 709, ranges, siting and matrix choice. */
class YCbCrTest {
    /** 100% bars {Y, Cb, Cr, R, G, B} in limited range: Rec. ITU-R BT.601 and BT.709 published 8-bit values. */
    private static final int[][] BT601_BARS = {
            {235, 128, 128, 255, 255, 255}, {210, 16, 146, 255, 255, 0}, {170, 166, 16, 0, 255, 255}, {145, 54, 34, 0, 255, 0},
            {106, 202, 222, 255, 0, 255}, {81, 90, 240, 255, 0, 0}, {41, 240, 110, 0, 0, 255}, {16, 128, 128, 0, 0, 0}};
    private static final int[][] BT709_BARS = {
            {235, 128, 128, 255, 255, 255}, {219, 16, 138, 255, 255, 0}, {188, 154, 16, 0, 255, 255}, {173, 42, 26, 0, 255, 0},
            {78, 214, 230, 255, 0, 255}, {63, 102, 240, 255, 0, 0}, {32, 240, 118, 0, 0, 255}, {16, 128, 128, 0, 0, 0}};

    /** Worst error in codes (0-255) decoding the bars with the given signal. */
    private static double worstBarError(int[][] bars, YCbCr.Signal s) {
        double[] rgb = new double[3];
        double worst = 0;
        for (int[] bar : bars) {
            YCbCr.toRgb(bar[0], bar[1], bar[2], s, rgb);
            for (int c = 0; c < 3; c++) worst = Math.max(worst, Math.abs(255 * rgb[c] - bar[3 + c]));
        }
        return worst;
    }

    @Test
    void colourBarsDecodeWithTheirOwnMatrix() {
        // the published codes are rounded to integers, so up to about 1.5 codes of error remain in G
        assertTrue(worstBarError(BT601_BARS, YCbCr.signal(6, false, 0, 720, 576)) < 1.5);
        assertTrue(worstBarError(BT709_BARS, YCbCr.signal(1, false, 0, 1920, 1080)) < 1.5);
    }

    @Test
    void theWrongMatrixShiftsColoursVisibly() {
        assertTrue(worstBarError(BT709_BARS, YCbCr.signal(6, false, 0, 1920, 1080)) > 20);
        assertTrue(worstBarError(BT601_BARS, YCbCr.signal(1, false, 0, 720, 576)) > 20);
    }

    @Test
    void limitedAndFullRangeGrey() {
        double[] rgb = new double[3];
        YCbCr.toRgb(126, 128, 128, YCbCr.signal(1, false, 0, 64, 48), rgb);
        assertEquals((126 - 16) / 219.0, rgb[1], 1e-12);              // 128.08 codes
        YCbCr.toRgb(128, 128, 128, YCbCr.signal(1, true, 0, 64, 48), rgb);
        for (double v : rgb) assertEquals(128 / 255.0, v, 1e-12);
        YCbCr.toRgb(255, 128, 128, YCbCr.signal(5, true, 0, 64, 48), rgb);
        for (double v : rgb) assertEquals(1, v, 1e-12);
        YCbCr.toRgb(235, 128, 128, YCbCr.signal(5, false, 0, 64, 48), rgb);
        for (double v : rgb) assertEquals(1, v, 1e-12);
    }

    /** JFIF full-range red (76.24, 84.97, 255.5 unclipped) is red. */
    @Test
    void fullRangeBt601Red() {
        double[] rgb = new double[3];
        YCbCr.toRgb(76.245, 84.972, 255.5, YCbCr.signal(5, true, 0, 64, 48), rgb);
        assertEquals(1, rgb[0], 1e-4);
        assertEquals(0, rgb[1], 1e-4);
        assertEquals(0, rgb[2], 1e-4);
    }

    @Test
    void unspecifiedMatrixFollowsPictureHeight() {
        assertEquals(0.2126, YCbCr.signal(2, false, 0, 1920, 1080).kr());
        assertEquals(0.299, YCbCr.signal(2, false, 0, 720, 576).kr());
        assertEquals(0.2126, YCbCr.signal(1, false, 0, 720, 576).kr());
        assertEquals(0.299, YCbCr.signal(6, false, 0, 1920, 1080).kr());
    }

    /** 4:2:0 chroma [0 100 100 100] over 8 luma columns: co-sited (type 0) and centred (type 1) siting, clamped edges. */
    @Test
    void chromaIsInterpolatedAtItsSiting() {
        byte[] luma = new byte[8 * 4];
        byte[] chroma = {0, 100, 100, 100, 0, 100, 100, 100};     // two chroma rows, identical
        YCbCr.Planes p = new YCbCr.Planes(8, 4, luma, chroma, chroma, 4, 2);
        float[] cosited = YCbCr.upsample(chroma, p, YCbCr.signal(1, false, 0, 8, 4));
        assertEquals(0, cosited[0], 1e-6);
        assertEquals(50, cosited[1], 1e-6);
        assertEquals(100, cosited[2], 1e-6);
        float[] centred = YCbCr.upsample(chroma, p, YCbCr.signal(1, false, 1, 8, 4));
        assertEquals(0, centred[0], 1e-6);                           // clamped before the first sample
        assertEquals(25, centred[1], 1e-6);
        assertEquals(75, centred[2], 1e-6);
        byte[] rows = {0, 0, 0, 0, 100, 100, 100, 100};             // chroma lines 0 and 100, vertically between luma lines
        float[] vertical = YCbCr.upsample(rows, new YCbCr.Planes(8, 4, luma, rows, rows, 4, 2), YCbCr.signal(1, false, 0, 8, 4));
        assertEquals(0, vertical[0], 1e-6);
        assertEquals(25, vertical[8], 1e-6);
        assertEquals(75, vertical[16], 1e-6);
        assertEquals(100, vertical[24], 1e-6);
    }

    @Test
    void srgbTableMatchesTheCurve() {
        double worst = 0;
        for (int i = 0; i <= 10000; i++) worst = Math.max(worst, Math.abs(YCbCr.SrgbTable.toLinear(i / 10000.0) - Srgb.toLinear(i / 10000.0)));
        assertTrue(worst < 1e-6, "worst " + worst);
        assertEquals(0, YCbCr.SrgbTable.toLinear(-0.2));
        assertEquals(1, YCbCr.SrgbTable.toLinear(1.3));
    }
}
