package org.tempora.diffusion.testmodels;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.TensorProto.DataType;
import org.tempora.diffusion.ModelBundle;

import java.util.List;

import static org.tempora.diffusion.testmodels.OnnxGraph.integer;
import static org.tempora.diffusion.testmodels.OnnxGraph.ints;
import static org.tempora.diffusion.testmodels.OnnxGraph.text;

/**
 * The oracle graphs of the tempora-bundle/1 contract: a linear "VAE" (block mean then a fixed colour-to-latent
 * matrix, and its left inverse with nearest upsampling) and a "transformer" that returns the exact v-prediction
 * of a known target, so an engine run with them has a closed-form answer.
 */
final class OracleGraphs {
    static final int LATENT_FRAMES = 6;   // the contract's latent frame count (the decoder makes 21 frames of them)
    static final int INTERVAL_VALUES = 8; // per latent frame, as the contract's intervals [B, 6, 8]
    static final int SPATIAL = 8;
    static final int TEMPORAL = 4;
    /** Guards v = (alpha x - x0) / sigma; sigma is > 0 at every training timestep of the CogVideoX table anyway. */
    static final float MIN_SIGMA = 1e-12f;

    private OracleGraphs() {}

    /** image [1,3,1,H,W] -> latent_mean = M . avgpool8x8(image), latent_logvar = -30 (a deterministic posterior). */
    static ModelProto encoder(int width, int height, float[][] m) {
        int c = m.length;
        OnnxGraph g = new OnnxGraph("oracle_vae_encoder");
        g.input("image", DataType.FLOAT, 1, 3, 1, height, width);
        String pooled = g.op("AveragePool", List.of("image"), ints("kernel_shape", 1, SPATIAL, SPATIAL), ints("strides", 1, SPATIAL, SPATIAL));
        String weight = g.floats(flatten(m), c, 3, 1, 1, 1);
        g.opTo("latent_mean", "Conv", List.of(pooled, weight));
        String zero = g.op("Mul", List.of("latent_mean", g.scalar(0f)));
        g.opTo("latent_logvar", "Add", List.of(zero, g.scalar(-30f)));
        g.output("latent_mean", DataType.FLOAT, 1, c, 1, height / SPATIAL, width / SPATIAL);
        g.output("latent_logvar", DataType.FLOAT, 1, c, 1, height / SPATIAL, width / SPATIAL);
        return g.model();
    }

    /**
     * hidden_states x [B,6,C,h,w], timestep t [B], intervals [B,6,8] -> sample v = (alpha_t x - x0) / sigma_t, the
     * v-prediction (Salimans and Ho 2022, eq. 9 rearranged) whose x0 estimate alpha_t x - sigma_t v is exactly the target
     * x0[:, k] = x[:, 0] + c * mean(intervals[:, k, :]). Arithmetic is float32; float16 inputs and outputs are cast.
     */
    /** Declares the transformer contract's inputs; returns the hidden states as float32 (cast from float16 if need be). */
    static String transformerInputs(OnnxGraph g, int channels, ModelBundle.Dtype dtype) {
        DataType io = dataType(dtype);
        g.input("hidden_states", io, "batch", LATENT_FRAMES, channels, "latent_h", "latent_w");
        g.input("timestep", DataType.INT64, "batch");
        g.input("intervals", DataType.FLOAT, "batch", LATENT_FRAMES, INTERVAL_VALUES);
        String x = dtype == ModelBundle.Dtype.FLOAT16
                ? g.op("Cast", List.of("hidden_states"), integer("to", DataType.FLOAT.getNumber()))
                : "hidden_states";
        return x;
    }

    static ModelProto transformer(int channels, ModelBundle.Dtype dtype, float c, double[] alphasCumprod) {
        OnnxGraph g = new OnnxGraph("oracle_transformer");
        String x = transformerInputs(g, channels, dtype);

        float[] alphas = new float[alphasCumprod.length];
        float[] sigmas = new float[alphasCumprod.length];
        for (int t = 0; t < alphasCumprod.length; t++) {
            alphas[t] = (float) Math.sqrt(alphasCumprod[t]);
            sigmas[t] = (float) Math.sqrt(1 - alphasCumprod[t]);
        }
        String perSample = g.longs(-1, 1, 1, 1, 1); // [B] -> [B,1,1,1,1] to broadcast over frames, channels, pixels
        String alpha = g.op("Reshape", List.of(g.op("Gather", List.of(g.floats(alphas, alphas.length), "timestep")), perSample));
        String sigmaRaw = g.op("Gather", List.of(g.floats(sigmas, sigmas.length), "timestep"));
        String sigma = g.op("Reshape", List.of(g.op("Max", List.of(sigmaRaw, g.scalar(MIN_SIGMA))), perSample));

        String first = g.op("Slice", List.of(x, g.longs(0), g.longs(1), g.longs(1)));                 // [B,1,C,h,w]
        String meanInterval = g.op("ReduceMean", List.of("intervals"), ints("axes", 2), integer("keepdims", 1)); // [B,6,1]
        String perFrame = g.op("Unsqueeze", List.of(meanInterval, g.longs(3, 4)));                       // [B,6,1,1,1]
        String target = g.op("Add", List.of(first, g.op("Mul", List.of(perFrame, g.scalar(c)))));        // [B,6,C,h,w]
        String residual = g.op("Sub", List.of(g.op("Mul", List.of(alpha, x)), target));
        if (dtype == ModelBundle.Dtype.FLOAT16) {
            String v = g.op("Div", List.of(residual, sigma));
            g.opTo("sample", "Cast", List.of(v), integer("to", DataType.FLOAT16.getNumber()));
        } else {
            g.opTo("sample", "Div", List.of(residual, sigma));
        }
        g.output("sample", dataType(dtype), "batch", LATENT_FRAMES, channels, "latent_h", "latent_w");
        return g.model();
    }

    /**
     * latents [1,C,T,h,w] -> frames [1,3,4(T-1)+1,8h,8w]: P . latents, nearest upsampling x8 in space, and in time
     * the causal-VAE layout (first latent frame -> 1 frame, each later one -> 4): repeat x4, drop the first 3.
     */
    static ModelProto decoder(float[][] p) {
        int c = p[0].length;
        OnnxGraph g = new OnnxGraph("oracle_vae_decoder");
        g.input("latents", DataType.FLOAT, 1, c, "latent_frames", "latent_h", "latent_w");
        String rgb = g.op("Conv", List.of("latents", g.floats(flatten(p), 3, c, 1, 1, 1)));
        String scales = g.floats(new float[] {1, 1, TEMPORAL, SPATIAL, SPATIAL}, 5);
        // asymmetric + floor: output index i reads input floor(i / scale), a plain repeat
        String up = g.op("Resize", List.of(rgb, "", scales), text("mode", "nearest"),
                text("coordinate_transformation_mode", "asymmetric"), text("nearest_mode", "floor"));
        g.opTo("frames", "Slice", List.of(up, g.longs(TEMPORAL - 1), g.longs(Long.MAX_VALUE), g.longs(2)));
        g.output("frames", DataType.FLOAT, 1, 3, "frames", "height", "width");
        return g.model();
    }

    static DataType dataType(ModelBundle.Dtype dtype) {
        return dtype == ModelBundle.Dtype.FLOAT16 ? DataType.FLOAT16 : DataType.FLOAT;
    }

    static float[] flatten(float[][] rows) {
        int cols = rows[0].length;
        float[] out = new float[rows.length * cols];
        for (int r = 0; r < rows.length; r++) System.arraycopy(rows[r], 0, out, r * cols, cols);
        return out;
    }
}
