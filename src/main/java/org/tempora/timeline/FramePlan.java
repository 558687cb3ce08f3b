package org.tempora.timeline;

import java.util.List;

/**
 * An ordered list of per-frame exposure intervals (normalised time, photo exposure = [-0.5, 0.5]).
 * Frames are ordered by start time; overlap between frames is allowed only when asked for.
 */
public record FramePlan(List<Interval> intervals) {
    public FramePlan {
        intervals = List.copyOf(intervals);
        if (intervals.isEmpty()) throw new InvalidPlanException("the plan has no frames: ask for at least one frame");
        for (int i = 1; i < intervals.size(); i++) {
            if (intervals.get(i).start() < intervals.get(i - 1).start()) {
                throw new InvalidPlanException("frame " + (i + 1) + " starts before frame " + i + ": list intervals in time order");
            }
        }
    }

    public static FramePlan of(Interval... intervals) { return new FramePlan(List.of(intervals)); }

    public int size() { return intervals.size(); }
    public Interval get(int i) { return intervals.get(i); }

    /** Earliest start and latest end over all frames. */
    public Interval span() {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (Interval iv : intervals) { lo = Math.min(lo, iv.start()); hi = Math.max(hi, iv.end()); }
        return new Interval(lo, hi);
    }

    public boolean hasOverlap() {
        for (int i = 1; i < intervals.size(); i++) {
            if (intervals.get(i).start() < intervals.get(i - 1).end() - 1e-12) return true;
        }
        return false;
    }
}
