package org.tempora.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tempora.timeline.FramePlan;
import org.tempora.timeline.FramePlans;
import org.tempora.timeline.Interval;
import picocli.CommandLine.Option;

/** The frame-plan options shared by the commands that generate frames. */
final class PlanOptions {
    enum Mode { present, past_present_future }

    @Option(names = "--mode", paramLabel = "MODE", converter = ModeConverter.class,
            description = "present (frames tile the exposure) or past-present-future (frames also before and after it). Default: present.")
    Mode mode;

    @Option(names = "--frames", paramLabel = "N", description = "Number of frames (default 16, the model's trained count).")
    Integer frames;

    @Option(names = "--past", paramLabel = "P", description = "Time shown before the exposure, in exposures (past-present-future; default 0.5).")
    Double past;

    @Option(names = "--future", paramLabel = "F", description = "Time shown after the exposure, in exposures (past-present-future; default 0.5).")
    Double future;

    @Option(names = "--interval", paramLabel = "S:E",
            description = "One frame's exposure [S, E] in normalised time (the photo's exposure is -0.5:0.5); repeat for each frame. Replaces --mode.")
    List<String> intervals;

    FramePlan toPlan() {
        if (intervals != null && !intervals.isEmpty()) {
            if (mode != null || frames != null || past != null || future != null) {
                throw new UsageException("--interval lists the frames itself: leave out --mode, --frames, --past and --future");
            }
            List<Interval> list = new ArrayList<>();
            for (String s : intervals) list.add(parseInterval(s));
            return FramePlans.fromIntervals(list);
        }
        Mode m = mode == null ? Mode.present : mode;
        int n = frames == null ? 16 : frames;
        if (n < 1) throw new UsageException("--frames must be at least 1, got " + n);
        if (m == Mode.present) {
            if (past != null || future != null) throw new UsageException("--past and --future need --mode past-present-future");
            return FramePlans.present(n);
        }
        double p = past == null ? 0.5 : past, f = future == null ? 0.5 : future;
        return FramePlans.pastPresentFuture(n, p, f);
    }

    static Interval parseInterval(String s) {
        String[] parts = s.split(":");
        if (parts.length != 2) throw new UsageException("--interval '" + s + "' must be START:END, for example -0.5:0");
        try {
            return new Interval(Double.parseDouble(parts[0].trim()), Double.parseDouble(parts[1].trim()));
        } catch (NumberFormatException e) {
            throw new UsageException("--interval '" + s + "' must be two numbers START:END, for example -0.5:0");
        }
    }

    /** A short description for logs and records. */
    String describe(FramePlan plan) {
        return String.format(Locale.ROOT, "%d frames over [%.3f, %.3f]", plan.size(), plan.span().start(), plan.span().end());
    }

    static final class ModeConverter implements picocli.CommandLine.ITypeConverter<Mode> {
        @Override public Mode convert(String value) {
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "present" -> Mode.present;
                case "past-present-future", "ppf" -> Mode.past_present_future;
                default -> throw new picocli.CommandLine.TypeConversionException(
                        "'" + value + "' is not a mode: use present or past-present-future");
            };
        }
    }
}
