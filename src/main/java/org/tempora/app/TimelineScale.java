package org.tempora.app;

import org.tempora.timeline.FramePlan;
import org.tempora.timeline.Interval;

/**
 * Maps normalised time to x on the timeline band: the band shows the photo's exposure [-0.5, 0.5] and every frame,
 * with a small margin either side.
 */
public record TimelineScale(double start, double end, double width) {
    /** Which part of the story a frame shows, by its middle (as in the paper's figure 1: red, green, blue). */
    public enum Era { PAST, PRESENT, FUTURE }

    private static final double MARGIN = 0.05;

    public TimelineScale {
        if (!(end > start) || !(width > 0)) throw new IllegalArgumentException("empty timeline: [" + start + ", " + end + "] over " + width);
    }

    /** A scale showing the exposure and, when given, every frame of {@code plan}. */
    public static TimelineScale fitting(FramePlan plan, double width) {
        double lo = Interval.EXPOSURE.start(), hi = Interval.EXPOSURE.end();
        if (plan != null) {
            lo = Math.min(lo, plan.span().start());
            hi = Math.max(hi, plan.span().end());
        }
        double pad = MARGIN * (hi - lo);
        return new TimelineScale(lo - pad, hi + pad, Math.max(1, width));
    }

    public double x(double time) { return (time - start) / (end - start) * width; }

    public double time(double x) { return start + x / width * (end - start); }

    public static Era era(Interval frame) {
        double m = frame.middle();
        if (m < Interval.EXPOSURE.start()) return Era.PAST;
        if (m > Interval.EXPOSURE.end()) return Era.FUTURE;
        return Era.PRESENT;
    }

    /** The frame to show for a playhead at {@code time}: the last frame containing it, else the one whose middle is nearest. */
    public static int frameAt(FramePlan plan, double time) {
        int best = 0;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int i = 0; i < plan.size(); i++) {
            Interval iv = plan.get(i);
            double d = time >= iv.start() && time <= iv.end() ? -1 : Math.abs(time - iv.middle());
            if (d <= bestDistance) { best = i; bestDistance = d; }
        }
        return best;
    }
}
