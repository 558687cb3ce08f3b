package org.tempora.image;

import java.util.function.DoubleUnaryOperator;

/**
 * A per-channel transfer function from an encoded sample in [0, 1] to linear light in [0, 1],
 * tabulated once per bit depth so decoding costs one array look-up per sample.
 */
final class ToneCurve {
    private final String name;
    private final DoubleUnaryOperator toLinear;

    private ToneCurve(String name, DoubleUnaryOperator toLinear) {
        this.name = name;
        this.toLinear = toLinear;
    }

    static final ToneCurve SRGB = new ToneCurve("sRGB", Srgb::toLinear);
    static final ToneCurve LINEAR = new ToneCurve("linear", v -> v);

    /** Decoding exponent, e.g. 2.2 for a PNG gAMA of 1/2.2 (PNG spec 11.3.3.2: sample = light^gAMA). */
    static ToneCurve power(double decodingExponent) {
        if (Math.abs(decodingExponent - 1) < 1e-9) return LINEAR;
        return new ToneCurve("gamma " + decodingExponent, v -> v <= 0 ? 0 : Math.pow(v, decodingExponent));
    }

    /** ICC curveType with n >= 2 entries: samples evenly spaced over [0, 1], linearly interpolated (ICC.1:2010 10.6). */
    static ToneCurve sampled(double[] table) {
        double[] t = table.clone();
        int last = t.length - 1;
        return new ToneCurve("sampled curve", v -> {
            double pos = Math.max(0, Math.min(1, v)) * last;
            int i = Math.min((int) pos, last - 1);
            double f = pos - i;
            return t[i] + f * (t[i + 1] - t[i]);
        });
    }

    /** ICC parametricCurveType function types 0-4 with parameters g, a, b, c, d, e, f (ICC.1:2010 10.18, table 65). */
    static ToneCurve parametric(int type, double[] p) {
        double g = p[0];
        DoubleUnaryOperator f = switch (type) {
            case 0 -> x -> Math.pow(x, g);
            case 1 -> x -> x >= -p[2] / p[1] ? Math.pow(p[1] * x + p[2], g) : 0;
            case 2 -> x -> x >= -p[2] / p[1] ? Math.pow(p[1] * x + p[2], g) + p[3] : p[3];
            case 3 -> x -> x >= p[4] ? Math.pow(p[1] * x + p[2], g) : p[3] * x;
            case 4 -> x -> x >= p[4] ? Math.pow(p[1] * x + p[2], g) + p[5] : p[3] * x + p[6];
            default -> throw new IllegalArgumentException("unknown ICC parametric curve type " + type);
        };
        return new ToneCurve("parametric type " + type, x -> f.applyAsDouble(Math.max(0, x)));
    }

    double toLinear(double encoded) { return toLinear.applyAsDouble(encoded); }

    /** Linear value of every integer code 0..maxCode, clamped to [0, 1]. */
    float[] table(int maxCode) {
        if (this == SRGB && maxCode == 255) {
            float[] t = new float[256];
            for (int i = 0; i < 256; i++) t[i] = Srgb.linearFrom8bit(i);
            return t;
        }
        float[] t = new float[maxCode + 1];
        for (int i = 0; i <= maxCode; i++) t[i] = (float) Math.max(0, Math.min(1, toLinear.applyAsDouble(i / (double) maxCode)));
        return t;
    }

    @Override public String toString() { return name; }
}
