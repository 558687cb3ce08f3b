package org.tempora.classical;

/**
 * The per-pixel w-subproblem of Krishnan & Fergus 2009 (eq. 5): w*(v) = argmin_w |w|^alpha + beta/2 (w - v)^2,
 * tabulated once per (alpha, beta) and read with linear interpolation, as the paper's lookup-table variant.
 * alpha = 1 is the closed-form soft threshold.
 */
final class HyperLaplacianShrinkage {
    /** Gradients of pictures in [0, 1] rarely exceed this; larger inputs are solved exactly. */
    private static final double TABLE_RANGE = 1.5;
    private static final int TABLE_STEPS = 3000;

    private final double alpha;
    private final double beta;
    private final float[] table;
    private final float invStep;

    HyperLaplacianShrinkage(double alpha, double beta) {
        if (!(alpha > 0 && alpha <= 1)) throw new IllegalArgumentException("alpha must be in (0, 1], got " + alpha);
        if (!(beta > 0)) throw new IllegalArgumentException("beta must be positive, got " + beta);
        this.alpha = alpha;
        this.beta = beta;
        this.invStep = (float) (TABLE_STEPS / TABLE_RANGE);
        if (alpha == 1) {
            this.table = null;
        } else {
            this.table = new float[TABLE_STEPS + 2];
            for (int i = 0; i < table.length; i++) table[i] = (float) solve(i / (double) invStep, alpha, beta);
        }
    }

    /** {@link #apply} to the first {@code n} values of {@code g}, in place: one small method the JIT compiles once for all calls. */
    void applyInPlace(float[] g, int n) { applyInPlace(g, 0, n); }

    /** {@link #apply} to the values from (inclusive) to (exclusive) of {@code g}, in place. */
    void applyInPlace(float[] g, int from, int to) {
        for (int i = from; i < to; i++) g[i] = apply(g[i]);
    }

    float apply(float v) {
        float a = Math.abs(v);
        float r;
        if (table == null) {
            r = (float) Math.max(a - 1 / beta, 0);
        } else if (a < TABLE_RANGE) {
            float pos = a * invStep;
            int i = (int) pos;
            float f = pos - i;
            r = table[i] + f * (table[i + 1] - table[i]);
        } else {
            r = (float) solve(a, alpha, beta);
        }
        return v < 0 ? -r : r;
    }

    /**
     * Exact minimiser for v >= 0: the largest root of alpha w^(alpha-1) + beta (w - v) = 0, found by Newton
     * from w = v (the function is convex there, so Newton descends monotonically onto it), or 0 when
     * that root does not exist or costs more than w = 0.
     */
    static double solve(double v, double alpha, double beta) {
        if (v <= 0) return 0;
        if (alpha == 1) return Math.max(v - 1 / beta, 0);
        double w = v;
        for (int it = 0; it < 60; it++) {
            double g = alpha * Math.pow(w, alpha - 1) + beta * (w - v);
            double dg = alpha * (alpha - 1) * Math.pow(w, alpha - 2) + beta;
            if (dg <= 0) return 0;
            double next = w - g / dg;
            if (next <= 0) return 0;
            if (Math.abs(next - w) < 1e-10 * v) {
                w = next;
                break;
            }
            w = next;
        }
        double costW = Math.pow(w, alpha) + 0.5 * beta * (w - v) * (w - v);
        double costZero = 0.5 * beta * v * v;
        return costW < costZero ? w : 0;
    }
}
