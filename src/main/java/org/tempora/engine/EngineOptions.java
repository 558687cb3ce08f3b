package org.tempora.engine;

/**
 * Knobs shared by engines; each engine ignores what does not apply to it.
 *
 * @param reverseTime play the estimated camera path backwards (the direction of time is ambiguous in a blur)
 * @param kernelSize blur kernel size in working-resolution pixels, odd; 0 = choose automatically
 * @param maxWorkingPixels the engine may estimate at a reduced resolution above this pixel count
 */
public record EngineOptions(boolean reverseTime, int kernelSize, long maxWorkingPixels) {
    public static final long DEFAULT_MAX_WORKING_PIXELS = 1_000_000L;

    public EngineOptions {
        if (kernelSize != 0 && (kernelSize < 3 || kernelSize % 2 == 0)) {
            throw new IllegalArgumentException("kernel size must be 0 (automatic) or an odd number >= 3, got " + kernelSize);
        }
        if (maxWorkingPixels < 10_000) throw new IllegalArgumentException("working resolution must be at least 10000 pixels");
    }

    public static EngineOptions defaults() { return new EngineOptions(false, 0, DEFAULT_MAX_WORKING_PIXELS); }

    public EngineOptions withReverseTime(boolean reverse) { return new EngineOptions(reverse, kernelSize, maxWorkingPixels); }
    public EngineOptions withKernelSize(int size) { return new EngineOptions(reverseTime, size, maxWorkingPixels); }
}
