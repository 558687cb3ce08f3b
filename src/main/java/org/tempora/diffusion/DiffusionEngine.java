package org.tempora.diffusion;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import org.tempora.diffusion.runtime.DeviceChoice;
import org.tempora.diffusion.runtime.InferenceDevice;
import org.tempora.diffusion.runtime.ModelContract;
import org.tempora.diffusion.runtime.OnnxModel;
import org.tempora.diffusion.runtime.RunCancellation;
import org.tempora.diffusion.runtime.Tensor;
import org.tempora.diffusion.runtime.TensorIo;
import org.tempora.engine.CancellationToken;
import org.tempora.engine.CancelledException;
import org.tempora.engine.DeviceProbe;
import org.tempora.engine.Engine;
import org.tempora.engine.EngineException;
import org.tempora.engine.GenerationRequest;
import org.tempora.engine.GenerationResult;
import org.tempora.engine.ProgressListener;
import org.tempora.image.LinearImage;
import org.tempora.timeline.FramePlan;
import org.tempora.timeline.LatentPacking;
import org.tempora.timeline.PlanLimits;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The published blur-to-video model (Tedla et al. 2025, CogVideoX-2B fine-tuned on exposure intervals) run from a
 * model bundle with ONNX Runtime: encode the photo, sample the video latents with the CogVideoX DPM scheduler, decode
 * them tile by tile. Sessions load on the first generation and stay open until {@link #close()}.
 */
public final class DiffusionEngine implements Engine, AutoCloseable {
    public static final String ID = "diffusion";
    /**
     * Decoder tiles in latent pixels as diffusers' CogVideoX VAE tiling (0.32) decodes for the reference: 240x360 px
     * tiles at strides of 200 and 288 px, so the decoder sees the tile sizes the model was run with.
     */
    public static final int TILE_H = 30, TILE_W = 45, OVERLAP_H = 5, OVERLAP_W = 9;
    /** Roughly this many previews per generation: each costs a decode. */
    static final int PREVIEWS = 8;

    private final ModelBundle bundle;
    private final DeviceChoice choice;
    private final DeviceProbe.Device probed;
    private final TiledDecoder tiles;

    private InferenceDevice device;
    private OnnxModel encoder, transformer, decoder, previewDecoder;

    public DiffusionEngine(ModelBundle bundle, DeviceChoice choice) {
        this(bundle, choice, DeviceProbe.ofThisMachine().detect(),
                new TiledDecoder(TILE_H, TILE_W, OVERLAP_H, OVERLAP_W, bundle.spatialCompression()));
    }

    /** With an explicit probe result and square tiles, for tests. */
    DiffusionEngine(ModelBundle bundle, DeviceChoice choice, DeviceProbe.Device probed, int tileLatent, int tileOverlap) {
        this(bundle, choice, probed, new TiledDecoder(tileLatent, tileOverlap, bundle.spatialCompression()));
    }

    private DiffusionEngine(ModelBundle bundle, DeviceChoice choice, DeviceProbe.Device probed, TiledDecoder tiles) {
        this.bundle = bundle;
        this.choice = choice;
        this.probed = probed;
        this.tiles = tiles;
    }

    @Override public String id() { return ID; }

    @Override public String version() { return "blur2vid/" + bundle.name() + "-" + bundle.version(); }

    @Override public PlanLimits limits() {
        PlanLimits d = PlanLimits.DIFFUSION;
        return new PlanLimits(d.engine(), Math.min(d.maxFrames(), bundle.frames()), d.maxPast(), d.maxFuture(), d.allowOverlap());
    }

    @Override public boolean samples() { return true; }

    public ModelBundle bundle() { return bundle; }

    /** The device in use once loaded ("CPU (2 threads)", "CUDA on ..."); empty before the first generation. */
    public synchronized Optional<String> deviceDescription() {
        return device == null ? Optional.empty() : Optional.of(device.description());
    }

    /** Verifies the bundle's checksums (once) and loads the sessions, if not done yet; {@code cancel} is honoured between files while hashing. */
    public synchronized void load(ProgressListener progress, CancellationToken cancel) throws EngineException, CancelledException {
        if (decoder != null) return;
        try {
            int files = bundle.files().size();
            int[] hashed = {0};
            progress.progress("checking model files", 0, files);
            try {
                bundle.verifyChecksums(file -> {
                    if (cancel.isCancelled()) throw new CancelledWhileHashing();
                    progress.progress("checking model files", Math.min(files - 1, hashed[0]++), files);
                });
            } catch (CancelledWhileHashing e) {
                throw new CancelledException();
            }
            progress.progress("checking model files", files, files);
            progress.progress("loading model", 0, 4);
            device = InferenceDevice.select(choice, probed, Runtime.getRuntime().availableProcessors());
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            int c = bundle.latentChannels();
            encoder = OnnxModel.open(env, device.sessionOptions(), bundle.vaeEncoder(), ModelContract.encoder(c));
            progress.progress("loading model", 1, 4);
            transformer = openTransformer(env, c);
            progress.progress("loading model", 2, 4);
            if (bundle.previewDecoder().isPresent()) {
                previewDecoder = OnnxModel.open(env, device.sessionOptions(), bundle.previewDecoder().get(), ModelContract.decoder("preview_decoder", c));
            }
            progress.progress("loading model", 3, 4);
            decoder = OnnxModel.open(env, device.sessionOptions(), bundle.vaeDecoder(), ModelContract.decoder("vae_decoder", c));
            progress.progress("loading model", 4, 4);
        } catch (BundleException e) {
            close();
            String where = e.getMessage().contains(bundle.folder().toString()) ? "" : "model bundle " + bundle.folder() + ": ";
            throw new EngineException(where + e.getMessage(), e);
        } catch (EngineException e) {
            close();
            throw e;
        }
    }

    private OnnxModel openTransformer(OrtEnvironment env, int channels) throws BundleException {
        boolean half = bundle.dtype() == ModelBundle.Dtype.FLOAT16;
        ModelContract contract = ModelContract.transformer(channels, LatentPacking.ROWS, half ? OnnxJavaType.FLOAT16 : OnnxJavaType.FLOAT);
        try {
            return OnnxModel.open(env, device.sessionOptions(), bundle.transformer(), contract);
        } catch (BundleException e) {
            if (!half || device.cuda() || e.getMessage().contains("does not follow")) throw e;
            // ONNX Runtime's CPU provider converts float16 operators it lacks; one it cannot convert ends here.
            throw new BundleException(e.getMessage() + " This bundle is float16, which ONNX Runtime runs best on NVIDIA GPUs; on this "
                    + device.description() + " use a float32 bundle (models/export/export_bundle.py --dtype float32).");
        }
    }

    @Override
    public GenerationResult generate(GenerationRequest request, ProgressListener progress, CancellationToken cancel)
            throws EngineException, CancelledException {
        FramePlan plan = request.plan();
        requirePlanWithinLimits(plan);
        Map<String, Long> timings = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        boolean wasLoaded = decoder != null;
        load(progress, cancel);
        if (!wasLoaded) timings.put("load", ms(t0));
        cancel.throwIfCancelled();
        try (RunCancellation run = new RunCancellation(cancel)) {
            return new Generation(request, progress, cancel, run, timings).run();
        } catch (OrtException e) {
            if (cancel.isCancelled()) throw new CancelledException();
            throw new EngineException("ONNX Runtime failed: " + e.getMessage(), e);
        }
    }

    /** The state of one generation. */
    private final class Generation {
        private final GenerationRequest request;
        private final ProgressListener progress;
        private final CancellationToken cancel;
        private final RunCancellation run;
        private final Map<String, Long> timings;
        private final int channels = bundle.latentChannels(), scale = bundle.spatialCompression();
        private final int h = bundle.height() / scale, w = bundle.width() / scale, frameSize = channels * h * w;
        private final double sf = bundle.scalingFactor();
        private final OrtEnvironment env = OrtEnvironment.getEnvironment();
        private final List<String> warnings = new ArrayList<>();
        private final PhotoFit fit;
        private final ModelFrames modelFrames;

        Generation(GenerationRequest request, ProgressListener progress, CancellationToken cancel, RunCancellation run,
                   Map<String, Long> timings) {
            this.request = request;
            this.progress = progress;
            this.cancel = cancel;
            this.run = run;
            this.timings = timings;
            LinearImage photo = request.photo();
            this.fit = PhotoFit.of(photo.width(), photo.height(), bundle.width(), bundle.height());
            this.modelFrames = new ModelFrames(fit, photo.width(), photo.height(), photo.channels());
        }

        GenerationResult run() throws EngineException, CancelledException, OrtException {
            device.notice().ifPresent(warnings::add);
            if (bundle.dtype() == ModelBundle.Dtype.FLOAT16 && !device.cuda()) {
                warnings.add("this float16 bundle runs on the CPU through conversions to float32 operator by operator, slower than a float32 bundle (models/export/export_bundle.py --dtype float32)");
            }
            describeFit();
            FramePlan plan = request.plan();
            int steps = request.options().steps() > 0 ? request.options().steps() : bundle.defaultSteps();
            double guidance = request.options().guidance() > 0 ? request.options().guidance() : bundle.guidanceScale();
            SeededGaussianNoise noise = new SeededGaussianNoise(request.seed());

            long t = System.nanoTime();
            progress.progress("encoding photo", 0, 1);
            float[] input = fit.modelInput(request.photo());
            float[] mean = new float[frameSize];
            float[] condition = encode(input, noise, mean);
            timings.put("encode", ms(t));

            t = System.nanoTime();
            float[] intervals = flatten(LatentPacking.pack(plan));
            Previews previews = progress.wantsFrames() ? new Previews(plan, mean, input, steps) : null;
            DiffusionSampler sampler = new DiffusionSampler(new CogVideoXDpmScheduler(bundle.scheduler()), Math.max(1, guidance));
            float[] latents;
            try {
                latents = sampler.sample(condition, LatentPacking.ROWS, steps, noise,
                        (hidden, batch, timestep) -> velocity(hidden, batch, timestep, intervals),
                        (done, total, x0) -> {
                            progress.progress("sampling", done, total);
                            if (previews != null) previews.maybeShow(done, total, x0);
                        }, cancel);
            } catch (CancelledException | EngineException | OrtException e) {
                throw e;
            } catch (Exception e) {
                throw new EngineException("sampling failed: " + e.getMessage(), e);
            }
            timings.put("sample", ms(t));

            t = System.nanoTime();
            Tensor video = tiles.decode(videoLatents(latents), this::decode,
                    (done, total) -> progress.progress("decoding", done, total), cancel);
            timings.put("decode", ms(t));
            int decodedFrames = video.dim(2);
            float[] data = video.data();
            List<LinearImage> frames = new AbstractList<>() {
                @Override public LinearImage get(int i) { return modelFrames.frame(data, decodedFrames, i); }
                @Override public int size() { return plan.size(); }
            };
            if (progress.wantsFrames()) {
                for (int i = 0; i < plan.size(); i++) progress.frame(i, frames.get(i), false);
            }
            return new GenerationResult(frames, plan, Optional.empty(), Optional.empty(), warnings, timings);
        }

        private void describeFit() {
            LinearImage photo = request.photo();
            if (fit.padded()) {
                warnings.add(String.format(Locale.ROOT, "the photo's shape differs from the model's %dx%d frame: it was placed whole with mirrored borders, which were cut off the frames",
                        fit.modelWidth(), fit.modelHeight()));
            }
            if (photo.width() > fit.width() * 1.05 || photo.height() > fit.height() * 1.05) {
                warnings.add(String.format(Locale.ROOT, "the model works at %dx%d: the frames were enlarged to the photo's %dx%d and hold no finer detail",
                        fit.width(), fit.height(), photo.width(), photo.height()));
            }
        }

        /** The photo's latent, sampled from the encoder's Gaussian with the seed and scaled; {@code mean} receives the unscaled mean. */
        private float[] encode(float[] input, SeededGaussianNoise noise, float[] mean) throws OrtException, EngineException {
            Tensor image = new Tensor(input, new long[] {1, 3, 1, bundle.height(), bundle.width()});
            Map<String, Tensor> out;
            try (OnnxTensor in = TensorIo.toOnnx(env, image, OnnxJavaType.FLOAT)) {
                out = encoder.run(Map.of("image", in), run.options());
            }
            Tensor m = out.get("latent_mean"), logvar = out.get("latent_logvar");
            long[] want = {1, channels, 1, h, w};
            if (!Arrays.equals(m.shape(), want) || !Arrays.equals(logvar.shape(), want)) {
                throw new EngineException(encoder.fileName() + " returned latents of shape " + Arrays.toString(m.shape())
                        + " for a " + bundle.width() + "x" + bundle.height() + " image; expected " + Arrays.toString(want));
            }
            System.arraycopy(m.data(), 0, mean, 0, frameSize);
            float[] z = new float[frameSize];
            for (int i = 0; i < frameSize; i++) {
                // diffusers' DiagonalGaussianDistribution clamps the log-variance to [-30, 20] before sampling
                double std = Math.exp(0.5 * Math.max(-30, Math.min(20, logvar.data()[i])));
                z[i] = (float) ((mean[i] + std * noise.nextGaussian()) * sf);
            }
            return z;
        }

        private float[] velocity(float[] hidden, int batch, int timestep, float[] intervals) throws OrtException, EngineException {
            int rows = LatentPacking.ROWS;
            float[] iv = new float[batch * intervals.length];
            for (int b = 0; b < batch; b++) System.arraycopy(intervals, 0, iv, b * intervals.length, intervals.length);
            long[] t = new long[batch];
            Arrays.fill(t, timestep);
            OnnxJavaType dtype = bundle.dtype() == ModelBundle.Dtype.FLOAT16 ? OnnxJavaType.FLOAT16 : OnnxJavaType.FLOAT;
            Map<String, Tensor> out;
            try (OnnxTensor hs = TensorIo.toOnnx(env, new Tensor(hidden, new long[] {batch, rows, channels, h, w}), dtype);
                 OnnxTensor ts = TensorIo.longs(env, t);
                 OnnxTensor ivs = TensorIo.toOnnx(env, new Tensor(iv, new long[] {batch, rows, LatentPacking.COLUMNS}), OnnxJavaType.FLOAT)) {
                Map<String, OnnxTensor> inputs = new HashMap<>();
                inputs.put("hidden_states", hs);
                inputs.put("timestep", ts);
                inputs.put("intervals", ivs);
                out = transformer.run(inputs, run.options());
            }
            Tensor v = out.get("sample");
            if (v.data().length != hidden.length) {
                throw new EngineException(transformer.fileName() + " returned a sample of shape " + Arrays.toString(v.shape())
                        + " for hidden states " + Arrays.toString(new long[] {batch, rows, channels, h, w}));
            }
            return v.data();
        }

        /** Frames 1.. of [F][C][h][w] latents, divided by the scaling factor, as the decoder's [1, C, F-1, h, w]. */
        private Tensor videoLatents(float[] latents) {
            int t = LatentPacking.ROWS - 1, plane = h * w;
            float[] out = new float[channels * t * plane];
            for (int f = 0; f < t; f++) {
                for (int c = 0; c < channels; c++) {
                    int src = (f + 1) * frameSize + c * plane, dst = (c * t + f) * plane;
                    for (int p = 0; p < plane; p++) out[dst + p] = (float) (latents[src + p] / sf);
                }
            }
            return new Tensor(out, new long[] {1, channels, t, h, w});
        }

        private Tensor decode(Tensor latents) throws OrtException {
            return decodeWith(decoder, latents);
        }

        private Tensor decodeWith(OnnxModel model, Tensor latents) throws OrtException {
            try (OnnxTensor in = TensorIo.toOnnx(env, latents, OnnxJavaType.FLOAT)) {
                return model.run(Map.of("latents", in), run.options()).get("frames");
            }
        }

        /** Approximate frames every few steps from the scheduler's clean-latent estimate. */
        private final class Previews {
            private final FramePlan plan;
            private final int every;
            private final LatentProjection projection;
            private boolean disabled;

            Previews(FramePlan plan, float[] mean, float[] input, int steps) {
                this.plan = plan;
                this.every = Math.max(1, Math.round(steps / (float) PREVIEWS));
                this.projection = previewDecoder == null ? LatentProjection.fit(mean, channels, h, w, input, scale) : null;
            }

            void maybeShow(int done, int total, float[] x0) throws CancelledException {
                if (disabled || done % every != 0 || done == total) return;
                Tensor latents = videoLatents(x0);
                if (previewDecoder != null) {
                    Tensor video;
                    try {
                        video = tiles.decode(latents, l -> decodeWith(previewDecoder, l), (a, b) -> {}, cancel);
                    } catch (EngineException e) {
                        previewDecoderFailed(e);
                        return;
                    }
                    for (int i = 0; i < plan.size(); i++) {
                        cancel.throwIfCancelled();
                        progress.frame(i, modelFrames.frame(video.data(), video.dim(2), i), true);
                    }
                    return;
                }
                int t = latents.dim(2), plane = h * w;
                float[] one = new float[frameSize];
                Map<Integer, LinearImage> byLatent = new HashMap<>();
                for (int i = 0; i < plan.size(); i++) {
                    cancel.throwIfCancelled();
                    int latent = latentOf(i);
                    LinearImage image = byLatent.get(latent);
                    if (image == null) {
                        for (int c = 0; c < channels; c++) System.arraycopy(latents.data(), (c * t + latent) * plane, one, c * plane, plane);
                        image = modelFrames.preview(projection.apply(one, 0, plane), h, w);
                        byLatent.put(latent, image);
                    }
                    progress.frame(i, image, true);
                }
            }

            private void previewDecoderFailed(EngineException e) {
                warnings.add("the preview decoder failed (" + e.getMessage() + "); no more previews were shown");
                disabled = true;
            }
        }
    }

    /** Carries a cancel out of the checksum callback, which cannot throw checked exceptions. */
    private static final class CancelledWhileHashing extends RuntimeException {
        CancelledWhileHashing() { super(null, null, false, false); }
    }

    /** The video latent (0-based) that decoded frame {@code i} comes from: the first latent holds 1 frame, the rest 4. */
    static int latentOf(int frame) {
        return frame == 0 ? 0 : (frame - 1) / LatentPacking.FRAMES_PER_LATENT + 1;
    }

    private static float[] flatten(float[][] rows) {
        float[] out = new float[rows.length * rows[0].length];
        for (int r = 0; r < rows.length; r++) System.arraycopy(rows[r], 0, out, r * rows[0].length, rows[r].length);
        return out;
    }

    private static long ms(long since) { return (System.nanoTime() - since) / 1_000_000; }

    @Override
    public synchronized void close() {
        for (OnnxModel m : new OnnxModel[] {encoder, transformer, previewDecoder, decoder}) {
            if (m != null) m.close();
        }
        encoder = transformer = previewDecoder = decoder = null;
        if (device != null) device.close();
        device = null;
    }
}
