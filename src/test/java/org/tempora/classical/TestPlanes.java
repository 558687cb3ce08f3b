package org.tempora.classical;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.tempora.image.Srgb;

/** Test pictures and synthetic blur: dev images as linear luminance planes, kernels, noise and PSNR. */
final class TestPlanes {
    private TestPlanes() {}

    /** A w x h crop at (x0, y0) of a development image, as linear Rec. 709 luminance; skips the test when absent. */
    static float[] devLuminance(String name, int x0, int y0, int w, int h) throws IOException {
        Path path = Path.of("..", "shared", "dev-images", name);
        Assumptions.assumeTrue(Files.exists(path), "development image " + path + " not found");
        BufferedImage img = ImageIO.read(path.toFile());
        float[] out = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = img.getRGB(x0 + x, y0 + y);
                out[y * w + x] = 0.2126f * Srgb.linearFrom8bit(rgb >> 16) + 0.7152f * Srgb.linearFrom8bit(rgb >> 8)
                        + 0.0722f * Srgb.linearFrom8bit(rgb);
            }
        }
        return out;
    }

    /** A straight motion of {@code length} px at {@code degrees}, antialiased, in an odd ks x ks kernel. */
    static float[] lineKernel(int ks, double length, double degrees) {
        float[] k = new float[ks * ks];
        double c = ks / 2, dx = Math.cos(Math.toRadians(degrees)), dy = Math.sin(Math.toRadians(degrees));
        int steps = 400;
        for (int s = 0; s <= steps; s++) {
            double t = (s / (double) steps - 0.5) * (length - 1);
            splat(k, ks, c + t * dx, c + t * dy, 1);
        }
        return normalise(k);
    }

    /**
     * A camera-shake path: a random walk whose heading turns by a Gaussian angle each step (a curved,
     * sometimes looping stroke, like measured shake), scaled to {@code extent} px, drawn with uniform speed.
     */
    static float[] shakeKernel(int ks, double extent, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int n = 60, sub = 20;
        double[] px = new double[n], py = new double[n];
        double heading = r.nextDouble() * 2 * Math.PI, turn = 0, x = 0, y = 0;
        for (int i = 0; i < n; i++) {
            turn = 0.7 * turn + 0.12 * r.nextGaussian();
            heading += turn;
            x += Math.cos(heading);
            y += Math.sin(heading);
            px[i] = x;
            py[i] = y;
        }
        double minX = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, minY = Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            minX = Math.min(minX, px[i]); maxX = Math.max(maxX, px[i]);
            minY = Math.min(minY, py[i]); maxY = Math.max(maxY, py[i]);
        }
        double scale = (extent - 1) / Math.max(maxX - minX, maxY - minY);
        float[] k = new float[ks * ks];
        double c = ks / 2, mx = (minX + maxX) / 2, my = (minY + maxY) / 2;
        for (int i = 0; i + 1 < n; i++) {
            for (int s = 0; s < sub; s++) {
                double t = s / (double) sub;
                double qx = px[i] + t * (px[i + 1] - px[i]), qy = py[i] + t * (py[i + 1] - py[i]);
                splat(k, ks, c + (qx - mx) * scale, c + (qy - my) * scale, 1);
            }
        }
        return normalise(k);
    }

    static float[] delta(int ks) {
        float[] k = new float[ks * ks];
        k[(ks / 2) * ks + ks / 2] = 1;
        return k;
    }

    private static void splat(float[] k, int ks, double x, double y, double mass) {
        int x0 = (int) Math.floor(x), y0 = (int) Math.floor(y);
        double fx = x - x0, fy = y - y0;
        add(k, ks, x0, y0, mass * (1 - fx) * (1 - fy));
        add(k, ks, x0 + 1, y0, mass * fx * (1 - fy));
        add(k, ks, x0, y0 + 1, mass * (1 - fx) * fy);
        add(k, ks, x0 + 1, y0 + 1, mass * fx * fy);
    }

    private static void add(float[] k, int ks, int x, int y, double v) {
        if (x >= 0 && y >= 0 && x < ks && y < ks) k[y * ks + x] += (float) v;
    }

    static float[] normalise(float[] k) {
        double s = 0;
        for (float v : k) s += v;
        for (int i = 0; i < k.length; i++) k[i] /= (float) s;
        return k;
    }

    static float[] addNoise(float[] img, double sigma, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] out = img.clone();
        for (int i = 0; i < out.length; i++) out[i] += (float) (sigma * r.nextGaussian());
        return out;
    }

    /** Best PSNR of {@code a} against {@code b} over integer shifts of up to {@code maxShift} px (a blind kernel fixes the picture only up to a shift). */
    static double psnrAligned(float[] a, float[] b, int w, int h, int margin, int maxShift) {
        double best = Double.NEGATIVE_INFINITY;
        for (int dy = -maxShift; dy <= maxShift; dy++) {
            for (int dx = -maxShift; dx <= maxShift; dx++) {
                double se = 0;
                int n = 0;
                for (int y = margin; y < h - margin; y++) {
                    for (int x = margin; x < w - margin; x++) {
                        double d = clamp01(a[(y + dy) * w + x + dx]) - clamp01(b[y * w + x]);
                        se += d * d;
                        n++;
                    }
                }
                best = Math.max(best, 10 * Math.log10(n / se));
            }
        }
        return best;
    }

    private static double clamp01(float v) { return Math.min(1, Math.max(0, v)); }

    /** A realistic blurred crop: blur a larger window, then cut out the middle (no replicated-border artefacts). */
    static float[] blurredCrop(String name, int x0, int y0, int w, int h, float[] k, int ks, double noise, long seed) throws IOException {
        int pad = ks;
        float[] big = devLuminance(name, x0 - pad, y0 - pad, w + 2 * pad, h + 2 * pad);
        float[] blurredBig = FftConvolution.convolve(big, w + 2 * pad, h + 2 * pad, k, ks);
        float[] out = new float[w * h];
        for (int y = 0; y < h; y++) System.arraycopy(blurredBig, (y + pad) * (w + 2 * pad) + pad, out, y * w, w);
        return addNoise(out, noise, seed);
    }

    /** PSNR in dB (peak 1) over the picture minus a {@code margin}-pixel frame. */
    static double psnr(float[] a, float[] b, int w, int h, int margin) {
        double se = 0;
        int n = 0;
        for (int y = margin; y < h - margin; y++) {
            for (int x = margin; x < w - margin; x++) {
                double d = Math.min(1, Math.max(0, a[y * w + x])) - Math.min(1, Math.max(0, b[y * w + x]));
                se += d * d;
                n++;
            }
        }
        return 10 * Math.log10(n / se);
    }
}
