package org.tempora.classical;

import org.tempora.engine.CancellationToken;
import org.tempora.engine.CancelledException;

/** Non-blind deconvolution of one plane by a known kernel (true convolution, centred at (ks/2, ks/2)). */
public final class Deconvolution {
    private Deconvolution() {}

    /** Krishnan & Fergus' alpha = 2/3 balances sharp edges against noise on natural pictures. */
    public static final double DEFAULT_ALPHA = 2.0 / 3.0;
    /** Data weight for noise around 0.5-1 % of full scale (the paper uses 2000-3000 for [0, 1] pictures). */
    public static final double DEFAULT_LAMBDA = 2000;

    /**
     * The data weight falls as 1/noise^2 (the MAP weight of Gaussian noise) once the noise is above about 1.2%:
     * {@link #weightFor} is {@link #DEFAULT_LAMBDA} up to there, NOISE_WEIGHT / noise^2 beyond. Given the true kernel,
     * on camera, astronaut, coffee and moon crops with 7 and 17 px shake, this lowered the restoration's SSD 3.3 times
     * under white noise of 0.02, 2.2 times under {@code grain:0.02} and 12 times under {@code grain:0.04}, and left noise
     * of 0.003-0.006 and JPEG quality 75 alike; 0.25 cost 6% at noise 0.01, 0.4 gained half as much under grain.
     */
    static final double NOISE_WEIGHT = 0.3;
    /** Lowest data weight: below it the prior alone would flatten the picture. */
    static final double MIN_LAMBDA = 50;

    private static final double BETA_START = 1, BETA_RATE = 2 * Math.sqrt(2), BETA_MAX = 256;

    /**
     * Krishnan & Fergus 2009, "Fast image deconvolution using hyper-Laplacian priors": minimises
     * lambda/2 |k * x - b|^2 + sum |Dx x|^alpha + |Dy x|^alpha by half-quadratic splitting (eq. 3), alternating
     * the closed-form FFT x-step (eq. 4) with the tabulated w-step (eq. 5) while beta grows from 1 to 256
     * by 2 sqrt 2 (their schedule). Six iterations, two FFTs each.
     */
    public static float[] hyperLaplacian(float[] blurred, int w, int h, float[] k, int ks, double lambda, double alpha,
                                         CancellationToken cancel) throws CancelledException {
        if (!(lambda > 0)) throw new IllegalArgumentException("lambda must be positive, got " + lambda);
        DeconvolutionProblem p = new DeconvolutionProblem(blurred, w, h, k, ks);
        RealFft2d fft = p.fft;
        int W = fft.width, H = fft.height, n = p.paddedLength();
        float[] dataTerm = fft.newSpectrum();
        Spectra.multiplyConjugate(p.kernel, p.blurred, dataTerm);
        float[] x = new float[n];
        float[] spec = p.blurred.clone();
        fft.inverse(spec, x);
        float[] gx = new float[n], gy = new float[n], div = new float[n];
        for (double beta = BETA_START; beta < BETA_MAX; beta *= BETA_RATE) {
            cancel.throwIfCancelled();
            HyperLaplacianShrinkage shrink = new HyperLaplacianShrinkage(alpha, beta);
            fft.bands.run(H, (from, to) -> {
                Gradients.forward(x, W, H, gx, gy, from, to);
                shrink.applyInPlace(gx, from * W, to * W);
                shrink.applyInPlace(gy, from * W, to * W);
            });
            fft.bands.run(H, (from, to) -> Gradients.adjoint(gx, gy, W, H, div, from, to));
            fft.forward(div, spec);
            double b = beta;
            fft.bands.run(p.kernelPower.length, (from, to) -> solveQuadratic(spec, dataTerm, p.kernelPower, p.gradientPower, lambda, b, from, to));
            fft.inverse(spec, x);
        }
        return p.crop(x);
    }

    /** The data weight for a picture whose noise ({@link NoiseLevel#clumped}) is {@code noise}: see {@link #NOISE_WEIGHT}. */
    static double weightFor(double noise) {
        if (!(noise > 0)) return DEFAULT_LAMBDA;
        return Math.max(MIN_LAMBDA, Math.min(DEFAULT_LAMBDA, NOISE_WEIGHT / (noise * noise)));
    }

    /**
     * Below this share of frequencies all but stopped by the kernel ({@link NoiseLevel#stopbandShare}: 0.03-0.16 for 3 px
     * blurs, 0.09-0.14 at 5 px, 0.4-0.5 at 17 px) the deconvolution keeps its fixed weight: it has little to sharpen, and
     * the fine texture of a sharp photo reads as noise (sharp coffee.png 2.5%, chelsea.png 1.9%).
     */
    static final double MIN_STOPBAND_SHARE = 0.1;

    /** {@link #weightFor(double)} of a plane's own noise ({@link NoiseLevel#clumped}) for a deconvolution by {@code k} (ks x ks). */
    static double weightFor(float[] plane, int w, int h, float[] k, int ks) {
        return sharpensNoise(sharpenedShare(k, ks)) ? weightFor(NoiseLevel.clumped(plane, w, h)) : DEFAULT_LAMBDA;
    }

    /**
     * {@link NoiseLevel#stopbandShare} of the kernel a photo is deconvolved with, 0 for a near-point one
     * ({@link KernelEstimator#isNearPoint}): a sharp photo's faint estimated spread has nothing to sharpen, and its fine
     * texture would read as grain.
     */
    static double sharpenedShare(float[] k, int ks) {
        return KernelEstimator.isNearPoint(k, ks) ? 0 : NoiseLevel.stopbandShare(k, ks);
    }

    /** Whether a kernel stopping this share of the frequencies sharpens enough noise for the weight to follow it ({@link #MIN_STOPBAND_SHARE}). */
    static boolean sharpensNoise(double stopbandShare) { return stopbandShare >= MIN_STOPBAND_SHARE; }

    /** {@link #hyperLaplacian} with the default lambda and alpha. */
    public static float[] hyperLaplacian(float[] blurred, int w, int h, float[] k, int ks, CancellationToken cancel)
            throws CancelledException {
        return hyperLaplacian(blurred, w, h, k, ks, DEFAULT_LAMBDA, DEFAULT_ALPHA, cancel);
    }

    /**
     * Regularised inverse filter: x = F^-1[ conj(K) B / (|K|^2 + epsilon (|Dx|^2 + |Dy|^2)) ], the closed-form
     * minimiser of |k * x - b|^2 + epsilon |grad x|^2 (Tikhonov with a gradient penalty). Two FFTs; a fast preview.
     */
    public static float[] tikhonov(float[] blurred, int w, int h, float[] k, int ks, double epsilon) {
        if (!(epsilon > 0)) throw new IllegalArgumentException("epsilon must be positive, got " + epsilon);
        DeconvolutionProblem p = new DeconvolutionProblem(blurred, w, h, k, ks);
        float[] spec = p.fft.newSpectrum();
        Spectra.multiplyConjugate(p.kernel, p.blurred, spec);
        for (int i = 0, n = p.kernelPower.length; i < n; i++) {
            float d = (float) (p.kernelPower[i] + epsilon * p.gradientPower[i]);
            spec[2 * i] /= d;
            spec[2 * i + 1] /= d;
        }
        float[] x = new float[p.paddedLength()];
        p.fft.inverse(spec, x);
        return p.crop(x);
    }

    /**
     * Krishnan & Fergus eq. 4 in the frequency domain: X = (lambda conj(K) B + beta F(D^T w)) / (lambda |K|^2 + beta |D|^2).
     * {@code spec} holds F(D^T w) on entry and X on return.
     */
    static void solveQuadratic(float[] spec, float[] dataTerm, float[] kernelPower, float[] gradientPower, double lambda, double beta) {
        solveQuadratic(spec, dataTerm, kernelPower, gradientPower, lambda, beta, 0, kernelPower.length);
    }

    /** {@link #solveQuadratic} of the frequencies from (inclusive) to (exclusive) only. */
    static void solveQuadratic(float[] spec, float[] dataTerm, float[] kernelPower, float[] gradientPower, double lambda, double beta,
                               int from, int to) {
        float l = (float) lambda, b = (float) beta;
        for (int i = from; i < to; i++) {
            float d = l * kernelPower[i] + b * gradientPower[i];
            if (d == 0f) d = Float.MIN_NORMAL; // DC with a kernel of zero mass; cannot happen for kernels summing to 1
            spec[2 * i] = (l * dataTerm[2 * i] + b * spec[2 * i]) / d;
            spec[2 * i + 1] = (l * dataTerm[2 * i + 1] + b * spec[2 * i + 1]) / d;
        }
    }
}
