package org.tempora.classical;

import java.util.ArrayList;
import java.util.List;
import org.tempora.timeline.Interval;

/**
 * The estimated camera path drawn again at a finer resolution than it was estimated at: a thin line along the path's
 * smoothed centre ({@link TimedKernel#position}) scaled by {@code factor}, sampled finely in time and splatted
 * bilinearly. Enlarging the kernel image itself would widen a one-pixel trace to a whole working pixel and make a
 * deconvolution sharpen across the motion, where the photo was never blurred.
 */
final class DetailKernels {
    /** Time cells per detail pixel of the exposure's path length: bilinear splats four per pixel leave no gaps. */
    private static final double CELLS_PER_PIXEL = 4;
    private static final int MIN_CELLS = 256;

    private final double factor;
    private final int canvas;
    /** Start of the time grid and its cell length: one grid for every interval, so kernels of intervals that tile
     *  the exposure average to the exposure's kernel exactly (each cell's time is split by overlap). */
    private final double gridStart, cell;
    /** Path position at each cell's midpoint, in detail pixels, {x, y} interleaved. */
    private final double[] positions;

    /**
     * @param path   the path at the working resolution
     * @param factor detail pixels per working pixel, >= 1
     * @param span   the times the kernels will be drawn for, besides the exposure
     */
    DetailKernels(TimedKernel path, double factor, Interval span) {
        if (!(factor >= 1)) throw new IllegalArgumentException("factor must be >= 1, got " + factor);
        this.factor = factor;
        double length = path.trajectory(new Interval(-0.5, 0.5), 1, 65).length();
        // Each kernel pixel owns about 1/length of the exposure: averaging over that much smooths its steps away.
        double halfWindow = Math.max(1.0 / 64, 1.0 / Math.max(1, length));
        int perUnit = (int) Math.max(MIN_CELLS, Math.ceil(length * factor * CELLS_PER_PIXEL));
        gridStart = Math.min(span.start(), -0.5);
        cell = 1.0 / perUnit;
        int cells = (int) Math.ceil((Math.max(span.end(), 0.5) - gridStart) / cell);
        positions = new double[2 * cells];
        double reach = path.size() / 2.0 * factor;
        for (int j = 0; j < cells; j++) {
            double[] p = path.position(gridStart + (j + 0.5) * cell, halfWindow);
            positions[2 * j] = p[0] * factor;
            positions[2 * j + 1] = p[1] * factor;
            reach = Math.max(reach, Math.max(Math.abs(positions[2 * j]), Math.abs(positions[2 * j + 1])));
        }
        this.canvas = 2 * ((int) Math.ceil(reach) + 2) + 1;
    }

    /** Odd side of every kernel drawn. */
    int canvas() { return canvas; }

    /** The whole exposure's kernel. */
    float[] exposure() { return draw(-0.5, 0.5); }

    /** The kernel of each interval, in order. */
    List<float[]> partials(List<Interval> intervals) {
        List<float[]> out = new ArrayList<>(intervals.size());
        for (Interval iv : intervals) out.add(draw(iv.start(), iv.end()));
        return out;
    }

    /** The path between times s and e drawn on the canvas (centre = the kernel centre), summing to 1. */
    float[] draw(double s, double e) {
        if (!(e > s)) throw new IllegalArgumentException("empty interval [" + s + ", " + e + "]");
        double[] k = new double[canvas * canvas];
        int c = canvas / 2;
        int first = Math.max(0, (int) Math.floor((s - gridStart) / cell));
        int last = Math.min(positions.length / 2 - 1, (int) Math.ceil((e - gridStart) / cell));
        for (int j = first; j <= last; j++) {
            double a = gridStart + j * cell, b = a + cell;
            double time = Math.min(b, e) - Math.max(a, s);
            if (time > 0) splat(k, c + positions[2 * j], c + positions[2 * j + 1], time);
        }
        double sum = 0;
        for (double v : k) sum += v;
        if (!(sum > 0)) throw new IllegalArgumentException("[" + s + ", " + e + "] lies outside the drawn times");
        float[] out = new float[k.length];
        for (int i = 0; i < k.length; i++) out[i] = (float) (k[i] / sum);
        return out;
    }

    private void splat(double[] k, double x, double y, double m) {
        int x0 = (int) Math.floor(x), y0 = (int) Math.floor(y);
        double fx = x - x0, fy = y - y0;
        add(k, x0, y0, m * (1 - fx) * (1 - fy));
        add(k, x0 + 1, y0, m * fx * (1 - fy));
        add(k, x0, y0 + 1, m * (1 - fx) * fy);
        add(k, x0 + 1, y0 + 1, m * fx * fy);
    }

    private void add(double[] k, int x, int y, double v) {
        if (x >= 0 && y >= 0 && x < canvas && y < canvas) k[y * canvas + x] += v;
    }
}
