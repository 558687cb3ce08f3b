package org.tempora.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.tempora.engine.Trajectory;
import org.tempora.engine.Trajectory.Sample;
import org.tempora.image.LinearImage;
import org.tempora.image.Srgb;

class BlurSimulatorTest {
    private static final Path ASTRONAUT = Path.of("..", "shared", "dev-images", "astronaut.png");

    @Test
    void constantImageStaysConstant() {
        LinearImage grey = constant(60, 50, 0.37f);
        for (Resampling r : Resampling.values()) {
            SimulatedBlur sim = BlurSimulator.simulate(grey, CameraShake.random(3, 12), 4, 8, 0, 0, r);
            assertAllNear(sim.blurred(), 0.37, 1e-6);
            for (LinearImage f : sim.truthFrames()) assertAllNear(f, 0.37, 1e-6);
        }
    }

    @Test
    void outputsAreCroppedByTheMarginAndAllTheSameSize() {
        Trajectory path = CameraShake.random(9, 10);
        int m = BlurSimulator.margin(path);
        assertEquals((int) Math.ceil(new PathSampler(path).maxOffset()) + 2, m);
        SimulatedBlur sim = BlurSimulator.simulate(noise(70, 55, 3, 1), path, 7, 4, 0, 0);
        assertEquals(7, sim.truthFrames().size());
        assertEquals(70 - 2 * m, sim.blurred().width());
        assertEquals(55 - 2 * m, sim.blurred().height());
        assertEquals(3, sim.blurred().channels());
        for (LinearImage f : sim.truthFrames()) {
            assertEquals(sim.blurred().width(), f.width());
            assertEquals(sim.blurred().height(), f.height());
        }
        assertEquals(path, sim.path());
    }

    @Test
    void sceneMovesAlongThePath() {
        // The camera rests at (3, -2): every sub-frame is the sharp image moved 3 px right and 2 px up.
        Trajectory still = new Trajectory(List.of(new Sample(-0.5, 3, -2), new Sample(0.5, 3, -2)));
        LinearImage sharp = noise(30, 25, 1, 2);
        int m = BlurSimulator.margin(still);
        assertEquals(5, m);
        for (Resampling r : Resampling.values()) {
            LinearImage blurred = BlurSimulator.simulate(sharp, still, 2, 3, 0, 0, r).blurred();
            for (int y = 0; y < blurred.height(); y++) {
                for (int x = 0; x < blurred.width(); x++) {
                    assertEquals(sharp.get(0, x + m - 3, y + m + 2), blurred.get(0, x, y), 1e-6);
                }
            }
        }
    }

    @Test
    void horizontalLineWithBilinearShiftsIsATrapezoidBoxAverage() {
        // p(t) = 8 t: blurred(x) = (1/8) * integral over s in [-4, 4] of the linearly interpolated sharp(x - s).
        // The 7 x 16 = 112 sub-frames put 14 midpoints per pixel, so the midpoint rule is exact on
        // each linear piece and the integral is the trapezoid sum (1/2, 1, ..., 1, 1/2) / 8.
        LinearImage sharp = noise(80, 40, 1, 4);
        SimulatedBlur sim = BlurSimulator.simulate(sharp, CameraShake.linear(8, 0), 7, 16, 0, 0, Resampling.BILINEAR);
        int m = BlurSimulator.margin(CameraShake.linear(8, 0));
        assertEquals(6, m);
        double[] weights = {0.5, 1, 1, 1, 1, 1, 1, 1, 0.5};
        assertEquals(0, maxDifferenceFromHorizontalFilter(sim.blurred(), sharp, m, weights, 8), 1e-5);
    }

    @Test
    void horizontalLineWithBicubicShiftsIsTheBoxAverageOfTheCubicInterpolant() {
        // The integral of the Keys kernel over [0, 1] is 13/24 and over [1, 2] is -1/24, so the
        // average of the cubic interpolant over an integer-aligned window of length 8 weights the
        // samples (-1, 12, 25, 24, ..., 24, 25, 12, -1) / 24 / 8. The midpoint rule on cubic pieces
        // leaves an error of about h^2/24 * |f'| / L with h = 1/14 px: below 2e-4 for values in [0, 1].
        LinearImage sharp = noise(80, 40, 1, 5);
        SimulatedBlur sim = BlurSimulator.simulate(sharp, CameraShake.linear(8, 0), 7, 16, 0, 0, Resampling.BICUBIC);
        int m = BlurSimulator.margin(CameraShake.linear(8, 0));
        double[] weights = {-1 / 24.0, 0.5, 25 / 24.0, 1, 1, 1, 1, 1, 25 / 24.0, 0.5, -1 / 24.0};
        assertEquals(0, maxDifferenceFromHorizontalFilter(sim.blurred(), sharp, m, weights, 8), 2e-4);
    }

    @Test
    void meanOfTruthFramesIsTheBlurredPhoto() {
        SimulatedBlur sim = BlurSimulator.simulate(noise(90, 70, 3, 6), CameraShake.random(21, 15), 5, 8, 0, 0);
        LinearImage blurred = sim.blurred();
        double worst = 0;
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < blurred.pixelCount(); i++) {
                double mean = 0;
                for (LinearImage f : sim.truthFrames()) mean += f.plane(c)[i];
                mean /= sim.truthFrames().size();
                worst = Math.max(worst, Math.abs(mean - blurred.plane(c)[i]));
            }
        }
        assertEquals(0, worst, 1e-5);
    }

    @Test
    void truthFramesFollowThePathInTime() {
        // One sub-frame per frame at the slice midpoints: frame i of 4 on a 12 px line is the sharp image
        // shifted by p = 12 * (-0.5 + (i + 0.5) / 4) = -4.5, -1.5, 1.5, 4.5, half-pixel shifts that
        // bilinear interpolation turns into the mean of the two neighbouring pixels.
        LinearImage sharp = noise(40, 20, 1, 7);
        Trajectory path = CameraShake.linear(12, 0);
        SimulatedBlur sim = BlurSimulator.simulate(sharp, path, 4, 1, 0, 0, Resampling.BILINEAR);
        int m = BlurSimulator.margin(path);
        for (int i = 0; i < 4; i++) {
            double p = -4.5 + 3 * i;
            LinearImage f = sim.truthFrames().get(i);
            for (int y = 0; y < f.height(); y++) {
                for (int x = 0; x < f.width(); x++) {
                    double src = x + m - p; // half-integer: the mean of the two neighbours
                    double expected = 0.5 * (sharp.get(0, (int) Math.floor(src), y + m) + sharp.get(0, (int) Math.ceil(src), y + m));
                    assertEquals(expected, f.get(0, x, y), 1e-6);
                }
            }
        }
    }

    @Test
    void bilinearPhotoIsExactlyTheSharpImageConvolvedWithTheKernelOfItsSubframes() {
        Trajectory path = CameraShake.random(33, 14);
        LinearImage sharp = noise(80, 70, 1, 8);
        SimulatedBlur sim = BlurSimulator.simulate(sharp, path, 6, 10, 0, 0, Resampling.BILINEAR);
        int size = kernelSizeFor(path);
        float[] k = BlurSimulator.kernelImage(path, size, 60);
        assertEquals(0, maxDifference(convolveCropped(sharp, k, size, BlurSimulator.margin(path)), sim.blurred()), 1e-5);
    }

    @Test
    void photoMatchesTheContinuousKernelWithinSamplingError() throws IOException {
        // Against the finely sampled kernel the photo differs only by time sampling (60 sub-frames for
        // a 14 px path, ~0.23 px apart) and, for bicubic shifts, by the interpolator: measured RMS on
        // the astronaut is 0.00006 (bilinear) and 0.0038 (bicubic) in linear units.
        Assumptions.assumeTrue(Files.exists(ASTRONAUT), "dev image missing: " + ASTRONAUT);
        LinearImage sharp = load(ASTRONAUT);
        Trajectory path = CameraShake.random(33, 14);
        int size = kernelSizeFor(path);
        LinearImage expected = convolveCropped(sharp, BlurSimulator.kernelImage(path, size), size, BlurSimulator.margin(path));
        double bilinear = rms(expected, BlurSimulator.simulate(sharp, path, 6, 10, 0, 0, Resampling.BILINEAR).blurred());
        double bicubic = rms(expected, BlurSimulator.simulate(sharp, path, 6, 10, 0, 0, Resampling.BICUBIC).blurred());
        System.out.printf("kernel-vs-simulation RMS: bilinear %.5f, bicubic %.5f%n", bilinear, bicubic);
        assertTrue(bilinear < 5e-4, "bilinear RMS " + bilinear);
        assertTrue(bicubic < 1e-2, "bicubic RMS " + bicubic);
    }

    @Test
    void kernelOfAHorizontalLineIsTheSplattedBox() {
        // Uniform time over x in [-2, 2]: each integer gets the integral of its hat function, /4.
        float[] k = BlurSimulator.kernelImage(CameraShake.linear(4, 0), 7);
        float[] expected = new float[49];
        float[] row = {0, 1 / 8f, 1 / 4f, 1 / 4f, 1 / 4f, 1 / 8f, 0};
        System.arraycopy(row, 0, expected, 3 * 7, 7);
        for (int i = 0; i < 49; i++) assertEquals(expected[i], k[i], 1e-6, "index " + i);
    }

    @Test
    void kernelSumsToOneAndItsCentreOfMassIsTheTimeAveragedPath() {
        // Shift a random path off-centre so the centre of mass is not trivially zero.
        List<Sample> moved = new ArrayList<>();
        for (Sample s : CameraShake.random(17, 11).samples()) moved.add(new Sample(s.t(), s.x() + 1.3, s.y() - 0.7));
        Trajectory path = new Trajectory(moved);
        int size = 41;
        float[] k = BlurSimulator.kernelImage(path, size);
        double sum = 0, mx = 0, my = 0;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double v = k[y * size + x];
                assertTrue(v >= 0);
                sum += v;
                mx += v * (x - size / 2);
                my += v * (y - size / 2);
            }
        }
        double[] c = new PathSampler(path).timeAverage();
        assertEquals(1, sum, 1e-5);
        assertEquals(c[0], mx, 1e-3);
        assertEquals(c[1], my, 1e-3);
    }

    @Test
    void noiseGoesOnThePhotoOnlyWithTheRequestedSigmaAndSeed() {
        LinearImage grey = constant(120, 100, 0.5f);
        Trajectory path = CameraShake.linear(6, 45);
        SimulatedBlur a = BlurSimulator.simulate(grey, path, 3, 4, 0.02, 99);
        SimulatedBlur b = BlurSimulator.simulate(grey, path, 3, 4, 0.02, 99);
        SimulatedBlur other = BlurSimulator.simulate(grey, path, 3, 4, 0.02, 100);
        assertEquals(a.blurred(), b.blurred());
        assertNotEquals(a.blurred(), other.blurred());
        for (LinearImage f : a.truthFrames()) assertAllNear(f, 0.5, 1e-6);
        float[] p = a.blurred().plane(0);
        double mean = 0, var = 0;
        for (float v : p) mean += v - 0.5;
        mean /= p.length;
        for (float v : p) var += (v - 0.5 - mean) * (v - 0.5 - mean);
        double sd = Math.sqrt(var / (p.length - 1));
        // ~11 000 samples: the sample SD is within 2% of sigma with overwhelming probability (fixed seed anyway).
        assertEquals(0.02, sd, 0.02 * 0.05);
        assertEquals(0, mean, 0.001);
    }

    @Test
    void noiseNeverMakesNegativeLight() {
        SimulatedBlur sim = BlurSimulator.simulate(constant(40, 40, 0.01f), CameraShake.linear(4, 0), 2, 2, 0.05, 1);
        for (float v : sim.blurred().plane(0)) assertTrue(v >= 0);
    }

    @Test
    void rejectsPathsTooLongForTheImageAndBadCounts() {
        LinearImage small = constant(20, 20, 0.5f);
        assertThrows(IllegalArgumentException.class, () -> BlurSimulator.simulate(small, CameraShake.linear(20, 0), 3, 3, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> BlurSimulator.simulate(small, CameraShake.linear(2, 0), 0, 3, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> BlurSimulator.simulate(small, CameraShake.linear(2, 0), 3, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> BlurSimulator.simulate(small, CameraShake.linear(2, 0), 3, 3, -1, 0));
        assertThrows(IllegalArgumentException.class, () -> BlurSimulator.kernelImage(CameraShake.linear(2, 0), 4));
    }

    // ---- helpers ----

    /** Odd size holding the whole path, with its centre at least one pixel inside the margin. */
    private static int kernelSizeFor(Trajectory path) {
        return 2 * ((int) Math.ceil(new PathSampler(path).maxOffset()) + 1) + 1;
    }

    /** Direct convolution: out(X, Y) = sum K[c + dy][c + dx] sharp(X + m - dx, Y + m - dy), cropped by m. */
    private static LinearImage convolveCropped(LinearImage sharp, float[] k, int size, int m) {
        int w = sharp.width() - 2 * m, h = sharp.height() - 2 * m, c0 = size / 2;
        LinearImage out = LinearImage.blank(w, h, sharp.channels());
        for (int c = 0; c < sharp.channels(); c++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double s = 0;
                    for (int dy = -c0; dy <= c0; dy++) {
                        for (int dx = -c0; dx <= c0; dx++) {
                            s += k[(c0 + dy) * size + c0 + dx] * sharp.get(c, x + m - dx, y + m - dy);
                        }
                    }
                    out.set(c, x, y, (float) s);
                }
            }
        }
        return out;
    }

    /** Largest |blurred(x, y) - sum_k weights[k] sharp(x + m - half + k, y + m) / norm|. */
    private static double maxDifferenceFromHorizontalFilter(LinearImage blurred, LinearImage sharp, int m, double[] weights, double norm) {
        int half = weights.length / 2;
        double worst = 0;
        for (int y = 0; y < blurred.height(); y++) {
            for (int x = 0; x < blurred.width(); x++) {
                double s = 0;
                for (int k = 0; k < weights.length; k++) s += weights[k] * sharp.get(0, x + m - half + k, y + m);
                worst = Math.max(worst, Math.abs(s / norm - blurred.get(0, x, y)));
            }
        }
        return worst;
    }

    private static double maxDifference(LinearImage a, LinearImage b) {
        double worst = 0;
        for (int c = 0; c < a.channels(); c++) {
            for (int i = 0; i < a.pixelCount(); i++) worst = Math.max(worst, Math.abs(a.plane(c)[i] - b.plane(c)[i]));
        }
        return worst;
    }

    private static double rms(LinearImage a, LinearImage b) {
        double s = 0;
        for (int c = 0; c < a.channels(); c++) {
            for (int i = 0; i < a.pixelCount(); i++) {
                double d = a.plane(c)[i] - b.plane(c)[i];
                s += d * d;
            }
        }
        return Math.sqrt(s / (a.channels() * (double) a.pixelCount()));
    }

    private static void assertAllNear(LinearImage img, double value, double tol) {
        for (int c = 0; c < img.channels(); c++) {
            for (float v : img.plane(c)) assertEquals(value, v, tol);
        }
    }

    private static LinearImage constant(int w, int h, float v) {
        LinearImage img = LinearImage.blank(w, h, 1);
        java.util.Arrays.fill(img.plane(0), v);
        return img;
    }

    /** Independent uniform values in [0, 1): the hardest case for interpolation. */
    private static LinearImage noise(int w, int h, int channels, long seed) {
        Random r = new Random(seed);
        LinearImage img = LinearImage.blank(w, h, channels);
        for (int c = 0; c < channels; c++) {
            float[] p = img.plane(c);
            for (int i = 0; i < p.length; i++) p[i] = r.nextFloat();
        }
        return img;
    }

    /** An 8-bit sRGB file decoded to linear RGB, for the natural-image checks. */
    static LinearImage load(Path file) throws IOException {
        BufferedImage bi = ImageIO.read(file.toFile());
        LinearImage img = LinearImage.blank(bi.getWidth(), bi.getHeight(), 3);
        for (int y = 0; y < bi.getHeight(); y++) {
            for (int x = 0; x < bi.getWidth(); x++) {
                int rgb = bi.getRGB(x, y);
                img.set(0, x, y, Srgb.linearFrom8bit(rgb >> 16));
                img.set(1, x, y, Srgb.linearFrom8bit(rgb >> 8));
                img.set(2, x, y, Srgb.linearFrom8bit(rgb));
            }
        }
        return img;
    }
}
