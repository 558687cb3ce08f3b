package org.tempora.diffusion.testmodels;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.TensorProto.DataType;
import org.tempora.diffusion.ModelBundle;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.tempora.diffusion.testmodels.OnnxGraph.integer;
import static org.tempora.diffusion.testmodels.OnnxGraph.ints;
import static org.tempora.diffusion.testmodels.OnnxGraph.real;
import static org.tempora.diffusion.testmodels.OracleGraphs.INTERVAL_VALUES;
import static org.tempora.diffusion.testmodels.OracleGraphs.LATENT_FRAMES;

/**
 * A bundle whose transformer is a small diffusion-transformer-like network with seeded random weights, for timing
 * the engine on the CPU with the work pattern of the real model (its numbers mean nothing): 2x2 patches of every
 * latent frame become tokens of width D; intervals (Linear 8 -> D, per frame) and the timestep (sin/cos, Linear)
 * are added; then L pre-norm blocks of full self-attention over all 6 h/2 w/2 tokens and a 4D tanh-GELU MLP;
 * then a linear map back to 2x2 patches. Weights and arithmetic are float32; a float16 bundle casts at the edges.
 * Encoder and decoders are the oracle ones of {@link OracleBundle}.
 */
public final class RandomTransformerBundle {
    private static final int PATCH = 2;
    private static final int HEAD_DIM = 64; // CogVideoX's head size; smaller widths use one head
    private static final long SEED = 7L;

    private RandomTransformerBundle() {}

    /**
     * Writes a complete bundle into {@code folder}.
     *
     * @param depth number of transformer blocks (at least 1)
     * @param dim   token width D (even, for the sin/cos timestep embedding)
     */
    public static Path write(Path folder, int width, int height, int latentChannels, int depth, int dim, ModelBundle.Dtype dtype)
            throws IOException {
        if (depth < 1 || dim < 2 || dim % 2 != 0) {
            throw new IllegalArgumentException("depth must be at least 1 and dim a positive even number, got depth " + depth + ", dim " + dim);
        }
        return OracleBundle.builder().name("random-transformer").width(width).height(height).latentChannels(latentChannels).dtype(dtype)
                .write(folder, transformer(latentChannels, depth, dim, dtype));
    }

    static ModelProto transformer(int channels, int depth, int dim, ModelBundle.Dtype dtype) {
        Weights w = new Weights(new Random(SEED));
        OnnxGraph g = new OnnxGraph("random_transformer");
        String x = OracleGraphs.transformerInputs(g, channels, dtype);

        // Patchify: frames become the depth axis of a 1x2x2 Conv, so no reshape needs the dynamic h and w.
        String channelsFirst = g.op("Transpose", List.of(x), ints("perm", 0, 2, 1, 3, 4));                       // [B,C,6,h,w]
        String patches = g.op("Conv", List.of(channelsFirst, w.patchKernel(g, dim, channels, PATCH, channels * PATCH * PATCH), w.zeros(g, dim)),
                ints("kernel_shape", 1, PATCH, PATCH), ints("strides", 1, PATCH, PATCH));                          // [B,D,6,h',w']
        String grid = g.op("Shape", List.of(patches));                                                           // for unpatchify
        String tokens = g.op("Transpose", List.of(g.op("Reshape", List.of(patches, g.longs(0, dim, -1)))), ints("perm", 0, 2, 1));

        String intervalEmbedding = linear(g, w, "intervals", INTERVAL_VALUES, dim);                               // [B,6,D]
        String perFrame = g.op("Reshape", List.of(tokens, g.longs(0, LATENT_FRAMES, -1, dim)));                  // [B,6,h'w',D]
        perFrame = g.op("Add", List.of(perFrame, g.op("Unsqueeze", List.of(intervalEmbedding, g.longs(2)))));
        perFrame = g.op("Add", List.of(perFrame, g.op("Unsqueeze", List.of(timestepEmbedding(g, w, dim), g.longs(1, 2)))));
        tokens = g.op("Reshape", List.of(perFrame, g.longs(0, -1, dim)));                                        // [B,N,D]

        int heads = dim % HEAD_DIM == 0 ? dim / HEAD_DIM : 1;
        for (int layer = 0; layer < depth; layer++) {
            tokens = g.op("Add", List.of(tokens, attention(g, w, layerNorm(g, tokens, dim), dim, heads)));
            tokens = g.op("Add", List.of(tokens, mlp(g, w, layerNorm(g, tokens, dim), dim)));
        }

        // Unpatchify: a 1x2x2 stride-2 ConvTranspose is a linear map D -> C*2*2 per token followed by the pixel shuffle.
        String features = g.op("Reshape", List.of(g.op("Transpose", List.of(layerNorm(g, tokens, dim)), ints("perm", 0, 2, 1)), grid));
        String out = g.op("ConvTranspose", List.of(features, w.patchKernel(g, dim, channels, PATCH, dim), w.zeros(g, channels)),
                ints("kernel_shape", 1, PATCH, PATCH), ints("strides", 1, PATCH, PATCH));                          // [B,C,6,h,w]
        if (dtype == ModelBundle.Dtype.FLOAT16) {
            String frameMajor = g.op("Transpose", List.of(out), ints("perm", 0, 2, 1, 3, 4));
            g.opTo("sample", "Cast", List.of(frameMajor), integer("to", DataType.FLOAT16.getNumber()));
        } else {
            g.opTo("sample", "Transpose", List.of(out), ints("perm", 0, 2, 1, 3, 4));
        }
        g.output("sample", OracleGraphs.dataType(dtype), "batch", LATENT_FRAMES, channels, "latent_h", "latent_w");
        return g.model();
    }

    /** Sinusoidal embedding of the timestep (Vaswani et al. 2017, sec. 3.5) through a Linear: [B] -> [B,D]. */
    private static String timestepEmbedding(OnnxGraph g, Weights w, int dim) {
        int half = dim / 2;
        float[] freqs = new float[half];
        for (int i = 0; i < half; i++) freqs[i] = (float) Math.exp(-Math.log(10_000) * i / half);
        String t = g.op("Unsqueeze", List.of(g.op("Cast", List.of("timestep"), integer("to", DataType.FLOAT.getNumber())), g.longs(1)));
        String angles = g.op("Mul", List.of(t, g.floats(freqs, 1, half)));                                      // [B,D/2]
        String sinCos = g.op("Concat", List.of(g.op("Sin", List.of(angles)), g.op("Cos", List.of(angles))), integer("axis", 1));
        return linear(g, w, sinCos, dim, dim);
    }

    /** Multi-head self-attention, softmax(Q K^T / sqrt(d)) V (Vaswani et al. 2017, eq. 1), then the output projection. */
    private static String attention(OnnxGraph g, Weights w, String h, int dim, int heads) {
        int headDim = dim / heads;
        String split = g.longs(0, 0, heads, headDim);                                                            // [B,N,D] -> [B,N,H,d]
        String q = g.op("Transpose", List.of(g.op("Reshape", List.of(linear(g, w, h, dim, dim), split))), ints("perm", 0, 2, 1, 3));
        String kT = g.op("Transpose", List.of(g.op("Reshape", List.of(linear(g, w, h, dim, dim), split))), ints("perm", 0, 2, 3, 1));
        String v = g.op("Transpose", List.of(g.op("Reshape", List.of(linear(g, w, h, dim, dim), split))), ints("perm", 0, 2, 1, 3));
        String scores = g.op("Mul", List.of(g.op("MatMul", List.of(q, kT)), g.scalar((float) (1 / Math.sqrt(headDim)))));
        String mixed = g.op("MatMul", List.of(g.op("Softmax", List.of(scores), integer("axis", -1)), v));       // [B,H,N,d]
        String merged = g.op("Reshape", List.of(g.op("Transpose", List.of(mixed), ints("perm", 0, 2, 1, 3)), g.longs(0, 0, dim)));
        return linear(g, w, merged, dim, dim);
    }

    /** Linear D -> 4D, GELU (tanh approximation, Hendrycks and Gimpel 2016), Linear 4D -> D. */
    private static String mlp(OnnxGraph g, Weights w, String h, int dim) {
        String a = linear(g, w, h, dim, 4 * dim);
        String cube = g.op("Mul", List.of(g.op("Mul", List.of(a, a)), a));
        String inner = g.op("Mul", List.of(g.op("Add", List.of(a, g.op("Mul", List.of(cube, g.scalar(0.044715f))))),
                g.scalar((float) Math.sqrt(2 / Math.PI))));
        String gate = g.op("Add", List.of(g.op("Tanh", List.of(inner)), g.scalar(1f)));
        String gelu = g.op("Mul", List.of(g.op("Mul", List.of(a, gate)), g.scalar(0.5f)));
        return linear(g, w, gelu, 4 * dim, dim);
    }

    private static String layerNorm(OnnxGraph g, String x, int dim) {
        float[] ones = new float[dim];
        Arrays.fill(ones, 1f);
        return g.op("LayerNormalization", List.of(x, g.floats(ones, dim), g.floats(new float[dim], dim)),
                integer("axis", -1), real("epsilon", 1e-5f));
    }

    /** x W + b over the last axis. */
    private static String linear(OnnxGraph g, Weights w, String x, int in, int out) {
        return g.op("Add", List.of(g.op("MatMul", List.of(x, w.matrix(g, in, out))), w.zeros(g, out)));
    }

    /** Seeded Gaussian weights with standard deviation 0.5 / sqrt(fan_in), small enough that activations stay O(1). */
    private static final class Weights {
        private final Random random;

        Weights(Random random) { this.random = random; }

        /** A [in, out] MatMul weight. */
        String matrix(OnnxGraph g, int in, int out) {
            return g.floats(gaussian(in * out, in), in, out);
        }

        /**
         * A [D, C, 1, p, p] kernel: the Conv weight of patchify (D outputs from C channels, fan-in C p p) and, with
         * the same layout, the ConvTranspose weight of unpatchify (D inputs to C channels, fan-in D).
         */
        String patchKernel(OnnxGraph g, int dim, int channels, int patch, int fanIn) {
            return g.floats(gaussian(dim * channels * patch * patch, fanIn), dim, channels, 1, patch, patch);
        }

        String zeros(OnnxGraph g, int n) {
            return g.floats(new float[n], n);
        }

        private float[] gaussian(int n, int fanIn) {
            float std = (float) (0.5 / Math.sqrt(fanIn));
            float[] v = new float[n];
            for (int i = 0; i < n; i++) v[i] = (float) (random.nextGaussian() * std);
            return v;
        }
    }
}
