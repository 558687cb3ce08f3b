package org.tempora.flow;

/** Bilinear interpolation of a row-major plane, with coordinates clamped to the border (edge pixels extend outwards). */
final class Bilinear {
    private Bilinear() {}

    static float sample(float[] plane, int w, int h, double x, double y) {
        double cx = Math.min(Math.max(x, 0), w - 1), cy = Math.min(Math.max(y, 0), h - 1);
        int x0 = Math.min((int) cx, w - 2 < 0 ? 0 : w - 2), y0 = Math.min((int) cy, h - 2 < 0 ? 0 : h - 2);
        int x1 = Math.min(x0 + 1, w - 1), y1 = Math.min(y0 + 1, h - 1);
        double fx = cx - x0, fy = cy - y0;
        double top = plane[y0 * w + x0] * (1 - fx) + plane[y0 * w + x1] * fx;
        double bottom = plane[y1 * w + x0] * (1 - fx) + plane[y1 * w + x1] * fx;
        return (float) (top * (1 - fy) + bottom * fy);
    }
}
