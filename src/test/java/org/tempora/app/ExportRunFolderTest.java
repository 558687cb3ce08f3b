package org.tempora.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tempora.image.PhotoWriter;

/**
 * The window's 8-bit frames go to the exporter's folder unchanged: code -> linear -> PNG gives the code back; a 16-bit
 * photo's frames go at 16 bits from the engine's own frames.
 */
class ExportRunFolderTest {
    @Test void aSixteenBitPhotoExportsTheEnginesFramesAtSixteenBits(@TempDir Path dir) throws Exception {
        org.tempora.image.LinearImage img = org.tempora.image.LinearImage.blank(96, 64, 3);
        for (int c = 0; c < 3; c++) {
            for (int p = 0; p < img.pixelCount(); p++) img.plane(c)[p] = 0.05f + 0.6f * ((p % 96) / 96f) * (c + 1) / 3f + 0.01f * (p / 96 % 5);
        }
        Path file = dir.resolve("deep.png");
        PhotoWriter.writePng(img, file, 16);
        org.tempora.image.Photo photo = org.tempora.image.PhotoReader.read(file);
        assertEquals(16, photo.bitDepth());
        org.tempora.timeline.FramePlan plan = org.tempora.timeline.FramePlans.present(3);
        RunCapture run = new RunCapture(photo.pixels(), plan);
        org.tempora.engine.GenerationResult result = run.around(new org.tempora.classical.ClassicalEngine()).generate(
                new org.tempora.engine.GenerationRequest(photo.pixels(), plan, 0, org.tempora.engine.EngineOptions.defaults()),
                org.tempora.engine.ProgressListener.NONE, org.tempora.engine.CancellationToken.none());
        BackgroundRunner.Reporter quiet = quiet();
        try (RunFolder folder = RunFolder.write(photo, run, 3, i -> DisplayPixels.of(result.frames().get(i)), dir, quiet,
                org.tempora.engine.CancellationToken.none())) {
            for (int i = 0; i < 3; i++) {
                Path written = folder.dir().resolve(String.format("frame_%04d.png", i));
                assertEquals(16, org.tempora.image.PhotoReader.read(written).bitDepth());
                Path reference = dir.resolve("reference_" + i + ".png");
                PhotoWriter.writePng(result.frames().get(i), reference, 16);
                java.awt.image.Raster a = ImageIO.read(written.toFile()).getRaster(), b = ImageIO.read(reference.toFile()).getRaster();
                for (int y = 0; y < 64; y += 7) {
                    for (int x = 0; x < 96; x += 5) assertEquals(b.getSample(x, y, 1), a.getSample(x, y, 1), "frame " + i + " at " + x + "," + y);
                }
            }
            assertEquals("16-bit sRGB from the engine's frames", com.google.gson.JsonParser.parseString(java.nio.file.Files.readString(
                    folder.dir().resolve("tempora.json"))).getAsJsonObject().getAsJsonObject("options").get("frames").getAsString());
        }
    }

    @Test void everyEightBitCodeSurvivesTheTripThroughLinearLight(@TempDir Path dir) throws Exception {
        int[] argb = new int[256];
        for (int c = 0; c < 256; c++) argb[c] = 0xff000000 | c << 16 | (255 - c) << 8 | (c * 7) % 256;
        PhotoWriter.writePng(RunFolder.linear(new DisplayPixels(256, 1, argb), 3), dir.resolve("colour.png"), 8);
        BufferedImage back = ImageIO.read(dir.resolve("colour.png").toFile());
        for (int c = 0; c < 256; c++) assertEquals(argb[c], back.getRGB(c, 0), "code " + c);
    }

    @Test void aGreyPhotoStaysOneChannelOfTheSameCodes(@TempDir Path dir) throws Exception {
        int[] argb = new int[256];
        for (int c = 0; c < 256; c++) argb[c] = 0xff000000 | c * 0x010101;
        PhotoWriter.writePng(RunFolder.linear(new DisplayPixels(256, 1, argb), 1), dir.resolve("grey.png"), 8);
        BufferedImage back = ImageIO.read(dir.resolve("grey.png").toFile());
        assertEquals(1, back.getRaster().getNumBands());
        for (int c = 0; c < 256; c++) assertEquals(c, back.getRaster().getSample(c, 0, 0), "code " + c);
    }

    @Test void theRunFolderRecordsTheBlurRegionAndThePartsBlurredDifferently(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("photo.png");
        PhotoWriter.writePng(org.tempora.image.LinearImage.blank(40, 30, 1), file, 8);
        org.tempora.image.Photo photo = org.tempora.image.PhotoReader.read(file);
        org.tempora.timeline.FramePlan plan = org.tempora.timeline.FramePlans.present(2);
        java.util.List<org.tempora.engine.BlurPart> parts = java.util.List.of(new org.tempora.engine.BlurPart(0, 0, 20, 30, 0),
                new org.tempora.engine.BlurPart(20, 0, 20, 30, 1));
        org.tempora.engine.Engine uneven = new org.tempora.engine.Engine() { // stands for a classical run that found two blurs
            @Override public String id() { return "classical"; }
            @Override public String version() { return "1.0"; }
            @Override public org.tempora.timeline.PlanLimits limits() { return org.tempora.timeline.PlanLimits.CLASSICAL; }
            @Override public org.tempora.engine.GenerationResult generate(org.tempora.engine.GenerationRequest request,
                    org.tempora.engine.ProgressListener progress, org.tempora.engine.CancellationToken cancel) {
                return new org.tempora.engine.GenerationResult(java.util.List.of(photo.pixels(), photo.pixels()), request.plan(),
                        java.util.Optional.empty(), java.util.Optional.empty(), java.util.List.of(), java.util.Map.of(), parts,
                        java.util.List.of(blur(0.5f), blur(1f / 3)));
            }
        };
        RunCapture run = new RunCapture(photo.pixels(), plan);
        org.tempora.engine.EngineOptions options = org.tempora.engine.EngineOptions.defaults()
                .withRegion(new org.tempora.engine.EngineOptions.Region(2, 3, 30, 25));
        org.tempora.engine.GenerationResult result = run.around(uneven).generate(new org.tempora.engine.GenerationRequest(photo.pixels(), plan, 0, options),
                org.tempora.engine.ProgressListener.NONE, org.tempora.engine.CancellationToken.none());
        BackgroundRunner.Reporter quiet = quiet();
        try (RunFolder folder = RunFolder.write(photo, run, 2, i -> DisplayPixels.of(result.frames().get(i)), dir, quiet,
                org.tempora.engine.CancellationToken.none())) {
            com.google.gson.JsonObject record = com.google.gson.JsonParser.parseString(java.nio.file.Files.readString(
                    folder.dir().resolve("tempora.json"))).getAsJsonObject();
            assertEquals("2,3,30,25", record.getAsJsonObject("options").get("region").getAsString(), "as generate --region takes it");
            com.google.gson.JsonArray written = record.getAsJsonArray("unevenBlurParts");
            assertEquals(2, written.size());
            assertEquals(20, written.get(1).getAsJsonObject().get("x").getAsInt());
            assertEquals(1, written.get(1).getAsJsonObject().get("blur").getAsInt());
            // each part's own kernel beside the frames, named in the record, and not taken for a frame
            com.google.gson.JsonArray blurs = record.getAsJsonArray("partPaths");
            assertEquals("kernel_B.png", blurs.get(1).getAsJsonObject().getAsJsonObject("kernel").get("file").getAsString());
            assertTrue(java.nio.file.Files.isRegularFile(folder.dir().resolve("kernel_A.png")));
            assertTrue(java.nio.file.Files.isRegularFile(folder.dir().resolve("kernel_B.png")));
            assertEquals(2, org.tempora.image.FrameFolder.list(folder.dir()).size());
        }
    }

    /** A part's blur: a short stroke of {@code 1 / weight} pixels, standing still over the exposure. */
    private static org.tempora.engine.PartBlur blur(float weight) {
        int n = Math.round(1 / weight);
        float[] k = new float[9];
        for (int i = 0; i < n; i++) k[3 + i] = weight;
        org.tempora.engine.Trajectory still = new org.tempora.engine.Trajectory(java.util.List.of(
                new org.tempora.engine.Trajectory.Sample(-0.5, 0, 0, 1), new org.tempora.engine.Trajectory.Sample(0.5, 0, 0, 1)));
        return new org.tempora.engine.PartBlur(still, new org.tempora.engine.BlurKernel(3, k, 1));
    }

    /** A reporter that drops progress: the folder is written on the test's thread. */
    private static BackgroundRunner.Reporter quiet() {
        return new BackgroundRunner.Reporter() {
            @Override public void progress(String stage, int done, int total) {}
            @Override public void post(Runnable update) {}
        };
    }
}
