package org.tempora.image;

import java.util.Arrays;

/**
 * A picture in linear light: one float plane per channel (1 = grey, 3 = RGB), row-major,
 * values nominally in [0, 1]. Every engine and metric works on this type.
 */
public final class LinearImage {
    private final int width;
    private final int height;
    private final float[][] planes;

    public LinearImage(int width, int height, float[][] planes) {
        if (width <= 0 || height <= 0) throw new IllegalArgumentException("image size must be positive: " + width + "x" + height);
        if (planes.length != 1 && planes.length != 3) throw new IllegalArgumentException("1 or 3 channels expected, got " + planes.length);
        for (float[] p : planes) {
            if (p.length != width * height) throw new IllegalArgumentException("plane length " + p.length + " != " + width + "*" + height);
        }
        this.width = width;
        this.height = height;
        this.planes = planes;
    }

    public static LinearImage blank(int width, int height, int channels) {
        float[][] planes = new float[channels][width * height];
        return new LinearImage(width, height, planes);
    }

    public int width() { return width; }
    public int height() { return height; }
    public int channels() { return planes.length; }
    public int pixelCount() { return width * height; }

    /** The live plane of channel c (not a copy): engines write into it. */
    public float[] plane(int c) { return planes[c]; }

    public float get(int c, int x, int y) { return planes[c][y * width + x]; }
    public void set(int c, int x, int y, float v) { planes[c][y * width + x] = v; }

    public LinearImage copy() {
        float[][] p = new float[planes.length][];
        for (int c = 0; c < planes.length; c++) p[c] = planes[c].clone();
        return new LinearImage(width, height, p);
    }

    /** A copy of the w x h window at (x0, y0), which must lie inside the picture. */
    public LinearImage crop(int x0, int y0, int w, int h) {
        if (x0 < 0 || y0 < 0 || w <= 0 || h <= 0 || x0 + w > width || y0 + h > height) {
            throw new IllegalArgumentException("window " + x0 + "," + y0 + "," + w + "x" + h + " is not inside " + this);
        }
        float[][] p = new float[planes.length][w * h];
        for (int c = 0; c < planes.length; c++) {
            for (int y = 0; y < h; y++) System.arraycopy(planes[c], (y + y0) * width + x0, p[c], y * w, w);
        }
        return new LinearImage(w, h, p);
    }

    /** Rec. 709 luminance of linear RGB (the same weights sRGB uses); a grey image returns its plane copied. */
    public float[] luminance() {
        if (planes.length == 1) return planes[0].clone();
        float[] r = planes[0], g = planes[1], b = planes[2];
        float[] y = new float[r.length];
        for (int i = 0; i < y.length; i++) y[i] = 0.2126f * r[i] + 0.7152f * g[i] + 0.0722f * b[i];
        return y;
    }

    @Override public String toString() { return "LinearImage[" + width + "x" + height + "x" + planes.length + "]"; }

    @Override public boolean equals(Object o) {
        if (!(o instanceof LinearImage other)) return false;
        return width == other.width && height == other.height && Arrays.deepEquals(planes, other.planes);
    }

    @Override public int hashCode() { return 31 * (31 * width + height) + Arrays.deepHashCode(planes); }
}
