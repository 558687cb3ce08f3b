package org.tempora.simulate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.tempora.engine.Trajectory;

/**
 * Camera paths for simulated blur: samples over the exposure t in [-0.5, 0.5], in pixels (x right,
 * y down), centred so their time-average position is (0, 0).
 */
public final class CameraShake {
    /** Samples in a straight path; enough that linear interpolation between them is smooth. */
    public static final int DEFAULT_SAMPLES = 1024;
    /** Samples (numT) of the reference random generator; its dynamics are tuned for this many steps. */
    public static final int REFERENCE_SAMPLES = 2000;
    /** Path length (MaxTotalLength, pixels) the reference generator's dynamics are tuned for. */
    static final double REFERENCE_LENGTH_PX = 60;

    private CameraShake() {}

    /**
     * A random hand-shake path of total length {@code maxLengthPx}, with the reference generator's
     * defaults: anxiety drawn from the seed (uniform in [0, 0.1]) and {@link #REFERENCE_SAMPLES} samples.
     * Such paths curl: over seeds, their extent (larger side of the bounding box) is 5-25% of their length
     * (10th-90th percentile, median 9%).
     */
    public static Trajectory random(long seed, double maxLengthPx) {
        Random rng = seeded(seed);
        return random(rng, maxLengthPx, 0.1 * rng.nextDouble(), REFERENCE_SAMPLES);
    }

    /**
     * A random hand-shake path (Boracchi &amp; Foi 2012, "Modeling the performance of image restoration
     * from motion blur", IEEE TIP 21(8), Sec. II-A): a particle moving at constant speed whose velocity
     * gets a Gaussian perturbation, a pull back towards the start, and rare impulsive reversals. The
     * motion is generated at the reference scale (60 px long) and then scaled to {@code maxLengthPx}, so
     * the shapes follow the published distribution whatever the length.
     *
     * @param anxiety how jittery the motion is; 0 gives a straight line, the reference uses [0, 0.1]
     * @param samples number of samples, at uniform times from -0.5 to 0.5
     */
    public static Trajectory random(long seed, double maxLengthPx, double anxiety, int samples) {
        return random(seeded(seed), maxLengthPx, anxiety, samples);
    }

    /**
     * java.util.Random (a fully specified, JDK-independent sequence) with the seed scrambled first by
     * the SplitMix64 finaliser (Steele, Lea &amp; Flood 2014): Random's first draws for nearby seeds
     * 0, 1, 2... are almost equal, which would give every small seed the same anxiety.
     */
    static Random seeded(long seed) {
        long z = seed + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return new Random(z ^ (z >>> 31));
    }

    private static Trajectory random(Random rng, double maxLengthPx, double anxiety, int samples) {
        if (!(maxLengthPx >= 0) || Double.isInfinite(maxLengthPx)) throw new IllegalArgumentException("path length must be finite and >= 0, got " + maxLengthPx);
        if (!(anxiety >= 0) || Double.isInfinite(anxiety)) throw new IllegalArgumentException("anxiety must be finite and >= 0, got " + anxiety);
        if (samples < 2) throw new IllegalArgumentException("a path needs at least 2 samples, got " + samples);
        // The reference generator's random parameters, drawn once per path.
        double centripetal = 0.7 * rng.nextDouble();
        double gaussianTerm = 10 * rng.nextDouble();
        double freqBigShakes = 0.2 * rng.nextDouble();
        double angle = 2 * Math.PI * rng.nextDouble();
        // Positions in reference pixels: the pull towards the start depends on that scale.
        int steps = samples - 1;
        double step = REFERENCE_LENGTH_PX / steps;
        double vx = Math.cos(angle), vy = Math.sin(angle); // unit direction; the speed is always `step`
        double[] px = new double[samples];
        double[] py = new double[samples];
        for (int i = 0; i < steps; i++) {
            double dvx = 0, dvy = 0;
            if (rng.nextDouble() < freqBigShakes * anxiety) {
                // Impulsive shake: twice the velocity, turned back by pi +- 0.5 rad.
                double turn = Math.PI + (rng.nextDouble() - 0.5);
                dvx = 2 * (vx * Math.cos(turn) - vy * Math.sin(turn));
                dvy = 2 * (vx * Math.sin(turn) + vy * Math.cos(turn));
            }
            double gx = rng.nextGaussian(), gy = rng.nextGaussian();
            // In units of the speed: the reference adds anxiety * (gaussian - centripetal * x) * step to a velocity of size step.
            dvx += anxiety * (gaussianTerm * gx - centripetal * px[i]);
            dvy += anxiety * (gaussianTerm * gy - centripetal * py[i]);
            double nvx = vx + dvx, nvy = vy + dvy;
            double speed = Math.hypot(nvx, nvy);
            // Constant speed: only the direction changes (keep the old one if the perturbation cancelled it).
            if (speed > 1e-12) {
                vx = nvx / speed;
                vy = nvy / speed;
            }
            px[i + 1] = px[i] + step * vx;
            py[i + 1] = py[i] + step * vy;
        }
        double scale = maxLengthPx / REFERENCE_LENGTH_PX;
        List<Trajectory.Sample> out = new ArrayList<>(samples);
        for (int i = 0; i < samples; i++) {
            out.add(new Trajectory.Sample(uniformTime(i, samples), px[i] * scale, py[i] * scale));
        }
        return centred(new Trajectory(out));
    }

    /**
     * A straight path at uniform speed, centred on (0, 0).
     *
     * @param angleDeg direction of motion in degrees, counter-clockwise as seen on screen from the +x axis
     *                 (0 = rightwards, 90 = upwards, i.e. towards negative y)
     */
    public static Trajectory linear(double lengthPx, double angleDeg) {
        if (!(lengthPx >= 0) || Double.isInfinite(lengthPx)) throw new IllegalArgumentException("path length must be finite and >= 0, got " + lengthPx);
        if (!Double.isFinite(angleDeg)) throw new IllegalArgumentException("angle must be finite, got " + angleDeg);
        double a = Math.toRadians(angleDeg);
        double dx = Math.cos(a), dy = -Math.sin(a); // y points down, so "up" on screen is negative y
        List<Trajectory.Sample> out = new ArrayList<>(DEFAULT_SAMPLES);
        for (int i = 0; i < DEFAULT_SAMPLES; i++) {
            double t = uniformTime(i, DEFAULT_SAMPLES);
            out.add(new Trajectory.Sample(t, lengthPx * t * dx, lengthPx * t * dy));
        }
        return new Trajectory(out);
    }

    /**
     * A circular arc at uniform speed, centred on its time-average: the smooth sweep of a camera
     * panning or a walker's sway during a short exposure (0 turning gives {@link #linear}).
     *
     * @param angleDeg starting direction, as for {@link #linear}
     * @param turningDeg how far the direction turns over the exposure, counter-clockwise on screen
     */
    public static Trajectory arc(double lengthPx, double angleDeg, double turningDeg) {
        if (!(lengthPx >= 0) || Double.isInfinite(lengthPx) || !Double.isFinite(angleDeg) || !Double.isFinite(turningDeg)) {
            throw new IllegalArgumentException("arc length, angle and turning must be finite numbers");
        }
        double a0 = Math.toRadians(angleDeg), turn = Math.toRadians(turningDeg);
        List<Trajectory.Sample> out = new ArrayList<>(DEFAULT_SAMPLES);
        double x = 0, y = 0;
        double ds = lengthPx / (DEFAULT_SAMPLES - 1);
        for (int i = 0; i < DEFAULT_SAMPLES; i++) {
            out.add(new Trajectory.Sample(uniformTime(i, DEFAULT_SAMPLES), x, y));
            double a = a0 + turn * (i + 0.5) / (DEFAULT_SAMPLES - 1);
            x += ds * Math.cos(a);
            y -= ds * Math.sin(a); // y points down
        }
        return centred(new Trajectory(out));
    }

    /** Reads a path from a text file of lines {@code t,x,y} or {@code x,y}; see {@link TrajectoryFile}. */
    public static Trajectory fromFile(Path file) throws IOException {
        return TrajectoryFile.read(file);
    }

    /** Writes a path as {@code t,x,y} lines that {@link #fromFile} reads back exactly; atomic. */
    public static void write(Trajectory path, Path file) throws IOException {
        TrajectoryFile.write(path, file);
    }

    /** The same path shifted so its time-average position over the exposure is (0, 0). */
    public static Trajectory centred(Trajectory path) {
        double[] c = new PathSampler(path).timeAverage();
        List<Trajectory.Sample> out = new ArrayList<>(path.samples().size());
        for (Trajectory.Sample s : path.samples()) out.add(new Trajectory.Sample(s.t(), s.x() - c[0], s.y() - c[1]));
        return new Trajectory(out);
    }

    /**
     * A random hand-shake path scaled so that its extent (larger side of its bounding box) is
     * {@code extentPx}: the width of the blur a viewer sees, which the path length does not tell.
     */
    public static Trajectory randomWithExtent(long seed, double extentPx) {
        return scaledToExtent(random(seed, REFERENCE_LENGTH_PX), extentPx);
    }

    /** The path scaled about its centre so the larger side of its bounding box is {@code extentPx}. */
    public static Trajectory scaledToExtent(Trajectory path, double extentPx) {
        double ext = extent(path);
        double f = ext > 0 ? extentPx / ext : 0;
        List<Trajectory.Sample> out = new ArrayList<>(path.samples().size());
        for (Trajectory.Sample s : path.samples()) out.add(new Trajectory.Sample(s.t(), s.x() * f, s.y() * f));
        return centred(new Trajectory(out));
    }

    /** Larger side of the path's bounding box, in pixels. */
    public static double extent(Trajectory path) {
        double x0 = Double.POSITIVE_INFINITY, x1 = Double.NEGATIVE_INFINITY, y0 = x0, y1 = x1;
        for (Trajectory.Sample s : path.samples()) {
            x0 = Math.min(x0, s.x()); x1 = Math.max(x1, s.x());
            y0 = Math.min(y0, s.y()); y1 = Math.max(y1, s.y());
        }
        return Math.max(x1 - x0, y1 - y0);
    }

    /** Sample i of n at uniform times, exactly -0.5 first and 0.5 last. */
    static double uniformTime(int i, int n) {
        return i == n - 1 ? 0.5 : -0.5 + (double) i / (n - 1);
    }
}
