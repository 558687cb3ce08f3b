package org.tempora.export;

import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import org.tempora.timeline.Interval;

/**
 * How fast exported frames play. Real time is known from the photo's exposure: frames covering T exposures of
 * E seconds play at n / (T E) frames a second. A slow-motion factor F divides that rate; without an exposure time
 * (or a choice) the default rate applies.
 *
 * @param fps the chosen rate
 * @param realTimeFps the real-time rate, when the exposure time is known
 */
public record PlaybackRate(double fps, OptionalDouble realTimeFps) {
    /** Frames a second when nothing else is asked for: slow enough to follow each frame of a 16-frame clip. */
    public static final double DEFAULT_FPS = 12;

    public static PlaybackRate choose(OptionalDouble fps, OptionalDouble slowMotion, OptionalDouble exposureSeconds, List<Interval> intervals) {
        OptionalDouble real = exposureSeconds.isPresent() ? OptionalDouble.of(realTime(intervals, exposureSeconds.getAsDouble())) : OptionalDouble.empty();
        if (fps.isPresent()) return new PlaybackRate(fps.getAsDouble(), real);
        if (slowMotion.isPresent()) {
            if (real.isEmpty()) {
                throw new IllegalArgumentException("the photo's exposure time is unknown (no EXIF ExposureTime), so real time is too: "
                        + "give it (--exposure 1/30) or choose a frame rate (--fps 12)");
            }
            return new PlaybackRate(real.getAsDouble() / slowMotion.getAsDouble(), real);
        }
        return new PlaybackRate(DEFAULT_FPS, real);
    }

    /** n / (T E) with T the time the frames span, in exposures. */
    static double realTime(List<Interval> intervals, double exposureSeconds) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (Interval iv : intervals) {
            lo = Math.min(lo, iv.start());
            hi = Math.max(hi, iv.end());
        }
        return intervals.size() / ((hi - lo) * exposureSeconds);
    }

    /** The slow-motion factor this rate shows, when real time is known. */
    public OptionalDouble slowMotion() {
        return realTimeFps.isPresent() ? OptionalDouble.of(realTimeFps.getAsDouble() / fps) : OptionalDouble.empty();
    }

    /** "12 fps (40x slower than real time)" or "12 fps (real time unknown: no exposure time)". */
    public String describe() {
        if (realTimeFps.isEmpty()) return short3(fps) + " fps (real time unknown: the photo has no exposure time)";
        double f = slowMotion().getAsDouble();
        String speed = Math.abs(f - 1) < 1e-3 ? "real time" : f > 1 ? short3(f) + "x slower than real time" : short3(1 / f) + "x faster than real time";
        return short3(fps) + " fps (" + speed + ")";
    }

    /** Three significant digits without trailing zeros: 12, 29.97, 0.5. */
    static String short3(double v) {
        return new java.math.BigDecimal(String.format(Locale.ROOT, "%.3g", v)).stripTrailingZeros().toPlainString();
    }
}
