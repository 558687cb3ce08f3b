package org.tempora.classical;

/**
 * Circular forward differences on a width x height plane and their adjoint; they match the spectra
 * {@link Spectra#ofForwardDifferenceX} / {@link Spectra#ofForwardDifferenceY}.
 */
final class Gradients {
    private Gradients() {}

    /** gx(p) = x(p + e_x) - x(p), gy(p) = x(p + e_y) - x(p), wrapping at the edges. */
    static void forward(float[] x, int w, int h, float[] gx, float[] gy) { forward(x, w, h, gx, gy, 0, h); }

    /** {@link #forward} of the rows from (inclusive) to (exclusive) only. */
    static void forward(float[] x, int w, int h, float[] gx, float[] gy, int from, int to) {
        for (int y = from; y < to; y++) {
            int row = y * w;
            int below = ((y + 1) % h) * w;
            for (int i = 0; i < w - 1; i++) {
                float v = x[row + i];
                gx[row + i] = x[row + i + 1] - v;
                gy[row + i] = x[below + i] - v;
            }
            float v = x[row + w - 1];
            gx[row + w - 1] = x[row] - v;
            gy[row + w - 1] = x[below + w - 1] - v;
        }
    }

    /** out = Dx^T gx + Dy^T gy, the adjoint of {@link #forward}: (Dx^T g)(p) = g(p - e_x) - g(p). */
    static void adjoint(float[] gx, float[] gy, int w, int h, float[] out) { adjoint(gx, gy, w, h, out, 0, h); }

    /** {@link #adjoint} of the rows from (inclusive) to (exclusive) only; it reads the gradients of the row above. */
    static void adjoint(float[] gx, float[] gy, int w, int h, float[] out, int from, int to) {
        for (int y = from; y < to; y++) {
            int row = y * w;
            int above = ((y + h - 1) % h) * w;
            out[row] = gx[row + w - 1] - gx[row] + gy[above] - gy[row];
            for (int i = 1; i < w; i++) {
                out[row + i] = gx[row + i - 1] - gx[row + i] + gy[above + i] - gy[row + i];
            }
        }
    }
}
