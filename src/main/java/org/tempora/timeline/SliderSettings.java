package org.tempora.timeline;

import static org.tempora.timeline.PlanNumbers.TOLERANCE;
import static org.tempora.timeline.PlanNumbers.show;
import static org.tempora.timeline.PlanNumbers.showAtLeast;
import static org.tempora.timeline.PlanNumbers.showAtMost;

import java.util.ArrayList;
import java.util.List;

/**
 * The values behind the timeline sliders, in normalised time (photo exposure = [-0.5, 0.5]):
 * frame i covers [firstStart + i*(frameDuration + deadTime), that + frameDuration]. Every frame must lie in
 * [-0.5 - pastSpan, 0.5 + futureSpan]. A negative dead time makes neighbouring frames overlap.
 *
 * @param frameCount    number of frames, at least 1
 * @param frameDuration exposure of each frame, in photo exposures (1/16 = one sixteenth of the photo's exposure)
 * @param firstStart    start of the first frame
 * @param deadTime      gap between the end of one frame and the start of the next; negative = overlap
 * @param pastSpan      how far before the photo's exposure frames may reach, in exposures, 0 or more
 * @param futureSpan    how far after the photo's exposure frames may reach, in exposures, 0 or more
 */
public record SliderSettings(int frameCount, double frameDuration, double firstStart, double deadTime,
                             double pastSpan, double futureSpan) {

    /** Sliders for the trained "present" layout: 16 gap-free frames over the exposure. */
    public static SliderSettings present() { return fromPlan(FramePlans.present(16)); }

    /** Sliders for the trained "past, present and future" layout: 16 gap-free frames over [-1, 1]. */
    public static SliderSettings pastPresentFuture() { return fromPlan(FramePlans.pastPresentFuture()); }

    /**
     * Slider values reproducing an evenly spaced preset plan, so a GUI can start from it; the spans are the
     * smallest that contain the plan. Refuses plans whose frames differ in length or spacing.
     */
    public static SliderSettings fromPlan(FramePlan plan) {
        Interval first = plan.get(0);
        double duration = first.duration();
        double dead = plan.size() > 1 ? plan.get(1).start() - first.end() : 0.0;
        double step = duration + dead;
        for (int i = 1; i < plan.size(); i++) {
            Interval iv = plan.get(i);
            if (Math.abs(iv.duration() - duration) > TOLERANCE || Math.abs(iv.start() - (first.start() + i * step)) > TOLERANCE) {
                throw new InvalidPlanException("frame " + (i + 1) + " " + iv + " is not evenly spaced with frame 1 " + first
                        + ": sliders describe equal, evenly spaced frames only; edit the intervals directly instead");
            }
        }
        Interval span = plan.span();
        return new SliderSettings(plan.size(), duration, first.start(), dead,
                Math.max(0.0, -0.5 - span.start()), Math.max(0.0, span.end() - 0.5));
    }

    /** The plan these sliders describe; refuses overlapping frames (negative dead time). */
    public FramePlan toPlan() { return toPlan(false); }

    /** The plan these sliders describe; negative dead time (overlap) is accepted only when allowOverlap is true. */
    public FramePlan toPlan(boolean allowOverlap) {
        validate(allowOverlap);
        double step = frameDuration + deadTime;
        List<Interval> frames = new ArrayList<>(frameCount);
        for (int i = 0; i < frameCount; i++) {
            double start = firstStart + i * step;
            frames.add(new Interval(start, start + frameDuration));
        }
        return new FramePlan(frames);
    }

    /** End of the last frame, before any check. */
    public double lastEnd() { return firstStart + (frameCount - 1) * (frameDuration + deadTime) + frameDuration; }

    private void validate(boolean allowOverlap) {
        PlanNumbers.requireFinite("the frame duration", frameDuration);
        PlanNumbers.requireFinite("the first frame's start", firstStart);
        PlanNumbers.requireFinite("the dead time", deadTime);
        PlanNumbers.requireFinite("the past span", pastSpan);
        PlanNumbers.requireFinite("the future span", futureSpan);
        if (frameCount < 1) throw new InvalidPlanException("asked for " + frameCount + " frames: ask for at least one frame");
        if (frameDuration <= 0) throw new InvalidPlanException("the frame duration is " + show(frameDuration)
                + ": make each frame's exposure longer than 0");
        if (pastSpan < 0) throw new InvalidPlanException("the past span is " + show(pastSpan) + ": set it to 0 or more");
        if (futureSpan < 0) throw new InvalidPlanException("the future span is " + show(futureSpan) + ": set it to 0 or more");
        if (deadTime < 0 && frameCount > 1) {
            if (!allowOverlap) throw new InvalidPlanException("a dead time of " + show(deadTime)
                    + " makes neighbouring frames overlap: set the dead time to 0 or more, or allow overlapping frames");
            if (deadTime <= -frameDuration) throw new InvalidPlanException("a dead time of " + show(deadTime)
                    + " with frames of " + show(frameDuration) + " would not move later frames forward in time: raise the dead time above "
                    + show(-frameDuration) + " (minus the frame duration)");
        }
        double earliest = -0.5 - pastSpan;
        if (firstStart < earliest - TOLERANCE) {
            throw new InvalidPlanException("the first frame starts at " + show(firstStart) + " but the past span allows " + show(earliest)
                    + ": raise the past span to at least " + showAtLeast(-0.5 - firstStart) + " or start the first frame at "
                    + showAtLeast(earliest) + " or later");
        }
        double latest = 0.5 + futureSpan, end = lastEnd();
        if (end > latest + TOLERANCE) {
            double shorter = (latest - firstStart - (frameCount - 1) * deadTime) / frameCount;
            String shorten = shorter > 0 ? "shorten the frames to at most " + showAtMost(shorter) : "use fewer frames";
            throw new InvalidPlanException("the last frame ends at " + show(end) + " but the future span allows " + show(latest)
                    + ": raise the future span to at least " + showAtLeast(end - 0.5) + ", " + shorten
                    + ", reduce the dead time or start the first frame earlier");
        }
    }
}
