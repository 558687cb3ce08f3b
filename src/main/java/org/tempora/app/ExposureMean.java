package org.tempora.app;

import java.util.BitSet;
import org.tempora.image.LinearImage;
import org.tempora.timeline.FramePlan;
import org.tempora.timeline.Interval;

/**
 * The running linear-light mean of a run's exposure frames (those whose interval lies inside [-0.5, 0.5]): a photo
 * integrates light over its exposure, so these frames should average back to it (blur2vid's blur consistency).
 * Frames are added as they arrive, each once, so no frame needs to be kept. Safe to use from several threads.
 */
public final class ExposureMean {
    /** Slack on the exposure's ends, as the score command uses: plans are built from sums of doubles. */
    private static final double TOLERANCE = 1e-9;

    private final FramePlan plan;
    private final BitSet inside = new BitSet();
    private final BitSet added = new BitSet();
    private float[][] sums; // one plane per channel; float is plenty for a mean of a few dozen frames
    private int width, height;

    public ExposureMean(FramePlan plan) {
        this.plan = plan;
        for (int i = 0; i < plan.size(); i++) if (insideExposure(plan.get(i))) inside.set(i);
    }

    /** Whether a frame's interval lies inside the photo's exposure [-0.5, 0.5]. */
    public static boolean insideExposure(Interval frame) {
        return frame.start() >= Interval.EXPOSURE.start() - TOLERANCE && frame.end() <= Interval.EXPOSURE.end() + TOLERANCE;
    }

    /** How many of the plan's frames lie inside the exposure. */
    public int expected() { return inside.cardinality(); }

    public synchronized int added() { return added.cardinality(); }

    /** Whether every exposure frame has been added (and there is at least one). */
    public synchronized boolean complete() { return expected() > 0 && added.equals(inside); }

    /** Adds frame {@code index} of the plan if it lies inside the exposure and was not added before. */
    public synchronized void add(int index, LinearImage frame) {
        if (index < 0 || index >= plan.size() || !inside.get(index) || added.get(index)) return;
        if (sums == null) {
            width = frame.width();
            height = frame.height();
            sums = new float[frame.channels()][frame.pixelCount()];
        } else if (frame.width() != width || frame.height() != height || frame.channels() != sums.length) {
            throw new IllegalArgumentException("frame " + (index + 1) + " is " + frame + " but the first was " + width + "x" + height
                    + "x" + sums.length + ": an engine must give every frame the photo's size");
        }
        for (int c = 0; c < sums.length; c++) {
            float[] acc = sums[c], src = frame.plane(c);
            for (int i = 0; i < acc.length; i++) acc[i] += src[i];
        }
        added.set(index);
    }

    /** The per-pixel mean of the frames added so far, in linear light. */
    public synchronized LinearImage mean() {
        int n = added.cardinality();
        if (n == 0) throw new IllegalStateException("no frame inside the exposure [-0.5, 0.5] has arrived");
        float[][] planes = new float[sums.length][];
        for (int c = 0; c < sums.length; c++) {
            float[] out = sums[c].clone();
            for (int i = 0; i < out.length; i++) out[i] /= n;
            planes[c] = out;
        }
        return new LinearImage(width, height, planes);
    }
}
