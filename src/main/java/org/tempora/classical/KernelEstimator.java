package org.tempora.classical;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.tempora.engine.BlurKernel;
import org.tempora.engine.CancellationToken;
import org.tempora.engine.CancelledException;
import org.tempora.engine.ProgressListener;

/**
 * Blind estimation of one (spatially uniform) camera-shake kernel from a luminance plane, coarse to fine
 * over a sqrt(2) pyramid, alternating a latent-image step and a kernel step at each level.
 *
 * <p>Prior: the L0 gradient prior of Xu, Zheng & Jia 2013 ("Unnatural L0 sparse representation") in the
 * form of Pan, Hu, Su & Yang 2014 (their gradient term): min |k * x - y|^2 + lambda |grad x|_0, solved by
 * half-quadratic splitting with a hard threshold and one FFT solve per continuation step. Chosen over the
 * normalised sparsity of Krishnan, Tay & Fergus 2011 because every step is closed form (no inner ISTA loop
 * on a non-convex x-problem), so it is faster at equal quality, and its latent image keeps only salient
 * step edges, which is exactly what the kernel step needs to stay clear of noise, grain and JPEG blocks.
 *
 * <p>Kernel step (Cho & Lee 2009 / Pan 2014): least squares in the gradient domain with a Tikhonov term,
 * min_k sum_d |k * d_d x - d_d y|^2 + gamma |k|^2, solved on the kernel's support by conjugate gradients
 * ({@link SupportLeastSquares}), then sharpened by an L1 sparsity term mu |k|_1 (Levin et al. 2011; Xu &amp; Jia 2010's
 * ISD refinement serves the same end) in two IRLS passes, then projected: negatives and values under 1/20 of the peak removed, unit
 * mass, re-centred by centre of mass; the largest connected component(s) are kept at the end of each level,
 * and the next level's canvas shrinks to the support plus room to grow, so noise far from the path has no room.
 *
 * <p>Robustness: gradients outside the picture (the FFT border) are left out, as in Pan et al.; clipped
 * highlights (plus {@link #CLIP_GROWTH} px) are filled with the current prediction k * x (EM-style imputation)
 * in both steps; the plane is scaled so its 99th percentile is 1, so the L0 weight means the same on dark
 * pictures; the coarse levels see only strong structure, which keeps grain and JPEG blocks out of the kernel; a noisy
 * level is estimated on a Gaussian-prefiltered copy, the Gaussian part of the model ({@link #prefilterFor}).
 * Pictures above {@link #MAX_ESTIMATION_PIXELS} are estimated on their most detailed window, and levels above
 * {@link #LEVEL_WINDOW_PIXELS} on their most detailed window that fits a power-of-two FFT plane ({@link LevelCanvas}).
 */
public final class KernelEstimator {
    /** What was estimated: an odd-sized, centred kernel of unit mass, and notes for the user. */
    public record Estimate(float[] kernel, int size, List<String> warnings) {
        public Estimate {
            warnings = List.copyOf(warnings);
        }

        public BlurKernel toBlurKernel(double scale) { return new BlurKernel(size, kernel.clone(), scale); }
    }

    /** Largest kernel tried when the size is automatic; trimmed to the support afterwards. */
    public static final int AUTO_MAX_SIZE = 51;
    /** Second, larger try when the automatic estimate fills {@link #AUTO_MAX_SIZE} and the picture allows a larger canvas. */
    public static final int AUTO_RETRY_SIZE = 101;
    /** Larger pictures are estimated on their most detailed window of this many pixels (speed; see {@link #estimationWindow}). */
    static final long MAX_ESTIMATION_PIXELS = 160_000;
    /** Linear luminance at or above this is treated as clipped. */
    static final float SATURATION_LEVEL = 0.95f;
    /**
     * Pixels around clipped ones also left to imputation: sensors clip after the blur, so only clipped pixels
     * are wrong, but JPEG ringing and tone-curve knees spoil a pixel or two around them.
     */
    private static final int CLIP_GROWTH = 2;

    private static final double LEVEL_RATIO = Math.sqrt(0.5);
    private static final int COARSEST_KERNEL = 5;
    private static final int MIN_LEVEL_PIXELS_SIDE = 24;
    private static final int ITERATIONS_PER_LEVEL = 5;
    /**
     * Iterations at the finest level. 3 (from the previous level's kernel, already close) saved 2/5 of its time, but with
     * the 85%-mass canvas sizing a 14 px straight blur then came out 10 px long; 5 gets its length back.
     */
    private static final int FINEST_ITERATIONS = 5;

    private final int iterationsPerLevel, finestIterations;
    private final double lambdaDecay;
    private final boolean prefilters, firmCoarseLevels;

    public KernelEstimator() { this(ITERATIONS_PER_LEVEL, FINEST_ITERATIONS, LAMBDA_DECAY, true, true); }

    /**
     * An estimator with other iteration counts and L0 weight decay: a quicker, rougher estimate where only the kernel's
     * gist matters; without {@code prefilters}, noisy levels are estimated as they are ({@link #prefilterFor}); without
     * {@code firmCoarseLevels}, every level's kernel step takes the fine levels' Tikhonov weight ({@link #GAMMA_RELATIVE}),
     * none {@link #COARSE_GAMMA_RELATIVE}.
     */
    KernelEstimator(int iterationsPerLevel, int finestIterations, double lambdaDecay, boolean prefilters, boolean firmCoarseLevels) {
        if (iterationsPerLevel < 1 || finestIterations < 1) throw new IllegalArgumentException("iterations must be >= 1");
        if (!(lambdaDecay >= 1)) throw new IllegalArgumentException("the L0 weight's decay must be >= 1, got " + lambdaDecay);
        this.iterationsPerLevel = iterationsPerLevel;
        this.finestIterations = finestIterations;
        this.lambdaDecay = lambdaDecay;
        this.prefilters = prefilters;
        this.firmCoarseLevels = firmCoarseLevels;
    }
    private static final double LAMBDA_START = 4e-3, LAMBDA_MIN = 1e-4;
    /**
     * The L0 weight falls by this factor each iteration of a level (Pan et al.: 1.1), so each level's last latent images
     * keep finer edges for the kernel step. Paired over six seeds of {@code benchmark --kernel-error} (168 items each),
     * 1.3 against 1.1 lowered the shake error ratio by 4% on average (54 items better by over 5%, 28 worse; items <= 2
     * 76.2% -> 77.4%) and left smooth alike (57.1% -> 58.9%); biPSNR shake 29.07 -> 29.09 dB, smooth 30.23 -> 30.22 dB.
     * On seeds 7 and 11, 1.2 scored between the two and 1.5 and 2 no better than 1.1; paired on six seeds, 1.4 lost to 1.3.
     */
    static final double LAMBDA_DECAY = 1.3;
    /** Pan et al.'s decay, which the check for unevenly blurred parts keeps: its threshold was calibrated with it. */
    static final double PAN_LAMBDA_DECAY = 1.1;
    /**
     * Pan et al. double beta up to 1e5; tripling gave the same kernels on our test set in 2/3 of the time. (Growing it 4
     * or 5 times scored better on the shake benchmark but lost the near-delta of sharp pictures and clipped star fields.)
     * Stopping at 1e3 (lambda/beta then zeroes gradients below at most 0.002) took a fifth off the estimate, with
     * kernel-error items <= 2 shake 71/64% -> 71/64%, smooth 43/61% -> 43/57%, and biPSNR smooth 30.11 -> 30.23 dB,
     * shake 29.13 -> 29.07 dB; growing beta by 4 instead lost up to a third of the smooth items.
     */
    private static final double KAPPA = 3, BETA_MAX = 1e3;
    /**
     * A level larger than this is solved on its most detailed window of at least this many pixels when that allows a
     * much cheaper FFT plane ({@link LevelCanvas}): at 640x360 the two finest levels run on 512x256 planes instead of
     * 600x360 and 432x270, with the smooth benchmark unchanged (30.0 dB).
     */
    static final long LEVEL_WINDOW_PIXELS = 80_000;
    /** Tikhonov weight on the kernel as a fraction of the total gradient energy; with the L1 passes 0.3-0.5 scored alike, 0.1 worse; 0.4 kept the straight-stroke tests closest. */
    private static final double GAMMA_RELATIVE = 0.4;
    /**
     * The Tikhonov weight of the coarse levels (scale under {@link #FIRM_LEVELS_BELOW}), times the latent gradients'
     * {@link #isotropy}. There the alternation could settle with the blur shared between the two unknowns: a latent image
     * of blobs and a kernel peaked in its middle and too short (star fields, long smooth strokes), which the finer levels
     * then only refine. A strong weight keeps the kernel near the cross-correlation of latent and blurred gradients, the
     * whole stroke; where the gradients run mostly one way (a plain sky and one long edge) the same weight smears the
     * kernel along them, hence the isotropy. Over six seeds of {@code benchmark --kernel-error} (168 items per motion),
     * items <= 2 against 0.4 throughout: shake 79.8% -> 80.4%, smooth 58.3% -> 67.3% (mean log ratio -0.034 / -0.159).
     */
    static final double COARSE_GAMMA_RELATIVE = 2.5;
    /**
     * Levels at a scale under this take {@link #COARSE_GAMMA_RELATIVE}; the finer ones {@link #GAMMA_RELATIVE}, so that
     * they thin the kernel again. Firm at every level but the finest, 2.5 scored 82.1% / 66.1% and 1.5 81.0% / 65.5%, but
     * the kernels kept flanks a pixel wide that made their paths wiggle, a sharp photo's kernel was no longer a near
     * point (0.71 of its mass within a pixel at 2.5, 0.89 at 1.5, 0.96 before; 0.85 now), and a 200x150 plain-sky photo
     * lost its path. 1.5 without the isotropy scored 83.9% / 62.5%, but the rocket's plain sky lost (mean log +0.48 on its
     * smooth items, -0.00 with it).
     */
    static final double FIRM_LEVELS_BELOW = 0.4;
    /**
     * Reweighted passes of the kernel step for its L1 (sparsity) term, and that term's weight relative to A(0) max|k|
     * ({@link SupportLeastSquares#solveReweighted}). With 2 passes at 0.05 (and Tikhonov 0.4 instead of 0.2) the shake
     * error ratio's share <= 2 rose from 39% to 61-64% and its geometric mean fell from 4.0 to 1.9 (seeds 7, 11): large
     * looping kernels no longer smear and low-texture pictures no longer give noise kernels. 1 or 3 passes scored alike,
     * weights 0.1 and above cut the faint ends of long strokes. Known bias: a uniform straight stroke comes out peaked
     * towards its middle (sparsity favours fewer, larger values).
     */
    private static final int L1_PASSES = 2;
    private static final double L1_RELATIVE = 0.05;
    private static final int CG_ITERATIONS = 20;
    private static final double THRESHOLD_FRACTION = 1.0 / 20;
    private static final double COMPONENT_FRACTION = 0.2;
    private static final int TRIM_MARGIN = 2;
    /**
     * A kernel reaches its canvas's edge when this share of its mass lies within two pixels of it: a few faint specks
     * there are estimation noise, and retrying on a larger canvas only gives them more room.
     */
    static final double EDGE_MASS = 0.03;

    /**
     * Estimates the blur kernel of a linear-light luminance plane (w x h, row-major).
     *
     * @param kernelSize odd size in pixels of this plane, or 0 to try up to {@link #AUTO_MAX_SIZE} (bounded by a
     *                   third of the picture's shorter side) and trim the result to its support plus 2 px
     * @param progress   told "estimating blur", iteration done of total
     * @param cancel     polled at every continuation step
     */
    public Estimate estimate(float[] lum, int w, int h, int kernelSize, ProgressListener progress, CancellationToken cancel)
            throws CancelledException {
        return estimate(lum, w, h, kernelSize, progress, cancel, LevelListener.NONE);
    }

    /** Hears the kernel of each finished pyramid level, coarsest first: an early, approximate answer. */
    @FunctionalInterface
    public interface LevelListener {
        /**
         * @param kernel a copy of the level's kernel (odd {@code size}, centred, unit mass)
         * @param scale  the level's pixels per pixel of the estimated plane (1 at the last level)
         */
        void level(float[] kernel, int size, double scale) throws CancelledException;

        LevelListener NONE = (kernel, size, scale) -> {};
    }

    /**
     * {@link #estimate(float[], int, int, int, ProgressListener, CancellationToken)}, telling {@code levels} each
     * pyramid level's kernel as soon as it is done (of the first try only when the automatic size retries larger).
     * The listener runs on this thread and does not change the estimate.
     */
    public Estimate estimate(float[] lum, int w, int h, int kernelSize, ProgressListener progress, CancellationToken cancel,
                             LevelListener levels) throws CancelledException {
        Sized first = estimateSized(lum, w, h, kernelSize, AUTO_MAX_SIZE, progress, cancel, levels);
        if (kernelSize == 0 && first.reachedLimit() && first.couldGrow()) {
            // Long exposures of old cameras blur further than most: try once more with room for it.
            Sized larger = estimateSized(lum, w, h, 0, AUTO_RETRY_SIZE, progress, cancel, LevelListener.NONE);
            if (larger.estimate().size() > first.estimate().size()) return larger.estimate();
        }
        return first.estimate();
    }

    /**
     * An estimate, whether the kernel filled the canvas it was given, and whether the picture has room for a larger
     * canvas (a retry on a canvas no larger would only repeat the estimate).
     */
    private record Sized(Estimate estimate, boolean reachedLimit, boolean couldGrow) {}

    private Sized estimateSized(float[] lum, int w, int h, int kernelSize, int autoMax, ProgressListener progress,
                                CancellationToken cancel, LevelListener onLevel) throws CancelledException {
        if (w < 16 || h < 16 || lum.length != w * h) throw new IllegalArgumentException("need a plane of at least 16x16, got " + w + "x" + h);
        if (kernelSize != 0 && (kernelSize < 3 || kernelSize % 2 == 0)) throw new IllegalArgumentException("kernel size must be 0 or odd >= 3, got " + kernelSize);
        List<String> warnings = new ArrayList<>();
        int[] window = estimationWindow(lum, w, h);
        if (window[2] != w || window[3] != h) {
            lum = KernelOps.crop(lum, w, window[0], window[1], window[2], window[3]);
            w = window[2];
            h = window[3];
        }
        int limit = nearestOdd(Math.min(w, h) / 3.0);
        int ks;
        if (kernelSize == 0) {
            ks = Math.max(3, Math.min(autoMax, limit));
        } else if (kernelSize > limit) {
            ks = Math.max(3, limit);
            warnings.add("the picture is too small for a " + kernelSize + " px kernel; estimated a " + ks + " px one instead");
        } else {
            ks = kernelSize;
        }

        boolean[] clipped = clippedMask(lum);
        int clippedCount = 0;
        for (boolean c : clipped) if (c) clippedCount++;
        if (clippedCount > lum.length / 1000) {
            warnings.add(String.format("%.1f%% of the picture is clipped highlights; they were left out of the blur estimate",
                    100.0 * clippedCount / lum.length));
        }

        lum = normaliseContrast(lum);
        double noise = noiseToFilter(lum, w, h);
        List<double[]> levels = pyramid(w, h, ks);
        int total = (levels.size() - 1) * iterationsPerLevel + finestIterations, done = 0;
        float[] k = null;
        int kSize = 0, nominalPrevious = 0;
        for (double[] level : levels) {
            double scale = level[0];
            int nominal = (int) level[1];
            int lks;
            if (k == null) {
                lks = nominal;
                k = new float[lks * lks];
                int c = lks / 2;
                k[c * lks + c - 1] = 0.5f; // Pan et al.'s start: a short horizontal smear breaks the trivial delta solution
                k[c * lks + c] = 0.5f;
            } else {
                // upsample at the pyramid's ratio, then shrink the canvas to the support plus room to grow:
                // spare canvas far from the path only collects noise
                double ratio = nominal / (double) nominalPrevious;
                int upSize = nearestOdd(kSize * ratio);
                float[] up = Resample.resize(k, kSize, kSize, upSize, upSize);
                lks = KernelSizing.nextLevelSize(k, kSize, ratio, nominal);
                k = KernelOps.resizeCanvas(up, upSize, lks);
                KernelOps.clampAndThreshold(k, 0);
                KernelOps.normalise(k, lks);
            }
            kSize = lks;
            nominalPrevious = nominal;
            int lw = Math.max(8, (int) Math.round(w * scale)), lh = Math.max(8, (int) Math.round(h * scale));
            float[] y = Resample.resize(lum, w, h, lw, lh);
            double prefilter = prefilterFor(noise * (scale < 1 ? 2.0 / 3 * scale : 1)); // the pyramid's triangle filter averages noise down
            boolean[] mask = levelMask(clipped, w, h, lw, lh, CLIP_GROWTH + reach(prefilter));
            boolean finest = level == levels.get(levels.size() - 1);
            LevelSolver solver = new LevelSolver(y, lw, lh, mask, lks, prefilter, firmCoarseLevels && scale < FIRM_LEVELS_BELOW);
            double lambda = LAMBDA_START;
            int iterations = finest ? finestIterations : iterationsPerLevel;
            for (int it = 0; it < iterations; it++) {
                cancel.throwIfCancelled();
                k = solver.iterate(k, lambda, cancel);
                lambda = Math.max(lambda / lambdaDecay, LAMBDA_MIN);
                progress.progress("estimating blur", ++done, total);
            }
            k = settle(k, lks);
            onLevel.level(k.clone(), lks, scale);
        }
        k = KernelOps.resizeCanvas(k, kSize, ks);

        int radius = KernelOps.supportRadius(k, ks);
        int size = ks;
        if (kernelSize == 0) {
            size = Math.min(ks, 2 * (radius + TRIM_MARGIN) + 1);
            k = KernelOps.resizeCanvas(k, ks, size);
        }
        boolean reachedLimit = radius >= ks / 2 - 1 && massBeyond(k, size, ks / 2 - 2) > EDGE_MASS;
        boolean couldGrow = ks < limit; // the retry's canvas, min(AUTO_RETRY_SIZE, limit), would be larger
        if (reachedLimit) {
            // a larger kernel size cannot help where the picture itself caps the kernel
            warnings.add(kernelSize != 0 ? "the estimated blur fills the whole " + ks + " px kernel; try a larger kernel size"
                    : !couldGrow ? "the blur may be larger than the largest kernel this picture allows (" + ks
                            + " px, a third of its shorter side); the frames may show only part of the motion"
                    : "the blur may be larger than the largest kernel tried (" + ks + " px); set a larger kernel size");
        }
        if (isNearPoint(k, size)) warnings.add("the photo shows little or no motion blur");
        return new Sized(new Estimate(k, size, warnings), reachedLimit, couldGrow);
    }

    /**
     * {@code iterations} alternations of the finest level (latent step, kernel step) on the whole plane, started from the
     * kernel {@code k} (ks x ks) instead of the pyramid's estimate: a diagnostic of how far the alternation drifts from a
     * given kernel (the true one, in {@code benchmark --kernel-error --from-truth}).
     */
    float[] refine(float[] lum, int w, int h, float[] k, int ks, int iterations, CancellationToken cancel) throws CancelledException {
        float[] y = normaliseContrast(lum);
        double prefilter = prefilterFor(noiseToFilter(y, w, h));
        LevelSolver solver = new LevelSolver(y, w, h, levelMask(clippedMask(lum), w, h, w, h, CLIP_GROWTH + reach(prefilter)), ks, prefilter, false);
        float[] out = k.clone();
        double lambda = LAMBDA_START;
        for (int it = 0; it < iterations; it++) {
            out = solver.iterate(out, lambda, cancel);
            lambda = Math.max(lambda / lambdaDecay, LAMBDA_MIN);
        }
        return settle(out, ks);
    }

    /**
     * The noise a prefilter should act on in a contrast-normalised plane: its {@link NoiseLevel#patchwise} reading, or 0
     * when this estimator does not prefilter or the reading is a sharp picture's fine texture, which no prefilter should blur.
     */
    private double noiseToFilter(float[] plane, int w, int h) {
        if (!prefilters) return 0;
        double noise = NoiseLevel.patchwise(plane, w, h);
        return NoiseLevel.isNoise(plane, w, h, noise) ? noise : 0;
    }

    /**
     * Noise ({@link NoiseLevel#patchwise}, in units of the plane's 99th percentile) above which a level is prefiltered.
     * Blurred development crops with the benchmark's noise of 0.005 read 0.008-0.012, the star field, the moon and the
     * cat's fur 0.017-0.023 (these are dim pictures, whose normalised noise is larger); white noise of 0.02 in display
     * units reads 0.025-0.055. Coarser levels take the finest reading scaled down by the pyramid's filter: read on each level,
     * the small coarse planes' texture passed for noise, and the clean smooth items <= 2 fell from 58.3% to 48.8%.
     */
    static final double PREFILTER_TRIGGER = 0.014;
    /**
     * The noise a prefiltered level is brought down to: a Gaussian of sigma s leaves 1 / (2 sqrt(pi) s) of white noise.
     * Under white noise of 0.02 (display units; seeds 7, 11, 13) the items <= 2 went from 55/39% (shake/smooth) to 88/70%
     * with 0.008, 87/69% with 0.006 and 83/73% with 0.011.
     */
    static final double PREFILTER_TARGET = 0.008;
    /**
     * Widest prefilter, pixels. Under noise 0.02, 1 scored as 2 (items <= 2 87/70% against 88/70%), but a sharp photo's
     * texture that passes for noise ({@link NoiseLevel#isNoise} cannot always tell: the whole coffee.png) gave a 13 px
     * kernel through 2 px instead of a near-point one.
     */
    static final double MAX_PREFILTER = 1;

    /** Pixels a prefilter of this sigma spreads a value over: clipped highlights grow by it, the picture's border shrinks by it. */
    static int reach(double prefilter) { return (int) Math.ceil(2 * prefilter); }

    /**
     * Sigma (pixels) of the Gaussian prefilter for a level whose noise is {@code noise}, 0 for none. The estimate stays
     * unbiased: the latent step models the prefiltered data as blurred by the kernel then the Gaussian, and the kernel step
     * maps the Gaussian-blurred latent image to it, so the Gaussian never enters the kernel (unlike a denoised input).
     */
    static double prefilterFor(double noise) {
        if (!(noise > PREFILTER_TRIGGER)) return 0;
        return Math.min(MAX_PREFILTER, Math.max(0.5, noise / (2 * Math.sqrt(Math.PI) * PREFILTER_TARGET)));
    }

    /** Where the luminance reaches {@link #SATURATION_LEVEL}: clipped highlights. */
    private static boolean[] clippedMask(float[] lum) {
        boolean[] clipped = new boolean[lum.length];
        for (int i = 0; i < lum.length; i++) clipped[i] = lum[i] >= SATURATION_LEVEL;
        return clipped;
    }

    /** The end of a level: its main components only, centred, unit mass. */
    private static float[] settle(float[] k, int ks) {
        KernelOps.keepMainComponents(k, ks, COMPONENT_FRACTION);
        float[] centred = KernelOps.recentre(k, ks);
        KernelOps.normalise(centred, ks);
        return centred;
    }

    /**
     * The part of the picture the kernel is estimated on, {x, y, width, height}: all of it up to
     * {@link #MAX_ESTIMATION_PIXELS}, else the window of that area (same aspect) with the most gradient
     * energy outside clipped highlights; a uniform blur is the same everywhere, edges are what reveal it.
     */
    static int[] estimationWindow(float[] lum, int w, int h) {
        if ((long) w * h <= MAX_ESTIMATION_PIXELS) return new int[] {0, 0, w, h};
        double f = Math.sqrt(MAX_ESTIMATION_PIXELS / ((double) w * h));
        int ww = Math.max(16, (int) (w * f)), wh = Math.max(16, (int) (h * f));
        boolean[] clipped = new boolean[lum.length];
        for (int i = 0; i < lum.length; i++) clipped[i] = !(lum[i] < SATURATION_LEVEL);
        int step = Math.max(1, Math.min(w - ww, h - wh) / 16 + 1);
        int[] at = DetailedWindow.find(lum, w, 0, 0, w, h, clipped, ww, wh, step);
        return new int[] {at[0], at[1], ww, wh};
    }

    /** (scale, kernel size) per level, coarsest first: kernels shrink by sqrt(2) down to about 5 px. */
    static List<double[]> pyramid(int w, int h, int ks) {
        List<double[]> levels = new ArrayList<>();
        double scale = 1;
        while (true) {
            int lks = Math.max(3, nearestOdd(ks * scale));
            levels.add(new double[] {scale, lks});
            double next = scale * LEVEL_RATIO;
            if (lks <= COARSEST_KERNEL || Math.min(w, h) * next < MIN_LEVEL_PIXELS_SIDE) break;
            scale = next;
        }
        Collections.reverse(levels);
        return levels;
    }

    /**
     * Scales the plane so its 99th percentile is 1: the L0 weight is an absolute gradient threshold, and linear
     * light compresses dark pictures' edges far below it. A linear scale leaves the blur model intact.
     */
    static float[] normaliseContrast(float[] lum) {
        int bins = 4096;
        int[] hist = new int[bins];
        for (float v : lum) hist[Math.min(bins - 1, Math.max(0, (int) (v * bins)))]++;
        long target = (long) Math.ceil(0.99 * lum.length), seen = 0;
        int b = 0;
        while (b < bins - 1 && (seen += hist[b]) < target) b++;
        float p99 = Math.max((b + 1f) / bins, 0.02f);
        float gain = 1 / p99;
        float[] out = new float[lum.length];
        for (int i = 0; i < out.length; i++) out[i] = lum[i] * gain;
        return out;
    }

    /**
     * How evenly gradients with these sums of squares and cross products spread over directions: twice the smaller
     * eigenvalue of their structure tensor over its trace, 1 when all directions carry the same energy, 0 when every
     * gradient runs the same way (and 1 for no gradients, which no weight can bias).
     */
    static double isotropy(double sxx, double syy, double sxy) {
        double trace = sxx + syy;
        if (!(trace > 0)) return 1;
        double smaller = trace / 2 - Math.sqrt(Math.max(0, (sxx - syy) * (sxx - syy) / 4 + sxy * sxy));
        return Math.max(0, 2 * smaller / trace);
    }

    /** Whether a kernel (unit mass) holds 80% of its mass within a pixel of its centre: a sharp photo's. */
    static boolean isNearPoint(float[] k, int ks) { return massNearCentre(k, ks) >= 0.8; }

    /** Kernel mass within one pixel of the centre (1 for a perfect delta). */
    static double massNearCentre(float[] k, int ks) {
        int c = ks / 2;
        double m = 0;
        for (int y = Math.max(0, c - 1); y <= Math.min(ks - 1, c + 1); y++) {
            for (int x = Math.max(0, c - 1); x <= Math.min(ks - 1, c + 1); x++) m += k[y * ks + x];
        }
        return m;
    }

    /** Kernel mass at Chebyshev distance {@code r} or more from the centre. */
    static double massBeyond(float[] k, int ks, int r) {
        int c = ks / 2;
        double m = 0;
        for (int y = 0; y < ks; y++) {
            for (int x = 0; x < ks; x++) if (Math.max(Math.abs(x - c), Math.abs(y - c)) >= r) m += k[y * ks + x];
        }
        return m;
    }

    static int nearestOdd(double v) { return 2 * (int) Math.round((v - 1) / 2) + 1; }

    /** Clipped pixels at the level's resolution, grown by {@code grow} pixels (their blur spreads that far). */
    private static boolean[] levelMask(boolean[] clipped, int w, int h, int lw, int lh, int grow) {
        float[] c = new float[w * h];
        boolean any = false;
        for (int i = 0; i < c.length; i++) {
            if (clipped[i]) {
                c[i] = 1;
                any = true;
            }
        }
        boolean[] mask = new boolean[lw * lh];
        if (!any) return mask;
        float[] small = Resample.resize(c, w, h, lw, lh);
        for (int i = 0; i < small.length; i++) mask[i] = small[i] > 0.01f;
        return dilate(mask, lw, lh, grow);
    }

    /** Square dilation by r pixels, separable (rows then columns). */
    static boolean[] dilate(boolean[] m, int w, int h, int r) {
        boolean[] tmp = new boolean[m.length], out = new boolean[m.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int d = -r; d <= r; d++) {
                    int q = x + d;
                    if (q >= 0 && q < w && m[y * w + q]) {
                        tmp[y * w + x] = true;
                        break;
                    }
                }
            }
        }
        for (int x = 0; x < w; x++) {
            for (int y = 0; y < h; y++) {
                for (int d = -r; d <= r; d++) {
                    int q = y + d;
                    if (q >= 0 && q < h && tmp[q * w + x]) {
                        out[y * w + x] = true;
                        break;
                    }
                }
            }
        }
        return out;
    }

    /** Buffers and spectra for one pyramid level (on its {@link LevelCanvas} window), reused across its iterations. */
    private static final class LevelSolver {
        final int ks, n, W, H;
        final RealFft2d fft;
        /** Where gradients take part in the kernel step: inside the picture (the FFT border is left out, as in Pan et al.). */
        final boolean[] valid;
        /** Clipped highlights (grown), in padded coordinates. */
        final boolean[] clipped;
        final boolean anyClipped;
        final float[] yPad, dyX, dyY;
        final float[] x, z, data, gx, gy, div, plane;
        final float[] gradientPower, kernelPower;
        final float[] yS, kS, xS, work, num, fxX, fxY, fyX, fyY;
        /** Transfer function of the Gaussian prefilter, or null without one. */
        final float[] gauss;
        /** Whether the kernel step takes the coarse levels' firm Tikhonov weight ({@link #COARSE_GAMMA_RELATIVE}) rather than {@link #GAMMA_RELATIVE}. */
        final boolean firm;

        LevelSolver(float[] level, int lw, int lh, boolean[] levelMask, int ks, double prefilter, boolean firm) {
            this.ks = ks;
            this.firm = firm;
            int gap = ks + 8;
            LevelCanvas canvas = LevelCanvas.choose(level, lw, lh, levelMask, gap, LEVEL_WINDOW_PIXELS);
            int w = canvas.width(), h = canvas.height();
            float[] y = KernelOps.crop(level, lw, canvas.x(), canvas.y(), w, h);
            fft = new RealFft2d(canvas.fftWidth(), canvas.fftHeight());
            W = fft.width;
            H = fft.height;
            n = W * H;
            int ox = (W - w) / 2, oy = (H - h) / 2;
            yPad = new float[n];
            BorderPadding.smoothPeriodic(y, w, h, yPad, W, H, ox, oy);
            yS = fft.newSpectrum();
            gauss = prefilter > 0 ? Spectra.gaussian(fft, prefilter) : null;
            if (gauss != null) {
                fft.forward(yPad, yS);
                Spectra.scale(yS, gauss);
                fft.inverse(yS, yPad);
            }
            int border = reach(prefilter); // gradients that far from the edge mix in the padding
            valid = new boolean[n];
            clipped = new boolean[n];
            boolean any = false;
            for (int py = 0; py < h; py++) {
                for (int px = 0; px < w; px++) {
                    int p = (py + oy) * W + px + ox;
                    clipped[p] = levelMask[(py + canvas.y()) * lw + px + canvas.x()];
                    any |= clipped[p];
                    valid[p] = px >= border && py >= border && px < w - 1 - border && py < h - 1 - border;
                }
            }
            anyClipped = any;
            dyX = new float[n];
            dyY = new float[n];
            Gradients.forward(yPad, W, H, dyX, dyY);
            for (int i = 0; i < n; i++) {
                if (!valid[i]) {
                    dyX[i] = 0;
                    dyY[i] = 0;
                }
            }
            x = new float[n]; z = yPad.clone(); data = yPad.clone();
            gx = new float[n]; gy = new float[n]; div = new float[n]; plane = new float[n];
            gradientPower = Spectra.gradientPower(fft);
            kernelPower = new float[gradientPower.length];
            kS = fft.newSpectrum(); xS = fft.newSpectrum(); work = fft.newSpectrum();
            num = fft.newSpectrum(); fxX = fft.newSpectrum(); fxY = fft.newSpectrum();
            fyX = fft.newSpectrum(); fyY = fft.newSpectrum();
            fft.forward(dyX, fyX);
            fft.forward(dyY, fyY);
            if (!anyClipped) fft.forward(yPad, yS); // the data never changes without clipped pixels to impute
        }

        /** One latent step and one kernel step; returns the new ks x ks kernel. */
        float[] iterate(float[] k, double lambda, CancellationToken cancel) throws CancelledException {
            if (anyClipped) {
                for (int i = 0; i < n; i++) data[i] = clipped[i] ? z[i] : yPad[i];
                fft.forward(data, yS);
            }
            Spectra.ofKernel(fft, k, ks, plane, kS);
            if (gauss != null) Spectra.scale(kS, gauss); // the data was prefiltered: it is blurred by k then the Gaussian
            latent(lambda, cancel);
            if (anyClipped) {
                // the prediction k * x stands in for clipped data, in the kernel step now and the next latent step
                // (EM-style imputation: zeroing them instead biases the kernel near every highlight's rim)
                Spectra.multiply(xS, kS, work);
                fft.inverse(work, z);
                Gradients.forward(z, W, H, gx, gy);
                for (int i = 0; i < n; i++) {
                    boolean fromData = valid[i] && !clipped[i];
                    gx[i] = fromData ? dyX[i] : valid[i] ? gx[i] : 0;
                    gy[i] = fromData ? dyY[i] : valid[i] ? gy[i] : 0;
                }
                fft.forward(gx, fyX);
                fft.forward(gy, fyY);
            }
            float[] regressor = x;
            if (gauss != null) {
                // the kernel maps the Gaussian-blurred latent image to the prefiltered data
                System.arraycopy(xS, 0, work, 0, xS.length);
                Spectra.scale(work, gauss);
                fft.inverse(work, plane);
                regressor = plane;
            }
            Gradients.forward(regressor, W, H, gx, gy);
            for (int i = 0; i < n; i++) {
                if (!valid[i]) {
                    gx[i] = 0;
                    gy[i] = 0;
                }
            }
            fft.forward(gx, fxX);
            fft.forward(gy, fxY);
            return kernelStep(k, firm ? COARSE_GAMMA_RELATIVE * gradientIsotropy() : GAMMA_RELATIVE);
        }

        /** {@link KernelEstimator#isotropy} of the regressor's gradients gx, gy (zero outside the valid pixels). */
        private double gradientIsotropy() {
            double sxx = 0, syy = 0, sxy = 0;
            for (int i = 0; i < n; i++) {
                sxx += gx[i] * (double) gx[i];
                syy += gy[i] * (double) gy[i];
                sxy += gx[i] * (double) gy[i];
            }
            return isotropy(sxx, syy, sxy);
        }

        /** Pan et al. 2014 L0 restoration: g = grad x where |grad x|^2 >= lambda/beta, beta growing by KAPPA from 2 lambda to BETA_MAX. */
        private void latent(double lambda, CancellationToken cancel) throws CancelledException {
            Spectra.multiplyConjugate(kS, yS, num);
            Spectra.magnitudeSquared(kS, kernelPower);
            System.arraycopy(data, 0, x, 0, n);
            for (double beta = 2 * lambda; beta < BETA_MAX; beta *= KAPPA) {
                cancel.throwIfCancelled();
                float t = (float) (lambda / beta);
                // the per-pixel passes split over the cores like the FFTs between them: on one core they took a third of the estimate
                fft.bands.run(H, (from, to) -> thresholdedGradients(t, from, to));
                fft.bands.run(H, (from, to) -> Gradients.adjoint(gx, gy, W, H, div, from, to));
                fft.forward(div, work);
                double b = beta;
                fft.bands.run(kernelPower.length, (from, to) -> Deconvolution.solveQuadratic(work, num, kernelPower, gradientPower, 1, b, from, to));
                if (b * KAPPA >= BETA_MAX) System.arraycopy(work, 0, xS, 0, work.length); // the last step's spectrum, for the kernel step
                fft.inverse(work, x);
            }
        }

        /** The gradients of x on rows from..to-1, zeroed where their squared magnitude is under t (the L0 step). */
        private void thresholdedGradients(float t, int from, int to) {
            Gradients.forward(x, W, H, gx, gy, from, to);
            for (int i = from * W, end = to * W; i < end; i++) {
                if (gx[i] * gx[i] + gy[i] * gy[i] < t) {
                    gx[i] = 0;
                    gy[i] = 0;
                }
            }
        }

        /**
         * Gradient-domain least squares for the kernel on its support, with this Tikhonov weight relative to the gradient
         * energy, then the projections of the class comment.
         */
        private float[] kernelStep(float[] previous, double gammaRelative) {
            int m = gradientPower.length;
            for (int i = 0; i < m; i++) {
                int re = 2 * i, im = re + 1;
                // autocorrelation sum_d |F(mask d_d x)|^2 and cross-correlation sum_d conj(F(mask d_d x)) F(mask d_d y)
                work[re] = fxX[re] * fxX[re] + fxX[im] * fxX[im] + fxY[re] * fxY[re] + fxY[im] * fxY[im];
                work[im] = 0;
                num[re] = fxX[re] * fyX[re] + fxX[im] * fyX[im] + fxY[re] * fyY[re] + fxY[im] * fyY[im];
                num[im] = fxX[re] * fyX[im] - fxX[im] * fyX[re] + fxY[re] * fyY[im] - fxY[im] * fyY[re];
            }
            fft.inverse(work, plane);
            fft.inverse(num, div);
            float[] k = previous.clone();
            SupportLeastSquares sls = new SupportLeastSquares(plane, div, W, H, ks, gammaRelative);
            sls.solve(k, CG_ITERATIONS);
            for (int pass = 0; pass < L1_PASSES; pass++) sls.solveReweighted(k, L1_RELATIVE, CG_ITERATIONS);
            KernelOps.clampAndThreshold(k, THRESHOLD_FRACTION);
            k = KernelOps.recentre(k, ks);
            KernelOps.normalise(k, ks);
            return k;
        }
    }
}
