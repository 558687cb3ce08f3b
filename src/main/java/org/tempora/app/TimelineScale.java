package org.tempora.app;

import org.tempora.timeline.FramePlan;
import org.tempora.timeline.Interval;
import org.tempora.timeline.SliderSettings;

/**
 * Maps normalised time to x on the timeline band: the band shows the photo's exposure [-0.5, 0.5] and every frame,
 * with a small margin either side.
 */
public record TimelineScale(double start, double end, double width) {
    /** Which part of the story a frame shows, by its middle (as in the paper's figure 1: red, green, blue). */
    public enum Era { PAST, PRESENT, FUTURE }

    /** A bar's start or end edge: the handle dragged to reshape the plan. */
    public record Edge(int frame, boolean end) {}

    /**
     * What a dragged edge may reach: the shortest and longest frame, the earliest and latest first start, and the
     * latest end of the last frame.
     */
    public record EdgeLimits(double minDuration, double maxDuration, double earliestStart, double latestStart, double latestEnd) {}

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

    /**
     * The bar edge within {@code tolerance} pixels of {@code x}, or null. Where two bars share an edge, the bar on the
     * pointer's side of it wins, so both bars' edges stay reachable; otherwise the nearest edge wins.
     */
    public Edge edgeAt(FramePlan plan, double x, double tolerance) {
        Edge best = null;
        double bestScore = Double.POSITIVE_INFINITY;
        for (int i = 0; i < plan.size(); i++) {
            Interval iv = plan.get(i);
            double xs = x(iv.start()), xe = x(iv.end());
            // Distance in pixels, plus a penalty beyond any tolerance when the pointer is outside the edge's bar.
            double start = Math.abs(x - xs) + (x < xs ? 1e6 : 0), end = Math.abs(x - xe) + (x > xe ? 1e6 : 0);
            if (Math.abs(x - xe) <= tolerance && end < bestScore) { best = new Edge(i, true); bestScore = end; }
            if (Math.abs(x - xs) <= tolerance && start < bestScore) { best = new Edge(i, false); bestScore = start; }
        }
        return best;
    }

    /**
     * Slider values after dragging one edge of an evenly spaced plan to {@code time}, keeping frame count and dead
     * time. Frame i covers [s + i(d+g), s + i(d+g) + d]: an end edge keeps the first start s and solves
     * s + i g + (i+1) d = time for the duration d; a start edge keeps the last frame's end L and solves
     * L - (n-1-i) g - (n-i) d = time, then s = L - n d - (n-1) g. d is clamped so the plan stays within
     * {@code limits} (and frames keep moving forward when the dead time is negative); with no valid d the values are
     * returned unchanged.
     */
    public static SliderSettings movedEdge(SliderSettings s, Edge edge, double time, EdgeLimits limits) {
        int n = s.frameCount(), i = Math.max(0, Math.min(n - 1, edge.frame()));
        double g = s.deadTime(), lower = limits.minDuration() - Math.min(0, g), upper = limits.maxDuration();
        double d, first;
        if (edge.end()) {
            first = s.firstStart();
            upper = Math.min(upper, (limits.latestEnd() - first - (n - 1) * g) / n);
            d = (time - first - i * g) / (i + 1);
        } else {
            double lastEnd = s.lastEnd();
            upper = Math.min(upper, (lastEnd - limits.earliestStart() - (n - 1) * g) / n);
            lower = Math.max(lower, (lastEnd - limits.latestStart() - (n - 1) * g) / n);
            d = (lastEnd - time - (n - 1 - i) * g) / (n - i);
            first = Double.NaN;
        }
        if (!(upper >= lower) || Double.isNaN(d)) return s;
        d = Math.max(lower, Math.min(upper, Math.round(d * 1e4) / 1e4)); // a 1e-4 grid keeps the numbers readable
        if (!edge.end()) first = s.lastEnd() - n * d - (n - 1) * g;
        return new SliderSettings(n, d, first, g, s.pastSpan(), s.futureSpan());
    }
}
