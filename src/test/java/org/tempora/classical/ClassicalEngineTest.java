package org.tempora.classical;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tempora.engine.CancellationToken;
import org.tempora.engine.CancelledException;
import org.tempora.engine.EngineException;
import org.tempora.engine.EngineOptions;
import org.tempora.engine.GenerationRequest;
import org.tempora.engine.GenerationResult;
import org.tempora.engine.ProgressListener;
import org.tempora.image.LinearImage;
import org.tempora.metrics.VideoScore;
import org.tempora.simulate.BlurSimulator;
import org.tempora.simulate.CameraShake;
import org.tempora.simulate.SimulatedBlur;
import org.tempora.testutil.DevImages;
import org.tempora.timeline.FramePlans;
import org.tempora.timeline.Interval;

class ClassicalEngineTest {
    private static GenerationResult run(LinearImage photo, org.tempora.timeline.FramePlan plan, EngineOptions options) throws Exception {
        return new ClassicalEngine().generate(new GenerationRequest(photo, plan, 0, options), ProgressListener.NONE, CancellationToken.none());
    }

    @Test
    void partialBlursOfTheSharpImageAverageToTheFullBlur() {
        // Closed form: frames that tile the exposure are S*K_i with mean_i K_i = K, so their mean is S*K.
        int w = 64, h = 48, size = 15;
        float[] sharp = new float[w * h];
        java.util.Random rnd = new java.util.Random(3);
        for (int i = 0; i < sharp.length; i++) sharp[i] = rnd.nextFloat();
        float[] k = TimedKernelTest.lShape(size);
        double sum = 0;
        for (float v : k) sum += v;
        for (int i = 0; i < k.length; i++) k[i] /= (float) sum;
        TimedKernel timed = PathExtractor.extract(k, size, false);
        PreparedImage prepared = FftConvolution.prepare(sharp, w, h, size);
        float[] full = prepared.convolve(k, size);
        int n = 7;
        double[] mean = new double[w * h];
        for (int i = 0; i < n; i++) {
            float[] f = prepared.convolve(timed.partialKernel(new Interval((double) i / n - 0.5, (double) (i + 1) / n - 0.5), size), size);
            for (int j = 0; j < f.length; j++) mean[j] += f[j] / (double) n;
        }
        for (int j = 0; j < mean.length; j++) assertEquals(full[j], mean[j], 1e-4);
    }

    @Test
    void framesOfTheExposureAverageBackToThePhoto() throws Exception {
        LinearImage sharp = DevImages.crop("astronaut.png", 100, 40, 200, 160);
        SimulatedBlur sim = BlurSimulator.simulate(sharp, CameraShake.linear(12, 30), 7, 8, 0, 1);
        GenerationResult r = run(sim.blurred(), FramePlans.present(7), EngineOptions.defaults());
        LinearImage photo = sim.blurred();
        double moved = 0;
        for (int i = 0; i < photo.pixelCount(); i++) moved += Math.abs(r.frames().get(0).plane(1)[i] - photo.plane(1)[i]);
        assertTrue(moved / photo.pixelCount() > 0.005, "the first frame shows motion, not the photo: " + moved / photo.pixelCount());
        for (int c = 0; c < photo.channels(); c++) {
            for (int i = 0; i < photo.pixelCount(); i += 7) {
                double m = 0;
                for (LinearImage f : r.frames()) m += f.plane(c)[i];
                assertEquals(photo.plane(c)[i], m / 7, 1e-4);
            }
        }
    }

    @Test
    void aGrainyPhotoIsDeconvolvedGentlyAndSaysSoAndItsFramesComeCloserToTheTruth() throws Exception {
        LinearImage sharp = DevImages.crop("camera.png", 100, 80, 300, 240);
        org.tempora.engine.Trajectory path = CameraShake.arc(16, 70, 40);
        SimulatedBlur sim = BlurSimulator.simulate(sharp, path, 7, 16, 0.002, 5);
        int size = 2 * BlurSimulator.margin(path) + 1;
        EngineOptions known = EngineOptions.defaults().withKernel(new org.tempora.engine.BlurKernel(size, BlurSimulator.kernelImage(path, size), 1));
        LinearImage photo = sim.blurred();
        float[] grain = org.tempora.simulate.Degradation.parse("grain:0.04").apply(photo.plane(0), photo.width(), photo.height(), 4);
        LinearImage grainy = new LinearImage(photo.width(), photo.height(), new float[][] {grain});
        GenerationResult r = run(grainy, FramePlans.present(7), known), clean = run(photo, FramePlans.present(7), known);
        assertTrue(r.warnings().stream().anyMatch(w -> w.startsWith("the photo is noisy or grainy (noise about ")), r.warnings().toString());
        assertTrue(clean.warnings().stream().noneMatch(w -> w.contains("noisy or grainy")), clean.warnings().toString());
        // a sharp photo's fine texture is not taken for grain: its kernel stops too little for a reading
        GenerationResult sharpRun = run(DevImages.crop("coffee.png", 0, 0, 600, 400), FramePlans.present(3), EngineOptions.defaults());
        assertTrue(sharpRun.warnings().stream().noneMatch(w -> w.contains("noisy or grainy")), sharpRun.warnings().toString());
        // the same frames at the fixed weight, for comparison
        TimedKernel timed = PathExtractor.extract(BlurSimulator.kernelImage(path, size), size, false);
        ResidualRenderer fixed = new ResidualRenderer(grainy, Deconvolution.DEFAULT_LAMBDA, BlurSimulator.kernelImage(path, size), size, timed,
                ClassicalEngine.motionStrength(timed), FramePlans.present(7), ProgressListener.NONE, CancellationToken.none());
        List<LinearImage> fixedFrames = new ArrayList<>();
        for (int f = 0; f < 7; f++) fixedFrames.add(ResidualRenderer.compose(grainy, fixed.residual(f), grainy.width(), grainy.height()));
        List<LinearImage> truth = new ArrayList<>();
        for (LinearImage t : sim.truthFrames()) truth.add(new LinearImage(t.width(), t.height(), new float[][] {t.plane(0)}));
        double adapted = VideoScore.of(new ArrayList<>(r.frames()), truth, null).bidirectionalPsnr();
        double atFixed = VideoScore.of(fixedFrames, truth, null).bidirectionalPsnr();
        System.out.printf("grainy photo's frames against the truth: %.2f dB at its noise's weight, %.2f dB at the fixed one%n", adapted, atFixed);
        assertTrue(adapted > atFixed + 1, adapted + " dB against " + atFixed + " dB");
    }

    @Test
    void theDeconvolutionWeightReadsTheNoisiestChannelOfAColourPhotoAndNothingForAKernelWithLittleToSharpen() {
        int w = 400, h = 300, ks = 21;
        float[] line = TestPlanes.normalise(TestPlanes.lineKernel(ks, 17, 0));
        float[][] planes = new float[3][];
        for (int c = 0; c < 3; c++) {
            float[] flat = new float[w * h];
            java.util.Arrays.fill(flat, 0.3f);
            planes[c] = TestPlanes.addNoise(flat, c == 0 ? 0.03 : 0.01, 10 + c);
        }
        LinearImage colour = new LinearImage(w, h, planes);
        List<String> warnings = new ArrayList<>();
        // the red channel's 3% sets it: 0.3 / 0.03^2
        assertEquals(0.3 / (0.03 * 0.03), ClassicalEngine.deconvolutionWeight(colour, colour.luminance(), null, NoiseLevel.stopbandShare(line, ks), warnings), 40);
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith("the photo is noisy or grainy (noise about 3.0% of white)"), warnings.get(0));
        // deconvolved as a toned monochrome, its luminance's noise sets it: sqrt(0.2126^2 0.03^2 + (0.7152^2 + 0.0722^2) 0.01^2)
        double lum = Math.sqrt(Math.pow(0.2126 * 0.03, 2) + (0.7152 * 0.7152 + 0.0722 * 0.0722) * 0.01 * 0.01);
        assertEquals(Deconvolution.weightFor(lum), ClassicalEngine.deconvolutionWeight(colour, colour.luminance(), new float[] {1, 1, 1}, NoiseLevel.stopbandShare(line, ks),
                new ArrayList<>()), 0.1 * Deconvolution.weightFor(lum));
        // a near-delta kernel sharpens little: the fixed weight, and nothing said
        List<String> none = new ArrayList<>();
        assertEquals(Deconvolution.DEFAULT_LAMBDA, ClassicalEngine.deconvolutionWeight(colour, colour.luminance(), null, NoiseLevel.stopbandShare(TestPlanes.delta(5), 5), none));
        assertEquals(List.of(), none);
        // a picture over 4 megapixels is read on its central window
        float[] big = new float[2600 * 1800];
        java.util.Arrays.fill(big, 0.3f);
        LinearImage large = new LinearImage(2600, 1800, new float[][] {TestPlanes.addNoise(big, 0.02, 3)});
        assertEquals(0.3 / (0.02 * 0.02), ClassicalEngine.deconvolutionWeight(large, null, NoiseLevel.stopbandShare(line, ks), new ArrayList<>()), 40);
    }

    @Test
    void framesAreTruerThanTheBlurredPhotoOnKnownCameraShake() throws Exception {
        LinearImage sharp = DevImages.crop("camera.png", 100, 80, 300, 240);
        SimulatedBlur sim = BlurSimulator.simulate(sharp, CameraShake.arc(16, 70, 40), 7, 16, 0.002, 5);
        GenerationResult r = run(sim.blurred(), FramePlans.present(7), EngineOptions.defaults());
        List<LinearImage> frames = new ArrayList<>(r.frames());
        double ours = VideoScore.of(frames, sim.truthFrames(), null).bidirectionalPsnr();
        double repeat = VideoScore.of(Collections.nCopies(7, sim.blurred()), sim.truthFrames(), null).bidirectionalPsnr();
        assertTrue(ours > repeat + 3.0, "engine " + ours + " dB vs repeated photo " + repeat + " dB");
        assertTrue(r.kernel().isPresent() && r.trajectory().isPresent());
    }

    @Test
    void pastAndFutureFramesMoveBeyondTheExposure() throws Exception {
        LinearImage sharp = DevImages.crop("astronaut.png", 100, 40, 200, 160);
        SimulatedBlur sim = BlurSimulator.simulate(sharp, CameraShake.linear(14, 0), 7, 8, 0, 1);
        GenerationResult r = run(sim.blurred(), FramePlans.pastPresentFuture(), EngineOptions.defaults());
        assertEquals(16, r.frames().size());
        var path = r.trajectory().orElseThrow();
        double x0 = path.samples().get(0).x(), x1 = path.samples().get(path.samples().size() - 1).x();
        // A straight 14 px path over one exposure continues 7 px on either side over [-1, 1]
        // (the estimated kernel is a little longer than the true path: blind estimates spread).
        assertEquals(28, Math.abs(x1 - x0), 6.0);
        double y0 = path.samples().get(0).y(), y1 = path.samples().get(path.samples().size() - 1).y();
        assertTrue(Math.abs(y1 - y0) < 0.2 * Math.abs(x1 - x0), "the path stays horizontal");
    }

    @Test
    void largePhotosAreWorkedSmallAndSaySo() throws Exception {
        LinearImage sharp = DevImages.crop("coffee.png", 0, 0, 400, 300);
        GenerationResult r = run(sharp, FramePlans.present(3), new EngineOptions(false, 0, 30_000));
        assertEquals(400, r.frames().get(0).width());
        assertEquals(300, r.frames().get(2).height());
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("reduced resolution")), r.warnings().toString());
        assertTrue(r.kernel().orElseThrow().scale() < 1);
    }

    @Test
    void framesWorkedSmallStillAverageBackToThePhoto() throws Exception {
        // The residuals sum to zero at the working size; enlarging them must keep their negative half.
        LinearImage sharp = DevImages.crop("astronaut.png", 60, 20, 300, 240);
        SimulatedBlur sim = BlurSimulator.simulate(sharp, CameraShake.linear(16, 20), 5, 8, 0, 1);
        LinearImage photo = sim.blurred();
        GenerationResult r = run(photo, FramePlans.present(5), new EngineOptions(false, 0, 20_000));
        assertTrue(r.kernel().orElseThrow().scale() < 1);
        List<LinearImage> frames = new ArrayList<>(r.frames()); // rendered on access: once each
        double moved = 0;
        for (int c = 0; c < photo.channels(); c++) {
            for (int i = 0; i < photo.pixelCount(); i += 3) {
                double m = 0;
                for (LinearImage f : frames) m += f.plane(c)[i];
                assertEquals(photo.plane(c)[i], m / 5, 1e-4);
                moved += Math.abs(frames.get(0).plane(c)[i] - photo.plane(c)[i]);
            }
        }
        assertTrue(moved > 0, "the frames show motion");
    }

    @Test
    void aTangledPathFadesTowardsThePhoto() {
        // A clean line keeps all its motion; an L traced twice over a line (a loop) loses it.
        assertEquals(1.0, ClassicalEngine.motionStrength(PathExtractor.extract(TimedKernelTest.horizontalLine(15, 11), 15, false)));
        int size = 15;
        float[] loop = new float[size * size];
        for (int i = 2; i <= 12; i++) {
            loop[2 * size + i] = loop[12 * size + i] = loop[i * size + 2] = loop[i * size + 12] = 1; // a square outline
        }
        assertEquals(0.0, ClassicalEngine.motionStrength(PathExtractor.extract(loop, size, false)));
        assertEquals(0.5, ClassicalEngine.ramp(0.85, ClassicalEngine.SPREAD_NONE, ClassicalEngine.SPREAD_FULL), 1e-12);
    }

    @Test
    void cancelStopsTheRun() throws Exception {
        LinearImage sharp = DevImages.crop("astronaut.png", 0, 0, 200, 160);
        CancellationToken token = new CancellationToken();
        token.cancel();
        assertThrows(CancelledException.class, () -> new ClassicalEngine().generate(
                new GenerationRequest(sharp, FramePlans.present(4), 0, EngineOptions.defaults()), ProgressListener.NONE, token));
    }

    @Test
    void refusesPlansBeyondItsReach() {
        LinearImage img = LinearImage.blank(64, 64, 1);
        EngineException e = assertThrows(EngineException.class,
                () -> run(img, FramePlans.fromIntervals(List.of(new Interval(-0.5, 0), new Interval(9, 10))), EngineOptions.defaults()));
        assertFalse(e.getMessage().isBlank());
    }
}
