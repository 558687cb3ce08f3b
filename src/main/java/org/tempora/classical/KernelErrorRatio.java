package org.tempora.classical;

import java.util.Optional;
import java.util.Random;
import org.tempora.engine.CancellationToken;
import org.tempora.engine.CancelledException;
import org.tempora.engine.ProgressListener;
import org.tempora.engine.Trajectory;
import org.tempora.image.LinearImage;
import org.tempora.simulate.BlurSimulator;
import org.tempora.simulate.CameraShake;
import org.tempora.simulate.Degradation;

/**
 * The error ratio of Levin, Weiss, Durand &amp; Freeman 2009 ("Understanding and evaluating blind deconvolution
 * algorithms", Sec. 6): the SSD to the sharp image of the non-blind deconvolution with the estimated kernel, over the
 * SSD of the same deconvolution with the true kernel, each minimised over shifts in quarter pixels (a blind kernel is known
 * only up to a translation). A ratio of 1 is as good as knowing the kernel; Levin et al. found results with ratio
 * above 2-3 visibly flawed. The same hyper-Laplacian deconvolution as the engine's is used for both.
 */
public final class KernelErrorRatio {
    private KernelErrorRatio() {}

    /** Side of the test crops: Levin et al.'s 255 x 255. */
    public static final int SIDE = 255;
    /** Translations searched, in pixels each way. */
    static final int MAX_SHIFT = 6;

    /**
     * One measurement: the blur's extent, the true and estimated kernels' sizes, both SSDs, their ratio and the estimation
     * time; under a degradation also {@code undegradedRatio}, the ratio of the same two kernels on the crop before the
     * degradation (how good the kernel found through the defect is, apart from what the defect costs any deconvolution),
     * else NaN.
     */
    public record Item(String name, double extent, int trueSize, int estimatedSize, double ssdEstimated, double ssdTrue, double ratio,
                       double undegradedRatio, double seconds) {}

    /**
     * Blurs the centre {@link #SIDE} x {@link #SIDE} luminance crop of {@code sharp} with the kernel of {@code path} (by
     * convolution, on a larger crop so no border is involved), adds Gaussian noise of {@code noiseSigma} (linear
     * units), estimates the kernel blind and returns the error ratio.
     */
    public static Item measure(String name, LinearImage sharp, Trajectory path, double noiseSigma, long seed, CancellationToken cancel)
            throws CancelledException {
        return measure(name, sharp, path, noiseSigma, seed, false, cancel);
    }

    /**
     * As {@link #measure(String, LinearImage, Trajectory, double, long, CancellationToken)}; with {@code trueSize} the
     * estimator is told the true kernel's size instead of choosing one (to tell sizing errors from shape errors).
     */
    public static Item measure(String name, LinearImage sharp, Trajectory path, double noiseSigma, long seed, boolean trueSize,
                               CancellationToken cancel) throws CancelledException {
        return measure(name, sharp, path, noiseSigma, seed, trueSize, 0, cancel);
    }

    /**
     * As {@link #measure(String, LinearImage, Trajectory, double, long, boolean, CancellationToken)}; with
     * {@code fromTruth} > 0 the kernel is not estimated blind but refined that many iterations from the TRUE kernel at
     * full size (the estimator's last level): how far its alternation drifts from the truth, which bounds any blind result.
     */
    public static Item measure(String name, LinearImage sharp, Trajectory path, double noiseSigma, long seed, boolean trueSize,
                               int fromTruth, CancellationToken cancel) throws CancelledException {
        return measure(name, sharp, path, noiseSigma, seed, trueSize, fromTruth, Optional.empty(), cancel);
    }

    /**
     * As {@link #measure(String, LinearImage, Trajectory, double, long, boolean, int, CancellationToken)}, with the blurred
     * noisy crop also put through {@code degradation} (JPEG, grain, white noise, clipping) before both deconvolutions: a defect the
     * estimate should treat as an outlier rather than fit a kernel to. Where it clips, the sharp reference takes the same gain.
     */
    public static Item measure(String name, LinearImage sharp, Trajectory path, double noiseSigma, long seed, boolean trueSize,
                               int fromTruth, Optional<Degradation> degradation, CancellationToken cancel) throws CancelledException {
        if (fromTruth < 0) throw new IllegalArgumentException("iterations from the truth must be >= 0, got " + fromTruth);
        int ts = 2 * BlurSimulator.margin(path) + 1;
        float[] truth = BlurSimulator.kernelImage(path, ts);
        int big = SIDE + 2 * ts;
        if (sharp.width() < big || sharp.height() < big) {
            throw new IllegalArgumentException(sharp + " is too small for a " + SIDE + " px test with a " + ts + " px kernel");
        }
        float[] lum = sharp.luminance();
        float[] region = KernelOps.crop(lum, sharp.width(), (sharp.width() - big) / 2, (sharp.height() - big) / 2, big, big);
        float[] blurredBig = FftConvolution.convolve(region, big, big, truth, ts);
        float[] reference = KernelOps.crop(region, big, ts, ts, SIDE, SIDE);
        float[] blurred = KernelOps.crop(blurredBig, big, ts, ts, SIDE, SIDE);
        Random rng = new Random(seed);
        for (int i = 0; i < blurred.length; i++) blurred[i] += (float) (noiseSigma * rng.nextGaussian());
        float[] undegraded = null;
        if (degradation.isPresent()) {
            float gain = (float) degradation.get().gain(blurred);
            undegraded = blurred.clone();
            for (int i = 0; i < undegraded.length; i++) undegraded[i] *= gain;
            blurred = degradation.get().apply(blurred, SIDE, SIDE, ~seed); // grain drawn apart from the noise above
            for (int i = 0; i < reference.length; i++) reference[i] *= gain;
        }

        long t0 = System.nanoTime();
        KernelEstimator.Estimate est = fromTruth > 0
                ? new KernelEstimator.Estimate(new KernelEstimator().refine(blurred, SIDE, SIDE, truth, ts, fromTruth, cancel), ts, java.util.List.of())
                : new KernelEstimator().estimate(blurred, SIDE, SIDE, trueSize ? ts : 0, ProgressListener.NONE, cancel);
        double seconds = (System.nanoTime() - t0) / 1e9;
        double[] et = ssds(blurred, reference, est, truth, ts, cancel);
        double undegradedRatio = Double.NaN;
        if (undegraded != null) {
            double[] u = ssds(undegraded, reference, est, truth, ts, cancel);
            undegradedRatio = u[0] / u[1];
        }
        return new Item(name, CameraShake.extent(path), ts, est.size(), et[0], et[1], et[0] / et[1], undegradedRatio, seconds);
    }

    /** {shift-compensated SSD of the deconvolution of {@code blurred} by the estimate, the same by the true kernel}. */
    private static double[] ssds(float[] blurred, float[] reference, KernelEstimator.Estimate est, float[] truth, int ts,
                                 CancellationToken cancel) throws CancelledException {
        // both at the weight for this crop's noise under the true kernel: the reference is the best restoration, and the
        // ratio then weighs the kernels alone (gated on a failed, near-delta estimate it would keep the fixed weight)
        double weight = Deconvolution.weightFor(blurred, SIDE, SIDE, truth, ts);
        float[] withEstimate = Deconvolution.hyperLaplacian(blurred, SIDE, SIDE, est.kernel(), est.size(), weight, Deconvolution.DEFAULT_ALPHA, cancel);
        float[] withTruth = Deconvolution.hyperLaplacian(blurred, SIDE, SIDE, truth, ts, weight, Deconvolution.DEFAULT_ALPHA, cancel);
        int margin = ts / 2 + MAX_SHIFT;
        return new double[] {shiftCompensatedSsd(withEstimate, reference, SIDE, SIDE, margin, MAX_SHIFT),
                shiftCompensatedSsd(withTruth, reference, SIDE, SIDE, margin, MAX_SHIFT)};
    }

    /** Steps of the shift search per pixel: Levin et al.'s comp_upto_shift searches shifts in quarters of a pixel. */
    static final int SHIFT_STEPS = 4;

    /**
     * min over shifts d on a quarter-pixel grid, |d| <= maxShift each way, of the sum over the interior (margin px in
     * from every side) of (x(p + d) - ref(p))^2, x sampled bilinearly (as Levin et al.'s comp_upto_shift does: a blind
     * kernel is known only up to a translation, which need not be a whole pixel).
     */
    static double shiftCompensatedSsd(float[] x, float[] ref, int w, int h, int margin, int maxShift) {
        if (margin < maxShift || 2 * margin >= Math.min(w, h)) throw new IllegalArgumentException("margin must be >= the shift and leave an interior");
        double best = Double.POSITIVE_INFINITY;
        float[] moved = new float[x.length];
        for (int sy = 0; sy < SHIFT_STEPS; sy++) {
            for (int sx = 0; sx < SHIFT_STEPS; sx++) {
                float fx = sx / (float) SHIFT_STEPS, fy = sy / (float) SHIFT_STEPS;
                // x sampled at p + (fx, fy); beyond the last row and column the edge is repeated, never read at a fractional shift
                for (int y = 0; y < h; y++) {
                    int down = y < h - 1 ? w : 0;
                    for (int c = 0; c < w; c++) {
                        int i = y * w + c, right = c < w - 1 ? 1 : 0;
                        moved[i] = (1 - fy) * ((1 - fx) * x[i] + fx * x[i + right])
                                + fy * ((1 - fx) * x[i + down] + fx * x[i + down + right]);
                    }
                }
                int maxX = sx == 0 ? maxShift : maxShift - 1, maxY = sy == 0 ? maxShift : maxShift - 1;
                for (int dy = -maxShift; dy <= maxY; dy++) {
                    for (int dx = -maxShift; dx <= maxX; dx++) {
                        best = Math.min(best, ssdAt(moved, ref, w, h, margin, dx, dy, best));
                    }
                }
            }
        }
        return best;
    }

    /** sum over the interior of (moved(p + (dx, dy)) - ref(p))^2, given up once above {@code stop}. */
    private static double ssdAt(float[] moved, float[] ref, int w, int h, int margin, int dx, int dy, double stop) {
        double s = 0;
        for (int y = margin; y < h - margin && s < stop; y++) {
            int row = y * w, srow = (y + dy) * w + dx;
            for (int xx = margin; xx < w - margin; xx++) {
                double d = moved[srow + xx] - ref[row + xx];
                s += d * d;
            }
        }
        return s;
    }
}
