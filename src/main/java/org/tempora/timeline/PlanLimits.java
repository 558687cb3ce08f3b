package org.tempora.timeline;

import static org.tempora.timeline.PlanNumbers.TOLERANCE;
import static org.tempora.timeline.PlanNumbers.show;
import static org.tempora.timeline.PlanNumbers.showAtLeast;
import static org.tempora.timeline.PlanNumbers.showAtMost;

/**
 * What one engine can render, checked before a run so the user is told what to change instead of getting a
 * failure half-way. Spans are in photo exposures beyond the exposure [-0.5, 0.5].
 *
 * @param engine       how messages name the engine ("the diffusion model")
 * @param maxFrames    most frames one run can produce
 * @param maxPast      how far before the exposure a frame may start, in exposures
 * @param maxFuture    how far after the exposure a frame may end, in exposures
 * @param allowOverlap whether frames may overlap in time
 */
public record PlanLimits(String engine, int maxFrames, double maxPast, double maxFuture, boolean allowOverlap) {

    /**
     * The classical engine renders each frame independently along the recovered trajectory, so overlap is harmless;
     * 512 frames bounds memory, and 2 exposures either side is as far as extrapolating the trajectory is still useful.
     */
    public static final PlanLimits CLASSICAL = new PlanLimits("the classical engine", 512, 2.0, 2.0, true);

    /**
     * The blur2vid diffusion model: 16 output frames per run (17 video frames, the last a pad). Its training data
     * (reference training/helpers.py, generate_2x_sequence with W in 1..8: W//2 frames before, W - W//2 after,
     * each 1/W long) never starts a frame more than 0.5 exposures before the photo nor ends one more than
     * 1.0 exposure after it, so the span is held to [-1.0, 1.5]; no training interval overlapped another.
     */
    public static final PlanLimits DIFFUSION = new PlanLimits("the diffusion model", LatentPacking.MAX_FRAMES, 0.5, 1.0, false);

    public PlanLimits {
        if (engine == null || engine.isBlank()) engine = "this engine";
        if (maxFrames < 1) throw new IllegalArgumentException("maxFrames must be at least 1, got " + maxFrames);
        if (!(maxPast >= 0) || !(maxFuture >= 0) || Double.isInfinite(maxPast) || Double.isInfinite(maxFuture)) {
            throw new IllegalArgumentException("maxPast and maxFuture must be finite and 0 or more, got " + maxPast + ", " + maxFuture);
        }
    }

    /** Limits for an engine that is not named in messages. */
    public PlanLimits(int maxFrames, double maxPast, double maxFuture, boolean allowOverlap) {
        this("this engine", maxFrames, maxPast, maxFuture, allowOverlap);
    }

    /** Earliest time a frame may start. */
    public double earliestStart() { return -0.5 - maxPast; }

    /** Latest time a frame may end. */
    public double latestEnd() { return 0.5 + maxFuture; }

    /** Returns the plan unchanged if this engine can render it; otherwise says what to change. */
    public FramePlan check(FramePlan plan) {
        if (plan.size() > maxFrames) {
            throw new InvalidPlanException(engine + " generates at most " + maxFrames + " frames per run but " + plan.size()
                    + " were asked for: ask for " + maxFrames + " or fewer");
        }
        Interval span = plan.span();
        if (span.start() < earliestStart() - TOLERANCE) {
            throw new InvalidPlanException("the first frame starts at " + show(span.start()) + ", " + show(-0.5 - span.start())
                    + " exposures before the photo, but " + engine + " reaches at most " + show(maxPast)
                    + " exposures into the past: start the first frame at " + showAtLeast(earliestStart()) + " or later");
        }
        if (span.end() > latestEnd() + TOLERANCE) {
            throw new InvalidPlanException("the last frame ends at " + show(span.end()) + ", " + show(span.end() - 0.5)
                    + " exposures after the photo, but " + engine + " reaches at most " + show(maxFuture)
                    + " exposures into the future: end the last frame at " + showAtMost(latestEnd()) + " or earlier");
        }
        if (!allowOverlap) {
            // Compare with the frame reaching furthest so far: a long frame can overlap one that is not its neighbour.
            int longest = 0;
            for (int i = 1; i < plan.size(); i++) {
                Interval earlier = plan.get(longest), later = plan.get(i);
                if (later.start() < earlier.end() - TOLERANCE) {
                    throw new InvalidPlanException(engine + " cannot render overlapping frames, but frames " + (longest + 1) + " " + earlier
                            + " and " + (i + 1) + " " + later + " overlap: shorten the frames or add dead time between them");
                }
                if (later.end() > earlier.end()) longest = i;
            }
        }
        return plan;
    }
}
