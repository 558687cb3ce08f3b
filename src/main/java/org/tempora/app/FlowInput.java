package org.tempora.app;

import org.tempora.flow.DisFlow;
import org.tempora.image.LinearImage;
import org.tempora.image.Resampling;
import org.tempora.image.Srgb;

/**
 * Frames as the window hands them to optical flow: the display pixels decoded back to linear light (IEC 61966-2-1)
 * and reduced to Rec. 709 luminance, shrunk by a whole factor when a frame is too large to measure while the user waits.
 * UI-agnostic.
 */
public final class FlowInput {
    private FlowInput() {}

    /** The most pixels measured per frame: DIS (medium) takes about 55 ms per direction at 1280x720 on 2 cores. */
    public static final long MAX_PIXELS = 1_000_000;

    /** The smallest whole factor f with (width / f) x (height / f) at most {@link #MAX_PIXELS}, keeping both sides measurable. */
    public static int reduction(int width, int height) {
        int f = 1;
        while ((long) (width / f) * (height / f) > MAX_PIXELS && width / (f + 1) >= DisFlow.MIN_SIDE && height / (f + 1) >= DisFlow.MIN_SIDE) f++;
        return f;
    }

    /** The size a side has after {@link #reduction}: the whole part of side / factor. */
    public static int reduced(int side, int factor) { return Math.max(1, side / factor); }

    /**
     * The linear luminance of opaque sRGB pixels (0xAARRGGBB, row-major), area-averaged down to
     * {@code width / factor x height / factor} in linear light so that a reduced frame keeps the same brightness.
     */
    public static LinearImage grey(int[] argb, int width, int height, int factor) {
        if (argb.length != width * height) throw new IllegalArgumentException(argb.length + " pixels for " + width + "x" + height);
        if (factor < 1) throw new IllegalArgumentException("reduction factor must be at least 1, got " + factor);
        float[] y = new float[argb.length];
        for (int i = 0; i < y.length; i++) {
            int p = argb[i];
            y[i] = 0.2126f * Srgb.linearFrom8bit(p >> 16) + 0.7152f * Srgb.linearFrom8bit(p >> 8) + 0.0722f * Srgb.linearFrom8bit(p);
        }
        LinearImage full = new LinearImage(width, height, new float[][] {y});
        return factor == 1 ? full : Resampling.resize(full, reduced(width, factor), reduced(height, factor));
    }
}
