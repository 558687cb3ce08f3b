package org.tempora.diffusion;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tempora.diffusion.runtime.DeviceChoice;
import org.tempora.diffusion.testmodels.OracleBundle;
import org.tempora.engine.CancellationToken;
import org.tempora.engine.CancelledException;
import org.tempora.engine.DeviceProbe;
import org.tempora.engine.EngineException;
import org.tempora.engine.EngineOptions;
import org.tempora.engine.GenerationRequest;
import org.tempora.engine.GenerationResult;
import org.tempora.engine.ProgressListener;
import org.tempora.image.LinearImage;
import org.tempora.image.Srgb;
import org.tempora.timeline.FramePlan;
import org.tempora.timeline.FramePlans;
import org.tempora.timeline.LatentPacking;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The engine on oracle bundles, whose models make the result a value written down here: the encoder pools 8x8 blocks
 * and maps RGB to latents by M, the transformer predicts the exact v for the target x0_k = frame 0 + c * mean(row k),
 * and the decoder maps back by P (P M = I). The sampler then ends on x0, so frame i of the video is the pooled photo
 * plus c * mean(row of its latent) / scaling_factor * (row sums of P), in the model's [-1, 1] sRGB scale.
 */
class DiffusionEngineOracleTest {
    static final DeviceProbe.Device CPU = new DeviceProbe.Device(false, "CPU");
    static final float C = 0.2f;

    @TempDir Path dir;

    /** A smooth colourful photo in mid-range so that no expected value is clamped. */
    static LinearImage photo(int w, int h) {
        LinearImage img = LinearImage.blank(w, h, 3);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.set(0, x, y, (float) Srgb.toLinear(0.35 + 0.3 * x / w));
                img.set(1, x, y, (float) Srgb.toLinear(0.4 + 0.2 * Math.sin(y * 0.3)));
                img.set(2, x, y, (float) Srgb.toLinear(0.5 - 0.15 * (x + y) / (double) (w + h)));
            }
        }
        return img;
    }

    /** Expected frames in sRGB [0, 1], planar [frame][channel][pixel], from the closed form above. */
    static float[][][] expected(OracleBundle.Builder b, LinearImage photo, FramePlan plan, double guidance, double scalingFactor) {
        int w = b.width(), h = b.height(), lw = w / 8, lh = h / 8;
        float[] input = PhotoFit.of(photo.width(), photo.height(), w, h).modelInput(photo);
        float[] pooled = LatentProjection.pool(input, lh, lw, 8);
        float[][] p = b.decoderMatrix();
        float[][] rows = LatentPacking.pack(plan);
        float[][][] out = new float[plan.size()][3][w * h];
        for (int i = 0; i < plan.size(); i++) {
            float[] row = rows[DiffusionEngine.latentOf(i) + 1];
            double mean = 0;
            for (float v : row) mean += v;
            mean /= row.length;
            for (int o = 0; o < 3; o++) {
                double rowSum = 0;
                for (float v : p[o]) rowSum += v;
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        // guided target: c * mean + g * z, z = M * pooled * sf; decoded by P after dividing by sf
                        double v = guidance * pooled[o * lh * lw + (y / 8) * lw + x / 8] + C * mean / scalingFactor * rowSum;
                        out[i][o][y * w + x] = (float) ((v + 1) / 2);
                    }
                }
            }
        }
        return out;
    }

    static void assertFrames(float[][][] expected, GenerationResult result, double tolerance) {
        assertEquals(expected.length, result.frames().size());
        double worst = 0;
        for (int i = 0; i < expected.length; i++) {
            LinearImage f = result.frames().get(i);
            for (int o = 0; o < 3; o++) {
                for (int p = 0; p < expected[i][o].length; p++) {
                    assertTrue(expected[i][o][p] > 0.02 && expected[i][o][p] < 0.98, "expected value clamped: test photo too extreme");
                    worst = Math.max(worst, Math.abs(Srgb.fromLinear(f.plane(o)[p]) - expected[i][o][p]));
                }
            }
        }
        assertTrue(worst < tolerance, "largest difference " + worst + " (tolerance " + tolerance + ")");
    }

    static GenerationResult run(Path bundle, LinearImage photo, FramePlan plan, long seed, EngineOptions options,
                                ProgressListener progress, CancellationToken cancel, int tile) throws Exception {
        try (DiffusionEngine engine = new DiffusionEngine(ModelBundle.open(bundle), DeviceChoice.AUTO, CPU, tile, tile / 4)) {
            return engine.generate(new GenerationRequest(photo, plan, seed, options), progress, cancel);
        }
    }

    @ParameterizedTest(name = "{0}x{1} {2} seed {3} {4}")
    @CsvSource({
            "64, 48, present, 1, FLOAT32", "64, 48, past-present-future, 2, FLOAT32",
            "96, 64, present, 2, FLOAT32", "96, 64, past-present-future, 1, FLOAT32",
            "64, 48, present, 2, FLOAT16", "64, 48, past-present-future, 1, FLOAT16",
            "96, 64, present, 1, FLOAT16", "96, 64, past-present-future, 2, FLOAT16"})
    void framesEqualTheClosedFormForBothPresetsSizesSeedsAndTypes(int w, int h, String preset, long seed, ModelBundle.Dtype dtype) throws Exception {
        OracleBundle.Builder b = OracleBundle.builder().width(w).height(h).dtype(dtype).targetScale(C);
        Path bundle = b.write(dir.resolve("oracle"));
        FramePlan plan = preset.equals("present") ? FramePlans.present(16) : FramePlans.pastPresentFuture();
        LinearImage photo = photo(w, h);
        GenerationResult r = run(bundle, photo, plan, seed, EngineOptions.defaults(), ProgressListener.NONE, CancellationToken.none(), 64);
        assertFrames(expected(b, photo, plan, 1.0, 1.15258426), r, 1e-3);
        assertTrue(r.timingsMs().keySet().containsAll(List.of("load", "encode", "sample", "decode")), r.timingsMs().toString());
        assertEquals(dtype == ModelBundle.Dtype.FLOAT16, r.warnings().stream().anyMatch(x -> x.contains("float16 bundle runs on the CPU")), r.warnings().toString());
    }

    @Test
    void guidanceFollowsTheBundleOrTheOption() throws Exception {
        OracleBundle.Builder b = OracleBundle.builder().targetScale(C).guidanceScale(1.1);
        Path bundle = b.write(dir.resolve("guided"));
        LinearImage photo = photo(64, 48);
        FramePlan plan = FramePlans.present(8);
        // a guided target g * z overshoots the photo: keep it small by scaling the photo's signal towards grey
        GenerationResult r = run(bundle, photo, plan, 3, EngineOptions.defaults(), ProgressListener.NONE, CancellationToken.none(), 64);
        assertFrames(expected(b, photo, plan, 1.1, 1.15258426), r, 1e-3);
        GenerationResult r2 = run(bundle, photo, plan, 3, EngineOptions.defaults().withGuidance(1.0).withSteps(3), ProgressListener.NONE, CancellationToken.none(), 64);
        assertFrames(expected(b, photo, plan, 1.0, 1.15258426), r2, 1e-3);
    }

    @Test
    void tiledDecodingAndAnotherAspectRatioKeepThePhotoUndistorted() throws Exception {
        OracleBundle.Builder b = OracleBundle.builder().width(96).height(64).targetScale(C);
        Path bundle = b.write(dir.resolve("tiles"));
        // a 48x48 photo in a 96x64 frame: scaled to 64x64, centred 16 px from the left, borders mirrored
        LinearImage photo = photo(48, 48);
        FramePlan plan = FramePlans.present(4);
        GenerationResult whole = run(bundle, photo, plan, 1, EngineOptions.defaults(), ProgressListener.NONE, CancellationToken.none(), 64);
        GenerationResult tiled = run(bundle, photo, plan, 1, EngineOptions.defaults(), ProgressListener.NONE, CancellationToken.none(), 4);
        assertEquals(48, whole.frames().get(0).width());
        assertEquals(48, whole.frames().get(0).height());
        for (int i = 0; i < plan.size(); i++) {
            for (int c = 0; c < 3; c++) assertArrayEquals(whole.frames().get(i).plane(c), tiled.frames().get(i).plane(c), 1e-5f);
        }
        assertTrue(whole.warnings().stream().anyMatch(w -> w.contains("mirrored borders")), whole.warnings().toString());
        // frame 0 of a present plan: latent row 1 holds the first interval 4 times, mean -0.5 + 1/32
        float[][][] full = expected(b, photo, plan, 1.0, 1.15258426);
        PhotoFit fit = PhotoFit.of(48, 48, 96, 64);
        float[] crop = fit.crop(full[0][0]);
        double worst = 0;
        LinearImage f0 = whole.frames().get(0);
        float[] resized = org.tempora.image.Resampling.resize(toLinear(crop), 64, 64, 48, 48);
        for (int p = 0; p < 48 * 48; p++) worst = Math.max(worst, Math.abs(f0.plane(0)[p] - resized[p]));
        assertTrue(worst < 1e-3, "largest difference " + worst);
    }

    static float[] toLinear(float[] srgb) {
        float[] out = new float[srgb.length];
        for (int i = 0; i < out.length; i++) out[i] = (float) Srgb.toLinear(srgb[i]);
        return out;
    }

    @Test
    void progressCountsStepsAndPreviewsArriveBeforeTheFinalFrames() throws Exception {
        Path bundle = OracleBundle.builder().targetScale(C).write(dir.resolve("progress"));
        List<String> events = new ArrayList<>();
        ProgressListener listener = new ProgressListener() {
            @Override public void progress(String stage, int done, int total) { events.add(stage + " " + done + "/" + total); }
            @Override public void frame(int index, LinearImage frame, boolean preview) { events.add((preview ? "preview " : "frame ") + index); }
            @Override public boolean wantsFrames() { return true; }
        };
        FramePlan plan = FramePlans.present(4);
        run(bundle, photo(64, 48), plan, 1, EngineOptions.defaults().withSteps(16), listener, CancellationToken.none(), 64);
        assertTrue(events.contains("sampling 16/16"), events.toString());
        int firstPreview = events.indexOf("preview 0"), firstFrame = events.indexOf("frame 0");
        assertTrue(firstPreview >= 0 && firstPreview < firstFrame, events.toString());
        // 16 steps, a preview every 2 steps except the last: 7 rounds of 4 previews
        assertEquals(7 * 4, events.stream().filter(e -> e.startsWith("preview")).count());
        assertEquals(4, events.stream().filter(e -> e.startsWith("frame")).count());
    }

    @Test
    void previewsApproximateTheFinalFrames() throws Exception {
        for (boolean decoder : new boolean[] {false, true}) {
            Path bundle = OracleBundle.builder().targetScale(C).withPreviewDecoder(decoder).write(dir.resolve("preview-" + decoder));
            List<LinearImage> previews = new ArrayList<>();
            ProgressListener listener = new ProgressListener() {
                @Override public void progress(String stage, int done, int total) {}
                @Override public void frame(int index, LinearImage frame, boolean preview) { if (preview && index == 2) previews.add(frame); }
                @Override public boolean wantsFrames() { return true; }
            };
            GenerationResult r = run(bundle, photo(64, 48), FramePlans.present(4), 1, EngineOptions.defaults().withSteps(8), listener, CancellationToken.none(), 64);
            LinearImage last = previews.get(previews.size() - 1), fin = r.frames().get(2);
            double meanDiff = 0;
            for (int c = 0; c < 3; c++) for (int p = 0; p < fin.pixelCount(); p++) meanDiff += Math.abs(last.plane(c)[p] - fin.plane(c)[p]);
            meanDiff /= 3.0 * fin.pixelCount();
            // the oracle's x0 estimate is exact at every step; a preview differs only by its bilinear enlargement
            assertTrue(meanDiff < (decoder ? 1e-4 : 0.02), (decoder ? "decoder" : "projection") + " preview off by " + meanDiff);
        }
    }

    @Test
    void cancelStopsWithinAStep() throws Exception {
        Path bundle = OracleBundle.builder().targetScale(C).write(dir.resolve("cancel"));
        CancellationToken cancel = new CancellationToken();
        AtomicInteger steps = new AtomicInteger();
        ProgressListener listener = (stage, done, total) -> {
            if (stage.equals("sampling") && steps.incrementAndGet() == 3) cancel.cancel();
        };
        assertThrows(CancelledException.class, () -> run(bundle, photo(64, 48), FramePlans.present(4), 1,
                EngineOptions.defaults().withSteps(50), listener, cancel, 64));
        assertEquals(3, steps.get());
    }

    @Test
    void cancelWhileCheckingTheModelFilesStopsBeforeLoading() throws Exception {
        Path bundle = OracleBundle.builder().write(dir.resolve("cancel-hash"));
        CancellationToken cancel = new CancellationToken();
        List<String> stages = new ArrayList<>();
        ProgressListener listener = (stage, done, total) -> {
            stages.add(stage);
            if (stage.equals("checking model files")) cancel.cancel();
        };
        try (DiffusionEngine engine = new DiffusionEngine(ModelBundle.open(bundle), DeviceChoice.CPU, CPU, 64, 16)) {
            assertThrows(CancelledException.class, () -> engine.generate(new GenerationRequest(photo(64, 48), FramePlans.present(2), 1,
                    EngineOptions.defaults()), listener, cancel));
            assertFalse(stages.contains("loading model"), stages.toString());
            assertTrue(engine.deviceDescription().isEmpty(), "nothing loaded");
        }
    }

    @Test
    void sameSeedSameFramesAndTheEngineSaysItSamples() throws Exception {
        Path bundle = OracleBundle.builder().targetScale(C).write(dir.resolve("seeds"));
        try (DiffusionEngine engine = new DiffusionEngine(ModelBundle.open(bundle), DeviceChoice.CPU, CPU, 64, 16)) {
            assertTrue(engine.samples());
            assertEquals(16, engine.limits().maxFrames());
            FramePlan plan = FramePlans.present(2);
            GenerationResult a = engine.generate(new GenerationRequest(photo(64, 48), plan, 9, EngineOptions.defaults()), ProgressListener.NONE, CancellationToken.none());
            GenerationResult b = engine.generate(new GenerationRequest(photo(64, 48), plan, 9, EngineOptions.defaults()), ProgressListener.NONE, CancellationToken.none());
            assertEquals(a.frames().get(1), b.frames().get(1));
            assertFalse(b.timingsMs().containsKey("load"), "sessions stay loaded between generations");
            assertEquals("CPU (" + Runtime.getRuntime().availableProcessors() + " threads)", engine.deviceDescription().orElseThrow());
        }
    }

    @Test
    void tooManyFramesIsRefusedBeforeAnyWork() throws Exception {
        Path bundle = OracleBundle.builder().write(dir.resolve("limits"));
        EngineException e = assertThrows(EngineException.class, () -> run(bundle, photo(64, 48), FramePlans.present(17), 1,
                EngineOptions.defaults(), ProgressListener.NONE, CancellationToken.none(), 64));
        assertTrue(e.getMessage().contains("16"), e.getMessage());
    }
}
