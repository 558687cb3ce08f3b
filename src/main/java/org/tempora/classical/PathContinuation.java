package org.tempora.classical;

/**
 * The camera path continued beyond one end of the exposure, from a quadratic fitted to the path's last part: it
 * leaves the end at the fitted velocity and keeps turning at the fitted rate (the curvature of the quadratic,
 * omega = (v x a) / |v|^2) for at most {@link #HORIZON} exposures, then goes straight on. A steady arc is followed
 * exactly up to the horizon, a line stays a line, and a noisy fit cannot curl the path up: its speed is held and its
 * extra turning is bounded by {@link #MAX_TURN}. Speed changes are not extrapolated (a hand's are not predictable).
 */
final class PathContinuation {
    /** Exposures over which the end's curvature is followed. */
    static final double HORIZON = 0.5;
    /** Most the continued path may turn in all, radians. */
    static final double MAX_TURN = Math.PI / 2;

    private final double px, py, speed, heading, turnRate;

    private PathContinuation(double px, double py, double vx, double vy, double turnRate) {
        this.px = px;
        this.py = py;
        this.speed = Math.hypot(vx, vy);
        this.heading = Math.atan2(vy, vx);
        double limit = MAX_TURN / HORIZON;
        this.turnRate = Math.max(-limit, Math.min(limit, turnRate));
    }

    /**
     * Least-squares quadratic x(u) = c0 + c1 u + c2 u^2 (and y alike) through positions at times {@code u} measured
     * outwards from the end (u = 0 at the end, negative inside the exposure): position c0, velocity c1 and
     * acceleration 2 c2 at the end.
     */
    static PathContinuation fit(double[] u, double[] x, double[] y) {
        if (u.length < 3 || x.length != u.length || y.length != u.length) throw new IllegalArgumentException("need 3 or more samples");
        double[] cx = quadratic(u, x), cy = quadratic(u, y);
        double vx = cx[1], vy = cy[1], ax = 2 * cx[2], ay = 2 * cy[2];
        double v2 = vx * vx + vy * vy;
        double omega = v2 > 1e-12 ? (vx * ay - vy * ax) / v2 : 0;
        return new PathContinuation(cx[0], cy[0], vx, vy, omega);
    }

    /** Position {@code u >= 0} exposures past the end. */
    double[] at(double u) {
        double turning = Math.min(u, HORIZON);
        double x, y;
        if (Math.abs(turnRate * turning) < 1e-9) {
            x = px + speed * Math.cos(heading) * turning;
            y = py + speed * Math.sin(heading) * turning;
        } else {
            double r = speed / turnRate, a = heading + turnRate * turning; // along a circle of radius r
            x = px + r * (Math.sin(a) - Math.sin(heading));
            y = py - r * (Math.cos(a) - Math.cos(heading));
        }
        double rest = u - turning, a = heading + turnRate * turning;
        return new double[] {x + speed * Math.cos(a) * rest, y + speed * Math.sin(a) * rest};
    }

    /** Velocity at the end, {x, y} per exposure, pointing outwards in time. */
    double[] velocity() { return new double[] {speed * Math.cos(heading), speed * Math.sin(heading)}; }

    /** Signed turn rate used, radians per exposure (positive: from +x towards +y). */
    double turnRate() { return turnRate; }

    /** Coefficients {c0, c1, c2} of the least-squares quadratic through (u_i, v_i), from the 3x3 normal equations. */
    static double[] quadratic(double[] u, double[] v) {
        double[][] m = new double[3][4];
        for (int i = 0; i < u.length; i++) {
            double[] basis = {1, u[i], u[i] * u[i]};
            for (int r = 0; r < 3; r++) {
                for (int c = 0; c < 3; c++) m[r][c] += basis[r] * basis[c];
                m[r][3] += basis[r] * v[i];
            }
        }
        for (int col = 0; col < 3; col++) { // Gaussian elimination with partial pivoting
            int p = col;
            for (int r = col + 1; r < 3; r++) if (Math.abs(m[r][col]) > Math.abs(m[p][col])) p = r;
            double[] tmp = m[col]; m[col] = m[p]; m[p] = tmp;
            for (int r = 0; r < 3; r++) {
                if (r == col || m[col][col] == 0) continue;
                double f = m[r][col] / m[col][col];
                for (int c = col; c < 4; c++) m[r][c] -= f * m[col][c];
            }
        }
        return new double[] {m[0][3] / m[0][0], m[1][3] / m[1][1], m[2][3] / m[2][2]};
    }
}
