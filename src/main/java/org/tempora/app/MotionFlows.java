package org.tempora.app;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.tempora.engine.CancellationToken;
import org.tempora.engine.CancelledException;
import org.tempora.flow.ConsistencyMask;
import org.tempora.flow.DisFlow;
import org.tempora.flow.FlowField;
import org.tempora.flow.FlowPair;
import org.tempora.flow.PairFlow;
import org.tempora.flow.PointTracks;
import org.tempora.image.LinearImage;
import org.tempora.image.Resampling;

/**
 * The optical flow of one generation's frames, measured on demand and kept: each pair once, with its forward-backward
 * consistency. Frames are held as linear luminance at the measured size ({@link FlowInput}). UI-agnostic; pairs are
 * measured on one worker thread at a time, and what was measured may be read from any thread.
 */
public final class MotionFlows {
    /** Told after each pair measured by {@link #measure}: how many of how many. */
    @FunctionalInterface
    public interface Progress {
        void pairs(int done, int total);
    }

    private final List<LinearImage> frames;
    private final LinearImage photo;
    private final int factor;
    private final DisFlow dis;
    private final Map<FlowPair, PairFlow> pairs = new ConcurrentHashMap<>();
    private final Map<FlowPair, Long> pairNanos = new ConcurrentHashMap<>();
    private final Map<Integer, List<PointTracks.Track>> gridTracks = new ConcurrentHashMap<>();

    /**
     * @param frames the clip's frames as luminance at the measured size, at least 2, all of one size
     * @param photo the photo as luminance, resized to the frames' measured size if it differs (a backdrop for "over the photo")
     * @param factor how much smaller than the frames on screen the measured size is
     */
    public MotionFlows(List<LinearImage> frames, LinearImage photo, int factor, DisFlow dis) {
        if (frames.size() < 2) throw new IllegalArgumentException("motion needs at least 2 frames, got " + frames.size());
        int w = frames.get(0).width(), h = frames.get(0).height();
        for (LinearImage f : frames) {
            if (f.width() != w || f.height() != h) throw new IllegalArgumentException("frames of different sizes in one clip");
        }
        if (w < DisFlow.MIN_SIDE || h < DisFlow.MIN_SIDE) {
            throw new IllegalArgumentException("frames of " + w + "x" + h + " are too small to measure motion: at least "
                    + DisFlow.MIN_SIDE + "x" + DisFlow.MIN_SIDE + " pixels");
        }
        this.frames = List.copyOf(frames);
        this.photo = photo.width() == w && photo.height() == h ? photo : Resampling.resize(photo, w, h);
        this.factor = factor;
        this.dis = dis;
    }

    public int frameCount() { return frames.size(); }
    /** Width of the measured flow, in pixels. */
    public int width() { return frames.get(0).width(); }
    public int height() { return frames.get(0).height(); }
    /** Frames on screen are this many times larger than the measured flow (1 = measured at full size). */
    public int factor() { return factor; }
    public DisFlow.Preset preset() { return dis.preset(); }
    public LinearImage frame(int index) { return frames.get(index); }
    public LinearImage photo() { return photo; }

    /** The pairs of consecutive frames, 0 to 1, 1 to 2, ..., and the first to the last frame. */
    public List<FlowPair> standardPairs() {
        List<FlowPair> list = new ArrayList<>();
        for (int i = 0; i + 1 < frames.size(); i++) list.add(new FlowPair(i, i + 1));
        if (frames.size() > 2) list.add(new FlowPair(0, frames.size() - 1));
        return list;
    }

    /** Measures each pair not measured yet, in order. */
    public void measure(List<FlowPair> wanted, Progress progress, CancellationToken cancel) throws CancelledException {
        int done = 0;
        for (FlowPair p : wanted) {
            cancel.throwIfCancelled();
            pair(p);
            progress.pairs(++done, wanted.size());
        }
    }

    /** The flow of {@code p}, measured now if it was not yet (both directions: about 2 DIS runs). */
    public PairFlow pair(FlowPair p) {
        if (p.from() >= frames.size() || p.to() >= frames.size()) {
            throw new IllegalArgumentException("pair " + p.from() + ":" + p.to() + " outside a clip of " + frames.size() + " frames");
        }
        PairFlow known = pairs.get(p);
        if (known != null) return known;
        long t0 = System.nanoTime();
        PairFlow measured = PairFlow.compute(dis, frames, p);
        pairNanos.put(p, System.nanoTime() - t0);
        pairs.put(p, measured);
        return measured;
    }

    /** The flow of {@code p} if it was measured; null if not. */
    public PairFlow measured(FlowPair p) { return pairs.get(p); }

    /** Milliseconds each measured pair took (forward, backward and the consistency check), in no particular order. */
    public List<Double> pairMillis() {
        List<Double> ms = new ArrayList<>();
        for (long ns : pairNanos.values()) ms.add(ns / 1e6);
        return Collections.unmodifiableList(ms);
    }

    /**
     * Share of reliable motions the colour scale covers. Middlebury's tools scale to the largest motion, but one wrong
     * match in a flat region (which can pass the consistency check) would then pale every other pixel.
     */
    public static final double SCALE_QUANTILE = 0.99;
    private static final int SCALE_BINS = 4096;

    /**
     * The displacement shown at full colour: the {@link #SCALE_QUANTILE} quantile of the reliable motions over
     * {@code among} (measured ones only), one scale for all of them so that scrubbing does not flicker.
     */
    public double colourScale(List<FlowPair> among) {
        List<PairFlow> measured = new ArrayList<>();
        for (FlowPair p : among) if (pairs.get(p) != null) measured.add(pairs.get(p));
        return colourScale(measured, SCALE_QUANTILE);
    }

    /**
     * The {@code quantile} of |flow| over the reliable, known pixels of {@code flows}, to within 1/4096 of the largest
     * one (a histogram: two passes, no sorting of millions of values); 1 px where all is still.
     */
    static double colourScale(List<PairFlow> flows, double quantile) {
        double max = 0;
        for (PairFlow f : flows) max = Math.max(max, f.forward().maxMagnitude(f.mask().toArray()));
        if (max == 0) return 1;
        long[] histogram = new long[SCALE_BINS];
        long n = 0;
        for (PairFlow f : flows) {
            boolean[] reliable = f.mask().toArray();
            FlowField flow = f.forward();
            for (int i = 0; i < reliable.length; i++) {
                if (!reliable[i] || !flow.isKnown(i)) continue;
                histogram[Math.min(SCALE_BINS - 1, (int) (flow.magnitude(i) / max * SCALE_BINS))]++;
                n++;
            }
        }
        long wanted = (long) Math.ceil(quantile * n), seen = 0;
        for (int b = 0; b < SCALE_BINS; b++) {
            seen += histogram[b];
            if (seen >= wanted) return (b + 1) * max / SCALE_BINS; // the bin's upper edge: the quantile is at most this
        }
        return max;
    }

    /** The consecutive flows of the whole clip, measured if needed, and their consistency masks. */
    public List<FlowField> steps() {
        List<FlowField> steps = new ArrayList<>();
        for (int k = 0; k + 1 < frames.size(); k++) steps.add(pair(new FlowPair(k, k + 1)).forward());
        return steps;
    }

    public List<ConsistencyMask> stepMasks() {
        List<ConsistencyMask> masks = new ArrayList<>();
        for (int k = 0; k + 1 < frames.size(); k++) masks.add(pair(new FlowPair(k, k + 1)).mask());
        return masks;
    }

    /** Grid points of {@code spacing} followed from the first frame through the clip; computed once per spacing. */
    public List<PointTracks.Track> gridTracks(int spacing) {
        return gridTracks.computeIfAbsent(spacing, s -> PointTracks.follow(steps(), stepMasks(), PointTracks.grid(width(), height(), s)));
    }

    /**
     * A point clicked on frame {@code start}, followed to the clip's end; the track holds the point unmoved for the
     * frames before {@code start}, so its positions are indexed by frame like the grid's.
     */
    public PointTracks.Track trackFrom(int start, double x, double y) {
        int n = frames.size();
        double[] xs = new double[n], ys = new double[n];
        for (int k = 0; k <= start; k++) {
            xs[k] = x;
            ys[k] = y;
        }
        if (start + 1 >= n) return new PointTracks.Track(xs, ys, PointTracks.End.LAST_FRAME);
        PointTracks.Track after = PointTracks.follow(steps().subList(start, n - 1), stepMasks().subList(start, n - 1),
                List.of(new PointTracks.Point(x, y))).get(0);
        for (int k = 1; k < after.length(); k++) {
            xs[start + k] = after.xs()[k];
            ys[start + k] = after.ys()[k];
        }
        int length = start + after.length();
        return new PointTracks.Track(java.util.Arrays.copyOf(xs, length), java.util.Arrays.copyOf(ys, length), after.end());
    }
}
