package org.tempora.timeline;

/**
 * One frame's exposure interval in normalised time, where the photo's exposure is [-0.5, 0.5].
 */
public record Interval(double start, double end) {
    public Interval {
        if (!Double.isFinite(start) || !Double.isFinite(end)) {
            throw new InvalidPlanException("interval bounds must be numbers, got [" + start + ", " + end + "]");
        }
        if (end <= start) {
            throw new InvalidPlanException(String.format(java.util.Locale.ROOT,
                    "interval [%.4f, %.4f] ends before it starts: make the end larger than the start", start, end));
        }
    }

    /** The photo's own exposure. */
    public static final Interval EXPOSURE = new Interval(-0.5, 0.5);

    public double duration() { return end - start; }
    public double middle() { return 0.5 * (start + end); }
    public boolean overlaps(Interval other) { return start < other.end && other.start < end; }

    @Override public String toString() { return String.format(java.util.Locale.ROOT, "[%.4f, %.4f]", start, end); }
}
