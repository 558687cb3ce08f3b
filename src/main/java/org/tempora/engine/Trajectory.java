package org.tempora.engine;

import java.util.List;

/**
 * The camera's path as an ordered list of samples: position (photo pixels, relative to the kernel
 * centre, x right, y down) at normalised time t. Samples inside the exposure follow the kernel's
 * mass (time spent); samples outside it are extrapolated.
 */
public record Trajectory(List<Sample> samples) {
    public record Sample(double t, double x, double y) {}

    public Trajectory { samples = List.copyOf(samples); }

    /** Path length in pixels, summed over consecutive samples. */
    public double length() {
        double len = 0;
        for (int i = 1; i < samples.size(); i++) {
            len += Math.hypot(samples.get(i).x() - samples.get(i - 1).x(), samples.get(i).y() - samples.get(i - 1).y());
        }
        return len;
    }
}
