package org.tempora.diffusion;

import java.util.SplittableRandom;

/**
 * Standard normal noise from a {@link SplittableRandom}: the same seed gives the same stream on every
 * machine and Java version (SplittableRandom's algorithm and Java 17's ziggurat Gaussian are specified).
 */
public final class SeededGaussianNoise implements NoiseSource {
    private final SplittableRandom random;

    public SeededGaussianNoise(long seed) {
        this.random = new SplittableRandom(seed);
    }

    @Override
    public double nextGaussian() {
        return random.nextGaussian();
    }

    /** Fills a new array of {@code n} draws, e.g. the initial latent noise. */
    public float[] nextGaussians(int n) {
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = (float) random.nextGaussian();
        }
        return out;
    }
}
