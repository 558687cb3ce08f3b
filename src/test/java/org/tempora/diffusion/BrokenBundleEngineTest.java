package org.tempora.diffusion;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tempora.diffusion.runtime.DeviceChoice;
import org.tempora.diffusion.testmodels.BrokenBundles;
import org.tempora.engine.CancellationToken;
import org.tempora.engine.DeviceProbe;
import org.tempora.engine.EngineException;
import org.tempora.engine.EngineOptions;
import org.tempora.engine.GenerationRequest;
import org.tempora.engine.ProgressListener;
import org.tempora.timeline.FramePlans;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** Each defect of a bundle ends in one clear message naming the file and the problem, never a crash. */
class BrokenBundleEngineTest {
    @TempDir Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "wrongHash | transformer.onnx is damaged",
            "missingFile | vae_decoder.onnx",
            "missingJsonField | scaling_factor",
            "wrongInputName | input 'hidden_states' is missing",
            "wrongRank | input 'image' has rank 4",
            "truncatedOnnx | transformer.onnx (transformer) could not be loaded by ONNX Runtime"})
    void eachDefectIsNamed(String defect, String expected) throws Exception {
        Path bundle = (Path) BrokenBundles.class.getMethod(defect, Path.class).invoke(null, dir);
        Exception e = assertThrows(Exception.class, () -> {
            try (DiffusionEngine engine = new DiffusionEngine(ModelBundle.open(bundle), DeviceChoice.CPU,
                    new DeviceProbe.Device(false, "CPU"), 64, 16)) {
                engine.generate(new GenerationRequest(DiffusionEngineOracleTest.photo(64, 48), FramePlans.present(2), 1,
                        EngineOptions.defaults().withSteps(2)), ProgressListener.NONE, CancellationToken.none());
            }
        });
        assertTrue(e instanceof BundleException || e instanceof EngineException, e.getClass() + ": " + e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }
}
