package org.tempora.engine;

import java.util.Optional;

/**
 * Knobs shared by engines; each engine ignores what does not apply to it.
 *
 * @param reverseTime play the estimated camera path backwards (the direction of time is ambiguous in a blur)
 * @param kernelSize blur kernel size in working-resolution pixels, odd; 0 = choose automatically
 * @param maxWorkingPixels the engine may estimate at a reduced resolution above this pixel count
 * @param steps sampling steps of a diffusion engine; 0 = the model's default
 * @param guidance classifier-free guidance scale of a diffusion engine; 0 = the model's default, 1 = no guidance
 * @param kernel a known blur kernel (its {@link BlurKernel#scale() scale} relative to the photo): an engine that
 *               estimates one uses this instead; empty = estimate
 * @param region the part of the photo, in photo pixels, to estimate the blur from; empty = the engine chooses
 * @param maxDetailPixels an engine that estimates at a reduced resolution deconvolves and renders the frames at up to
 *                        this many pixels (the photo's own size when it is smaller); 0 = no finer pass (the
 *                        classical engine runs one only at more than 1.2 times the working size across, and says
 *                        when it does not)
 */
public record EngineOptions(boolean reverseTime, int kernelSize, long maxWorkingPixels, int steps, double guidance,
                            Optional<BlurKernel> kernel, Optional<Region> region, long maxDetailPixels) {
    public static final long DEFAULT_MAX_WORKING_PIXELS = 1_000_000L;
    /** No finer pass by default: it gains a few tenths of a dB at twice the working size and nothing beyond (measured). */
    public static final long DEFAULT_MAX_DETAIL_PIXELS = 0;
    /** More steps than the model was trained with timesteps for would repeat timesteps. */
    public static final int MAX_STEPS = 1000;

    /** A rectangle of the photo in photo pixels: left, top, width, height. */
    public record Region(int x, int y, int width, int height) {
        public Region {
            if (x < 0 || y < 0 || width < 1 || height < 1) {
                throw new IllegalArgumentException("a region needs x, y >= 0 and a positive width and height, got " + x + "," + y + "," + width + "," + height);
            }
        }
    }

    public EngineOptions {
        if (kernelSize != 0 && (kernelSize < 3 || kernelSize % 2 == 0)) {
            throw new IllegalArgumentException("kernel size must be 0 (automatic) or an odd number >= 3, got " + kernelSize);
        }
        if (maxWorkingPixels < 10_000) throw new IllegalArgumentException("working resolution must be at least 10000 pixels");
        if (steps < 0 || steps > MAX_STEPS) throw new IllegalArgumentException("steps must be 0 (the model's default) or 1 to " + MAX_STEPS + ", got " + steps);
        if (!(guidance == 0 || (guidance >= 1 && guidance <= 20))) {
            throw new IllegalArgumentException("guidance must be 0 (the model's default) or between 1 (none) and 20, got " + guidance);
        }
        if (kernel == null || region == null) throw new IllegalArgumentException("kernel and region must be given or empty, not null");
        if (maxDetailPixels < 0) throw new IllegalArgumentException("detail resolution must be 0 (none) or a pixel count, got " + maxDetailPixels);
    }

    public EngineOptions(boolean reverseTime, int kernelSize, long maxWorkingPixels, int steps, double guidance,
                         Optional<BlurKernel> kernel, Optional<Region> region) {
        this(reverseTime, kernelSize, maxWorkingPixels, steps, guidance, kernel, region, DEFAULT_MAX_DETAIL_PIXELS);
    }

    public EngineOptions(boolean reverseTime, int kernelSize, long maxWorkingPixels, int steps, double guidance) {
        this(reverseTime, kernelSize, maxWorkingPixels, steps, guidance, Optional.empty(), Optional.empty());
    }

    public EngineOptions(boolean reverseTime, int kernelSize, long maxWorkingPixels) {
        this(reverseTime, kernelSize, maxWorkingPixels, 0, 0);
    }

    public static EngineOptions defaults() { return new EngineOptions(false, 0, DEFAULT_MAX_WORKING_PIXELS); }

    public EngineOptions withReverseTime(boolean reverse) { return new EngineOptions(reverse, kernelSize, maxWorkingPixels, steps, guidance, kernel, region, maxDetailPixels); }
    public EngineOptions withKernelSize(int size) { return new EngineOptions(reverseTime, size, maxWorkingPixels, steps, guidance, kernel, region, maxDetailPixels); }
    public EngineOptions withSteps(int n) { return new EngineOptions(reverseTime, kernelSize, maxWorkingPixels, n, guidance, kernel, region, maxDetailPixels); }
    public EngineOptions withGuidance(double g) { return new EngineOptions(reverseTime, kernelSize, maxWorkingPixels, steps, g, kernel, region, maxDetailPixels); }
    /** Uses this known kernel instead of estimating one (null = estimate). */
    public EngineOptions withKernel(BlurKernel k) { return new EngineOptions(reverseTime, kernelSize, maxWorkingPixels, steps, guidance, Optional.ofNullable(k), region, maxDetailPixels); }
    /** Estimates the blur from this part of the photo only (null = the engine chooses). */
    public EngineOptions withRegion(Region r) { return new EngineOptions(reverseTime, kernelSize, maxWorkingPixels, steps, guidance, kernel, Optional.ofNullable(r), maxDetailPixels); }
    /** Deconvolves and renders at up to this many pixels when the blur was estimated smaller (0 = no finer pass). */
    public EngineOptions withMaxDetailPixels(long pixels) { return new EngineOptions(reverseTime, kernelSize, maxWorkingPixels, steps, guidance, kernel, region, pixels); }
}
