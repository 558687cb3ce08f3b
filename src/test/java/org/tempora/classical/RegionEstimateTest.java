package org.tempora.classical;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import org.tempora.engine.BlurKernel;
import org.tempora.engine.CancellationToken;
import org.tempora.engine.EngineException;
import org.tempora.engine.EngineOptions;
import org.tempora.engine.GenerationRequest;
import org.tempora.engine.ProgressListener;
import org.tempora.image.LinearImage;
import org.tempora.timeline.FramePlans;

/** {@code --region}: the kernel comes from the chosen part of a photo blurred differently in its halves. */
class RegionEstimateTest {
    private static final int W = 480, H = 320;

    private static LinearImage halves() throws Exception {
        float[] sharp = TestPlanes.devLuminance("hubble_deep_field.jpg", 200, 200, W, H);
        float[] row = new float[21 * 21], column = new float[21 * 21];
        for (int i = 0; i < 15; i++) {
            row[10 * 21 + 3 + i] = 1f / 15;
            column[(3 + i) * 21 + 10] = 1f / 15;
        }
        float[] left = FftConvolution.convolve(sharp, W, H, row, 21), right = FftConvolution.convolve(sharp, W, H, column, 21);
        return new LinearImage(W, H, new float[][] {TestPlanes.addNoise(UniformityCalibration.joinLeftRight(left, right, W, H), 0.003, 2)});
    }

    /** Variance of the kernel's mass along x over that along y. */
    private static double elongation(BlurKernel k) {
        double[] m = BlurUniformityCheck.moments(k.values(), k.size());
        return m[0] / m[2];
    }

    private static BlurKernel kernelFrom(LinearImage photo, EngineOptions.Region region) throws Exception {
        return new ClassicalEngine().generate(new GenerationRequest(photo, FramePlans.present(3), 0, EngineOptions.defaults().withRegion(region)),
                ProgressListener.NONE, CancellationToken.none()).kernel().orElseThrow();
    }

    @Test
    void eachHalfGivesItsOwnBlur() throws Exception {
        LinearImage photo = halves();
        double left = elongation(kernelFrom(photo, new EngineOptions.Region(0, 0, W / 2 - 20, H)));
        double right = elongation(kernelFrom(photo, new EngineOptions.Region(W / 2 + 20, 0, W / 2 - 20, H)));
        // a 15 px stroke has variance 18.7 + 1 along it and 1 across it; the estimator's L1 kernel prior concentrates a
        // uniform stroke towards its middle, so the estimate's ratio is higher (measured 0.264 vertical, 0.104 without L1)
        assertTrue(left > 5, "left half: horizontal stroke, x/y variance " + left);
        assertTrue(right < 0.3, "right half: vertical stroke, x/y variance " + right);
    }

    @Test
    void aRegionOutsideThePhotoOrTooSmallIsRefused() {
        LinearImage photo = LinearImage.blank(200, 100, 1);
        EngineException outside = assertThrows(EngineException.class, () -> kernelFrom(photo, new EngineOptions.Region(150, 0, 100, 50)));
        assertTrue(outside.getMessage().contains("outside"), outside.getMessage());
        EngineException small = assertThrows(EngineException.class, () -> kernelFrom(photo, new EngineOptions.Region(0, 0, 30, 30)));
        assertTrue(small.getMessage().contains("too small"), small.getMessage());
    }

    @Test
    void theSmallestRegionAWindowOffersIsOneTheEngineTakes() throws Exception {
        long max = EngineOptions.DEFAULT_MAX_WORKING_PIXELS;
        // At the photo's own size the bound is the estimator's 48 working pixels exactly.
        assertEquals(ClassicalEngine.MIN_REGION_SIDE, ClassicalEngine.minRegionSide(640, 360, max));
        ClassicalEngine.workingRegion(new EngineOptions.Region(10, 20, 48, 48), 640, 360, 640, 360);
        assertThrows(EngineException.class, () -> ClassicalEngine.workingRegion(new EngineOptions.Region(10, 20, 47, 48), 640, 360, 640, 360));
        // A 6000 x 4000 scan works at 1225 x 816 (1 megapixel): a region needs ceil(48 * 6000 / 1225) = 236 photo pixels.
        assertArrayEquals(new int[] {1225, 816}, ClassicalEngine.workingSize(6000, 4000, max));
        assertEquals(236, ClassicalEngine.minRegionSide(6000, 4000, max));
        // Landscape, portrait and odd sizes whose height rounds up or down at the working size: the smallest region
        // offered is taken in every corner and along every edge.
        for (int[] size : new int[][] {{6000, 4000}, {1001, 2051}, {2051, 1001}, {4000, 6000}, {1999, 1333}, {1200, 901}}) {
            int pw = size[0], ph = size[1], side = ClassicalEngine.minRegionSide(pw, ph, max);
            int[] work = ClassicalEngine.workingSize(pw, ph, max);
            for (int x : new int[] {0, 1, 3, pw / 2, pw - side - 1, pw - side}) {
                for (int y : new int[] {0, 2, ph / 3, ph - side - 1, ph - side}) {
                    int[] r = ClassicalEngine.workingRegion(new EngineOptions.Region(x, y, side, side), pw, ph, work[0], work[1]);
                    assertTrue(r[2] >= ClassicalEngine.MIN_REGION_SIDE && r[3] >= ClassicalEngine.MIN_REGION_SIDE,
                            pw + "x" + ph + " at " + x + "," + y + ": " + java.util.Arrays.toString(r));
                }
            }
        }
    }
}
