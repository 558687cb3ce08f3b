package org.tempora.image;

import java.awt.color.ICC_Profile;

/**
 * How to read the decoded samples as light: a tone curve per colour channel and an optional 3x3 matrix to sRGB
 * primaries, or (for profiles we do not evaluate ourselves) an ICC profile handed to the colour management system.
 *
 * @param curves      1 (grey) or 3 (RGB) curves, or null when {@code cmsProfile} or the decoder's own colour space is used
 * @param toSrgb      row-major 3x3 from the source's linear RGB to linear sRGB, or null for none
 * @param cmsProfile  profile to convert through {@link java.awt.image.ColorConvertOp}, or null to use the decoder's colour space
 * @param description what the colours were read as, for the user ("sRGB (untagged)", "Adobe RGB (1998)", ...)
 */
record ColourInterpretation(ToneCurve[] curves, double[] toSrgb, ICC_Profile cmsProfile, String description) {

    static ColourInterpretation srgb(String description) {
        return new ColourInterpretation(new ToneCurve[] { ToneCurve.SRGB, ToneCurve.SRGB, ToneCurve.SRGB }, null, null, description);
    }

    static ColourInterpretation gamma(double decodingExponent, String description) {
        ToneCurve c = ToneCurve.power(decodingExponent);
        return new ColourInterpretation(new ToneCurve[] { c, c, c }, null, null, description);
    }

    /** Convert through the colour space the decoder attached (CMYK, Lab, YCbCr...). */
    static ColourInterpretation decoderColourSpace(String description) {
        return new ColourInterpretation(null, null, null, description);
    }

    /** Curves and matrix from a shaper profile, or the CMS when the profile needs LUT evaluation. */
    static ColourInterpretation fromProfile(EmbeddedProfile p) {
        if (p.isSrgbEquivalent()) return srgb(p.description());
        if (!p.isShaper()) return new ColourInterpretation(null, null, p.iccProfile(), p.description());
        if (p.kind() == EmbeddedProfile.Kind.GREY) {
            ToneCurve k = p.curve(0);
            return new ColourInterpretation(new ToneCurve[] { k, k, k }, null, null, p.description());
        }
        return new ColourInterpretation(new ToneCurve[] { p.curve(0), p.curve(1), p.curve(2) },
                p.needsMatrix() ? p.matrixToSrgb() : null, null, p.description());
    }

    boolean direct() { return curves != null; }
}
