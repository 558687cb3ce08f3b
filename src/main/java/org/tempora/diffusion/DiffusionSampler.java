package org.tempora.diffusion;

import org.tempora.engine.CancellationToken;
import org.tempora.engine.CancelledException;

/**
 * The blur2vid sampling loop over latents [1, F, C, h, w] whose frame 0 is the photo's latent: before every step frame
 * 0 is overwritten with the clean photo latent, the model predicts v for all frames (twice with guidance, the
 * unconditional branch seeing frame 0 zeroed), and the scheduler steps all frames (model notes, "Sampling").
 */
public final class DiffusionSampler {
    /** The transformer: v-prediction for {@code batch} stacked latents at one timestep. */
    @FunctionalInterface
    public interface VelocityModel {
        float[] predict(float[] hiddenStates, int batch, int timestep) throws Exception;
    }

    /** Called after each step with the scheduler's estimate of the clean latents (all frames). */
    @FunctionalInterface
    public interface StepListener {
        void stepDone(int done, int total, float[] predictedOriginal) throws CancelledException;
    }

    private final CogVideoXDpmScheduler scheduler;
    private final double guidance;

    /** @param guidance classifier-free guidance scale; 1 runs one unguided batch */
    public DiffusionSampler(CogVideoXDpmScheduler scheduler, double guidance) {
        if (!(guidance >= 1)) throw new IllegalArgumentException("guidance must be at least 1, got " + guidance);
        this.scheduler = scheduler;
        this.guidance = guidance;
    }

    /**
     * Runs {@code steps} steps from pure noise.
     *
     * @param condition the photo's scaled latent, one frame of C*h*w values
     * @param frames    latent frames including the condition frame
     * @return the final latents of all {@code frames} frames (frame 0 is the condition; callers drop it)
     */
    public float[] sample(float[] condition, int frames, int steps, SeededGaussianNoise noise, VelocityModel model,
                          StepListener listener, CancellationToken cancel) throws Exception {
        int frameSize = condition.length;
        scheduler.setTimesteps(steps);
        int[] timesteps = scheduler.timesteps();
        float[] latents = noise.nextGaussians(frames * frameSize); // init_noise_sigma is 1 for this scheduler
        for (int i = 0; i < timesteps.length; i++) {
            cancel.throwIfCancelled();
            System.arraycopy(condition, 0, latents, 0, frameSize);
            float[] v = velocity(latents, frameSize, timesteps[i], model);
            cancel.throwIfCancelled();
            SchedulerStep step = scheduler.step(v, i, latents, noise);
            latents = step.prevSample();
            listener.stepDone(i + 1, timesteps.length, step.predictedOriginal());
        }
        return latents;
    }

    private float[] velocity(float[] latents, int frameSize, int timestep, VelocityModel model) throws Exception {
        if (guidance == 1) return model.predict(latents, 1, timestep);
        int n = latents.length;
        float[] batch = new float[2 * n];
        System.arraycopy(latents, 0, batch, n, n); // [unconditional, conditional], as diffusers stacks them
        System.arraycopy(latents, frameSize, batch, frameSize, n - frameSize); // unconditional: frame 0 stays zero
        float[] both = model.predict(batch, 2, timestep);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            float uncond = both[i], cond = both[n + i];
            v[i] = (float) (uncond + guidance * (cond - uncond));
        }
        return v;
    }
}
