package org.tempora.timeline;

import java.util.ArrayList;
import java.util.List;

/**
 * Ready-made frame plans in normalised time (photo exposure = [-0.5, 0.5]), including the two layouts the
 * blur2vid diffusion model was trained on (Tedla et al., "Generating the Past, Present and Future from a
 * Motion-Blurred Image", reference code tedlasai/blur2vid, inference.py INTERVALS).
 */
public final class FramePlans {
    private FramePlans() {}

    /** Frames in the trained "past, present and future" layout. */
    public static final int TRAINED_FRAMES = 16;

    /**
     * n equal, gap-free frames tiling the exposure: frame i = [i/n - 0.5, (i+1)/n - 0.5].
     * present(16) is the model's trained "present" (1x) layout.
     */
    public static FramePlan present(int n) {
        requireFrameCount(n);
        List<Interval> frames = new ArrayList<>(n);
        // Same arithmetic as the reference normaliser (x - in_start) / (in_end - in_start) - 0.5, so values match bit for bit.
        for (int i = 0; i < n; i++) frames.add(new Interval((double) i / n - 0.5, (double) (i + 1) / n - 0.5));
        return new FramePlan(frames);
    }

    /**
     * The trained 16-frame "past, present and future" (2x) layout over [-1, 1]:
     * frame i = [(i-4)/8 - 0.5, (i-3)/8 - 0.5]; frames 0-3 precede the exposure, 4-11 lie inside it, 12-15 follow it.
     */
    public static FramePlan pastPresentFuture() {
        List<Interval> frames = new ArrayList<>(TRAINED_FRAMES);
        for (int i = 0; i < TRAINED_FRAMES; i++) frames.add(new Interval((i - 4) / 8.0 - 0.5, (i - 3) / 8.0 - 0.5));
        return new FramePlan(frames);
    }

    /**
     * n equal, gap-free frames tiling [-0.5 - past, 0.5 + future] (past and future in exposures).
     * pastPresentFuture(16, 0.5, 0.5) equals {@link #pastPresentFuture()} exactly.
     */
    public static FramePlan pastPresentFuture(int n, double past, double future) {
        requireFrameCount(n);
        PlanNumbers.requireFinite("the past span", past);
        PlanNumbers.requireFinite("the future span", future);
        if (past < 0) throw new InvalidPlanException("the past span is " + PlanNumbers.show(past)
                + ": set it to 0 or more (0 = start at the photo's exposure)");
        if (future < 0) throw new InvalidPlanException("the future span is " + PlanNumbers.show(future)
                + ": set it to 0 or more (0 = end at the photo's exposure)");
        double lo = -0.5 - past, length = 1.0 + past + future;
        List<Interval> frames = new ArrayList<>(n);
        // Each bound computed from the span, not by accumulating steps, so the last frame ends exactly at the span's end.
        for (int i = 0; i < n; i++) frames.add(new Interval(lo + length * i / n, lo + length * (i + 1) / n));
        return new FramePlan(frames);
    }

    /** A plan from explicit intervals, kept in the order given (they must be in time order). */
    public static FramePlan fromIntervals(List<Interval> intervals) {
        if (intervals == null) throw new InvalidPlanException("no intervals given: give at least one frame interval");
        for (int i = 0; i < intervals.size(); i++) {
            if (intervals.get(i) == null) throw new InvalidPlanException("frame " + (i + 1) + " has no interval: give a start and an end");
        }
        return new FramePlan(intervals);
    }

    private static void requireFrameCount(int n) {
        if (n < 1) throw new InvalidPlanException("asked for " + n + " frames: ask for at least one frame");
    }
}
