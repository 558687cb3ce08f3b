package org.tempora.app;

import org.tempora.timeline.FramePlan;
import org.tempora.timeline.FramePlans;
import org.tempora.timeline.InvalidPlanException;
import org.tempora.timeline.PlanLimits;
import org.tempora.timeline.SliderSettings;

/** Turns a mode and slider values into a frame plan an engine can render, or the reason it cannot. */
public final class PlanShaper {
    private PlanShaper() {}

    /**
     * The outcome of one slider change.
     *
     * @param settings slider values to show: the free ones as given, the derived ones recomputed for the mode
     * @param plan the plan, or null when the values are invalid
     * @param problem what to change when the plan is null, else ""
     */
    public record Shaped(SliderSettings settings, FramePlan plan, String problem) {
        public boolean valid() { return plan != null; }
    }

    /** Builds the plan for {@code mode} from {@code given} and checks it against {@code limits}. */
    public static Shaped shape(PlanMode mode, SliderSettings given, PlanLimits limits) {
        SliderSettings shown = given;
        try {
            FramePlan plan = switch (mode) {
                case PRESENT -> FramePlans.present(given.frameCount());
                case PAST_PRESENT_FUTURE -> FramePlans.pastPresentFuture(given.frameCount(), given.pastSpan(), given.futureSpan());
                case CUSTOM -> given.toPlan(limits.allowOverlap());
            };
            if (mode != PlanMode.CUSTOM) shown = derived(plan, given);
            return new Shaped(shown, limits.check(plan), "");
        } catch (InvalidPlanException e) {
            return new Shaped(shown, null, capitalised(e.getMessage()));
        }
    }

    /** Slider values of an evenly spaced preset plan, keeping the user's spans so the span sliders do not jitter. */
    private static SliderSettings derived(FramePlan plan, SliderSettings given) {
        SliderSettings s = SliderSettings.fromPlan(plan);
        return new SliderSettings(s.frameCount(), s.frameDuration(), s.firstStart(), s.deadTime(),
                Math.max(s.pastSpan(), given.pastSpan()), Math.max(s.futureSpan(), given.futureSpan()));
    }

    static String capitalised(String message) {
        if (message == null || message.isEmpty()) return "";
        return Character.toUpperCase(message.charAt(0)) + message.substring(1);
    }
}
