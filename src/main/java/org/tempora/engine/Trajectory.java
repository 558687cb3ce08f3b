package org.tempora.engine;

import java.util.List;

/**
 * The camera's path as an ordered list of samples: position (photo pixels, relative to the kernel
 * centre, x right, y down) at normalised time t. Samples inside the exposure follow the kernel's
 * mass (time spent); samples outside it are extrapolated.
 */
public record Trajectory(List<Sample> samples) {
    /**
     * @param confidence how far the engine trusts this position, in [0, 1]: 1 where the photo shows it (the exposure),
     *                   falling with distance from it where the path is extrapolated
     */
    public record Sample(double t, double x, double y, double confidence) {
        public Sample {
            if (!(confidence >= 0 && confidence <= 1)) throw new IllegalArgumentException("confidence must be in [0, 1], got " + confidence);
        }

        /** A sample the engine is sure of (confidence 1). */
        public Sample(double t, double x, double y) { this(t, x, y, 1); }
    }

    public Trajectory { samples = List.copyOf(samples); }

    /**
     * Mean confidence over [start, end]: the samples' confidence interpolated linearly in time at 16 points (held at
     * the first and last sample outside them); 1 for a path without samples.
     */
    public double confidence(double start, double end) {
        if (samples.isEmpty()) return 1;
        int points = 16;
        double sum = 0;
        for (int i = 0; i < points; i++) sum += confidenceAt(start + (end - start) * (i + 0.5) / points);
        return sum / points;
    }

    private double confidenceAt(double t) {
        Sample first = samples.get(0), last = samples.get(samples.size() - 1);
        if (t <= first.t()) return first.confidence();
        if (t >= last.t()) return last.confidence();
        for (int i = 1; i < samples.size(); i++) {
            Sample a = samples.get(i - 1), b = samples.get(i);
            if (t <= b.t()) {
                double f = b.t() > a.t() ? (t - a.t()) / (b.t() - a.t()) : 1;
                return a.confidence() + f * (b.confidence() - a.confidence());
            }
        }
        return last.confidence();
    }

    /** Path length in pixels, summed over consecutive samples. */
    public double length() {
        double len = 0;
        for (int i = 1; i < samples.size(); i++) {
            len += Math.hypot(samples.get(i).x() - samples.get(i - 1).x(), samples.get(i).y() - samples.get(i - 1).y());
        }
        return len;
    }
}
