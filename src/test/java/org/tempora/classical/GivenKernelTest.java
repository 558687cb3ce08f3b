package org.tempora.classical;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tempora.engine.BlurKernel;
import org.tempora.engine.CancellationToken;
import org.tempora.engine.EngineException;
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

class GivenKernelTest {
    private static GenerationResult run(LinearImage photo, EngineOptions options) throws Exception {
        return new ClassicalEngine().generate(new GenerationRequest(photo, FramePlans.present(7), 0, options),
                ProgressListener.NONE, CancellationToken.none());
    }

    private static double score(GenerationResult r, SimulatedBlur sim) {
        List<LinearImage> frames = new ArrayList<>(r.frames());
        return VideoScore.of(frames, sim.truthFrames(), null).bidirectionalPsnr();
    }

    @Test
    void theTrueKernelGivesFramesAtLeastAsGoodAsBlindEstimation() throws Exception {
        LinearImage sharp = DevImages.crop("camera.png", 100, 80, 300, 240);
        Trajectory path = CameraShake.arc(16, 70, 40);
        SimulatedBlur sim = BlurSimulator.simulate(sharp, path, 7, 16, 0.002, 5);
        int size = 2 * BlurSimulator.margin(path) + 1;
        BlurKernel truth = new BlurKernel(size, BlurSimulator.kernelImage(path, size), 1);
        GenerationResult given = run(sim.blurred(), EngineOptions.defaults().withKernel(truth));
        GenerationResult blind = run(sim.blurred(), EngineOptions.defaults());
        double g = score(given, sim), b = score(blind, sim);
        System.out.printf("given kernel %.2f dB, blind %.2f dB%n", g, b);
        assertTrue(g >= b - 0.05, "given kernel " + g + " dB vs blind " + b + " dB");
        assertEquals(size, given.kernel().orElseThrow().size());
        assertTrue(given.warnings().stream().anyMatch(w -> w.contains("given")), given.warnings().toString());
    }

    @Test
    void aKernelInPhotoPixelsIsScaledToTheWorkingResolution() throws Exception {
        LinearImage photo = DevImages.crop("coffee.png", 0, 0, 400, 300);
        BlurKernel line = new BlurKernel(21, TestPlanes.normalise(TestPlanes.lineKernel(21, 17, 0)), 1);
        GenerationResult r = run(photo, new EngineOptions(false, 0, 30_000).withKernel(line));
        BlurKernel used = r.kernel().orElseThrow();
        assertEquals(0.5, used.scale(), 1e-9, "worked at half size");
        // 17 px at scale s is 17 s working pixels; the kernel canvas shrinks with it
        assertEquals(KernelEstimator.nearestOdd(21 * used.scale()), used.size(), 2);
    }

    @Test
    void aKernelTooLargeForThePhotoIsRefused() {
        LinearImage photo = LinearImage.blank(64, 64, 1);
        BlurKernel big = new BlurKernel(41, TestPlanes.normalise(TestPlanes.lineKernel(41, 30, 0)), 1);
        EngineException e = assertThrows(EngineException.class, () -> run(photo, EngineOptions.defaults().withKernel(big)));
        assertTrue(e.getMessage().contains("too large"), e.getMessage());
    }
}
