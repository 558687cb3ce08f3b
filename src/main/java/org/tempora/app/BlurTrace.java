package org.tempora.app;

import java.util.ArrayList;
import java.util.List;
import org.tempora.engine.Trajectory;
import org.tempora.timeline.Interval;

/**
 * The camera path drawn over the photo (the "blur trace"): the engine's trajectory samples, which are photo pixels
 * relative to the kernel's centre, placed at a chosen photo point, each step coloured by the era of its time
 * (past / present / future, as on the timeline).
 */
public final class BlurTrace {
    private BlurTrace() {}

    /** One step of the path in photo pixels, from (x0, y0) to (x1, y1), and how far the engine trusts it (0 to 1). */
    public record Segment(double x0, double y0, double x1, double y1, TimelineScale.Era era, double confidence) {}

    /** The era of an instant: before, inside or after the exposure [-0.5, 0.5]. */
    public static TimelineScale.Era era(double t) {
        if (t < Interval.EXPOSURE.start()) return TimelineScale.Era.PAST;
        if (t > Interval.EXPOSURE.end()) return TimelineScale.Era.FUTURE;
        return TimelineScale.Era.PRESENT;
    }

    /** The path's steps placed at photo point (anchorX, anchorY); each step takes the era of its middle time and its ends' mean confidence. */
    public static List<Segment> segments(Trajectory path, double anchorX, double anchorY) {
        List<Trajectory.Sample> s = path.samples();
        List<Segment> out = new ArrayList<>(Math.max(0, s.size() - 1));
        for (int i = 1; i < s.size(); i++) {
            Trajectory.Sample a = s.get(i - 1), b = s.get(i);
            out.add(new Segment(anchorX + a.x(), anchorY + a.y(), anchorX + b.x(), anchorY + b.y(), era(0.5 * (a.t() + b.t())),
                    0.5 * (a.confidence() + b.confidence())));
        }
        return out;
    }
}
