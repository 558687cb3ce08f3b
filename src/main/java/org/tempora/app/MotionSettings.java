package org.tempora.app;

import java.util.List;
import org.tempora.flow.FlowPair;

/**
 * Everything a motion picture depends on, except the opacity it is shown at (applied while drawing): equal settings
 * give equal pictures, so the window keys its cache on them.
 *
 * @param spacing grid spacing of arrows and tracked points, in pixels of the measured flow
 * @param length arrow length relative to the automatic one (at 1, the fastest reliable motion, bar the top 1%, one grid cell long)
 * @param fixedPair the pair measured whatever the playhead; null for consecutive frames (frame i shows i to i+1)
 * @param picked points the user clicked to track; empty tracks a grid
 */
public record MotionSettings(MotionKind kind, boolean overPhoto, int spacing, double length, FlowPair fixedPair, List<PickedPoint> picked) {
    public static final int MIN_SPACING = 4, MAX_SPACING = 96;
    public static final double MIN_LENGTH = 0.25, MAX_LENGTH = 4;

    /** A point clicked on frame {@code frame} at (x, y), in pixels of the measured flow. */
    public record PickedPoint(int frame, double x, double y) {}

    public MotionSettings {
        if (spacing < MIN_SPACING || spacing > MAX_SPACING) throw new IllegalArgumentException("spacing must be " + MIN_SPACING + " to " + MAX_SPACING + " px, got " + spacing);
        if (!(length >= MIN_LENGTH && length <= MAX_LENGTH)) throw new IllegalArgumentException("arrow length must be " + MIN_LENGTH + " to " + MAX_LENGTH + ", got " + length);
        picked = List.copyOf(picked);
    }

    /** The pair whose flow frame {@code frame} of a {@code frames}-frame clip shows: i to i+1, the last frame i-1 to i. */
    public FlowPair pairAt(int frame, int frames) {
        if (fixedPair != null) return fixedPair;
        int from = Math.max(0, Math.min(frames - 2, frame));
        return new FlowPair(from, from + 1);
    }

    /**
     * Whether the picture changes with the playhead: consecutive flows do, tracks grow with it, and arrows are drawn
     * on the frame under them; a fixed pair's colours over the photo do not.
     */
    public boolean followsPlayhead() {
        return fixedPair == null || kind == MotionKind.TRACKS || (kind == MotionKind.ARROWS && !overPhoto);
    }
}
