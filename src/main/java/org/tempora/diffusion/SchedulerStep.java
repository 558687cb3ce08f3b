package org.tempora.diffusion;

/**
 * What one scheduler step returns.
 *
 * @param prevSample         the latent at the next (less noisy) timestep, to feed the model next
 * @param predictedOriginal  the model's current estimate of the clean latent x0, for previews
 */
public record SchedulerStep(float[] prevSample, float[] predictedOriginal) {
}
