package org.tempora.engine;

/**
 * A square blur kernel (point-spread function), odd size, non-negative, summing to 1; row-major.
 * The image of the camera's path during the exposure, at working resolution.
 *
 * @param scale working-resolution pixels per photo pixel (1 when the engine ran at full size)
 */
public record BlurKernel(int size, float[] values, double scale) {
    /**
     * Side a kernel picture (kernel.png) is enlarged to at least, with square blocks; reading one back as a known kernel
     * undoes the blocks by it.
     */
    public static final int PICTURE_MIN_SIDE = 256;

    public BlurKernel {
        if (size < 1 || size % 2 == 0) throw new IllegalArgumentException("kernel size must be odd, got " + size);
        if (values.length != size * size) throw new IllegalArgumentException("kernel has " + values.length + " values, expected " + size * size);
    }

    public float at(int x, int y) { return values[y * size + x]; }
}
