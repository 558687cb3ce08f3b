package org.tempora.export.video;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PaletteTest {
    @Test
    void fewColoursComeBackExactly() {
        int[] colours = {0xFF0000, 0x00FF00, 0x0000FF, 0x202020};
        int[] px = new int[400];
        for (int i = 0; i < px.length; i++) px[i] = colours[i % 4];
        MedianCutPalette.Histogram h = new MedianCutPalette.Histogram();
        h.add(px, 1);
        int[] palette = MedianCutPalette.build(h, 256);
        assertEquals(4, palette.length);
        int[] sorted = palette.clone(), expected = colours.clone();
        Arrays.sort(sorted);
        Arrays.sort(expected);
        assertArrayEquals(expected, sorted);
        PaletteMapper m = new PaletteMapper(palette);
        byte[] idx = m.map(px, 20, 20, true);
        for (int i = 0; i < px.length; i++) assertEquals(px[i], palette[idx[i] & 0xFF]);
    }

    @Test
    void splitsDownToTheRequestedCount() {
        int[] px = new int[256 * 64];
        for (int i = 0; i < px.length; i++) px[i] = (i % 256) << 16 | (i / 256 * 4) << 8 | 50;
        MedianCutPalette.Histogram h = new MedianCutPalette.Histogram();
        h.add(px, 1);
        assertEquals(16, MedianCutPalette.build(h, 16).length);
    }

    @Test
    void ditheringKeepsTheMeanOfAFlatColourBetweenTwoEntries() {
        // grey 100 with a palette of 90 and 110 only: Floyd-Steinberg alternates so the mean stays 100; nearest gives 90 or 110
        int[] palette = {0x5A5A5A, 0x6E6E6E};
        int w = 64, h = 64;
        int[] px = new int[w * h];
        Arrays.fill(px, 0x646464);
        byte[] idx = new PaletteMapper(palette).map(px, w, h, true);
        double mean = 0;
        for (byte b : idx) mean += palette[b & 0xFF] & 0xFF;
        assertEquals(100, mean / idx.length, 0.5);
    }
}
