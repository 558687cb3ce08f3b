package org.tempora.simulate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tempora.image.Srgb;

/** The defects of old photos the kernel estimate is measured under, each against its definition. */
class DegradationTest {
    private static final int W = 128, H = 96;

    @Test
    void parsesEachKindAndRefusesWhatItCannotApplyWithTheAcceptedRange() {
        assertEquals(new Degradation(Degradation.Kind.JPEG, 75), Degradation.parse("jpeg:75"));
        assertEquals(new Degradation(Degradation.Kind.GRAIN, 0.03), Degradation.parse(" Grain:0.03 "));
        assertEquals(new Degradation(Degradation.Kind.CLIP, 0.02), Degradation.parse("clip:0.02"));
        assertEquals(new Degradation(Degradation.Kind.NOISE, 0.02), Degradation.parse("noise:0.02"));
        assertEquals("white noise 0.020 r.m.s.", Degradation.parse("noise:0.02").toString());
        assertEquals("JPEG quality 75", Degradation.parse("jpeg:75").toString());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Degradation.parse("blur:3")).getMessage().contains("jpeg:QUALITY, grain:RMS, noise:RMS or clip:SHARE"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Degradation.parse("jpeg")).getMessage().contains("1 to 100"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Degradation.parse("jpeg:0")).getMessage().contains("1 to 100"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Degradation.parse("jpeg:75.5")).getMessage().contains("whole number"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Degradation.parse("grain:x")).getMessage().contains("not a number"));
        assertThrows(IllegalArgumentException.class, () -> Degradation.parse("grain:NaN"));
        assertThrows(IllegalArgumentException.class, () -> Degradation.parse("clip:0.6"));
        assertThrows(IllegalArgumentException.class, () -> Degradation.parse("noise:0"));
        assertThrows(IllegalArgumentException.class, () -> Degradation.parse("jpeg:75").apply(new float[10], W, H, 1));
    }

    @Test
    void clippingDrivesTheGivenShareOfPixelsToWhiteAndScalesTheRestByItsGain() {
        float[] ramp = ramp();
        Degradation clip = Degradation.parse("clip:0.05");
        double gain = clip.gain(ramp);
        float[] out = clip.apply(ramp, W, H, 0);
        int white = 0;
        for (int i = 0; i < out.length; i++) {
            if (out[i] >= 1f) white++;
            else assertEquals(ramp[i] * gain, out[i], 1e-6);
        }
        assertEquals(0.05 * out.length, white, 0.002 * out.length);
        assertEquals(1, Degradation.parse("jpeg:90").gain(ramp));
    }

    @Test
    void grainHasTheGivenRmsInDisplayUnitsAndClumpsAsItsGaussianSays() {
        float[] grey = new float[W * H];
        java.util.Arrays.fill(grey, (float) Srgb.toLinear(0.5));
        float[] out = Degradation.parse("grain:0.03").apply(grey, W, H, 4);
        double[] d = new double[out.length];
        double sq = 0, mean = 0;
        for (int i = 0; i < d.length; i++) {
            d[i] = Srgb.fromLinear(out[i]) - 0.5;
            sq += d[i] * d[i];
            mean += d[i];
        }
        assertEquals(0.03, Math.sqrt(sq / d.length), 1e-4, "r.m.s. in display units");
        assertEquals(0, mean / d.length, 0.002, "no shift of the tone");
        // neighbours of white noise blurred by a Gaussian of sigma s correlate by exp(-1 / (4 s^2))
        double c = 0, n = 0;
        for (int y = 0; y < H; y++) {
            for (int x = 8; x + 1 < W - 8; x++) {
                c += d[y * W + x] * d[y * W + x + 1];
                n++;
            }
        }
        double expected = Math.exp(-1 / (4 * Degradation.GRAIN_SIGMA * Degradation.GRAIN_SIGMA));
        assertEquals(expected, c / n / (sq / d.length), 0.05, "correlation of horizontal neighbours");
        assertArrayEquals(out, Degradation.parse("grain:0.03").apply(grey, W, H, 4), "the seed repeats it");
    }

    @Test
    void noiseHasTheGivenRmsInDisplayUnitsAndNoCorrelationBetweenNeighbours() {
        float[] grey = new float[W * H];
        java.util.Arrays.fill(grey, (float) Srgb.toLinear(0.5));
        float[] out = Degradation.parse("noise:0.02").apply(grey, W, H, 9);
        double sq = 0, mean = 0, c = 0;
        for (int i = 0; i < out.length; i++) {
            double d = Srgb.fromLinear(out[i]) - 0.5;
            sq += d * d;
            mean += d;
            if ((i + 1) % W != 0) c += d * (Srgb.fromLinear(out[i + 1]) - 0.5);
        }
        int n = out.length;
        // 12288 samples: the r.m.s. is known to about 1/sqrt(2n) of itself, the correlation to about 1/sqrt(n)
        assertEquals(0.02, Math.sqrt(sq / n), 0.02 * 4 / Math.sqrt(2 * n), "r.m.s. in display units");
        assertEquals(0, mean / n, 4 * 0.02 / Math.sqrt(n), "no shift of the tone");
        assertEquals(0, c / (n - H) / (sq / n), 4 / Math.sqrt(n), "white: neighbours uncorrelated");
        assertArrayEquals(out, Degradation.parse("noise:0.02").apply(grey, W, H, 9), "the seed repeats it");
    }

    @Test
    void jpegAtFullQualityKeepsThePictureAndAtLowQualityCutsItIntoEightPixelBlocks() {
        float[] ramp = ramp();
        float[] fine = Degradation.parse("jpeg:100").apply(ramp, W, H, 0);
        for (int i = 0; i < ramp.length; i++) assertEquals(Srgb.fromLinear(ramp[i]), Srgb.fromLinear(fine[i]), 3 / 255.0);
        // a smooth diagonal ramp at quality 5: steps between 8x8 blocks, flat inside them
        float[] coarse = Degradation.parse("jpeg:5").apply(ramp, W, H, 0);
        double across = 0, within = 0;
        int na = 0, nw = 0;
        for (int y = 0; y < H; y++) {
            for (int x = 0; x + 1 < W; x++) {
                double step = Math.abs(Srgb.fromLinear(coarse[y * W + x + 1]) - Srgb.fromLinear(coarse[y * W + x]));
                if (x % 8 == 7) { across += step; na++; } else { within += step; nw++; }
            }
        }
        assertTrue(across / na > 3 * within / nw, "steps across block edges " + across / na + ", within blocks " + within / nw);
    }

    @Test
    void aGaussianBlurKeepsAConstantAndTheSum() {
        float[] p = new float[W * H];
        java.util.Arrays.fill(p, 0.25f);
        for (float v : Degradation.gaussianBlur(p, W, H, 1.3)) assertEquals(0.25, v, 1e-6);
        float[] dot = new float[W * H];
        dot[40 * W + 60] = 1;
        double s = 0;
        for (float v : Degradation.gaussianBlur(dot, W, H, 1.3)) s += v;
        assertEquals(1, s, 1e-5);
    }

    /** A smooth diagonal ramp of linear light over 0.02-0.9. */
    private static float[] ramp() {
        float[] p = new float[W * H];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) p[y * W + x] = (float) (0.02 + 0.88 * (x + y) / (W + H - 2.0));
        }
        return p;
    }
}
