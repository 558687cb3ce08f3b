package org.tempora.app;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.tempora.flow.Backdrop;
import org.tempora.flow.FlowArrows;
import org.tempora.flow.FlowColorWheel;
import org.tempora.flow.FlowHeatMap;
import org.tempora.flow.FlowPair;
import org.tempora.flow.PairFlow;
import org.tempora.flow.PointTracks;

/**
 * The motion overlay's pictures, at the measured flow's size: Middlebury colours, viridis speed, arrows or point tracks
 * (drawn over the frame or photo faded to grey, so they read on any content). UI-agnostic (AWT images), for the window
 * and for export alike.
 */
public final class MotionPictures {
    private MotionPictures() {}

    /** Grey backdrop fade under arrows and tracks: half-way to white, as the flow command draws them. */
    static final double FADE = 0.5;

    /** The pairs a picture of {@code s} needs measured: the consecutive ones always (they are what scrubbing shows), and a fixed pair. */
    public static List<FlowPair> pairsNeeded(MotionFlows flows, MotionSettings s) {
        List<FlowPair> wanted = new ArrayList<>(flows.standardPairs());
        if (s.fixedPair() != null && !wanted.contains(s.fixedPair())) wanted.add(s.fixedPair());
        return wanted;
    }

    /** Displacement at full colour ({@link MotionFlows#colourScale}): one over every consecutive pair while scrubbing them, else the fixed pair's own. */
    public static double colourScale(MotionFlows flows, MotionSettings s) {
        if (s.fixedPair() != null) return flows.colourScale(List.of(s.fixedPair()));
        List<FlowPair> steps = new ArrayList<>(flows.standardPairs());
        if (flows.frameCount() > 2) steps.remove(steps.size() - 1); // first to last is not scrubbed
        return flows.colourScale(steps);
    }

    /** Arrow length per pixel of motion: the colour scale's motion one grid cell long, times the user's factor. */
    public static double arrowScale(double colourScale, MotionSettings s) { return s.length() * s.spacing() / colourScale; }

    /** The picture of frame {@code frame} (measures what it needs first, if it was not). */
    public static BufferedImage render(MotionFlows flows, MotionSettings s, int frame) { return render(flows, s, frame, colourScale(flows, s)); }

    /** The picture of frame {@code frame} at a colour scale already known ({@link #colourScale}). */
    public static BufferedImage render(MotionFlows flows, MotionSettings s, int frame, double scale) {
        if (s.kind() == MotionKind.OFF) throw new IllegalArgumentException("no picture for the overlay switched off");
        if (s.kind() == MotionKind.TRACKS) return PointTracks.render(tracksAt(flows, s, frame), backdrop(flows, s, frame), Math.max(2, frame + 1));
        PairFlow f = flows.pair(s.pairAt(frame, flows.frameCount()));
        return switch (s.kind()) {
            case WHEEL -> FlowColorWheel.render(f.forward(), scale);
            case HEAT -> FlowHeatMap.render(f.forward(), scale);
            case ARROWS -> FlowArrows.render(f.forward(), f.mask(), backdrop(flows, s, frame), s.spacing(), arrowScale(scale, s));
            case TRACKS, OFF -> throw new IllegalStateException();
        };
    }

    private static BufferedImage backdrop(MotionFlows flows, MotionSettings s, int frame) {
        return Backdrop.of(s.overPhoto() ? flows.photo() : flows.frame(frame), FADE);
    }

    /**
     * The tracks as far as frame {@code frame}: grid points from the first frame, or the picked points from the frame
     * each was picked on (those picked later are not shown yet). A track that stopped earlier keeps its full length.
     */
    public static List<PointTracks.Track> tracksAt(MotionFlows flows, MotionSettings s, int frame) {
        List<PointTracks.Track> all = new ArrayList<>();
        if (s.picked().isEmpty()) {
            all.addAll(flows.gridTracks(s.spacing()));
        } else {
            for (MotionSettings.PickedPoint p : s.picked()) if (p.frame() <= frame) all.add(flows.trackFrom(p.frame(), p.x(), p.y()));
        }
        List<PointTracks.Track> shown = new ArrayList<>(all.size());
        for (PointTracks.Track t : all) {
            int n = Math.min(t.length(), frame + 1);
            shown.add(n == t.length() ? t : new PointTracks.Track(Arrays.copyOf(t.xs(), n), Arrays.copyOf(t.ys(), n), t.end()));
        }
        return shown;
    }

    /** The key drawn in a corner: the colour wheel or the speed bar at {@code scale}; null for arrows and tracks. */
    public static BufferedImage legend(MotionKind kind, double scale) {
        return switch (kind) {
            case WHEEL -> FlowColorWheel.legend(160, scale); // smaller cuts the outer ring's label
            case HEAT -> FlowHeatMap.legend(180, scale);
            default -> null;
        };
    }

    /** One line saying what the picture shows, for the legend's corner. */
    public static String describe(MotionFlows flows, MotionSettings s, int frame, double scale) {
        FlowPair p = s.pairAt(frame, flows.frameCount());
        String pair = String.format(Locale.ROOT, "frame %d \u2192 %d", p.from() + 1, p.to() + 1);
        return switch (s.kind()) {
            case OFF -> "";
            case WHEEL -> "Motion " + pair + ": hue = direction, saturation = speed";
            case HEAT -> "Speed " + pair + " (black: unknown)";
            case ARROWS -> String.format(Locale.ROOT, "Motion %s: arrows \u00d7%.1f, every %d px", pair, arrowScale(scale, s), s.spacing());
            case TRACKS -> {
                List<PointTracks.Track> tracks = tracksAt(flows, s, frame);
                int stopped = 0;
                for (PointTracks.Track t : tracks) if (t.length() <= frame && t.end() != PointTracks.End.LAST_FRAME) stopped++;
                yield String.format(Locale.ROOT, "%d %s to frame %d; %d stopped (occlusion or mismatch)", tracks.size(),
                        s.picked().isEmpty() ? "grid points" : "picked points", frame + 1, stopped);
            }
        };
    }
}
