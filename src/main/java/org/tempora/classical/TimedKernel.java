package org.tempora.classical;

import java.util.ArrayList;
import java.util.List;
import org.tempora.engine.Trajectory;
import org.tempora.timeline.Interval;

/**
 * A blur kernel whose pixels carry the moment the camera was there: pixels are grouped along the
 * path, and each group owns the slice of exposure time equal to its share of the kernel's mass
 * (mass is proportional to time spent). Outside the exposure the path continues from its ends
 * along their velocity and curvature ({@link PathContinuation}), with a {@link #confidence} that fades with distance. Built by {@link PathExtractor}; renders the partial kernel of any interval.
 */
public final class TimedKernel {
    private final int size;
    private final int[] pixel;       // support pixel index y*size+x, in time order
    private final float[] mass;      // kernel value of that pixel
    private final double[] from;     // start of the pixel's group time slice, in [-0.5, 0.5]
    private final double[] to;       // end of that slice
    private final boolean[] core;    // on the path's main stroke (not a faint speck or side piece)
    private final PathContinuation before; // the path continued back in time from t = -0.5
    private final PathContinuation after;  // and forward from t = +0.5

    TimedKernel(int size, int[] pixel, float[] mass, double[] from, double[] to, boolean[] core) {
        this.size = size;
        this.core = core;
        this.pixel = pixel;
        this.mass = mass;
        this.from = from;
        this.to = to;
        before = continuation(-1);
        after = continuation(1);
    }

    /**
     * The path continued beyond its start (side -1) or end (+1): a quadratic through the main stroke's centroids in
     * the outer tenths of the exposure (they smooth the kernel's pixel steps; the faint specks and tails of a blind
     * estimate, off the main stroke, would bend it). Slices without main-stroke mass are skipped; with fewer than
     * three left, all of the kernel's mass is used.
     */
    private PathContinuation continuation(int side) {
        for (boolean coreOnly : new boolean[] {true, false}) {
            List<double[]> points = new ArrayList<>();
            for (int k = 0; k < END_SLICES; k++) {
                double outer = side * 0.5 - side * k * END_SLICE, inner = outer - side * END_SLICE;
                double[] c = centroid(Math.min(outer, inner), Math.max(outer, inner), coreOnly);
                if (c != null) points.add(new double[] {-(k + 0.5) * END_SLICE, c[0], c[1]});
            }
            if (points.size() >= 3) {
                double[] u = new double[points.size()], x = new double[u.length], y = new double[u.length];
                for (int i = 0; i < u.length; i++) {
                    u[i] = points.get(i)[0];
                    x[i] = points.get(i)[1];
                    y[i] = points.get(i)[2];
                }
                return PathContinuation.fit(u, x, y);
            }
        }
        return PathContinuation.fit(new double[] {-0.1, -0.2, -0.3}, new double[3], new double[3]); // no mass: stand still
    }

    /** The end fits use this many slices of the exposure, each this long: the outer half at each end. */
    private static final int END_SLICES = 5;
    private static final double END_SLICE = 0.1;
    /** Exposures over which the confidence in an extrapolated position falls by e: the curvature's horizon. */
    static final double CONFIDENCE_DECAY = PathContinuation.HORIZON;

    /**
     * How far to trust the path at time t, in [0, 1]: 1 during the exposure (the kernel shows it), then
     * exp(-distance / {@link #CONFIDENCE_DECAY}) with the distance in exposures from its nearer end.
     */
    public static double confidence(double t) {
        double d = Math.max(0, Math.abs(t) - 0.5);
        return Math.exp(-d / CONFIDENCE_DECAY);
    }

    /** Share of the kernel's mass on the main stroke. */
    public double coreMass() {
        double m = 0;
        for (int i = 0; i < pixel.length; i++) if (core[i]) m += mass[i];
        return m;
    }

    /**
     * Root-mean-square distance of the main stroke's mass from the path's centre line, in kernel
     * pixels: about 0.5 for a clean one-pixel trace; large where the path crosses or loops back on
     * itself, which a still image cannot put in time order.
     */
    public double spread() {
        int c = size / 2;
        double total = 0, sq = 0;
        int i = 0;
        while (i < pixel.length) {
            int j = i;
            double m = 0, sx = 0, sy = 0;
            while (j < pixel.length && from[j] == from[i]) {
                if (!core[j]) { j++; continue; }
                m += mass[j];
                sx += mass[j] * (pixel[j] % size - c);
                sy += mass[j] * (pixel[j] / size - c);
                j++;
            }
            if (m == 0) { i = j; continue; }
            double mx = sx / m, my = sy / m;
            for (int k = i; k < j; k++) {
                if (!core[k]) continue;
                double dx = pixel[k] % size - c - mx, dy = pixel[k] / size - c - my;
                sq += mass[k] * (dx * dx + dy * dy);
            }
            total += m;
            i = j;
        }
        return total > 0 ? Math.sqrt(sq / total) : 0;
    }

    /** Side of the estimated kernel. */
    public int size() { return size; }

    /** Velocity at the end of the exposure in kernel pixels per exposure, {x, y}. */
    public double[] endVelocity() { return after.velocity(); }

    /** Velocity at the start of the exposure in kernel pixels per exposure, {x, y} (forward in time). */
    public double[] startVelocity() {
        double[] v = before.velocity(); // fitted backwards in time
        return new double[] {-v[0], -v[1]};
    }

    /** The same kernel with time running the other way. */
    public TimedKernel reversed() {
        int n = pixel.length;
        int[] p = new int[n];
        float[] m = new float[n];
        double[] f = new double[n], t = new double[n];
        boolean[] c = new boolean[n];
        for (int i = 0; i < n; i++) {
            int j = n - 1 - i;
            c[i] = core[j];
            p[i] = pixel[j];
            m[i] = mass[j];
            f[i] = -to[j];
            t[i] = -from[j];
        }
        return new TimedKernel(size, p, m, f, t, c);
    }

    /** Mass-weighted mean position (x, y relative to centre) of the path during [s, e] inside the exposure. */
    double[] centroid(double s, double e) {
        double[] c = centroid(s, e, false);
        return c == null ? new double[] {0, 0} : c;
    }

    /** {@link #centroid(double, double)} of the main stroke only, or of all; null when there is no such mass. */
    private double[] centroid(double s, double e, boolean coreOnly) {
        double sx = 0, sy = 0, sw = 0;
        int c = size / 2;
        for (int i = 0; i < pixel.length; i++) {
            if (coreOnly && !core[i]) continue;
            double f = overlapFraction(i, s, e);
            if (f <= 0) continue;
            double wgt = mass[i] * f;
            sx += wgt * (pixel[i] % size - c);
            sy += wgt * (pixel[i] / size - c);
            sw += wgt;
        }
        if (sw == 0) return null;
        return new double[] {sx / sw, sy / sw};
    }

    private double overlapFraction(int i, double s, double e) {
        double lo = Math.max(s, from[i]), hi = Math.min(e, to[i]);
        if (hi <= lo) return 0;
        double len = to[i] - from[i];
        return len <= 0 ? 1 : (hi - lo) / len;
    }

    /** Path position at time t: inside the exposure from the kernel, outside continued by {@link PathContinuation}. */
    public double[] position(double t) {
        return position(t, 1.0 / 64);
    }

    /**
     * {@link #position(double)} averaged over the times t +/- halfWindow inside the exposure: a window as long as one
     * pixel's time slice turns the pixel staircase into a line through the pixel centres.
     */
    double[] position(double t, double halfWindow) {
        if (t <= -0.5) return before.at(-0.5 - t);
        if (t >= 0.5) return after.at(t - 0.5);
        return centroid(Math.max(-0.5, t - halfWindow), Math.min(0.5, t + halfWindow));
    }

    /** Odd canvas side that holds the partial kernels of every interval within {@code span}. */
    public int canvasSize(Interval span) {
        double r = size / 2;
        for (double t : new double[] {span.start(), span.end()}) {
            double[] p = position(t);
            r = Math.max(r, Math.max(Math.abs(p[0]), Math.abs(p[1])));
        }
        int half = (int) Math.ceil(r) + 1;
        return 2 * half + 1;
    }

    /**
     * The part of the kernel the camera drew during [s, e], on a canvas of side {@code canvas}
     * (centre = kernel centre), normalised to sum 1. Inside the exposure each pixel contributes
     * its mass times the fraction of its time slice that overlaps; outside, the extrapolated
     * path is splatted with unit mass per unit time, the same density as inside.
     */
    public float[] partialKernel(Interval iv, int canvas) {
        if (canvas % 2 == 0 || canvas < size) throw new IllegalArgumentException("canvas must be odd and >= " + size);
        float[] out = new float[canvas * canvas];
        int off = (canvas - size) / 2;
        double s = iv.start(), e = iv.end();
        double total = 0;
        if (e > -0.5 && s < 0.5) {
            for (int i = 0; i < pixel.length; i++) {
                double f = overlapFraction(i, s, e);
                if (f <= 0) continue;
                int x = pixel[i] % size + off, y = pixel[i] / size + off;
                out[y * canvas + x] += (float) (mass[i] * f);
                total += mass[i] * f;
            }
        }
        if (s < -0.5) total += splatSegment(out, canvas, s, Math.min(e, -0.5));
        if (e > 0.5) total += splatSegment(out, canvas, Math.max(s, 0.5), e);
        if (total <= 0) throw new IllegalStateException("empty partial kernel for " + iv);
        float inv = (float) (1.0 / sum(out));
        for (int i = 0; i < out.length; i++) out[i] *= inv;
        return out;
    }

    /** Bilinear splat of the extrapolated path between times a and b (one side of the exposure). */
    private double splatSegment(float[] out, int canvas, double a, double b) {
        double[] pa = position(a), pb = position(b);
        double len = Math.hypot(pb[0] - pa[0], pb[1] - pa[1]);
        int steps = Math.max(8, (int) Math.ceil(len / 0.25));
        double dm = (b - a) / steps;
        int c = canvas / 2;
        for (int k = 0; k < steps; k++) {
            double u = (k + 0.5) / steps;
            double x = pa[0] + u * (pb[0] - pa[0]) + c, y = pa[1] + u * (pb[1] - pa[1]) + c;
            int x0 = (int) Math.floor(x), y0 = (int) Math.floor(y);
            double fx = x - x0, fy = y - y0;
            add(out, canvas, x0, y0, dm * (1 - fx) * (1 - fy));
            add(out, canvas, x0 + 1, y0, dm * fx * (1 - fy));
            add(out, canvas, x0, y0 + 1, dm * (1 - fx) * fy);
            add(out, canvas, x0 + 1, y0 + 1, dm * fx * fy);
        }
        return b - a;
    }

    private static void add(float[] out, int canvas, int x, int y, double v) {
        if (x < 0 || y < 0 || x >= canvas || y >= canvas) return;
        out[y * canvas + x] += (float) v;
    }

    private static double sum(float[] a) {
        double s = 0;
        for (float v : a) s += v;
        return s;
    }

    /** The path sampled in time over {@code span}, scaled from kernel pixels to photo pixels by {@code 1/scale}. */
    public Trajectory trajectory(Interval span, double scale, int samples) {
        List<Trajectory.Sample> out = new ArrayList<>(samples);
        for (int i = 0; i < samples; i++) {
            double t = span.start() + span.duration() * i / (samples - 1);
            double[] p = position(t);
            out.add(new Trajectory.Sample(t, p[0] / scale, p[1] / scale, confidence(t)));
        }
        return new Trajectory(out);
    }
}
