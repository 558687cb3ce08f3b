package org.tempora.classical;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.tempora.engine.CancellationToken;
import org.tempora.engine.CancelledException;
import org.tempora.engine.ProgressListener;
import org.tempora.engine.Trajectory;
import org.tempora.simulate.BlurSimulator;
import org.tempora.simulate.CameraShake;

/**
 * Synthetic cases for the check of unevenly blurred parts ({@link BlurUniformityCheck}), and the check's distances on
 * them: a sharp picture's luminance blurred alike all over (random camera shake, a straight stroke) or differently by
 * halves (a still half beside a moving one, two directions side by side, a moving top over a still bottom). What
 * {@code tempora benchmark --uniformity} reports: how far {@link BlurUniformityCheck#DIFFERENT} lies from both kinds.
 */
public final class UniformityCalibration {
    private UniformityCalibration() {}

    /** Blur extent of every case, in pixels: the check's test strokes. */
    public static final double EXTENT = 15;
    /** Gaussian noise added to each case, linear units (as in the check's tests). */
    public static final double NOISE = 0.003;
    /** Smallest side of a case: its halves' windows then hold the check's smallest kernels three times over. */
    public static final int MIN_SIDE = 6 * BlurUniformityCheck.SMALLEST_PART_KERNEL + 2;
    /** Border the sharp picture needs on every side, so that no case blurs across the picture's edge. */
    public static final int MARGIN = 24;

    /** How a case is blurred, and which split (if any) should be named. */
    public enum Kind {
        UNIFORM_SHAKE("uniform shake", null), UNIFORM_STROKE("uniform stroke", null),
        STILL_MOVING("still | moving", true), ACROSS("stroke | stroke at 90 degrees", true), MOVING_OVER_STILL("moving over still", false);

        public final String label;
        /** True: left and right differ; false: top and bottom; null: uniform. */
        final Boolean leftRight;

        Kind(String label, Boolean leftRight) {
            this.label = label;
            this.leftRight = leftRight;
        }

        public boolean uneven() { return leftRight != null; }
    }

    /**
     * One case's result: the kernel distances between left and right and between top and bottom (NaN where a side had
     * too little texture), whether the check warned, and, for an uneven case, whether it named the split that differs.
     */
    public record Case(String image, Kind kind, double leftRight, double topBottom, boolean flagged, boolean namedTheSplit) {
        /** The distance across the split that differs (uneven cases), or the larger of the two (uniform ones). */
        public double distance() {
            if (kind.uneven()) return kind.leftRight ? leftRight : topBottom;
            return Double.isNaN(leftRight) ? topBottom : Double.isNaN(topBottom) ? leftRight : Math.max(leftRight, topBottom);
        }

        /** Right for the check: no warning on a uniform case, the differing split named on an uneven one. */
        public boolean correct() { return kind.uneven() ? flagged && namedTheSplit : !flagged; }

        /** Whether the check could judge the case: the split that differs (any split, for a uniform case) had texture on both sides. */
        public boolean judged() { return !Double.isNaN(distance()); }

        /** The case's verdict in a word or two, for a table. */
        public String verdict() {
            String notJudged = "not judged (too little texture or room)";
            if (kind.uneven()) return correct() ? "named" : flagged ? "flagged, wrong split" : judged() ? "MISSED" : notJudged;
            return flagged ? "FALSE ALARM" : judged() ? "uniform" : notJudged;
        }
    }

    /**
     * Every {@link Kind} on one picture.
     *
     * @param sharp linear luminance of (w + 2 {@link #MARGIN}) x (h + 2 {@link #MARGIN}), row-major
     * @param seed  chooses the shake path, the strokes' direction and the noise
     */
    public static List<Case> run(String image, float[] sharp, int w, int h, long seed, CancellationToken cancel) throws CancelledException {
        int bw = w + 2 * MARGIN, bh = h + 2 * MARGIN;
        if (w < MIN_SIDE || h < MIN_SIDE || sharp.length != bw * bh) {
            throw new IllegalArgumentException("need a sharp plane of (w + " + 2 * MARGIN + ") x (h + " + 2 * MARGIN + ") for w, h >= " + MIN_SIDE);
        }
        Random rnd = new Random(seed);
        double angle = 180 * rnd.nextDouble();
        float[] still = crop(sharp, bw, w, h);
        float[] stroke = blurred(sharp, bw, bh, w, h, CameraShake.linear(EXTENT, angle));
        float[] across = blurred(sharp, bw, bh, w, h, CameraShake.linear(EXTENT, angle + 90));
        float[] shake = blurred(sharp, bw, bh, w, h, CameraShake.randomWithExtent(seed, EXTENT));
        List<Case> out = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            float[] plane = switch (kind) {
                case UNIFORM_SHAKE -> shake.clone();
                case UNIFORM_STROKE -> stroke.clone();
                case STILL_MOVING -> joinLeftRight(still, stroke, w, h);
                case ACROSS -> joinLeftRight(stroke, across, w, h);
                case MOVING_OVER_STILL -> joinTopBottom(stroke, still, w, h);
            };
            for (int i = 0; i < plane.length; i++) plane[i] += (float) (NOISE * rnd.nextGaussian());
            // as the engine runs it: a larger global kernel sets the parts' kernel size
            int global = new KernelEstimator().estimate(plane, w, h, 0, ProgressListener.NONE, cancel).size();
            BlurUniformityCheck.Analysis a = BlurUniformityCheck.analyse(plane, w, h, BlurUniformityCheck.partKernelSize(global), cancel);
            boolean flagged = a.warning().isPresent();
            boolean named = kind.uneven() && flagged && a.splitsLeftRight() == kind.leftRight;
            out.add(new Case(image, kind, a.leftRight(), a.topBottom(), flagged, named));
        }
        return out;
    }

    /** The summary line of {@code cases}: misses and false alarms at {@link BlurUniformityCheck#DIFFERENT}, and the margins. */
    public static String summary(List<Case> cases) {
        int uniform = 0, falseAlarms = 0, uneven = 0, named = 0;
        double largestUniform = Double.NaN, smallestUneven = Double.NaN;
        for (Case c : cases) {
            if (!c.judged()) continue;
            if (c.kind().uneven()) {
                uneven++;
                if (c.correct()) named++;
                smallestUneven = Double.isNaN(smallestUneven) ? c.distance() : Math.min(smallestUneven, c.distance());
            } else {
                uniform++;
                if (c.flagged()) falseAlarms++;
                largestUniform = Double.isNaN(largestUniform) ? c.distance() : Math.max(largestUniform, c.distance());
            }
        }
        return String.format(Locale.ROOT, "threshold %.2f, of the %d cases judged (%d had too little texture or room): uniform blur flagged on %d of %d "
                        + "(largest distance %s); uneven blur named on %d of %d (smallest distance across the split %s)",
                BlurUniformityCheck.DIFFERENT, uniform + uneven, cases.size() - uniform - uneven, falseAlarms, uniform, figure(largestUniform),
                named, uneven, figure(smallestUneven));
    }

    /** A distance for a table: two decimals, or "-" where none was measured. */
    public static String figure(double distance) {
        return Double.isNaN(distance) ? "-" : String.format(Locale.ROOT, "%.2f", distance);
    }

    private static float[] blurred(float[] sharp, int bw, int bh, int w, int h, Trajectory path) {
        int ks = 2 * BlurSimulator.margin(path) + 1;
        if (ks / 2 > MARGIN) throw new IllegalStateException("a " + ks + " px kernel needs more than the " + MARGIN + " px border");
        return crop(FftConvolution.convolve(sharp, bw, bh, BlurSimulator.kernelImage(path, ks), ks), bw, w, h);
    }

    private static float[] crop(float[] big, int bw, int w, int h) { return KernelOps.crop(big, bw, MARGIN, MARGIN, w, h); }

    /** The left half of {@code left} and the right half of {@code right} (w x h), joined at column w / 2. */
    static float[] joinLeftRight(float[] left, float[] right, int w, int h) {
        float[] out = left.clone();
        for (int y = 0; y < h; y++) System.arraycopy(right, y * w + w / 2, out, y * w + w / 2, w - w / 2);
        return out;
    }

    private static float[] joinTopBottom(float[] top, float[] bottom, int w, int h) {
        float[] out = top.clone();
        System.arraycopy(bottom, (h / 2) * w, out, (h / 2) * w, (h - h / 2) * w);
        return out;
    }
}
