package org.tempora.diffusion;

/** A stream of standard normal numbers that a stochastic sampler draws from, one per latent value. */
@FunctionalInterface
public interface NoiseSource {
    /** The next N(0, 1) draw. */
    double nextGaussian();
}
