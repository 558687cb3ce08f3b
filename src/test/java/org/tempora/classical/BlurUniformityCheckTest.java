package org.tempora.classical;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tempora.engine.BlurPart;
import org.tempora.engine.CancellationToken;
import org.tempora.engine.CancelledException;
import org.tempora.engine.ProgressListener;

/**
 * Uniform and split blur on development crops (320x240, Gaussian noise 0.003), the global kernel estimated blind
 * as the engine does; closed-form moment distances. Figures measured when the thresholds were set are given next
 * to each assertion (distance left/right, top/bottom; the warning threshold is 2.35).
 */
class BlurUniformityCheckTest {
    private static final int W = 320, H = 240;
    private static final String LEFT_RIGHT = "the left half is blurred differently from the right half";

    private static BlurUniformityCheck.Analysis analyse(String what, float[] blurred, int w, int h) throws Exception {
        KernelEstimator.Estimate global = new KernelEstimator().estimate(blurred, w, h, 0, ProgressListener.NONE, CancellationToken.none());
        long t0 = System.nanoTime();
        BlurUniformityCheck.Analysis a = BlurUniformityCheck.analyse(blurred, w, h, BlurUniformityCheck.partKernelSize(global.size()), CancellationToken.none());
        System.out.printf("%s (global %d px, check %d ms): %s%n", what, global.size(), (System.nanoTime() - t0) / 1_000_000,
                BlurUniformityCheck.describe(a));
        return a;
    }

    private static float[] row(int ks, int length) {
        float[] k = new float[ks * ks];
        for (int i = 0; i < length; i++) k[(ks / 2) * ks + ks / 2 - length / 2 + i] = 1f / length;
        return k;
    }

    private static float[] column(int ks, int length) {
        float[] k = new float[ks * ks];
        for (int i = 0; i < length; i++) k[(ks / 2 - length / 2 + i) * ks + ks / 2] = 1f / length;
        return k;
    }

    @Test
    void momentDistanceOfStrokesIsClosedForm() {
        // a 15-pixel row has variance (15^2 - 1) / 12 = 18.67 along it; plus 1 px^2 each way: eigenvalue ratios 19.67
        double v = (15 * 15 - 1) / 12.0 + 1;
        assertEquals(Math.sqrt(2) * Math.log(v), BlurUniformityCheck.momentDistance(row(21, 15), column(21, 15), 21), 1e-5);
        assertEquals(Math.log(v), BlurUniformityCheck.momentDistance(TestPlanes.delta(21), row(21, 15), 21), 1e-5);
        assertEquals(0, BlurUniformityCheck.momentDistance(row(21, 15), row(21, 15), 21), 1e-6);
        // shifting a kernel does not change its moments; the distance is symmetric
        assertEquals(0, BlurUniformityCheck.momentDistance(row(21, 15), KernelOps.shift(row(21, 15), 21, 2, 3), 21), 1e-6);
        float[] diagonal = TestPlanes.lineKernel(21, 15, 45);
        assertEquals(BlurUniformityCheck.momentDistance(diagonal, column(21, 9), 21),
                BlurUniformityCheck.momentDistance(column(21, 9), diagonal, 21), 1e-9);
    }

    @Test
    void verdictNamesTheHalves() {
        assertEquals(Optional.empty(), BlurUniformityCheck.verdict(1.0, Double.NaN));
        assertEquals(Optional.of("blur looks spatially varying: " + LEFT_RIGHT + "; result is approximate"),
                BlurUniformityCheck.verdict(3.0, 0.5));
        assertEquals(Optional.of("blur looks spatially varying: the top half is blurred differently from the bottom half; result is approximate"),
                BlurUniformityCheck.verdict(Double.NaN, 3.0));
        assertTrue(BlurUniformityCheck.verdict(3.0, 2.5).orElseThrow().contains("the left half"));
        assertTrue(BlurUniformityCheck.verdict(2.5, 3.0).orElseThrow().contains("the top half"));
    }

    @Test
    void uniformShakeGivesNoWarning() throws Exception {
        float[] k = TestPlanes.shakeKernel(23, 21, 2);
        float[] blurred = TestPlanes.blurredCrop("astronaut.png", 100, 40, W, H, k, 23, 0.003, 11);
        assertEquals(Optional.empty(), analyse("astronaut, uniform shake", blurred, W, H).warning()); // 0.78, 0.77
    }

    @Test
    void uniformLineGivesNoWarning() throws Exception {
        float[] k = TestPlanes.lineKernel(17, 15, 30);
        float[] blurred = TestPlanes.blurredCrop("camera.png", 100, 100, W, H, k, 17, 0.003, 11);
        assertEquals(Optional.empty(), analyse("camera, uniform 15 px line", blurred, W, H).warning()); // 0.19, 0.04
    }

    @Test
    void horizontalLeftVerticalRightIsNamed() throws Exception {
        float[] horizontal = TestPlanes.blurredCrop("astronaut.png", 100, 40, W, H, TestPlanes.lineKernel(17, 15, 0), 17, 0.003, 11);
        float[] vertical = TestPlanes.blurredCrop("astronaut.png", 100, 40, W, H, TestPlanes.lineKernel(17, 15, 90), 17, 0.003, 11);
        BlurUniformityCheck.Analysis a = analyse("astronaut, horizontal | vertical", UniformityCalibration.joinLeftRight(horizontal, vertical, W, H), W, H);
        assertTrue(a.leftRight() > BlurUniformityCheck.DIFFERENT, "left/right " + a.leftRight()); // 3.32
        assertEquals(Optional.of("blur looks spatially varying: " + LEFT_RIGHT + "; result is approximate"), a.warning());
        // The parts shown for it: the two halves, scaled to a photo three times the working size.
        assertEquals(List.of(new BlurPart(0, 0, 480, 720, 0), new BlurPart(480, 0, 480, 720, 1)), BlurUniformityCheck.parts(a, W, H, 3 * W, 3 * H));
    }

    @Test
    void movingHalfOnStillHalfIsNamed() throws Exception {
        float[] still = TestPlanes.addNoise(TestPlanes.devLuminance("camera.png", 100, 100, W, H), 0.003, 11);
        float[] moving = TestPlanes.blurredCrop("camera.png", 100, 100, W, H, TestPlanes.lineKernel(17, 15, 0), 17, 0.003, 11);
        BlurUniformityCheck.Analysis a = analyse("camera, still | horizontal", UniformityCalibration.joinLeftRight(still, moving, W, H), W, H);
        assertTrue(a.warning().orElse("").contains(LEFT_RIGHT), a.warning().toString()); // 2.39, 1.06
    }

    @Test
    void blurredTopOnStillBottomIsNamed() throws Exception {
        float[] still = TestPlanes.addNoise(TestPlanes.devLuminance("coffee.png", 100, 80, W, H), 0.003, 11);
        float[] moving = TestPlanes.blurredCrop("coffee.png", 100, 80, W, H, TestPlanes.lineKernel(17, 15, 0), 17, 0.003, 11);
        System.arraycopy(still, W * H / 2, moving, W * H / 2, W * H / 2);
        BlurUniformityCheck.Analysis a = analyse("coffee, horizontal over still", moving, W, H);
        assertTrue(a.warning().orElse("").contains("the top half is blurred differently from the bottom half"), a.warning().toString());
    }

    @Test
    void flatPictureGivesNoWarning() throws Exception {
        float[] flat = new float[W * H];
        for (int y = 0; y < H; y++) for (int x = 0; x < W; x++) flat[y * W + x] = 0.3f + 0.2f * x / W + 0.05f * y / H;
        flat = TestPlanes.addNoise(flat, 0.003, 4);
        // the smallest parts' kernels rather than the estimate's size (which fills its 81 px canvas on noise, too big to judge by halves)
        BlurUniformityCheck.Analysis a = BlurUniformityCheck.analyse(flat, W, H, BlurUniformityCheck.PART_KERNEL, CancellationToken.none());
        System.out.println("flat ramp: " + BlurUniformityCheck.describe(a));
        assertEquals(Optional.empty(), a.warning());
        for (boolean t : a.textured()) assertFalse(t, "a flat ramp has no texture");
    }

    @Test
    void skyAboveDetailGivesNoWarning() throws Exception {
        float[] k = TestPlanes.lineKernel(17, 15, 0);
        float[] blurred = TestPlanes.blurredCrop("camera.png", 20, 20, W, H, k, 17, 0.003, 11);
        assertEquals(Optional.empty(), analyse("camera with sky, uniform line", blurred, W, H).warning()); // 0.33, 0.33
    }

    @Test
    void workingResolutionTiming() throws Exception {
        // 640x360, a typical working resolution; prints the time after a warm-up run
        int w = 640, h = 360;
        float[] k = TestPlanes.shakeKernel(23, 21, 2);
        float[] blurred = TestPlanes.blurredCrop("hubble_deep_field.jpg", 150, 200, w, h, k, 23, 0.003, 11);
        KernelEstimator estimator = new KernelEstimator();
        KernelEstimator.Estimate global = estimator.estimate(blurred, w, h, 0, ProgressListener.NONE, CancellationToken.none());
        BlurUniformityCheck.analyse(blurred, w, h, BlurUniformityCheck.partKernelSize(global.size()), CancellationToken.none());
        long t0 = System.nanoTime();
        estimator.estimate(blurred, w, h, 0, ProgressListener.NONE, CancellationToken.none());
        long t1 = System.nanoTime();
        BlurUniformityCheck.Analysis a = BlurUniformityCheck.analyse(blurred, w, h, BlurUniformityCheck.partKernelSize(global.size()), CancellationToken.none());
        System.out.printf("640x360 hubble, uniform shake: global estimate %d ms, check %d ms: %s%n", (t1 - t0) / 1_000_000,
                (System.nanoTime() - t1) / 1_000_000, BlurUniformityCheck.describe(a));
        assertEquals(Optional.empty(), a.warning());
    }

    @Test
    void aSmallPhotoIsJudgedWithSmallerPartKernels() throws Exception {
        // 200x150: the top half's window (200x75) holds 25 px kernels three times over, not the 31 px floor
        int w = 200, h = 150;
        float[] k = TestPlanes.lineKernel(17, 15, 0);
        float[] still = TestPlanes.addNoise(TestPlanes.devLuminance("camera.png", 150, 150, w, h), 0.003, 11);
        float[] moving = TestPlanes.blurredCrop("camera.png", 150, 150, w, h, k, 17, 0.003, 11);
        still = UniformityCalibration.joinLeftRight(still, moving, w, h);
        BlurUniformityCheck.Analysis a = BlurUniformityCheck.analyse(still, w, h, BlurUniformityCheck.PART_KERNEL, CancellationToken.none());
        System.out.println("200x150 camera, still | horizontal: " + BlurUniformityCheck.describe(a));
        assertFalse(Double.isNaN(a.leftRight()), BlurUniformityCheck.describe(a));
        // too small for even 21 px kernels (a 120x60 photo's halves): not judged, no warning
        float[] tiny = TestPlanes.blurredCrop("camera.png", 150, 150, 120, 60, k, 17, 0.003, 11);
        BlurUniformityCheck.Analysis none = BlurUniformityCheck.analyse(tiny, 120, 60, BlurUniformityCheck.PART_KERNEL, CancellationToken.none());
        assertTrue(Double.isNaN(none.leftRight()) && Double.isNaN(none.topBottom()));
        assertEquals(Optional.empty(), none.warning());
    }

    @Test
    void honoursCancellation() throws Exception {
        float[] k = TestPlanes.lineKernel(17, 15, 30);
        float[] blurred = TestPlanes.blurredCrop("camera.png", 100, 100, W, H, k, 17, 0.003, 11);
        CancellationToken token = new CancellationToken();
        token.cancel();
        assertThrows(CancelledException.class, () -> BlurUniformityCheck.analyse(blurred, W, H, BlurUniformityCheck.PART_KERNEL, token));
    }

    @Test
    void quartersNameTheSidesThatAreBlurredDifferently() throws Exception {
        int w = 640, h = 480;
        float[] sharp = TestPlanes.devLuminance("hubble_deep_field.jpg", 200, 200, w, h);
        float[] left = FftConvolution.convolve(sharp, w, h, row(21, 15), 21), right = FftConvolution.convolve(sharp, w, h, column(21, 15), 21);
        float[] blurred = TestPlanes.addNoise(UniformityCalibration.joinLeftRight(left, right, w, h), 0.003, 4);
        BlurUniformityCheck.Analysis a = analyse("hubble 640x480, horizontal | vertical", blurred, w, h);
        BlurUniformityCheck.Grid grid = a.grid().orElseThrow();
        assertEquals(2, grid.groups(), java.util.Arrays.deepToString(grid.distance()));
        assertEquals("top-left and bottom-left", grid.members(0));
        assertEquals("top-right and bottom-right", grid.members(1));
        assertTrue(a.warning().orElseThrow().contains("top-left and bottom-left quarters"), a.warning().get());
        assertTrue(a.warning().get().contains("--region") && a.warning().get().contains("Blur region"), a.warning().get());
        // The quarters as parts, in photo pixels (here the working size), grouped as the warning says.
        assertEquals(List.of(new BlurPart(0, 0, 320, 240, 0), new BlurPart(320, 0, 320, 240, 1), new BlurPart(0, 240, 320, 240, 0),
                new BlurPart(320, 240, 320, 240, 1)), BlurUniformityCheck.parts(a, w, h, w, h));
    }

    @Test
    void noPartsWithoutAWarningAndTopBottomHalvesForThatSplit() {
        BlurUniformityCheck.Analysis uniform = new BlurUniformityCheck.Analysis(new boolean[4], 0.5, 0.7, Optional.empty(), Optional.empty());
        assertEquals(List.of(), BlurUniformityCheck.parts(uniform, 320, 240, 320, 240));
        // Top and bottom differ more than left and right: the halves named are top and bottom (an odd height rounds the halves).
        BlurUniformityCheck.Analysis topBottom = new BlurUniformityCheck.Analysis(new boolean[4], 2.5, 3.1,
                BlurUniformityCheck.verdict(2.5, 3.1), Optional.empty());
        assertEquals(List.of(new BlurPart(0, 0, 641, 240, 0), new BlurPart(0, 241, 641, 240, 1)), BlurUniformityCheck.parts(topBottom, 641, 481, 641, 481));
    }

    @Test
    void gridVerdictIsSilentForOneGroup() {
        double[][] d = new double[4][4];
        assertEquals(Optional.empty(), BlurUniformityCheck.gridVerdict(Optional.of(new BlurUniformityCheck.Grid(d, new int[] {0, 0, 0, -1}, 1))));
        assertEquals(Optional.empty(), BlurUniformityCheck.gridVerdict(Optional.empty()));
    }
}
