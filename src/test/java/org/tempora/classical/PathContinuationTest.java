package org.tempora.classical;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import org.tempora.engine.Trajectory;
import org.tempora.timeline.Interval;

class PathContinuationTest {
    private static final double[] U = {-0.05, -0.15, -0.25, -0.35, -0.45};

    @Test
    void theQuadraticFitIsExactOnAQuadratic() {
        double[] v = new double[U.length];
        for (int i = 0; i < U.length; i++) v[i] = 3 - 2 * U[i] + 5 * U[i] * U[i];
        assertArrayEquals(new double[] {3, -2, 5}, PathContinuation.quadratic(U, v), 1e-9);
    }

    @Test
    void aLineStaysALine() {
        double[] x = new double[U.length], y = new double[U.length];
        for (int i = 0; i < U.length; i++) {
            x[i] = 4 + 12 * U[i];
            y[i] = -1 - 5 * U[i];
        }
        PathContinuation c = PathContinuation.fit(U, x, y);
        for (double u : new double[] {0.25, 1, 2}) {
            double[] p = c.at(u);
            assertEquals(4 + 12 * u, p[0], 1e-9);
            assertEquals(-1 - 5 * u, p[1], 1e-9);
        }
    }

    @Test
    void anArcIsFollowedAlongItsCircleUpToTheHorizon() {
        // Uniform motion on a circle of radius 20 at 20 px per exposure: one radian per exposure.
        double r = 20, w = 1;
        double[] x = new double[U.length], y = new double[U.length];
        for (int i = 0; i < U.length; i++) {
            x[i] = r * Math.sin(w * U[i]);
            y[i] = r * (1 - Math.cos(w * U[i]));
        }
        PathContinuation c = PathContinuation.fit(U, x, y);
        assertEquals(w, c.turnRate(), 0.07); // a quadratic's curvature, from samples up to 0.45 back
        for (double u : new double[] {0.1, 0.3, 0.5}) {
            double[] p = c.at(u);
            double err = Math.hypot(p[0] - r * Math.sin(w * u), p[1] - r * (1 - Math.cos(w * u)));
            double linear = Math.hypot(r * u - r * Math.sin(w * u), r * (1 - Math.cos(w * u)));
            assertTrue(err < 0.1 + linear / 5, "at " + u + ": " + err + " px off the circle (a line: " + linear + ")");
        }
        // Beyond the horizon it goes straight on: it never comes round again.
        double[] far = c.at(3), h = c.at(PathContinuation.HORIZON);
        assertEquals(r * (3 - PathContinuation.HORIZON), Math.hypot(far[0] - h[0], far[1] - h[1]), 1.5); // at the fitted speed, 3 % fast
    }

    @Test
    void aWildFitCannotTurnThePathRound() {
        double[] x = {0, -1, 0, 1, 0}, y = {0, 3, -3, 4, -4}; // zig-zag: a huge, meaningless curvature
        PathContinuation c = PathContinuation.fit(U, x, y);
        assertTrue(Math.abs(c.turnRate()) <= PathContinuation.MAX_TURN / PathContinuation.HORIZON + 1e-12);
    }

    @Test
    void aCurvedKernelIsExtrapolatedAlongItsCircle() {
        // A kernel drawn from p(t) = (R sin t, R (1 - cos t)) - its mean, t in [-0.5, 0.5] exposures, 1 rad per exposure.
        int size = 41;
        double r = 24;
        double meanY = r * (1 - 2 * Math.sin(0.5)); // time-average of R (1 - cos t) over [-0.5, 0.5]
        float[] k = new float[size * size];
        int c = size / 2;
        for (int s = 0; s < 4000; s++) {
            double t = -0.5 + (s + 0.5) / 4000;
            double x = c + r * Math.sin(t), y = c + r * (1 - Math.cos(t)) - meanY;
            int x0 = (int) Math.floor(x), y0 = (int) Math.floor(y);
            double fx = x - x0, fy = y - y0;
            k[y0 * size + x0] += (float) ((1 - fx) * (1 - fy));
            k[y0 * size + x0 + 1] += (float) (fx * (1 - fy));
            k[(y0 + 1) * size + x0] += (float) ((1 - fx) * fy);
            k[(y0 + 1) * size + x0 + 1] += (float) (fx * fy);
        }
        TimedKernel timed = PathExtractor.extract(TestPlanes.normalise(k), size, false);
        for (double t : new double[] {0.75, 1.0, -1.0}) {
            double[] p = timed.position(t);
            double tx = r * Math.sin(t), ty = r * (1 - Math.cos(t)) - meanY;
            double err = Math.hypot(p[0] - tx, p[1] - ty);
            double edge = Math.signum(t) * 0.5, d = t - edge;
            double lx = r * Math.sin(edge) + r * Math.cos(edge) * d, ly = r * (1 - Math.cos(edge)) - meanY + r * Math.sin(edge) * d;
            double linear = Math.hypot(lx - tx, ly - ty);
            // the end positions carry the kernel's pixel steps (about half a pixel); the curvature is what a line misses
            assertTrue(err < 1.5 && (Math.abs(d) < 0.5 || err < linear / 2), "t = " + t + ": " + err + " px off the circle, a straight line " + linear);
        }
    }

    @Test
    void confidenceIsOneInTheExposureAndFallsAwayFromIt() {
        assertEquals(1.0, TimedKernel.confidence(0.3));
        assertEquals(1.0, TimedKernel.confidence(-0.5));
        assertEquals(Math.exp(-1), TimedKernel.confidence(0.5 + TimedKernel.CONFIDENCE_DECAY), 1e-12);
        assertEquals(TimedKernel.confidence(1.3), TimedKernel.confidence(-1.3), 1e-12);
        TimedKernel line = PathExtractor.extract(TimedKernelTest.horizontalLine(15, 11), 15, false);
        Trajectory path = line.trajectory(new Interval(-1.5, 1.5), 1, 61);
        assertEquals(1.0, path.confidence(-0.5, 0.5), 1e-12);
        double past = path.confidence(-1.5, -0.5);
        // mean of exp(-d / 0.5) over d in [0, 1]: 0.5 (1 - e^-2)
        assertEquals(0.5 * (1 - Math.exp(-2)), past, 0.01);
        assertTrue(path.confidence(0.5, 1.0) > path.confidence(1.0, 1.5));
    }
}
