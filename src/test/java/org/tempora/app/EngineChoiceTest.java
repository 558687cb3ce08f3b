package org.tempora.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tempora.classical.ClassicalEngine;
import org.tempora.diffusion.ModelBundle;
import org.tempora.diffusion.testmodels.OracleBundle;
import org.tempora.engine.CancellationToken;
import org.tempora.engine.DeviceProbe;
import org.tempora.engine.Engine;
import org.tempora.engine.GenerationRequest;
import org.tempora.engine.GenerationResult;
import org.tempora.engine.ProgressListener;
import org.tempora.timeline.PlanLimits;

/** The engine list: where bundles are looked for, what an installed, missing or broken bundle shows, and lazy creation. */
class EngineChoiceTest {
    private static final DeviceProbe.Device CPU = new DeviceProbe.Device(false, "CPU (2 cores)");
    private static final DeviceProbe.Device GPU = new DeviceProbe.Device(true, "NVIDIA H100 80GB HBM3");

    @Test void anInstalledBundleMakesDiffusionAvailableNamingModelAndDevice(@TempDir Path models) throws Exception {
        OracleBundle.builder().defaultSteps(7).write(models.resolve("oracle"));
        List<EngineChoice> choices = EngineChoice.catalog(List.of(models), CPU);
        assertEquals(List.of(EngineChoice.CLASSICAL, EngineChoice.DIFFUSION), choices.stream().map(EngineChoice::id).toList());
        EngineChoice diffusion = choices.get(1);
        assertTrue(diffusion.available());
        assertEquals("", diffusion.reason());
        assertEquals(7, diffusion.defaultSteps());
        assertEquals("Model oracle 1.0.0 (float32), runs on CPU (2 cores), slow: minutes per step at full size.", diffusion.detail());
        assertEquals(diffusion.detail() + " Bundle folder: " + models.resolve("oracle").toAbsolutePath().normalize() + ".", diffusion.tooltip());
        assertEquals(0, choices.get(0).defaultSteps(), "the classical engine has no steps");

        EngineChoice onGpu = EngineChoice.catalog(List.of(models), GPU).get(1);
        assertEquals("Model oracle 1.0.0 (float32), runs on the GPU: NVIDIA H100 80GB HBM3.", onGpu.detail());
    }

    @Test void withoutABundleDiffusionIsGreyedNamingTheFoldersSearched(@TempDir Path dir) throws Exception {
        Path a = Files.createDirectories(dir.resolve("a")), b = dir.resolve("absent");
        EngineChoice diffusion = EngineChoice.catalog(List.of(a, b), CPU).get(1);
        assertFalse(diffusion.available());
        assertEquals("Diffusion is unavailable: no model bundle installed in " + a + ", " + b + "; see models/README.md."
                + " It would run on CPU (2 cores), slow: minutes per step at full size.", diffusion.reason());
        assertTrue(diffusion.bundle().isEmpty());
        assertEquals(diffusion.reason(), diffusion.tooltip());
    }

    @Test void aBrokenBundleIsGreyedWithItsProblemOnOneLine(@TempDir Path models) throws Exception {
        Path bundle = OracleBundle.builder().write(models.resolve("oracle"));
        Files.delete(bundle.resolve("vae_decoder.onnx"));
        EngineChoice diffusion = EngineChoice.catalog(List.of(models), GPU).get(1);
        assertFalse(diffusion.available());
        String reason = diffusion.reason();
        assertTrue(reason.startsWith("Diffusion is unavailable: model bundle in " + bundle.toAbsolutePath().normalize()), reason);
        assertTrue(reason.contains("file vae_decoder.onnx (files.vae_decoder.path) is missing; download the bundle again or fix bundle.json"), reason);
        assertTrue(reason.endsWith(". It would run on the GPU: NVIDIA H100 80GB HBM3."), reason);
        assertFalse(reason.contains("\n"), reason);
    }

    @Test void theModelsPropertyIsSearchedBeforeTheDefaultFolders(@TempDir Path dir) {
        String before = System.getProperty(EngineChoice.MODELS_PROPERTY);
        try {
            System.clearProperty(EngineChoice.MODELS_PROPERTY);
            assertEquals(ModelBundle.DEFAULT_MODELS_FOLDERS, EngineChoice.modelsFolders());
            System.setProperty(EngineChoice.MODELS_PROPERTY, dir.toString());
            List<Path> folders = EngineChoice.modelsFolders();
            assertEquals(dir.toAbsolutePath().normalize(), folders.get(0));
            assertEquals(ModelBundle.DEFAULT_MODELS_FOLDERS, folders.subList(1, folders.size()));
        } finally {
            if (before == null) System.clearProperty(EngineChoice.MODELS_PROPERTY);
            else System.setProperty(EngineChoice.MODELS_PROPERTY, before);
        }
    }

    /** A stand-in diffusion engine that counts how often it is closed. */
    private static final class Closable implements Engine, AutoCloseable {
        final AtomicInteger closed = new AtomicInteger();
        @Override public String id() { return "diffusion"; }
        @Override public String version() { return "test"; }
        @Override public PlanLimits limits() { return PlanLimits.DIFFUSION; }
        @Override public GenerationResult generate(GenerationRequest r, ProgressListener p, CancellationToken c) { throw new UnsupportedOperationException(); }
        @Override public void close() { closed.incrementAndGet(); }
    }

    @Test void theDiffusionEngineIsMadeOnFirstUseKeptAndClosed(@TempDir Path models) throws Exception {
        OracleBundle.builder().write(models.resolve("oracle"));
        List<EngineChoice> choices = EngineChoice.catalog(List.of(models), CPU);
        AtomicInteger made = new AtomicInteger();
        Closable diffusion = new Closable();
        ClassicalEngine classical = new ClassicalEngine();
        WindowEngines engines = new WindowEngines(choices, classical, bundle -> {
            made.incrementAndGet();
            assertEquals("oracle", bundle.name());
            return diffusion;
        });
        assertSame(classical, engines.engineFor(choices.get(0)));
        assertEquals(0, made.get(), "nothing is made before the diffusion entry is chosen");
        assertSame(diffusion, engines.engineFor(choices.get(1)));
        assertSame(diffusion, engines.engineFor(engines.choice(EngineChoice.DIFFUSION).orElseThrow()));
        assertEquals(1, made.get());
        engines.close();
        assertEquals(1, diffusion.closed.get());

        Path empty = Files.createDirectories(models.resolve("empty-only"));
        EngineChoice greyed = EngineChoice.catalog(List.of(empty.resolve("nothing")), CPU).get(1);
        assertThrows(IllegalArgumentException.class, () -> new WindowEngines(List.of(greyed), classical, b -> diffusion).engineFor(greyed));
    }
}
