package org.tempora.simulate;

import java.util.List;
import org.tempora.engine.Trajectory;

/**
 * Position of a camera path at any time: linear interpolation between samples, held constant
 * before the first and after the last sample (the camera at rest outside the recorded path).
 */
public final class PathSampler {
    /** The exposure in normalised time. */
    public static final double EXPOSURE_START = -0.5;
    public static final double EXPOSURE_END = 0.5;

    private final double[] t;
    private final double[] x;
    private final double[] y;

    public PathSampler(Trajectory path) {
        List<Trajectory.Sample> samples = path.samples();
        if (samples.isEmpty()) throw new IllegalArgumentException("the trajectory has no samples");
        int n = samples.size();
        t = new double[n];
        x = new double[n];
        y = new double[n];
        for (int i = 0; i < n; i++) {
            Trajectory.Sample s = samples.get(i);
            if (!Double.isFinite(s.t()) || !Double.isFinite(s.x()) || !Double.isFinite(s.y())) {
                throw new IllegalArgumentException("trajectory sample " + i + " is not finite: " + s);
            }
            if (i > 0 && s.t() <= t[i - 1]) {
                throw new IllegalArgumentException("trajectory times must increase strictly, sample " + i + " has t=" + s.t() + " after " + t[i - 1]);
            }
            t[i] = s.t();
            x[i] = s.x();
            y[i] = s.y();
        }
    }

    /** Position {x, y} in pixels at time {@code time}. */
    public double[] at(double time) {
        int n = t.length;
        if (time <= t[0]) return new double[] {x[0], y[0]};
        if (time >= t[n - 1]) return new double[] {x[n - 1], y[n - 1]};
        int hi = upperIndex(time);
        int lo = hi - 1;
        double w = (time - t[lo]) / (t[hi] - t[lo]);
        return new double[] {x[lo] + w * (x[hi] - x[lo]), y[lo] + w * (y[hi] - y[lo])};
    }

    /**
     * Time-average position {x, y} over the exposure [-0.5, 0.5]: the centroid of the blur kernel.
     * Exact for the piecewise-linear path (trapezoid rule between consecutive breakpoints).
     */
    public double[] timeAverage() {
        double[] times = breakpoints();
        double sx = 0, sy = 0;
        double[] prev = at(times[0]);
        for (int i = 1; i < times.length; i++) {
            double[] cur = at(times[i]);
            double dt = times[i] - times[i - 1];
            sx += 0.5 * dt * (prev[0] + cur[0]);
            sy += 0.5 * dt * (prev[1] + cur[1]);
            prev = cur;
        }
        double span = EXPOSURE_END - EXPOSURE_START;
        return new double[] {sx / span, sy / span};
    }

    /** Largest |x| or |y| reached during the exposure, in pixels (the Chebyshev radius of the kernel). */
    public double maxOffset() {
        double m = 0;
        for (double time : breakpoints()) {
            double[] p = at(time);
            m = Math.max(m, Math.max(Math.abs(p[0]), Math.abs(p[1])));
        }
        return m;
    }

    /** Path length within the exposure, in pixels. */
    public double exposureLength() {
        double[] times = breakpoints();
        double len = 0;
        double[] prev = at(times[0]);
        for (int i = 1; i < times.length; i++) {
            double[] cur = at(times[i]);
            len += Math.hypot(cur[0] - prev[0], cur[1] - prev[1]);
            prev = cur;
        }
        return len;
    }

    /** The exposure's ends and every sample time strictly inside it, ascending: the path is linear between them. */
    private double[] breakpoints() {
        int inside = 0;
        for (double ti : t) if (ti > EXPOSURE_START && ti < EXPOSURE_END) inside++;
        double[] b = new double[inside + 2];
        b[0] = EXPOSURE_START;
        int k = 1;
        for (double ti : t) if (ti > EXPOSURE_START && ti < EXPOSURE_END) b[k++] = ti;
        b[k] = EXPOSURE_END;
        return b;
    }

    /** Smallest index i with t[i] > time, for t[0] < time < t[n-1]. */
    private int upperIndex(double time) {
        int lo = 0, hi = t.length - 1;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (t[mid] <= time) lo = mid; else hi = mid;
        }
        return hi;
    }
}
