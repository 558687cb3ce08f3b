package org.tempora.classical;

/**
 * 'Same'-size 2-D convolution of a plane with a small kernel, replicate border: out(p) = sum_u k(u) img(p - u)
 * with u measured from the kernel centre (ks/2, ks/2) and img clamped at its edges. {@link #convolveDirect}
 * is the reference; {@link #convolve} and {@link #prepare} do the same through the FFT.
 */
public final class FftConvolution {
    private FftConvolution() {}

    /** Reference convolution by direct summation, O(w h ks^2); true convolution (the kernel is flipped). */
    public static float[] convolveDirect(float[] img, int w, int h, float[] k, int ks) {
        checkArgs(img, w, h, k, ks);
        float[] out = new float[w * h];
        int c = ks / 2;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double s = 0;
                for (int j = 0; j < ks; j++) {
                    int sy = Math.min(h - 1, Math.max(0, y - (j - c)));
                    int row = sy * w;
                    for (int i = 0; i < ks; i++) {
                        float kv = k[j * ks + i];
                        if (kv == 0f) continue;
                        int sx = Math.min(w - 1, Math.max(0, x - (i - c)));
                        s += kv * img[row + sx];
                    }
                }
                out[y * w + x] = (float) s;
            }
        }
        return out;
    }

    /** FFT convolution, equal to {@link #convolveDirect} up to float rounding. */
    public static float[] convolve(float[] img, int w, int h, float[] k, int ks) {
        checkArgs(img, w, h, k, ks);
        return prepare(img, w, h, ks).convolve(k, ks);
    }

    /** Transforms {@code img} once so that many kernels up to {@code maxKernelSize} wide can be applied cheaply. */
    public static PreparedImage prepare(float[] img, int w, int h, int maxKernelSize) {
        if (img.length != w * h) throw new IllegalArgumentException("plane has " + img.length + " values, expected " + w + "*" + h);
        if (maxKernelSize < 1) throw new IllegalArgumentException("kernel size must be positive, got " + maxKernelSize);
        return new PreparedImage(img, w, h, maxKernelSize);
    }

    static void checkArgs(float[] img, int w, int h, float[] k, int ks) {
        if (w < 1 || h < 1 || img.length != w * h) throw new IllegalArgumentException("plane has " + img.length + " values, expected " + w + "*" + h);
        if (ks < 1 || k.length != ks * ks) throw new IllegalArgumentException("kernel has " + k.length + " values, expected " + ks + "^2");
    }
}
