package org.tempora.classical;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tempora.engine.BlurKernel;
import org.tempora.engine.CancellationToken;
import org.tempora.engine.EngineOptions;
import org.tempora.engine.GenerationRequest;
import org.tempora.engine.GenerationResult;
import org.tempora.engine.ProgressListener;
import org.tempora.engine.Trajectory;
import org.tempora.image.LinearImage;
import org.tempora.metrics.VideoScore;
import org.tempora.simulate.BlurSimulator;
import org.tempora.simulate.CameraShake;
import org.tempora.simulate.SimulatedBlur;
import org.tempora.testutil.DevImages;
import org.tempora.timeline.FramePlans;
import org.tempora.timeline.Interval;

/** The finer pass: a blur estimated at reduced resolution removed again at the photo's own size. */
class DetailPassTest {
    private static GenerationResult run(LinearImage photo, EngineOptions options) throws Exception {
        return new ClassicalEngine().generate(new GenerationRequest(photo, FramePlans.present(7), 0, options),
                ProgressListener.NONE, CancellationToken.none());
    }

    private static double score(GenerationResult r, SimulatedBlur sim) {
        return VideoScore.of(new ArrayList<>(r.frames()), sim.truthFrames(), null).bidirectionalPsnr();
    }

    @Test
    void removingTheBlurAtTwiceTheWorkingSizeRendersFramesCloserToTheTruth() throws Exception {
        LinearImage sharp = DevImages.crop("coffee.png", 0, 0, 600, 400);
        Trajectory path = CameraShake.linear(30, 20);
        SimulatedBlur sim = BlurSimulator.simulate(sharp, path, 7, 16, 0.001, 3);
        int size = 2 * BlurSimulator.margin(path) + 1;
        BlurKernel truth = new BlurKernel(size, BlurSimulator.kernelImage(path, size), 1);
        EngineOptions quarter = new EngineOptions(false, 0, sim.blurred().pixelCount() / 4).withKernel(truth);
        GenerationResult coarse = run(sim.blurred(), quarter.withMaxDetailPixels(0));
        GenerationResult fine = run(sim.blurred(), quarter.withMaxDetailPixels(Long.MAX_VALUE));
        double c = score(coarse, sim), f = score(fine, sim);
        System.out.printf("frames vs truth: working size only %.2f dB, finer pass %.2f dB%n", c, f);
        assertTrue(f > c + 0.15, "finer pass " + f + " dB vs working size " + c + " dB");
        assertTrue(fine.warnings().stream().anyMatch(w -> w.contains("removed it at full resolution")), fine.warnings().toString());
        assertTrue(coarse.warnings().stream().anyMatch(w -> w.contains("reduced resolution")), coarse.warnings().toString());
        assertEquals(sim.blurred().width(), fine.frames().get(0).width());
        List<LinearImage> frames = new ArrayList<>(fine.frames());
        LinearImage photo = sim.blurred();
        for (int i = 0; i < photo.pixelCount(); i += 7) {
            double m = 0;
            for (LinearImage frame : frames) m += frame.plane(1)[i];
            assertEquals(photo.plane(1)[i], m / frames.size(), 1e-4, "the frames average back to the photo");
        }
    }

    @Test
    void aPathTooTangledToDrawThinSkipsTheFinerPassAndSaysSo() throws Exception {
        // a closed ring: its order in time cannot be read, so its motion strength is 0 and it is not drawn thin
        int size = 21;
        float[] ring = new float[size * size];
        for (int a = 0; a < 360; a++) {
            int x = (int) Math.round(10 + 6 * Math.cos(Math.toRadians(a))), y = (int) Math.round(10 + 6 * Math.sin(Math.toRadians(a)));
            ring[y * size + x] = 1;
        }
        LinearImage photo = DevImages.crop("coffee.png", 0, 0, 600, 400);
        EngineOptions quarter = new EngineOptions(false, 0, photo.pixelCount() / 4).withKernel(new BlurKernel(size, ring, 1));
        GenerationResult skipped = run(photo, quarter.withMaxDetailPixels(Long.MAX_VALUE)), none = run(photo, quarter);
        assertTrue(skipped.warnings().contains(ClassicalEngine.detailSkipped("the blur path")), skipped.warnings().toString());
        assertTrue(skipped.warnings().stream().anyMatch(w -> w.startsWith("worked at reduced resolution 300x200")), skipped.warnings().toString());
        assertFalse(none.warnings().contains(ClassicalEngine.detailSkipped("the blur path")), "no finer pass asked, none skipped");
    }

    @Test
    void aFinerPassTooCloseToTheWorkingSizeIsNotRunAndSaysSo() throws Exception {
        LinearImage photo = DevImages.crop("coffee.png", 0, 0, 600, 400);
        // worked at 1/1.3 of its pixels: 1.14 times smaller across, under the 1.2 a finer pass needs
        EngineOptions close = new EngineOptions(false, 0, (long) (photo.pixelCount() / 1.3)).withMaxDetailPixels(Long.MAX_VALUE);
        GenerationResult r = run(photo, close);
        assertTrue(r.warnings().stream().anyMatch(w -> w.startsWith("the finer pass for detail was not run: it would work at only 1.14 times")),
                r.warnings().toString());
        assertTrue(r.warnings().stream().anyMatch(w -> w.startsWith("worked at reduced resolution 526x351")), r.warnings().toString());
        assertEquals(1.14, ClassicalEngine.fullDetailGain(600, 400, (long) (photo.pixelCount() / 1.3)), 0.005);
    }

    @Test
    void aStraightPathIsDrawnAsAOnePixelLineTheLengthOfThePathTimesTheFactor() {
        // a horizontal line kernel of 9 working pixels drawn 3x finer: mass on one row, 25-27 pixels long, centred
        int ks = 15;
        float[] line = TestPlanes.normalise(TestPlanes.lineKernel(ks, 9, 0));
        TimedKernel path = PathExtractor.extract(line, ks, false);
        DetailKernels drawn = new DetailKernels(path, 3, new Interval(-0.5, 0.5));
        int n = drawn.canvas();
        float[] k = drawn.exposure();
        double sum = 0, rowMass = 0, mx = 0;
        int minX = n, maxX = -1;
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                float v = k[y * n + x];
                sum += v;
                mx += v * (x - n / 2);
                if (Math.abs(y - n / 2) <= 1) rowMass += v;
                if (v > 1e-4) { minX = Math.min(minX, x); maxX = Math.max(maxX, x); }
            }
        }
        assertEquals(1, sum, 1e-5);
        assertTrue(rowMass > 0.99, "mass within a row of the centre: " + rowMass);
        assertEquals(0, mx, 0.5, "centred");
        int length = maxX - minX + 1;
        assertTrue(length >= 3 * 9 - 4 && length <= 3 * 9 + 2, "drawn length " + length);
    }

    @Test
    void theIntervalsThatTileTheExposureSumToTheExposuresKernel() {
        int ks = 21;
        float[] arc = TestPlanes.normalise(TestPlanes.lineKernel(ks, 13, 30));
        TimedKernel path = PathExtractor.extract(arc, ks, false);
        DetailKernels drawn = new DetailKernels(path, 2.5, new Interval(-0.5, 0.5));
        List<Interval> quarters = List.of(new Interval(-0.5, -0.25), new Interval(-0.25, 0), new Interval(0, 0.25), new Interval(0.25, 0.5));
        List<float[]> parts = drawn.partials(quarters);
        float[] whole = drawn.exposure();
        double worst = 0, peak = 0;
        for (int i = 0; i < whole.length; i++) {
            double s = 0;
            for (float[] p : parts) s += p[i] / 4.0;
            worst = Math.max(worst, Math.abs(s - whole[i]));
            peak = Math.max(peak, whole[i]);
        }
        assertTrue(worst < 0.02 * peak, "quarters' mean vs whole: " + worst + " of peak " + peak);
    }
}
