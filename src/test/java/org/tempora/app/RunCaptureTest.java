package org.tempora.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tempora.engine.BlurKernel;
import org.tempora.engine.CancellationToken;
import org.tempora.engine.Engine;
import org.tempora.engine.EngineOptions;
import org.tempora.engine.GenerationRequest;
import org.tempora.engine.GenerationResult;
import org.tempora.engine.ProgressListener;
import org.tempora.engine.Trajectory;
import org.tempora.image.LinearImage;
import org.tempora.timeline.FramePlan;
import org.tempora.timeline.Interval;
import org.tempora.timeline.PlanLimits;

class RunCaptureTest {
    private static final BlurKernel KERNEL = new BlurKernel(1, new float[] {1f}, 1);
    private static final Trajectory PATH = new Trajectory(List.of(new Trajectory.Sample(-0.5, -2, 0), new Trajectory.Sample(0.5, 2, 0)));

    /** Frame i is constant (i + 1) / 10; it streams frames only when asked and {@code streams} is set. */
    private static Engine fake(boolean streams) {
        return new Engine() {
            @Override public String id() { return "fake"; }
            @Override public String version() { return "1"; }
            @Override public PlanLimits limits() { return PlanLimits.CLASSICAL; }

            @Override public GenerationResult generate(GenerationRequest request, ProgressListener progress, CancellationToken cancel) {
                List<LinearImage> frames = new ArrayList<>();
                for (int i = 0; i < request.plan().size(); i++) {
                    LinearImage f = LinearImage.blank(4, 3, 3);
                    for (int c = 0; c < 3; c++) Arrays.fill(f.plane(c), (i + 1) / 10f);
                    frames.add(f);
                    if (streams && progress.wantsFrames()) progress.frame(i, f, false);
                }
                return new GenerationResult(frames, request.plan(), Optional.of(KERNEL), Optional.of(PATH), List.of(), Map.of());
            }
        };
    }

    @ParameterizedTest(name = "engine streams frames: {0}")
    @ValueSource(booleans = {true, false})
    void takesInTheExposureFramesAndTheKernelAndPath(boolean streams) throws Exception {
        // Past-present-future: 4 frames, the middle two inside the exposure (values 0.2 and 0.3).
        FramePlan plan = FramePlan.of(new Interval(-1, -0.5), new Interval(-0.5, 0), new Interval(0, 0.5), new Interval(0.5, 1));
        LinearImage photo = LinearImage.blank(4, 3, 3);
        RunCapture capture = new RunCapture(photo, plan);
        BackgroundRunner.Reporter reporter = new BackgroundRunner.Reporter() {
            @Override public void progress(String stage, int done, int total) {}
            @Override public void post(Runnable update) { update.run(); }
        };
        List<Integer> shown = new ArrayList<>();
        FrameGeneration.run(capture.around(fake(streams)), new GenerationRequest(photo, plan, 0, EngineOptions.defaults()), reporter,
                (index, pixels, preview) -> shown.add(index), CancellationToken.none());
        assertEquals(List.of(0, 1, 2, 3), shown, "every frame still reaches the window");
        assertTrue(capture.exposureMean().complete());
        for (float v : capture.exposureMean().mean().plane(0)) assertEquals(0.25f, v, 1e-7f);
        assertSame(KERNEL, capture.kernel().orElseThrow());
        assertSame(PATH, capture.trajectory().orElseThrow());
        assertSame(photo, capture.photo());
    }

    @Test void nothingIsKnownBeforeTheRun() {
        RunCapture capture = new RunCapture(LinearImage.blank(4, 3, 3), FramePlan.of(new Interval(-0.5, 0.5)));
        assertTrue(capture.kernel().isEmpty());
        assertTrue(capture.trajectory().isEmpty());
        assertEquals(0, capture.exposureMean().added());
    }
}
