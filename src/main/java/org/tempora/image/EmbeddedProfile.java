package org.tempora.image;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * An ICC profile embedded in a photo, parsed far enough to convert its pixels to linear sRGB ourselves when it is a
 * matrix/TRC ("shaper") profile, which covers Adobe RGB, ProPhoto, Display P3, linear and grey-gamma profiles.
 * Other profiles (LUT-based, CMYK, Lab) are left to {@link java.awt.image.ColorConvertOp} via {@link #iccProfile()}.
 * Layout per ICC.1:2010 section 7 (header, tag table) and 10 (tag types).
 */
final class EmbeddedProfile {
    enum Kind { RGB, GREY, OTHER }

    private final byte[] data;
    private final Kind kind;
    private final String description;
    private final ToneCurve[] curves;       // null when not a shaper profile
    private final double[] toSrgb;          // 3x3 row-major, profile-linear RGB -> linear sRGB; null for grey/other

    private EmbeddedProfile(byte[] data, Kind kind, String description, ToneCurve[] curves, double[] toSrgb) {
        this.data = data;
        this.kind = kind;
        this.description = description;
        this.curves = curves;
        this.toSrgb = toSrgb;
    }

    Kind kind() { return kind; }
    String description() { return description; }
    /** True when the pixels can be converted with one curve per channel (and a 3x3 matrix for RGB). */
    boolean isShaper() { return curves != null; }
    ToneCurve curve(int channel) { return curves[channel]; }
    /** Row-major 3x3 from this profile's linear RGB to linear sRGB (both D50-adapted via the PCS). */
    double[] matrixToSrgb() { return toSrgb.clone(); }

    /** Whether the matrix differs from identity by more than the rounding seen between published sRGB profiles. */
    boolean needsMatrix() {
        if (toSrgb == null) return false;
        for (int i = 0; i < 9; i++) if (Math.abs(toSrgb[i] - (i % 4 == 0 ? 1 : 0)) > 1e-3) return true;
        return false;
    }

    /** An sRGB profile in all but name (matrix ~ identity, curves within 0.002 of the sRGB curve): nothing to convert. */
    boolean isSrgbEquivalent() {
        if (curves == null || kind == Kind.RGB && needsMatrix()) return false;
        for (ToneCurve c : curves) {
            for (int i = 0; i <= 32; i++) {
                double v = i / 32.0;
                if (Math.abs(c.toLinear(v) - Srgb.toLinear(v)) > 2e-3) return false;
            }
        }
        return true;
    }

    /** The Java profile, for the generic conversion path; throws IllegalArgumentException on a damaged profile. */
    ICC_Profile iccProfile() { return ICC_Profile.getInstance(data); }

    /** Parses profile bytes; throws IllegalArgumentException with a plain reason when they are not an ICC profile. */
    static EmbeddedProfile parse(byte[] data) {
        if (data.length < 132 || !"acsp".equals(ascii(data, 36, 4))) throw new IllegalArgumentException("not an ICC profile");
        ByteBuffer b = ByteBuffer.wrap(data);
        Map<String, byte[]> tags = new HashMap<>();
        int count = b.getInt(128);
        if (count < 0 || 132L + 12L * count > data.length) throw new IllegalArgumentException("ICC tag table is damaged");
        for (int i = 0; i < count; i++) {
            int at = 132 + 12 * i;
            String sig = ascii(data, at, 4);
            int off = b.getInt(at + 4), len = b.getInt(at + 8);
            if (off < 0 || len < 8 || (long) off + len > data.length) continue;
            byte[] tag = new byte[len];
            System.arraycopy(data, off, tag, 0, len);
            tags.put(sig, tag);
        }
        String space = ascii(data, 16, 4);
        Kind kind = switch (space) { case "RGB " -> Kind.RGB; case "GRAY" -> Kind.GREY; default -> Kind.OTHER; };
        String desc = tags.containsKey("desc") ? readText(tags.get("desc")) : "";
        if (desc.isBlank()) desc = "unnamed " + space.trim() + " profile";
        ToneCurve[] curves = null;
        double[] matrix = null;
        try {
            if (kind == Kind.GREY && tags.containsKey("kTRC")) {
                curves = new ToneCurve[] { readCurve(tags.get("kTRC")) };
            } else if (kind == Kind.RGB && hasAll(tags, "rXYZ", "gXYZ", "bXYZ", "rTRC", "gTRC", "bTRC")) {
                curves = new ToneCurve[] { readCurve(tags.get("rTRC")), readCurve(tags.get("gTRC")), readCurve(tags.get("bTRC")) };
                matrix = multiply(invert(SRGB_COLORANTS), colorants(tags));
            }
        } catch (RuntimeException unusualCurve) {
            curves = null;      // fall back to the colour management system
            matrix = null;
        }
        return new EmbeddedProfile(data, kind, desc, curves, matrix);
    }

    /** Colorant matrix of Java's own sRGB profile, so an embedded sRGB profile maps to (nearly) identity. */
    private static final double[] SRGB_COLORANTS = srgbColorants();

    private static double[] srgbColorants() {
        byte[] d = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
        ByteBuffer b = ByteBuffer.wrap(d);
        Map<String, byte[]> tags = new HashMap<>();
        for (int i = 0, n = b.getInt(128); i < n; i++) {
            int at = 132 + 12 * i, off = b.getInt(at + 4), len = b.getInt(at + 8);
            byte[] tag = new byte[len];
            System.arraycopy(d, off, tag, 0, len);
            tags.put(ascii(d, at, 4), tag);
        }
        return colorants(tags);
    }

    private static boolean hasAll(Map<String, byte[]> tags, String... sigs) {
        for (String s : sigs) if (!tags.containsKey(s)) return false;
        return true;
    }

    /** Columns are the red, green and blue colorant XYZ (XYZType, ICC.1:2010 10.31). */
    private static double[] colorants(Map<String, byte[]> tags) {
        double[] m = new double[9];
        String[] sig = { "rXYZ", "gXYZ", "bXYZ" };
        for (int c = 0; c < 3; c++) {
            ByteBuffer t = ByteBuffer.wrap(tags.get(sig[c]));
            for (int r = 0; r < 3; r++) m[r * 3 + c] = t.getInt(8 + 4 * r) / 65536.0;
        }
        return m;
    }

    /** curveType (10.6) or parametricCurveType (10.18). */
    static ToneCurve readCurve(byte[] tag) {
        ByteBuffer t = ByteBuffer.wrap(tag);
        String type = ascii(tag, 0, 4);
        if (type.equals("curv")) {
            int n = t.getInt(8);
            if (n == 0) return ToneCurve.LINEAR;
            if (n == 1) return ToneCurve.power((t.getShort(12) & 0xFFFF) / 256.0);
            double[] table = new double[n];
            for (int i = 0; i < n; i++) table[i] = (t.getShort(12 + 2 * i) & 0xFFFF) / 65535.0;
            return ToneCurve.sampled(table);
        }
        if (type.equals("para")) {
            int fn = t.getShort(8) & 0xFFFF;
            int[] counts = { 1, 3, 4, 5, 7 };
            if (fn >= counts.length) throw new IllegalArgumentException("unknown parametric curve " + fn);
            double[] p = new double[7];
            for (int i = 0; i < counts[fn]; i++) p[i] = t.getInt(12 + 4 * i) / 65536.0;
            return ToneCurve.parametric(fn, p);
        }
        throw new IllegalArgumentException("unsupported curve type " + type);
    }

    /** textDescriptionType (ICC v2) or multiLocalizedUnicodeType (v4, first record). */
    private static String readText(byte[] tag) {
        ByteBuffer t = ByteBuffer.wrap(tag);
        String type = ascii(tag, 0, 4);
        try {
            if (type.equals("desc")) {
                int n = t.getInt(8);
                return new String(tag, 12, Math.max(0, Math.min(n, tag.length - 12)), StandardCharsets.ISO_8859_1).replace("\0", "").trim();
            }
            if (type.equals("mluc") && t.getInt(8) > 0) {
                int len = t.getInt(20), off = t.getInt(24);
                return new String(tag, off, Math.min(len, tag.length - off), StandardCharsets.UTF_16BE).replace("\0", "").trim();
            }
            if (type.equals("text")) return new String(tag, 8, tag.length - 8, StandardCharsets.ISO_8859_1).replace("\0", "").trim();
        } catch (RuntimeException damaged) {
            return "";
        }
        return "";
    }

    private static double[] multiply(double[] a, double[] b) {
        double[] m = new double[9];
        for (int r = 0; r < 3; r++)
            for (int c = 0; c < 3; c++)
                m[r * 3 + c] = a[r * 3] * b[c] + a[r * 3 + 1] * b[3 + c] + a[r * 3 + 2] * b[6 + c];
        return m;
    }

    /** 3x3 inverse by the adjugate (cofactor) formula. */
    static double[] invert(double[] m) {
        double a = m[0], b = m[1], c = m[2], d = m[3], e = m[4], f = m[5], g = m[6], h = m[7], i = m[8];
        double det = a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g);
        if (Math.abs(det) < 1e-12) throw new IllegalArgumentException("colorant matrix is singular");
        return new double[] {
            (e * i - f * h) / det, (c * h - b * i) / det, (b * f - c * e) / det,
            (f * g - d * i) / det, (a * i - c * g) / det, (c * d - a * f) / det,
            (d * h - e * g) / det, (b * g - a * h) / det, (a * e - b * d) / det };
    }

    private static String ascii(byte[] b, int off, int len) { return new String(b, off, len, StandardCharsets.ISO_8859_1); }
}
