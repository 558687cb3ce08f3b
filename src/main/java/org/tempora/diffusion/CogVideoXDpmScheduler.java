package org.tempora.diffusion;

import java.util.Arrays;
import java.util.Locale;

/**
 * The CogVideoX DPM scheduler as diffusers defines it (CogVideoXDPMScheduler): an SNR-shifted, zero-terminal-SNR
 * noise table and a stochastic DPM-Solver++(2M) update (Lu et al. 2022, "DPM-Solver++", SDE variant) that draws
 * fresh Gaussian noise every step and is first order on the first and last steps.
 *
 * <p>Use: {@link #setTimesteps(int)}, then for i = 0, 1, ... run the model at {@code timesteps()[i]} and call
 * {@link #step} with index i; the previous step's x0 estimate is kept here between calls, as the diffusers
 * pipeline keeps {@code old_pred_original_sample}. All arithmetic is in double; samples are float32.
 */
public final class CogVideoXDpmScheduler {
    private final SchedulerConfig config;
    private final double[] alphasCumprod;
    private final double finalAlphaCumprod;

    private int[] timesteps;
    private int nextIndex;
    private double[] previousOriginal;

    public CogVideoXDpmScheduler(SchedulerConfig config) {
        this.config = config;
        this.alphasCumprod = computeAlphasCumprod(config);
        // set_alpha_to_one: the "previous" alpha product after the last step is 1 (a clean sample).
        this.finalAlphaCumprod = config.setAlphaToOne() ? 1.0 : alphasCumprod[0];
    }

    public SchedulerConfig config() {
        return config;
    }

    /** A copy of the cumulative alpha table, index = training timestep. */
    public double[] alphasCumprod() {
        return alphasCumprod.clone();
    }

    /** The alpha product used after the last timestep (1 with set_alpha_to_one, else alphas_cumprod[0]). */
    public double finalAlphaCumprod() {
        return finalAlphaCumprod;
    }

    /** Signal scale sqrt(alphas_cumprod[t]) of the forward process x_t = alpha_t x0 + sigma_t eps. */
    public double alphaT(int t) {
        return Math.sqrt(alphasCumprod[checkTimestep(t)]);
    }

    /** Noise scale sqrt(1 - alphas_cumprod[t]) of the forward process x_t = alpha_t x0 + sigma_t eps. */
    public double sigmaT(int t) {
        return Math.sqrt(1.0 - alphasCumprod[checkTimestep(t)]);
    }

    /**
     * The inference timesteps for {@code steps} steps, highest first, as diffusers' set_timesteps computes them
     * (trailing: round(arange(N, 0, -N/steps)) - 1, with numpy's float arange arithmetic and half-to-even rounding).
     */
    public int[] timesteps(int steps) {
        int n = config.numTrainTimesteps();
        if (steps < 1 || steps > n) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "the number of steps must be between 1 and %d (num_train_timesteps), got %d", n, steps));
        }
        int[] out = new int[steps];
        switch (config.timestepSpacing()) {
            case "trailing" -> {
                // numpy's arange fills start + i * (second - first), which can differ from i * ratio in the last bit.
                double ratio = n / (double) steps;
                double first = n;
                double delta = (first - ratio) - first;
                for (int i = 0; i < steps; i++) {
                    double value = i == 0 ? first : i == 1 ? first - ratio : first + i * delta;
                    out[i] = (int) Math.rint(value) - 1;
                }
            }
            case "leading" -> {
                int ratio = n / steps;
                for (int i = 0; i < steps; i++) {
                    out[i] = (steps - 1 - i) * ratio;
                }
            }
            case "linspace" -> {
                double step = steps > 1 ? (n - 1) / (double) (steps - 1) : 0.0;
                for (int i = 0; i < steps; i++) {
                    double value = (i == steps - 1 && steps > 1) ? n - 1 : i * step;
                    out[steps - 1 - i] = (int) Math.rint(value);
                }
            }
            default -> throw new IllegalStateException("unchecked timestep_spacing " + config.timestepSpacing());
        }
        return out;
    }

    /** Prepares a new run of {@code steps} steps and forgets any previous run's x0 estimate. */
    public void setTimesteps(int steps) {
        this.timesteps = timesteps(steps);
        this.nextIndex = 0;
        this.previousOriginal = null;
    }

    /** The timesteps of the current run (set by {@link #setTimesteps}). */
    public int[] timesteps() {
        requireTimesteps();
        return timesteps.clone();
    }

    /**
     * One stochastic DPM-Solver++(2M) step from {@code timesteps()[stepIndex]} to the next noise level.
     *
     * @param modelOutput the model's prediction at this timestep (v or epsilon, per the config)
     * @param stepIndex   index into {@link #timesteps()}; calls must come in order 0, 1, 2, ...
     * @param sample      the current noisy latent x_t (not modified)
     * @param noise       source of the fresh Gaussian noise; exactly one draw per latent value per step
     * @return the latent at the next timestep and this step's x0 estimate
     */
    public SchedulerStep step(float[] modelOutput, int stepIndex, float[] sample, NoiseSource noise) {
        requireTimesteps();
        if (stepIndex != nextIndex) {
            throw new IllegalStateException(String.format(Locale.ROOT,
                    "scheduler steps must run in order: expected step %d of %d, got %d (call setTimesteps to restart)",
                    nextIndex, timesteps.length, stepIndex));
        }
        if (modelOutput.length != sample.length) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "model output has %d values but the sample has %d", modelOutput.length, sample.length));
        }
        int t = timesteps[stepIndex];
        // diffusers steps to t - N / steps, not to the next listed timestep (they agree when steps divides N).
        int prevT = t - config.numTrainTimesteps() / timesteps.length;
        double aT = alphasCumprod[t];
        double aPrev = prevT >= 0 ? alphasCumprod[prevT] : finalAlphaCumprod;
        boolean secondOrder = previousOriginal != null && prevT >= 0;

        double lambda = halfLogSnr(aT);
        double h = halfLogSnr(aPrev) - lambda;
        // DPM-Solver++ SDE coefficients: x' = (s'/s) e^-h x + a'(1 - e^-2h) D + s' sqrt(1 - e^-2h) z.
        double sampleMult = Math.sqrt((1 - aPrev) / (1 - aT)) * Math.exp(-h);
        double originalMult = -Math.expm1(-2 * h) * Math.sqrt(aPrev);
        double noiseMult = Math.sqrt(1 - aPrev) * Math.sqrt(-Math.expm1(-2 * h));
        double currentWeight = 1.0;
        double previousWeight = 0.0;
        if (secondOrder) {
            // 2M multistep: D = (1 + 1/2r) x0_i - (1/2r) x0_{i-1}, r = h_{i-1} / h_i.
            double r = (lambda - halfLogSnr(alphasCumprod[timesteps[stepIndex - 1]])) / h;
            previousWeight = 1 / (2 * r);
            currentWeight = 1 + previousWeight;
        }

        double sqrtAT = Math.sqrt(aT);
        double sqrtOneMinusAT = Math.sqrt(1 - aT);
        boolean vPrediction = config.predictionType().equals("v_prediction");
        float[] prev = new float[sample.length];
        float[] original = new float[sample.length];
        double[] originalExact = new double[sample.length];
        for (int i = 0; i < sample.length; i++) {
            double x = sample[i];
            double out = modelOutput[i];
            double x0 = vPrediction ? sqrtAT * x - sqrtOneMinusAT * out : (x - sqrtOneMinusAT * out) / sqrtAT;
            double d = secondOrder ? currentWeight * x0 - previousWeight * previousOriginal[i] : x0;
            // Terms are skipped when their multiplier is 0 so an infinite-h step never forms 0 * inf.
            double next = originalMult * d + noiseMult * noise.nextGaussian();
            if (sampleMult != 0) {
                next += sampleMult * x;
            }
            prev[i] = (float) next;
            original[i] = (float) x0;
            originalExact[i] = x0;
        }
        previousOriginal = originalExact;
        nextIndex++;
        return new SchedulerStep(prev, original);
    }

    /** lambda = log(alpha / sigma) = 0.5 log(a / (1 - a)); -inf at zero SNR, +inf for a clean sample. */
    private static double halfLogSnr(double alphaCumprod) {
        return 0.5 * Math.log(alphaCumprod / (1 - alphaCumprod));
    }

    /** betas, cumulative product of (1 - beta), SNR shift, then zero-terminal-SNR rescale: the diffusers order. */
    static double[] computeAlphasCumprod(SchedulerConfig config) {
        int n = config.numTrainTimesteps();
        double[] betas = switch (config.betaSchedule()) {
            case "scaled_linear" -> {
                double[] roots = torchLinspace(Math.sqrt(config.betaStart()), Math.sqrt(config.betaEnd()), n);
                for (int i = 0; i < n; i++) {
                    roots[i] *= roots[i];
                }
                yield roots;
            }
            case "linear" -> torchLinspace(config.betaStart(), config.betaEnd(), n);
            default -> throw new IllegalStateException("unchecked beta_schedule " + config.betaSchedule());
        };
        double[] ac = new double[n];
        double product = 1.0;
        for (int i = 0; i < n; i++) {
            product *= 1.0 - betas[i];
            ac[i] = product;
        }
        // SNR shift as in SD3: SNR is divided by the scale, a / (s + (1 - s) a).
        double s = config.snrShiftScale();
        for (int i = 0; i < n; i++) {
            ac[i] = ac[i] / (s + (1 - s) * ac[i]);
        }
        if (config.rescaleBetasZeroSnr()) {
            rescaleZeroTerminalSnr(ac);
        }
        return ac;
    }

    /** Lin et al. 2023, Algorithm 1 on sqrt(alphas_cumprod): shift the last to 0, rescale the first back. */
    private static void rescaleZeroTerminalSnr(double[] ac) {
        int n = ac.length;
        double[] root = new double[n];
        for (int i = 0; i < n; i++) {
            root[i] = Math.sqrt(ac[i]);
        }
        double first = root[0];
        double last = root[n - 1];
        double scale = first / (first - last);
        for (int i = 0; i < n; i++) {
            double shifted = (root[i] - last) * scale;
            ac[i] = shifted * shifted;
        }
    }

    /** torch.linspace's CPU arithmetic: the first half counts up from start, the second half down from end. */
    private static double[] torchLinspace(double start, double end, int n) {
        double step = (end - start) / (n - 1);
        double[] out = new double[n];
        int halfway = n / 2;
        for (int i = 0; i < n; i++) {
            out[i] = i < halfway ? start + step * i : end - step * (n - 1 - i);
        }
        return out;
    }

    private int checkTimestep(int t) {
        if (t < 0 || t >= alphasCumprod.length) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "timestep %d is outside 0..%d", t, alphasCumprod.length - 1));
        }
        return t;
    }

    private void requireTimesteps() {
        if (timesteps == null) {
            throw new IllegalStateException("call setTimesteps(steps) before stepping the scheduler");
        }
    }

    @Override
    public String toString() {
        return "CogVideoXDpmScheduler" + config + (timesteps == null ? "" : " steps " + Arrays.toString(timesteps));
    }
}
