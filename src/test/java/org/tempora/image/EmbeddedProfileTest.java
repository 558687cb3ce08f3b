package org.tempora.image;

import org.junit.jupiter.api.Test;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmbeddedProfileTest {
    @Test
    void javaSrgbProfileIsRecognisedAsSrgb() {
        EmbeddedProfile p = EmbeddedProfile.parse(ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData());
        assertEquals(EmbeddedProfile.Kind.RGB, p.kind());
        assertTrue(p.isSrgbEquivalent());
        assertFalse(p.needsMatrix());
    }

    @Test
    void linearRgbHasIdentityCurvesAndSrgbPrimaries() {
        EmbeddedProfile p = EmbeddedProfile.parse(ICC_Profile.getInstance(ColorSpace.CS_LINEAR_RGB).getData());
        assertTrue(p.isShaper());
        assertFalse(p.isSrgbEquivalent());
        for (int c = 0; c < 3; c++) assertEquals(0.5, p.curve(c).toLinear(0.5), 1e-6);
        assertFalse(p.needsMatrix(), "same primaries as sRGB");
    }

    @Test
    void greyProfileIsGreyWithItsCurve() {
        EmbeddedProfile p = EmbeddedProfile.parse(TestProfiles.grey(TestProfiles.gammaCurve(1.8), "Grey 1.8"));
        assertEquals(EmbeddedProfile.Kind.GREY, p.kind());
        assertEquals("Grey 1.8", p.description());
        assertEquals(Math.pow(0.5, 461 / 256.0), p.curve(0).toLinear(0.5), 1e-9, "u8Fixed8 stores 1.8 as 461/256");
    }

    /** The sRGB curve written as ICC parametric type 3 (g 2.4, a 1/1.055, b 0.055/1.055, c 1/12.92, d 0.04045). */
    @Test
    void parametricCurveMatchesSrgbWithinFixedPointPrecision() {
        byte[] tag = TestProfiles.parametricType3(2.4, 1 / 1.055, 0.055 / 1.055, 1 / 12.92, 0.04045);
        ToneCurve c = EmbeddedProfile.readCurve(tag);
        for (int i = 0; i <= 100; i++) assertEquals(Srgb.toLinear(i / 100.0), c.toLinear(i / 100.0), 1e-4);
    }

    @Test
    void sampledCurveInterpolatesBetweenEntries() {
        ToneCurve c = ToneCurve.sampled(new double[] { 0, 0.25, 1 });
        assertEquals(0.125, c.toLinear(0.25), 1e-12);
        assertEquals(0.625, c.toLinear(0.75), 1e-12);
    }

    @Test
    void adobeMatrixMapsWhiteToWhite() {
        EmbeddedProfile p = EmbeddedProfile.parse(TestProfiles.rgb(TestProfiles.ADOBE_RGB_D50, TestProfiles.ADOBE_GAMMA, "A"));
        double[] m = p.matrixToSrgb();
        for (int r = 0; r < 3; r++) assertEquals(1, m[3 * r] + m[3 * r + 1] + m[3 * r + 2], 2e-3, "row " + r);
        assertTrue(p.needsMatrix());
    }

    @Test
    void inverseTimesMatrixIsIdentity() {
        double[] m = { 2, 1, 0.5, 0.3, 4, 1, 0.2, 0.1, 3 };
        double[] inv = EmbeddedProfile.invert(m);
        for (int r = 0; r < 3; r++)
            for (int c = 0; c < 3; c++) {
                double s = 0;
                for (int k = 0; k < 3; k++) s += m[3 * r + k] * inv[3 * k + c];
                assertEquals(r == c ? 1 : 0, s, 1e-12);
            }
    }

    @Test
    void garbageIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> EmbeddedProfile.parse(new byte[300]));
    }
}
