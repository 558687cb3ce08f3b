package org.tempora.diffusion.testmodels;

import ai.onnx.proto.OnnxMl.ModelProto;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import org.tempora.diffusion.CogVideoXDpmScheduler;
import org.tempora.diffusion.ModelBundle;
import org.tempora.diffusion.SchedulerConfig;
import org.tempora.export.Checksums;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes a tiny tempora-bundle/1 folder whose models have closed-form outputs, for testing the diffusion engine
 * end to end without real weights:
 * <ul>
 *   <li>vae_encoder: latent_mean = M . (8x8 block means of the image), latent_logvar = -30;</li>
 *   <li>transformer: the exact v-prediction of the target x0[k] = x[0] + c * mean(intervals[k]), so the scheduler's
 *       x0 estimate is that target at every step (see {@link OracleGraphs#transformer});</li>
 *   <li>vae_decoder (and the optional preview_decoder): P . latents, P M = I, upsampled x8, 1 + 4 (T - 1) frames.</li>
 * </ul>
 * M = s Q with Q a fixed C x 3 matrix of orthonormal columns, P its Moore-Penrose left inverse.
 */
public final class OracleBundle {
    /** Scale of M: not 1, so a decoder that used M transposed instead of the inverse would be caught. */
    static final double ENCODER_SCALE = 0.75;
    private static final long MATRIX_SEED = 20_240_611L;

    private OracleBundle() {}

    public static Builder builder() {
        return new Builder();
    }

    /** M, the C x 3 colour-to-latent matrix of the oracle encoder for {@code latentChannels} channels (at least 3). */
    public static float[][] encoderMatrix(int latentChannels) {
        if (latentChannels < 3) {
            throw new IllegalArgumentException("the oracle VAE needs at least 3 latent channels to be invertible on RGB, got " + latentChannels);
        }
        Random random = new Random(MATRIX_SEED + latentChannels);
        double[][] q = new double[3][latentChannels]; // columns of M, made orthonormal by Gram-Schmidt
        for (int j = 0; j < 3; j++) {
            for (int i = 0; i < latentChannels; i++) q[j][i] = random.nextGaussian();
            for (int k = 0; k < j; k++) {
                double dot = dot(q[j], q[k]);
                for (int i = 0; i < latentChannels; i++) q[j][i] -= dot * q[k][i];
            }
            double norm = Math.sqrt(dot(q[j], q[j]));
            for (int i = 0; i < latentChannels; i++) q[j][i] /= norm;
        }
        float[][] m = new float[latentChannels][3];
        for (int i = 0; i < latentChannels; i++) {
            for (int j = 0; j < 3; j++) m[i][j] = (float) (ENCODER_SCALE * q[j][i]);
        }
        return m;
    }

    /** P = (M^T M)^-1 M^T, the 3 x C left inverse of the float M actually stored, so P M = I up to float rounding. */
    public static float[][] decoderMatrix(int latentChannels) {
        float[][] m = encoderMatrix(latentChannels);
        double[][] gram = new double[3][3];
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                for (float[] row : m) gram[a][b] += (double) row[a] * row[b];
            }
        }
        double[][] inv = invert3(gram);
        float[][] p = new float[3][latentChannels];
        for (int a = 0; a < 3; a++) {
            for (int i = 0; i < latentChannels; i++) {
                double sum = 0;
                for (int b = 0; b < 3; b++) sum += inv[a][b] * m[i][b];
                p[a][i] = (float) sum;
            }
        }
        return p;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    /** Inverse of a 3 x 3 matrix by its adjugate (Cramer's rule). */
    private static double[][] invert3(double[][] a) {
        double[][] adj = new double[3][3];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                int r1 = (c + 1) % 3, r2 = (c + 2) % 3, c1 = (r + 1) % 3, c2 = (r + 2) % 3;
                adj[r][c] = a[r1][c1] * a[r2][c2] - a[r1][c2] * a[r2][c1]; // cofactor of a[c][r], cyclic indices carry the sign
            }
        }
        double det = a[0][0] * adj[0][0] + a[0][1] * adj[1][0] + a[0][2] * adj[2][0];
        for (double[] row : adj) {
            for (int c = 0; c < 3; c++) row[c] /= det;
        }
        return adj;
    }

    /** Settings of one oracle bundle; defaults make a 64 x 48, 4-channel, float32 bundle that runs in milliseconds. */
    public static final class Builder {
        private String name = "oracle";
        private int width = 64;
        private int height = 48;
        private int latentChannels = 4;
        private ModelBundle.Dtype dtype = ModelBundle.Dtype.FLOAT32;
        private float targetScale = 0.5f;
        private double scalingFactor = 1.15258426;
        private double guidanceScale = 1.0;
        private int defaultSteps = 4;
        private boolean previewDecoder;

        private Builder() {}

        /** Model width in pixels, a multiple of 16 as bundle.json requires. */
        public Builder width(int width) { this.width = width; return this; }
        /** Model height in pixels, a multiple of 16. */
        public Builder height(int height) { this.height = height; return this; }
        /** Latent channels C, at least 3 (M must be invertible on RGB). */
        public Builder latentChannels(int latentChannels) { this.latentChannels = latentChannels; return this; }
        /** Element type of the transformer's hidden_states and sample. */
        public Builder dtype(ModelBundle.Dtype dtype) { this.dtype = dtype; return this; }
        /** c in the target x0[k] = x[0] + c * mean(intervals[k]). */
        public Builder targetScale(float c) { this.targetScale = c; return this; }
        public Builder scalingFactor(double scalingFactor) { this.scalingFactor = scalingFactor; return this; }
        public Builder guidanceScale(double guidanceScale) { this.guidanceScale = guidanceScale; return this; }
        public Builder defaultSteps(int defaultSteps) { this.defaultSteps = defaultSteps; return this; }
        /** Whether to write preview_decoder.onnx (the oracle decoder graph again). */
        public Builder withPreviewDecoder(boolean previewDecoder) { this.previewDecoder = previewDecoder; return this; }

        Builder name(String name) { this.name = name; return this; }

        public float[][] encoderMatrix() { return OracleBundle.encoderMatrix(latentChannels); }
        public float[][] decoderMatrix() { return OracleBundle.decoderMatrix(latentChannels); }
        public int width() { return width; }
        public int height() { return height; }
        public int latentChannels() { return latentChannels; }
        public ModelBundle.Dtype dtype() { return dtype; }
        public float targetScale() { return targetScale; }

        /** Writes bundle.json (with the files' real SHA-256s) and the ONNX files into {@code folder}, created if needed. */
        public Path write(Path folder) throws IOException {
            double[] alphasCumprod = new CogVideoXDpmScheduler(SchedulerConfig.cogVideoX2b()).alphasCumprod();
            return write(folder, OracleGraphs.transformer(latentChannels, dtype, targetScale, alphasCumprod));
        }

        /** As {@link #write(Path)} with another transformer graph (which must follow the same contract). */
        Path write(Path folder, ModelProto transformer) throws IOException {
            if (width % 16 != 0 || height % 16 != 0 || width <= 0 || height <= 0) {
                throw new IllegalArgumentException("width and height must be positive multiples of 16, got " + width + " x " + height);
            }
            Files.createDirectories(folder);
            float[][] p = decoderMatrix();
            OnnxGraph.write(OracleGraphs.encoder(width, height, encoderMatrix()), folder.resolve("vae_encoder.onnx"));
            OnnxGraph.write(transformer, folder.resolve("transformer.onnx"));
            OnnxGraph.write(OracleGraphs.decoder(p), folder.resolve("vae_decoder.onnx"));
            if (previewDecoder) OnnxGraph.write(OracleGraphs.decoder(p), folder.resolve("preview_decoder.onnx"));
            Files.writeString(folder.resolve(ModelBundle.MANIFEST), new GsonBuilder().setPrettyPrinting().create().toJson(manifest(folder)));
            return folder;
        }

        private JsonObject manifest(Path folder) throws IOException {
            JsonObject m = new JsonObject();
            m.addProperty("format", ModelBundle.FORMAT);
            m.addProperty("name", name);
            m.addProperty("version", "1.0.0");
            m.addProperty("license", "CC0-1.0");
            m.addProperty("source", "generated by org.tempora.diffusion.testmodels (test code)");
            m.addProperty("width", width);
            m.addProperty("height", height);
            m.addProperty("latent_channels", latentChannels);
            m.addProperty("spatial_compression", OracleGraphs.SPATIAL);
            m.addProperty("temporal_compression", OracleGraphs.TEMPORAL);
            m.addProperty("scaling_factor", scalingFactor);
            m.addProperty("frames", 16);
            m.addProperty("dtype", dtype.jsonName());
            m.addProperty("guidance_scale", guidanceScale);
            m.addProperty("default_steps", defaultSteps);
            SchedulerConfig c = SchedulerConfig.cogVideoX2b(); // the oracle transformer's tables come from this same config
            JsonObject s = new JsonObject();
            s.addProperty("num_train_timesteps", c.numTrainTimesteps());
            s.addProperty("beta_start", c.betaStart());
            s.addProperty("beta_end", c.betaEnd());
            s.addProperty("beta_schedule", c.betaSchedule());
            s.addProperty("rescale_betas_zero_snr", c.rescaleBetasZeroSnr());
            s.addProperty("snr_shift_scale", c.snrShiftScale());
            s.addProperty("timestep_spacing", c.timestepSpacing());
            s.addProperty("set_alpha_to_one", c.setAlphaToOne());
            s.addProperty("prediction_type", c.predictionType());
            m.add("scheduler", s);
            JsonObject files = new JsonObject();
            files.add("vae_encoder", entry(folder, "vae_encoder.onnx"));
            files.add("transformer", entry(folder, "transformer.onnx"));
            files.add("vae_decoder", entry(folder, "vae_decoder.onnx"));
            if (previewDecoder) files.add("preview_decoder", entry(folder, "preview_decoder.onnx"));
            m.add("files", files);
            return m;
        }

        private static JsonObject entry(Path folder, String relative) throws IOException {
            JsonObject e = new JsonObject();
            e.addProperty("path", relative);
            e.addProperty("sha256", Checksums.sha256(folder.resolve(relative)));
            return e;
        }
    }
}
