package org.tempora.diffusion;

import java.util.Locale;
import java.util.Set;

/**
 * The noise-schedule settings of a CogVideoX DPM scheduler, named as in a diffusers scheduler_config.json
 * (and the bundle.json "scheduler" block).
 *
 * @param numTrainTimesteps    number of training timesteps (1000 for CogVideoX)
 * @param betaStart            first beta of the schedule
 * @param betaEnd              last beta of the schedule
 * @param betaSchedule         "scaled_linear" (linear in sqrt(beta)) or "linear"
 * @param rescaleBetasZeroSnr  rescale so the last timestep has zero signal (Lin et al. 2023, Algorithm 1)
 * @param snrShiftScale        SD3-style SNR shift: alphas_cumprod / (s + (1 - s) alphas_cumprod)
 * @param timestepSpacing      "trailing", "leading" or "linspace" (Lin et al. 2023, Table 2)
 * @param setAlphaToOne        whether the alpha product after the last step is 1 (else alphas_cumprod[0])
 * @param predictionType       "v_prediction" or "epsilon": what the model outputs
 */
public record SchedulerConfig(int numTrainTimesteps, double betaStart, double betaEnd, String betaSchedule,
                              boolean rescaleBetasZeroSnr, double snrShiftScale, String timestepSpacing,
                              boolean setAlphaToOne, String predictionType) {

    public static final Set<String> BETA_SCHEDULES = Set.of("scaled_linear", "linear");
    public static final Set<String> TIMESTEP_SPACINGS = Set.of("trailing", "leading", "linspace");
    public static final Set<String> PREDICTION_TYPES = Set.of("v_prediction", "epsilon");

    public SchedulerConfig {
        if (numTrainTimesteps < 2) {
            throw new IllegalArgumentException("num_train_timesteps must be at least 2, got " + numTrainTimesteps);
        }
        checkBeta("beta_start", betaStart);
        checkBeta("beta_end", betaEnd);
        checkChoice("beta_schedule", betaSchedule, BETA_SCHEDULES);
        checkChoice("timestep_spacing", timestepSpacing, TIMESTEP_SPACINGS);
        checkChoice("prediction_type", predictionType, PREDICTION_TYPES);
        if (!Double.isFinite(snrShiftScale) || snrShiftScale <= 0) {
            throw new IllegalArgumentException("snr_shift_scale must be a positive number, got " + snrShiftScale);
        }
        // With zero terminal SNR an epsilon model cannot say anything about x0 at the last timestep (division by 0).
        if (rescaleBetasZeroSnr && predictionType.equals("epsilon")) {
            throw new IllegalArgumentException(
                    "prediction_type \"epsilon\" cannot be used with rescale_betas_zero_snr: use \"v_prediction\"");
        }
    }

    /** The scheduler configuration that CogVideoX-2b (and blur2vid, fine-tuned from it) ships with. */
    public static SchedulerConfig cogVideoX2b() {
        return new SchedulerConfig(1000, 0.00085, 0.012, "scaled_linear", true, 3.0, "trailing", true,
                "v_prediction");
    }

    private static void checkBeta(String name, double value) {
        if (!Double.isFinite(value) || value <= 0 || value >= 1) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s must lie strictly between 0 and 1, got %s", name, value));
        }
    }

    private static void checkChoice(String name, String value, Set<String> allowed) {
        if (value == null || !allowed.contains(value)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s \"%s\" is not supported: use one of %s", name, value, allowed.stream().sorted().toList()));
        }
    }
}
