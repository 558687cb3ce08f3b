package org.tempora.diffusion.testmodels;

import org.tempora.diffusion.ModelBundle;

import java.nio.file.Path;

/**
 * Writes the synthetic bundles that scripts/diffusion-cpu-benchmark.sh times: the oracle and small random transformers,
 * so the figures for a machine without a GPU come from a command anyone can rerun.
 * Usage: WriteBenchmarkBundles OUT_DIR
 */
public final class WriteBenchmarkBundles {
    private WriteBenchmarkBundles() {}

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "target/benchmark-bundles");
        OracleBundle.builder().width(1280).height(720).latentChannels(16).defaultSteps(4).write(out.resolve("oracle-1280x720"));
        RandomTransformerBundle.write(out.resolve("random-256x160-d4-w128"), 256, 160, 16, 4, 128, ModelBundle.Dtype.FLOAT32);
        RandomTransformerBundle.write(out.resolve("random-512x320-d4-w256"), 512, 320, 16, 4, 256, ModelBundle.Dtype.FLOAT32);
        System.out.println("wrote " + out.toAbsolutePath());
    }
}
