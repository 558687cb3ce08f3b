package org.tempora.diffusion.runtime;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tempora.diffusion.BundleException;
import org.tempora.diffusion.ModelBundle;
import org.tempora.diffusion.testmodels.OracleBundle;
import org.tempora.engine.CancellationToken;
import org.tempora.engine.DeviceProbe;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** A cancelled token reaches ONNX Runtime: the watcher sets the run's terminate flag and the run is refused. */
class RunCancellationTest {
    @TempDir Path dir;

    @Test
    void aCancelledTokenTerminatesTheRun() throws Exception {
        ModelBundle bundle = ModelBundle.open(OracleBundle.builder().write(dir.resolve("b")));
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (InferenceDevice device = InferenceDevice.select(DeviceChoice.CPU, new DeviceProbe.Device(false, "CPU"), 1);
             OnnxModel decoder = OnnxModel.open(env, device.sessionOptions(), bundle.vaeDecoder(), ModelContract.decoder("vae_decoder", 4));
             OnnxTensor latents = TensorIo.toOnnx(env, Tensor.zeros(1, 4, 2, 6, 8), OnnxJavaType.FLOAT)) {
            CancellationToken token = new CancellationToken();
            try (RunCancellation run = new RunCancellation(token)) {
                assertEquals(Tensor.zeros(1, 3, 5, 48, 64).data().length,
                        decoder.run(Map.of("latents", latents), run.options()).get("frames").data().length, "runs while not cancelled");
                token.cancel();
                OrtException refused = null;
                for (int i = 0; i < 100 && refused == null; i++) { // the watcher polls every 50 ms
                    try {
                        decoder.run(Map.of("latents", latents), run.options());
                        Thread.sleep(20);
                    } catch (OrtException e) {
                        refused = e;
                    }
                }
                assertNotNull(refused, "the run was never terminated");
                assertTrue(refused.getMessage().toLowerCase().contains("terminate"), refused.getMessage());
            }
        }
    }

    @Test
    void contractProblemsAreListedTogether() throws Exception {
        ModelBundle bundle = ModelBundle.open(OracleBundle.builder().write(dir.resolve("c")));
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (InferenceDevice device = InferenceDevice.select(DeviceChoice.CPU, new DeviceProbe.Device(false, "CPU"), 1)) {
            // the oracle has 4 latent channels and float32: asking for 16 channels and float16 gives both problems at once
            BundleException e = assertThrows(BundleException.class, () -> OnnxModel.open(env, device.sessionOptions(), bundle.transformer(),
                    ModelContract.transformer(16, 6, OnnxJavaType.FLOAT16)).close());
            assertTrue(e.getMessage().contains("input 'hidden_states' is float32, expected float16"), e.getMessage());
            assertTrue(e.getMessage().contains("output 'sample' is float32, expected float16"), e.getMessage());
        }
    }
}
