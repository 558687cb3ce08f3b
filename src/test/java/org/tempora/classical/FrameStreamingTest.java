package org.tempora.classical;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.tempora.engine.CancellationToken;
import org.tempora.engine.CancelledException;
import org.tempora.engine.EngineOptions;
import org.tempora.engine.GenerationRequest;
import org.tempora.engine.GenerationResult;
import org.tempora.engine.ProgressListener;
import org.tempora.image.LinearImage;
import org.tempora.simulate.BlurSimulator;
import org.tempora.simulate.CameraShake;
import org.tempora.testutil.DevImages;
import org.tempora.timeline.FramePlan;
import org.tempora.timeline.FramePlans;

/** How the classical engine hands frames to a listener while it runs: previews first, then each final frame. */
class FrameStreamingTest {
    private record Delivery(int index, LinearImage frame, boolean preview) {}

    /** Records every frame call; cancels {@code token} at the first frame that {@code cancelAt} accepts. */
    private static final class Recorder implements ProgressListener {
        final List<Delivery> frames = new ArrayList<>();
        final boolean wants;
        final CancellationToken token;
        final Predicate<Delivery> cancelAt;

        Recorder(boolean wants) { this(wants, null, d -> false); }

        Recorder(boolean wants, CancellationToken token, Predicate<Delivery> cancelAt) {
            this.wants = wants;
            this.token = token;
            this.cancelAt = cancelAt;
        }

        @Override public void progress(String stage, int done, int total) {}

        @Override public boolean wantsFrames() { return wants; }

        @Override public void frame(int index, LinearImage frame, boolean preview) {
            Delivery d = new Delivery(index, frame, preview);
            frames.add(d);
            if (cancelAt.test(d)) token.cancel();
        }

        List<Delivery> of(boolean preview) { return frames.stream().filter(d -> d.preview() == preview).toList(); }
    }

    private static LinearImage blurredPhoto() throws Exception {
        LinearImage sharp = DevImages.crop("astronaut.png", 100, 40, 240, 180);
        return BlurSimulator.simulate(sharp, CameraShake.linear(12, 30), 7, 8, 0, 1).blurred();
    }

    private static GenerationResult run(LinearImage photo, FramePlan plan, ProgressListener listener, CancellationToken cancel)
            throws Exception {
        return new ClassicalEngine().generate(new GenerationRequest(photo, plan, 0, EngineOptions.defaults()), listener, cancel);
    }

    @Test
    void previewsOfEveryFrameComeFirstThenTheFinalFramesInOrder() throws Exception {
        LinearImage photo = blurredPhoto();
        int n = 7;
        Recorder rec = new Recorder(true);
        GenerationResult r = run(photo, FramePlans.present(n), rec, CancellationToken.none());

        List<Delivery> previews = rec.of(true), finals = rec.of(false);
        assertEquals(2 * n, rec.frames.size());
        for (int i = 0; i < n; i++) {
            assertTrue(rec.frames.get(i).preview(), "all previews before the first final frame");
            assertEquals(i, previews.get(i).index(), "previews in index order");
            assertEquals(i, finals.get(i).index(), "final frames in index order");
            LinearImage p = previews.get(i).frame();
            assertEquals(photo.width(), p.width());
            assertEquals(photo.height(), p.height());
            assertEquals(photo.channels(), p.channels());
            LinearImage expected = r.frames().get(i);
            for (int c = 0; c < photo.channels(); c++) {
                assertArrayEquals(expected.plane(c), finals.get(i).frame().plane(c), "final frame " + i + " is the result's");
            }
        }
        assertTrue(r.timingsMs().containsKey("preview"));
    }

    @Test
    void previewsAreCloseToTheFramesAndAverageBackToThePhoto() throws Exception {
        LinearImage photo = blurredPhoto();
        int n = 7;
        Recorder rec = new Recorder(true);
        GenerationResult r = run(photo, FramePlans.present(n), rec, CancellationToken.none());
        List<Delivery> previews = rec.of(true);
        int px = photo.pixelCount();
        double moved = 0, off = 0;
        for (int i = 0; i < n; i++) {
            float[] p = previews.get(i).frame().plane(1), f = r.frames().get(i).plane(1), y = photo.plane(1);
            for (int j = 0; j < px; j++) {
                moved += Math.abs(f[j] - y[j]);
                off += Math.abs(p[j] - f[j]);
            }
        }
        // The preview's coarse kernel renders the same motion at half resolution: it misses fine detail, not the motion.
        assertTrue(off < 0.5 * moved, "preview error " + off / (n * px) + " vs motion " + moved / (n * px));
        // Closed form: residuals of frames tiling the exposure sum to zero, and enlarging is linear.
        for (int c = 0; c < photo.channels(); c++) {
            for (int j = 0; j < px; j += 5) {
                double mean = 0;
                for (Delivery d : previews) mean += d.frame().plane(c)[j] / n;
                assertEquals(photo.plane(c)[j], mean, 1e-4);
            }
        }
    }

    @Test
    void aListenerThatDoesNotWantFramesCostsNoPreviews() throws Exception {
        LinearImage photo = blurredPhoto();
        Recorder rec = new Recorder(false);
        GenerationResult quiet = run(photo, FramePlans.present(5), rec, CancellationToken.none());
        assertEquals(0, rec.frames.size());
        assertFalse(quiet.timingsMs().containsKey("preview"), "no previews rendered: " + quiet.timingsMs());
        GenerationResult shown = run(photo, FramePlans.present(5), new Recorder(true), CancellationToken.none());
        for (int i = 0; i < 5; i++) assertArrayEquals(shown.frames().get(i).plane(0), quiet.frames().get(i).plane(0));
        assertEquals(shown.warnings(), quiet.warnings());
        assertArrayEquals(shown.kernel().orElseThrow().values(), quiet.kernel().orElseThrow().values());
    }

    @Test
    void cancellingDuringThePreviewsStopsBeforeAnyFinalFrame() throws Exception {
        LinearImage photo = blurredPhoto();
        CancellationToken token = new CancellationToken();
        Recorder rec = new Recorder(true, token, Delivery::preview);
        assertThrows(CancelledException.class, () -> run(photo, FramePlans.present(7), rec, token));
        assertEquals(1, rec.frames.size(), "stopped right after the frame that cancelled");
        assertTrue(rec.frames.get(0).preview());
    }

    @Test
    void cancellingAtTheFirstFinalFrameStopsTheRest() throws Exception {
        LinearImage photo = blurredPhoto();
        CancellationToken token = new CancellationToken();
        Recorder rec = new Recorder(true, token, d -> !d.preview());
        assertThrows(CancelledException.class, () -> run(photo, FramePlans.present(7), rec, token));
        assertEquals(1, rec.of(false).size());
    }
}
