package org.tempora.diffusion.testmodels;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import ai.onnxruntime.platform.Fp16Conversions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tempora.diffusion.BundleException;
import org.tempora.diffusion.CogVideoXDpmScheduler;
import org.tempora.diffusion.ModelBundle;
import org.tempora.diffusion.SchedulerConfig;

import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.ShortBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/** Runs the written ONNX files with ONNX Runtime on the CPU and checks them against their closed forms. */
class OracleModelsTest {
    static final OrtEnvironment ENV = OrtEnvironment.getEnvironment();
    static final int C = 4, H = 48, W = 64, LH = H / 8, LW = W / 8;

    @TempDir Path dir;

    @Test
    void decoderMatrixIsALeftInverseOfTheEncoderMatrix() {
        for (int channels : new int[] {3, 4, 16}) {
            float[][] m = OracleBundle.encoderMatrix(channels);
            float[][] p = OracleBundle.decoderMatrix(channels);
            assertEquals(channels, m.length);
            assertEquals(3, p.length);
            for (int a = 0; a < 3; a++) {
                for (int b = 0; b < 3; b++) {
                    double sum = 0;
                    for (int i = 0; i < channels; i++) sum += (double) p[a][i] * m[i][b];
                    assertEquals(a == b ? 1 : 0, sum, 1e-6, "(P M)[" + a + "][" + b + "] for C = " + channels);
                }
            }
        }
        assertThrows(IllegalArgumentException.class, () -> OracleBundle.encoderMatrix(2));
    }

    @Test
    void encoderMeanIsMTimesEightByEightBlockMeans() throws Exception {
        Path bundle = OracleBundle.builder().write(dir.resolve("b"));
        float[] image = uniform(new Random(1), 3 * H * W, -1, 1);
        float[][] m = OracleBundle.encoderMatrix(C);
        try (OrtSession s = session(bundle.resolve("vae_encoder.onnx"));
             OnnxTensor in = OnnxTensor.createTensor(ENV, FloatBuffer.wrap(image), new long[] {1, 3, 1, H, W});
             OrtSession.Result r = s.run(Map.of("image", in))) {
            OnnxTensor mean = output(r, "latent_mean");
            OnnxTensor logvar = output(r, "latent_logvar");
            assertArrayEquals(new long[] {1, C, 1, LH, LW}, mean.getInfo().getShape());
            assertArrayEquals(new long[] {1, C, 1, LH, LW}, logvar.getInfo().getShape());
            float[] got = toArray(mean.getFloatBuffer());
            for (int y = 0; y < LH; y++) {
                for (int x = 0; x < LW; x++) {
                    double[] rgb = new double[3];
                    for (int ch = 0; ch < 3; ch++) {
                        for (int dy = 0; dy < 8; dy++) {
                            for (int dx = 0; dx < 8; dx++) rgb[ch] += image[(ch * H + 8 * y + dy) * W + 8 * x + dx] / 64.0;
                        }
                    }
                    for (int c = 0; c < C; c++) {
                        double expected = m[c][0] * rgb[0] + m[c][1] * rgb[1] + m[c][2] * rgb[2];
                        assertEquals(expected, got[(c * LH + y) * LW + x], 1e-5, "channel " + c + " at " + x + "," + y);
                    }
                }
            }
            for (float v : toArray(logvar.getFloatBuffer())) assertEquals(-30f, v);
        }
    }

    @Test
    void float32TransformerReturnsTheExactVPrediction() throws Exception {
        checkTransformer(ModelBundle.Dtype.FLOAT32, 1e-4);
    }

    @Test
    void float16TransformerReturnsTheVPredictionToHalfPrecision() throws Exception {
        checkTransformer(ModelBundle.Dtype.FLOAT16, 1e-2);
    }

    /** Batch of two: timestep 999 (zero SNR, v = -x0) and 19 (nearly clean, division by a small sigma). */
    private void checkTransformer(ModelBundle.Dtype dtype, double tolerance) throws Exception {
        float c = 0.7f;
        Path bundle = OracleBundle.builder().dtype(dtype).targetScale(c).write(dir.resolve("b"));
        int frames = 6, perSample = frames * C * LH * LW;
        long[] timesteps = {999, 19};
        float[] x = uniform(new Random(2), 2 * perSample, -2, 2);
        float[] intervals = uniform(new Random(3), 2 * frames * 8, 0, 1);
        if (dtype == ModelBundle.Dtype.FLOAT16) {
            for (int i = 0; i < x.length; i++) x[i] = Fp16Conversions.fp16ToFloat(Fp16Conversions.floatToFp16(x[i])); // what the model sees
        }
        long[] shape = {2, frames, C, LH, LW};
        try (OrtSession s = session(bundle.resolve("transformer.onnx"));
             OnnxTensor hidden = dtype == ModelBundle.Dtype.FLOAT16 ? half(x, shape) : OnnxTensor.createTensor(ENV, FloatBuffer.wrap(x), shape);
             OnnxTensor t = OnnxTensor.createTensor(ENV, LongBuffer.wrap(timesteps), new long[] {2});
             OnnxTensor iv = OnnxTensor.createTensor(ENV, FloatBuffer.wrap(intervals), new long[] {2, frames, 8});
             OrtSession.Result r = s.run(Map.of("hidden_states", hidden, "timestep", t, "intervals", iv))) {
            OnnxTensor sample = output(r, "sample");
            assertArrayEquals(shape, sample.getInfo().getShape());
            assertEquals(dtype == ModelBundle.Dtype.FLOAT16 ? OnnxJavaType.FLOAT16 : OnnxJavaType.FLOAT, sample.getInfo().type);
            float[] got = toArray(sample.getFloatBuffer()); // converts float16 to float itself
            if (dtype == ModelBundle.Dtype.FLOAT16) {
                ShortBuffer bits = sample.getShortBuffer(); // the raw IEEE half bits
                assertEquals(got[5], Fp16Conversions.fp16ToFloat(bits.get(5)));
            }
            CogVideoXDpmScheduler scheduler = new CogVideoXDpmScheduler(SchedulerConfig.cogVideoX2b());
            int pixels = C * LH * LW;
            for (int b = 0; b < 2; b++) {
                double alpha = scheduler.alphaT((int) timesteps[b]);
                double sigma = scheduler.sigmaT((int) timesteps[b]);
                for (int k = 0; k < frames; k++) {
                    double meanInterval = 0;
                    for (int j = 0; j < 8; j++) meanInterval += intervals[(b * frames + k) * 8 + j] / 8.0;
                    for (int i = 0; i < pixels; i++) {
                        double x0 = x[b * perSample + i] + c * meanInterval;
                        double xt = x[(b * frames + k) * pixels + i];
                        double expected = (alpha * xt - x0) / sigma;
                        assertEquals(expected, got[(b * frames + k) * pixels + i], tolerance * Math.max(1, Math.abs(expected)),
                                "t " + timesteps[b] + " frame " + k + " value " + i);
                    }
                }
            }
        }
    }

    @Test
    void decoderAppliesPUpsamplesAndLaysFramesOutOneThenFourEach() throws Exception {
        Path bundle = OracleBundle.builder().withPreviewDecoder(true).write(dir.resolve("b"));
        int t = 3, outFrames = 4 * (t - 1) + 1;
        float[] latents = uniform(new Random(4), C * t * LH * LW, -1, 1);
        float[][] p = OracleBundle.decoderMatrix(C);
        for (String file : new String[] {"vae_decoder.onnx", "preview_decoder.onnx"}) {
            try (OrtSession s = session(bundle.resolve(file));
                 OnnxTensor in = OnnxTensor.createTensor(ENV, FloatBuffer.wrap(latents), new long[] {1, C, t, LH, LW});
                 OrtSession.Result r = s.run(Map.of("latents", in))) {
                OnnxTensor frames = output(r, "frames");
                assertArrayEquals(new long[] {1, 3, outFrames, H, W}, frames.getInfo().getShape(), file);
                float[] got = toArray(frames.getFloatBuffer());
                for (int f = 0; f < outFrames; f++) {
                    int latentFrame = f == 0 ? 0 : (f - 1) / 4 + 1;
                    for (int y = 0; y < H; y++) {
                        for (int x = 0; x < W; x++) {
                            for (int ch = 0; ch < 3; ch++) {
                                double expected = 0;
                                for (int c = 0; c < C; c++) expected += p[ch][c] * latents[((c * t + latentFrame) * LH + y / 8) * LW + x / 8];
                                assertEquals(expected, got[((ch * outFrames + f) * H + y) * W + x], 1e-5,
                                        file + " frame " + f + " channel " + ch + " at " + x + "," + y);
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void encodeThenDecodeGivesBackTheBlockMeans() throws Exception {
        // P M = I end to end: a constant 8x8 block survives the round trip exactly (up to float32)
        Path bundle = OracleBundle.builder().write(dir.resolve("b"));
        float[] image = new float[3 * H * W];
        Random random = new Random(5);
        float[][] blocks = new float[3][LH * LW];
        for (int ch = 0; ch < 3; ch++) {
            for (int i = 0; i < blocks[ch].length; i++) blocks[ch][i] = random.nextFloat() * 2 - 1;
            for (int y = 0; y < H; y++) for (int x = 0; x < W; x++) image[(ch * H + y) * W + x] = blocks[ch][(y / 8) * LW + x / 8];
        }
        try (OrtSession enc = session(bundle.resolve("vae_encoder.onnx"));
             OrtSession dec = session(bundle.resolve("vae_decoder.onnx"));
             OnnxTensor in = OnnxTensor.createTensor(ENV, FloatBuffer.wrap(image), new long[] {1, 3, 1, H, W});
             OrtSession.Result latent = enc.run(Map.of("image", in));
             OrtSession.Result decoded = dec.run(Map.of("latents", output(latent, "latent_mean")))) {
            OnnxTensor frames = output(decoded, "frames");
            assertArrayEquals(new long[] {1, 3, 1, H, W}, frames.getInfo().getShape());
            float[] got = toArray(frames.getFloatBuffer());
            for (int i = 0; i < image.length; i++) assertEquals(image[i], got[i], 1e-5);
        }
    }

    @Test
    void randomTransformerRunsInBothDtypesWithFiniteOutput() throws Exception {
        for (ModelBundle.Dtype dtype : ModelBundle.Dtype.values()) {
            Path bundle = RandomTransformerBundle.write(dir.resolve(dtype.jsonName()), W, H, C, 2, 64, dtype);
            ModelBundle opened = ModelBundle.open(bundle);
            opened.verifyChecksums();
            assertEquals(dtype, opened.dtype());
            long[] shape = {2, 6, C, LH, LW};
            float[] x = uniform(new Random(6), 2 * 6 * C * LH * LW, -3, 3);
            try (OrtSession s = session(bundle.resolve("transformer.onnx"));
                 OnnxTensor hidden = dtype == ModelBundle.Dtype.FLOAT16 ? half(x, shape) : OnnxTensor.createTensor(ENV, FloatBuffer.wrap(x), shape);
                 OnnxTensor t = OnnxTensor.createTensor(ENV, LongBuffer.wrap(new long[] {999, 0}), new long[] {2});
                 OnnxTensor iv = OnnxTensor.createTensor(ENV, FloatBuffer.wrap(uniform(new Random(7), 2 * 6 * 8, 0, 1)), new long[] {2, 6, 8});
                 OrtSession.Result r = s.run(Map.of("hidden_states", hidden, "timestep", t, "intervals", iv))) {
                OnnxTensor sample = output(r, "sample");
                assertArrayEquals(shape, sample.getInfo().getShape(), dtype.jsonName());
                float[] got = toArray(sample.getFloatBuffer());
                double energy = 0;
                for (float v : got) {
                    assertTrue(Float.isFinite(v), dtype.jsonName());
                    energy += v * v;
                }
                assertTrue(energy > 0, "random weights give a non-zero output");
            }
        }
    }

    @Test
    void transformerDeclaresTheContractsInputsWithSymbolicDims() throws Exception {
        Path bundle = OracleBundle.builder().dtype(ModelBundle.Dtype.FLOAT16).write(dir.resolve("b"));
        try (OrtSession s = session(bundle.resolve("transformer.onnx"))) {
            Map<String, NodeInfo> inputs = s.getInputInfo();
            assertEquals(Set.of("hidden_states", "timestep", "intervals"), inputs.keySet());
            TensorInfo hidden = (TensorInfo) inputs.get("hidden_states").getInfo();
            assertArrayEquals(new long[] {-1, 6, C, -1, -1}, hidden.getShape()); // symbolic dims read as -1
            assertArrayEquals(new String[] {"batch", "", "", "latent_h", "latent_w"}, hidden.getDimensionNames());
            assertEquals(OnnxJavaType.FLOAT16, hidden.type);
            assertEquals(OnnxJavaType.INT64, ((TensorInfo) inputs.get("timestep").getInfo()).type);
            assertEquals(OnnxJavaType.FLOAT16, ((TensorInfo) s.getOutputInfo().get("sample").getInfo()).type);
        }
    }

    @Test
    void validBundlesOpenAndVerify() throws Exception {
        Path plain = OracleBundle.builder().write(dir.resolve("plain"));
        Path custom = OracleBundle.builder().width(96).height(64).latentChannels(16).dtype(ModelBundle.Dtype.FLOAT16)
                .scalingFactor(0.7).guidanceScale(6).defaultSteps(50).withPreviewDecoder(true).write(dir.resolve("custom"));
        ModelBundle a = ModelBundle.open(plain);
        a.verifyChecksums();
        assertEquals(64, a.width());
        assertEquals(48, a.height());
        assertEquals(4, a.latentChannels());
        assertEquals(1.15258426, a.scalingFactor());
        assertEquals(ModelBundle.Dtype.FLOAT32, a.dtype());
        assertEquals(1.0, a.guidanceScale());
        assertEquals(4, a.defaultSteps());
        assertEquals(SchedulerConfig.cogVideoX2b(), a.scheduler());
        assertTrue(a.previewDecoder().isEmpty());
        ModelBundle b = ModelBundle.open(custom);
        b.verifyChecksums();
        assertEquals(96, b.width());
        assertEquals(16, b.latentChannels());
        assertEquals(0.7, b.scalingFactor());
        assertEquals(ModelBundle.Dtype.FLOAT16, b.dtype());
        assertEquals(6.0, b.guidanceScale());
        assertEquals(50, b.defaultSteps());
        assertEquals(custom.resolve("preview_decoder.onnx").toAbsolutePath().normalize(), b.previewDecoder().orElseThrow().path());
    }

    @Test
    void brokenManifestsAndFilesAreRefusedByModelBundle() throws Exception {
        ModelBundle wrongHash = ModelBundle.open(BrokenBundles.wrongHash(dir));
        BundleException damaged = assertThrows(BundleException.class, wrongHash::verifyChecksums);
        assertTrue(damaged.getMessage().contains("transformer.onnx is damaged"), damaged.getMessage());
        BundleException missing = assertThrows(BundleException.class, () -> ModelBundle.open(BrokenBundles.missingFile(dir)));
        assertTrue(missing.getMessage().contains("vae_decoder.onnx"), missing.getMessage());
        BundleException field = assertThrows(BundleException.class, () -> ModelBundle.open(BrokenBundles.missingJsonField(dir)));
        assertTrue(field.getMessage().contains("'scaling_factor' is missing"), field.getMessage());
    }

    @Test
    void brokenGraphsPassTheManifestButNotOnnxRuntime() throws Exception {
        Path name = BrokenBundles.wrongInputName(dir);
        Path rank = BrokenBundles.wrongRank(dir);
        Path truncated = BrokenBundles.truncatedOnnx(dir);
        for (Path bundle : new Path[] {name, rank, truncated}) ModelBundle.open(bundle).verifyChecksums();

        try (OrtSession s = session(name.resolve("transformer.onnx"))) {
            assertEquals(Set.of(BrokenBundles.WRONG_INPUT_NAME, "timestep", "intervals"), s.getInputNames());
        }
        try (OrtSession s = session(rank.resolve("vae_encoder.onnx"))) {
            assertArrayEquals(new long[] {1, 3, H, W}, ((TensorInfo) s.getInputInfo().get("image").getInfo()).getShape());
            // the graph itself still works on the rank-4 image it declares
            float[] image = uniform(new Random(8), 3 * H * W, -1, 1);
            try (OnnxTensor in = OnnxTensor.createTensor(ENV, FloatBuffer.wrap(image), new long[] {1, 3, H, W});
                 OrtSession.Result r = s.run(Map.of("image", in))) {
                assertArrayEquals(new long[] {1, C, 1, LH, LW}, output(r, "latent_mean").getInfo().getShape());
            }
        }
        assertThrows(OrtException.class, () -> session(truncated.resolve("transformer.onnx")).close());
        assertTrue(Files.size(truncated.resolve("transformer.onnx")) > 0);
    }

    static OrtSession session(Path file) throws OrtException {
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            return ENV.createSession(file.toString(), options);
        }
    }

    /** A float16 tensor from floats: ORT's Java API takes the IEEE half bits in a ShortBuffer. */
    static OnnxTensor half(float[] values, long[] shape) throws OrtException {
        short[] bits = new short[values.length];
        for (int i = 0; i < values.length; i++) bits[i] = Fp16Conversions.floatToFp16(values[i]);
        return OnnxTensor.createTensor(ENV, ShortBuffer.wrap(bits), shape, OnnxJavaType.FLOAT16);
    }

    static OnnxTensor output(OrtSession.Result r, String name) {
        return (OnnxTensor) r.get(name).orElseThrow(() -> new AssertionError("no output " + name));
    }

    static float[] toArray(FloatBuffer buffer) {
        float[] out = new float[buffer.remaining()];
        buffer.get(out);
        return out;
    }

    static float[] uniform(Random random, int n, float lo, float hi) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = lo + (hi - lo) * random.nextFloat();
        return v;
    }
}
