package org.tempora.flow;

import java.util.Arrays;

/**
 * A dense displacement field in pixels: for every pixel (x, y) of the first frame, where it moved to in the
 * second frame is (x + u, y + v), x to the right and y down. Row-major planes, as in {@code LinearImage}.
 */
public final class FlowField {
    /** Middlebury's marker for "no flow known here": any component at or above it (Baker et al. 2011). */
    public static final float UNKNOWN_THRESHOLD = 1e9f;

    private final int width;
    private final int height;
    private final float[] u;
    private final float[] v;

    public FlowField(int width, int height, float[] u, float[] v) {
        if (width <= 0 || height <= 0) throw new IllegalArgumentException("flow size must be positive: " + width + "x" + height);
        if ((long) width * height > Integer.MAX_VALUE) throw new IllegalArgumentException("flow too large: " + width + "x" + height);
        if (u.length != width * height || v.length != width * height) {
            throw new IllegalArgumentException("flow planes of " + u.length + " and " + v.length + " values for " + width + "x" + height);
        }
        this.width = width;
        this.height = height;
        this.u = u;
        this.v = v;
    }

    /** A field where every pixel moves by (du, dv). */
    public static FlowField uniform(int width, int height, float du, float dv) {
        float[] u = new float[width * height], v = new float[width * height];
        Arrays.fill(u, du);
        Arrays.fill(v, dv);
        return new FlowField(width, height, u, v);
    }

    public int width() { return width; }
    public int height() { return height; }
    public int pixelCount() { return width * height; }

    /** The live horizontal plane (not a copy). */
    public float[] u() { return u; }

    /** The live vertical plane (not a copy). */
    public float[] v() { return v; }

    public float u(int x, int y) { return u[y * width + x]; }
    public float v(int x, int y) { return v[y * width + x]; }

    /** Whether pixel i holds a flow value (finite and under Middlebury's unknown threshold). */
    public boolean isKnown(int i) { return isKnown(u[i], v[i]); }

    static boolean isKnown(float du, float dv) {
        return Math.abs(du) < UNKNOWN_THRESHOLD && Math.abs(dv) < UNKNOWN_THRESHOLD; // NaN fails both comparisons
    }

    /** Euclidean length of the displacement at pixel i. */
    public double magnitude(int i) { return Math.hypot(u[i], v[i]); }

    /** The largest displacement among known pixels (where {@code include} is true, if given); 0 if none. */
    public double maxMagnitude(boolean[] include) {
        double max = 0;
        for (int i = 0; i < u.length; i++) {
            if ((include == null || include[i]) && isKnown(i)) max = Math.max(max, magnitude(i));
        }
        return max;
    }

    /** Mean displacement length over known pixels; 0 if none. */
    public double meanMagnitude() {
        double sum = 0;
        int n = 0;
        for (int i = 0; i < u.length; i++) {
            if (isKnown(i)) {
                sum += magnitude(i);
                n++;
            }
        }
        return n == 0 ? 0 : sum / n;
    }

    @Override public String toString() { return "FlowField[" + width + "x" + height + "]"; }
}
