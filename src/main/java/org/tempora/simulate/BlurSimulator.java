package org.tempora.simulate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.tempora.engine.Trajectory;
import org.tempora.image.LinearImage;

/**
 * Synthetic motion blur with ground truth, as the GoPro dataset builds it (Nah et al. 2017, "Deep
 * multi-scale CNN for dynamic scene deblurring", Sec. 2): a photo is the mean, in linear light, of
 * many sub-frames taken during the exposure.
 *
 * <p>Sign convention: the sub-frame at time t is the sharp image moved by the path position p(t),
 * {@code sub_t(x) = sharp(x - p(t))}, so the scene moves along the path. The photo is then
 * {@code sharp} convolved with the kernel K whose mass at displacement p is the time spent at p,
 * {@code blurred(x) = sum_p K(p) sharp(x - p)}; {@link #kernelImage} draws that K.
 */
public final class BlurSimulator {
    /** Extra border, beyond the largest displacement, so every interpolation tap stays inside the sharp image. */
    private static final int TAP_BORDER = 2;
    /** Kernel rendering samples the path at least this finely, in pixels of travel per sample. */
    private static final double KERNEL_STEP_PX = 0.05;
    private static final int KERNEL_MIN_SAMPLES = 4096;
    private static final int KERNEL_MAX_SAMPLES = 1 << 22;

    private BlurSimulator() {}

    /** {@link #simulate(LinearImage, Trajectory, int, int, double, long, Resampling)} with bicubic shifts. */
    public static SimulatedBlur simulate(LinearImage sharp, Trajectory path, int frames, int subframesPerFrame,
                                         double noiseSigma, long seed) {
        return simulate(sharp, path, frames, subframesPerFrame, noiseSigma, seed, Resampling.BICUBIC);
    }

    /**
     * Blurs {@code sharp} along {@code path} over the exposure [-0.5, 0.5].
     * Sub-frame j of M = frames * subframesPerFrame is taken at t = -0.5 + (j + 0.5) / M (midpoints of
     * equal slices), so frame i averages exactly the sub-frames inside [i/N - 0.5, (i+1)/N - 0.5].
     * Outputs are cropped by {@link #margin(Trajectory)} on every side.
     *
     * @param noiseSigma standard deviation of Gaussian noise added to the photo only (linear units), 0 for none
     * @param seed seeds the noise
     * @throws IllegalArgumentException if the path does not fit inside the image or a count is not positive
     */
    public static SimulatedBlur simulate(LinearImage sharp, Trajectory path, int frames, int subframesPerFrame,
                                         double noiseSigma, long seed, Resampling resampling) {
        if (frames < 1) throw new IllegalArgumentException("frames must be >= 1, got " + frames);
        if (subframesPerFrame < 1) throw new IllegalArgumentException("sub-frames per frame must be >= 1, got " + subframesPerFrame);
        if (!(noiseSigma >= 0) || Double.isInfinite(noiseSigma)) throw new IllegalArgumentException("noise sigma must be finite and >= 0, got " + noiseSigma);
        PathSampler sampler = new PathSampler(path);
        int margin = margin(path);
        int w = sharp.width(), h = sharp.height(), channels = sharp.channels();
        int outW = w - 2 * margin, outH = h - 2 * margin;
        if (outW < 1 || outH < 1) {
            throw new IllegalArgumentException("a path reaching " + (margin - TAP_BORDER) + " px needs an image larger than "
                    + 2 * margin + " px on each side, got " + w + "x" + h);
        }
        int n = outW * outH;
        long total = (long) frames * subframesPerFrame;
        double[][] frameSum = new double[channels][n];
        double[][] photoSum = new double[channels][n];
        double[] rows = new double[outW * (outH + Resampling.BICUBIC.taps() - 1)];
        List<LinearImage> truth = new ArrayList<>(frames);
        for (int i = 0; i < frames; i++) {
            for (double[] f : frameSum) Arrays.fill(f, 0);
            for (int k = 0; k < subframesPerFrame; k++) {
                double t = -0.5 + ((long) i * subframesPerFrame + k + 0.5) / total;
                double[] p = sampler.at(t);
                // Output pixel X shows source pixel X + margin; the scene moved by p, so read at X + margin - p.
                for (int c = 0; c < channels; c++) {
                    SubpixelShift.accumulate(sharp.plane(c), w, h, margin - p[0], margin - p[1], resampling,
                            frameSum[c], outW, outH, rows);
                }
            }
            float[][] planes = new float[channels][n];
            for (int c = 0; c < channels; c++) {
                double[] f = frameSum[c], s = photoSum[c];
                float[] out = planes[c];
                for (int j = 0; j < n; j++) {
                    out[j] = (float) (f[j] / subframesPerFrame);
                    s[j] += f[j];
                }
            }
            truth.add(new LinearImage(outW, outH, planes));
        }
        float[][] photo = new float[channels][n];
        Random noise = CameraShake.seeded(seed);
        for (int c = 0; c < channels; c++) {
            for (int j = 0; j < n; j++) {
                double v = photoSum[c][j] / total;
                if (noiseSigma > 0) v = Math.max(0, v + noiseSigma * noise.nextGaussian());
                photo[c][j] = (float) v;
            }
        }
        return new SimulatedBlur(new LinearImage(outW, outH, photo), truth, path);
    }

    /** Pixels cropped from every side of the sharp image: ceil(largest |x| or |y| of the path in the exposure) + 2. */
    public static int margin(Trajectory path) {
        return (int) Math.ceil(new PathSampler(path).maxOffset()) + TAP_BORDER;
    }

    /**
     * The ground-truth blur kernel of {@code path}: size x size, row-major, summing to 1, with the
     * centre pixel (size/2, size/2) at displacement (0, 0); the path is sampled finely in time and each
     * position's mass is splatted bilinearly. Mass falling outside the square is dropped before normalising.
     */
    public static float[] kernelImage(Trajectory path, int size) {
        double length = new PathSampler(path).exposureLength();
        long wanted = (long) Math.ceil(length / KERNEL_STEP_PX);
        int samples = (int) Math.max(KERNEL_MIN_SAMPLES, Math.min(KERNEL_MAX_SAMPLES, wanted));
        return kernelImage(path, size, samples);
    }

    /**
     * As {@link #kernelImage(Trajectory, int)}, with the path sampled at {@code timeSamples} midpoint
     * times -0.5 + (j + 0.5) / timeSamples. With timeSamples = frames * subframesPerFrame this is exactly
     * the kernel a {@link Resampling#BILINEAR} simulation applied.
     */
    public static float[] kernelImage(Trajectory path, int size, int timeSamples) {
        if (size < 1 || size % 2 == 0) throw new IllegalArgumentException("kernel size must be odd and positive, got " + size);
        if (timeSamples < 1) throw new IllegalArgumentException("time samples must be >= 1, got " + timeSamples);
        PathSampler sampler = new PathSampler(path);
        double[] k = new double[size * size];
        int centre = size / 2;
        for (int j = 0; j < timeSamples; j++) {
            double[] p = sampler.at(-0.5 + (j + 0.5) / timeSamples);
            splat(k, size, centre + p[0], centre + p[1], 1.0 / timeSamples);
        }
        double sum = 0;
        for (double v : k) sum += v;
        if (sum <= 0) throw new IllegalArgumentException("the path lies entirely outside a " + size + "x" + size + " kernel");
        float[] out = new float[k.length];
        for (int i = 0; i < k.length; i++) out[i] = (float) (k[i] / sum);
        return out;
    }

    /** Adds mass m at (x, y) spread over the four nearest pixels with bilinear weights; parts outside are dropped. */
    private static void splat(double[] k, int size, double x, double y, double m) {
        int ix = (int) Math.floor(x), iy = (int) Math.floor(y);
        double fx = x - ix, fy = y - iy;
        add(k, size, ix, iy, m * (1 - fx) * (1 - fy));
        add(k, size, ix + 1, iy, m * fx * (1 - fy));
        add(k, size, ix, iy + 1, m * (1 - fx) * fy);
        add(k, size, ix + 1, iy + 1, m * fx * fy);
    }

    private static void add(double[] k, int size, int x, int y, double m) {
        if (x >= 0 && y >= 0 && x < size && y < size) k[y * size + x] += m;
    }
}
