package org.tempora.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tempora.classical.ClassicalEngine;
import org.tempora.diffusion.DiffusionEngine;
import org.tempora.diffusion.testmodels.BrokenBundles;
import org.tempora.diffusion.testmodels.OracleBundle;
import org.tempora.engine.DeviceProbe;
import org.tempora.engine.Engine;
import org.tempora.image.LinearImage;
import org.tempora.image.Photo;
import org.tempora.image.PhotoReader;
import org.tempora.image.PhotoWriter;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/** {@code generate --engine diffusion|auto} end to end on an oracle bundle, and every way it can be refused. */
class DiffusionCliTest {
    @TempDir Path tmp;
    Path bundle, photo;

    @BeforeEach
    void bundleAndPhoto() throws Exception {
        bundle = OracleBundle.builder().write(tmp.resolve("models").resolve("oracle"));
        LinearImage img = LinearImage.blank(80, 60, 3);
        for (int c = 0; c < 3; c++) for (int p = 0; p < img.pixelCount(); p++) img.plane(c)[p] = 0.1f + 0.3f * ((p * (c + 1)) % 7) / 7f;
        photo = tmp.resolve("photo.png");
        PhotoWriter.writePng(img, photo, 8);
    }

    @Test
    void generatesWithTheDiffusionEngineAndRecordsItsSettings() throws Exception {
        Path out = tmp.resolve("out");
        CliRun r = CliRun.of("generate", photo.toString(), "--out", out.toString(), "--engine", "diffusion", "--model", bundle.toString(),
                "--frames", "4", "--steps", "3", "--seed", "5", "--device", "cpu");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("4 frames (diffusion engine"), r.out());
        for (int i = 0; i < 4; i++) {
            Photo frame = PhotoReader.read(out.resolve(String.format("frame_%04d.png", i)));
            assertEquals(80, frame.width());
            assertEquals(60, frame.height());
        }
        assertFalse(Files.exists(out.resolve("kernel.png")), "no kernel from a diffusion model");
        JsonObject rec = JsonParser.parseString(Files.readString(out.resolve("tempora.json"))).getAsJsonObject();
        assertEquals("diffusion", rec.getAsJsonObject("engine").get("id").getAsString());
        assertEquals(5, rec.get("seed").getAsLong());
        JsonObject options = rec.getAsJsonObject("options");
        assertEquals(3, options.get("steps").getAsInt());
        assertEquals(1.0, options.get("guidance").getAsDouble());
        assertTrue(options.get("device").getAsString().startsWith("CPU"), options.toString());
        assertTrue(r.err().contains("the model works at 64x48"), r.err());
        assertFalse(r.err().contains("mirrored borders"), "a 4:3 photo fills a 4:3 frame: " + r.err());
    }

    @Test
    void autoPicksAnInstalledBundleAndFallsBackToClassicalWithANote() throws Exception {
        List<String> notes = new ArrayList<>();
        Engine found = EngineSelection.resolve("auto", null, "auto", List.of(tmp.resolve("models")), notes::add);
        assertInstanceOf(DiffusionEngine.class, found);
        ((DiffusionEngine) found).close();
        assertTrue(notes.isEmpty());
        Engine fallback = EngineSelection.resolve("auto", null, "auto", List.of(tmp.resolve("empty")), notes::add);
        assertInstanceOf(ClassicalEngine.class, fallback);
        assertTrue(notes.get(0).contains("no model bundle is installed in " + tmp.resolve("empty")), notes.toString());
        UsageException e = assertThrows(UsageException.class, () -> EngineSelection.resolve("diffusion", null, "auto", List.of(tmp.resolve("empty")), notes::add));
        assertTrue(e.getMessage().contains("--model DIR"), e.getMessage());
    }

    @Test
    void usageErrorsExitWithTwo() {
        String o = tmp.resolve("x").toString();
        for (String[] args : new String[][] {
                {"generate", photo.toString(), "--out", o, "--engine", "classical", "--model", bundle.toString()},
                {"generate", photo.toString(), "--out", o, "--engine", "diffusion", "--model", bundle.toString(), "--steps", "5000"},
                {"generate", photo.toString(), "--out", o, "--engine", "diffusion", "--model", bundle.toString(), "--guidance", "0.5"},
                {"generate", photo.toString(), "--out", o, "--engine", "diffusion", "--model", bundle.toString(), "--device", "tpu"},
                {"generate", photo.toString(), "--out", o, "--engine", "diffusion", "--model", bundle.toString(), "--frames", "17"},
        }) {
            CliRun r = CliRun.of(args);
            assertEquals(ExitCode.USAGE, r.code(), String.join(" ", args) + " -> " + r.err());
            assertFalse(r.err().contains("Exception"), r.err());
            assertFalse(Files.exists(Path.of(o)));
        }
    }

    @Test
    void aMissingModelFolderOrUnknownFormatIsRefusedBeforeAnythingIsWritten() {
        Path o = tmp.resolve("z");
        CliRun missing = CliRun.of("generate", photo.toString(), "--out", o.toString(), "--engine", "diffusion", "--model", tmp.resolve("nowhere").toString());
        assertEquals(ExitCode.ENGINE_FAILURE, missing.code(), missing.err());
        assertTrue(missing.err().contains("does not exist") && missing.err().contains("bundle.json"), missing.err());
        assertEquals(1, missing.err().strip().lines().count(), missing.err());
        CliRun format = CliRun.of("generate", photo.toString(), "--out", o.toString(), "--format", "webm");
        assertEquals(ExitCode.USAGE, format.code(), format.err());
        assertTrue(format.err().contains("webm"), format.err());
        assertFalse(Files.exists(o));
    }

    @Test
    void benchmarkOfABundleTimesItAndRefusesBadOptions() {
        CliRun ok = CliRun.of("benchmark", "--model", bundle.toString(), "--images", tmp.toString(), "--steps", "2", "--runs", "1", "--device", "cpu");
        assertEquals(0, ok.code(), ok.err());
        assertTrue(ok.out().contains("per step") && ok.out().contains("device: CPU"), ok.out());
        assertEquals(ExitCode.USAGE, CliRun.of("benchmark", "--model", bundle.toString(), "--steps", "0").code());
        assertEquals(ExitCode.USAGE, CliRun.of("benchmark", "--model", bundle.toString(), "--device", "tpu").code());
        CliRun missing = CliRun.of("benchmark", "--model", tmp.resolve("nowhere").toString());
        assertEquals(ExitCode.ENGINE_FAILURE, missing.code(), missing.err());
        assertTrue(missing.err().contains("does not exist"), missing.err());
    }

    @Test
    void brokenBundleOrMissingGpuIsAnEngineErrorInOneLineAndWritesNothing() throws Exception {
        Path broken = BrokenBundles.wrongInputName(tmp.resolve("broken"));
        Path o = tmp.resolve("y");
        CliRun r = CliRun.of("generate", photo.toString(), "--out", o.toString(), "--engine", "diffusion", "--model", broken.toString(), "--steps", "2");
        assertEquals(ExitCode.ENGINE_FAILURE, r.code(), r.err());
        assertTrue(r.err().contains("input 'hidden_states' is missing"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertFalse(Files.exists(o));

        assumeFalse(DeviceProbe.ofThisMachine().detect().gpu(), "this machine has a GPU");
        CliRun cuda = CliRun.of("generate", photo.toString(), "--out", o.toString(), "--engine", "diffusion", "--model", bundle.toString(), "--device", "cuda");
        assertEquals(ExitCode.ENGINE_FAILURE, cuda.code(), cuda.err());
        assertTrue(cuda.err().contains("no NVIDIA GPU was found"), cuda.err());
        assertFalse(Files.exists(o));
    }
}
