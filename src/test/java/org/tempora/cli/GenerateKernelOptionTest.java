package org.tempora.cli;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tempora.classical.FftConvolution;
import org.tempora.classical.KernelFile;
import org.tempora.engine.BlurKernel;
import org.tempora.image.FrameFolder;
import org.tempora.image.LinearImage;
import org.tempora.image.PhotoWriter;
import org.tempora.testutil.DevImages;

/** {@code generate --kernel FILE} and {@code --region X,Y,W,H}. */
class GenerateKernelOptionTest {
    @TempDir Path tmp;

    private Path simulated() {
        Path sim = tmp.resolve("sim");
        CliRun r = CliRun.of("simulate", DevImages.path("chelsea.png").toString(), "--out", sim.toString(), "--frames", "4",
                "--extent", "10", "--seed", "3");
        assertEquals(0, r.code(), r.err());
        return sim;
    }

    @Test
    void theSimulatorsKernelPictureSkipsEstimation() throws Exception {
        Path sim = simulated();
        Path out = tmp.resolve("out");
        CliRun r = CliRun.of("generate", sim.resolve("blurred.png").toString(), "--out", out.toString(), "--frames", "4",
                "--kernel", sim.resolve("kernel.png").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("given"), r.err());
        JsonObject rec = JsonParser.parseString(Files.readString(out.resolve("tempora.json"))).getAsJsonObject();
        assertEquals("kernel.png", rec.getAsJsonObject("options").get("kernelFile").getAsString());
    }

    @Test
    void partsBlurredDifferentlyGetKernelPicturesOfTheirOwnThatRunAsKnownKernels() throws Exception {
        // a 640x480 grey photo, its left half blurred 15 px sideways and its right half 15 px up and down
        int w = 640, h = 480, ks = 21;
        float[] sharp = DevImages.crop("hubble_deep_field.jpg", 200, 200, w, h).luminance();
        float[] across = new float[ks * ks], down = new float[ks * ks];
        for (int i = 3; i < 18; i++) {
            across[10 * ks + i] = 1f / 15;
            down[i * ks + 10] = 1f / 15;
        }
        float[] photo = FftConvolution.convolve(sharp, w, h, down, ks), left = FftConvolution.convolve(sharp, w, h, across, ks);
        for (int y = 0; y < h; y++) System.arraycopy(left, y * w, photo, y * w, w / 2);
        Path input = tmp.resolve("uneven.png");
        PhotoWriter.writePng(new LinearImage(w, h, new float[][] {photo}), input, 8);
        Path out = tmp.resolve("parts");
        CliRun r = CliRun.of("generate", input.toString(), "--out", out.toString(), "--frames", "3");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("each part's frames were rendered with its own blur"), r.err());
        JsonObject rec = JsonParser.parseString(Files.readString(out.resolve("tempora.json"))).getAsJsonObject();
        assertEquals(3, FrameFolder.list(out).size(), "the kernel pictures are not frames");
        JsonObject kernelA = rec.getAsJsonArray("partPaths").get(0).getAsJsonObject().getAsJsonObject("kernel");
        assertEquals("kernel_A.png", kernelA.get("file").getAsString());
        assertTrue(Files.isRegularFile(out.resolve("kernel_B.png")));
        // Blur A (the left half's) read back: a stroke along x, of the size the record gives
        BlurKernel a = KernelFile.read(out.resolve("kernel_A.png"));
        assertEquals(kernelA.get("size").getAsInt(), a.size());
        double[] extent = extent(a);
        assertTrue(extent[0] > 3 * extent[1], java.util.Arrays.toString(extent));
        // and used as a known kernel for the whole photo
        Path again = tmp.resolve("again");
        CliRun known = CliRun.of("generate", input.toString(), "--out", again.toString(), "--frames", "3", "--kernel", out.resolve("kernel_A.png").toString());
        assertEquals(0, known.code(), known.err());
        JsonObject rec2 = JsonParser.parseString(Files.readString(again.resolve("tempora.json"))).getAsJsonObject();
        assertEquals(a.size(), rec2.getAsJsonObject("kernel").get("size").getAsInt());
    }

    /** The spread of a kernel's mass along x and along y (standard deviations, pixels). */
    private static double[] extent(BlurKernel k) {
        double s = 0, sx = 0, sy = 0, sxx = 0, syy = 0;
        for (int y = 0; y < k.size(); y++) {
            for (int x = 0; x < k.size(); x++) {
                double v = k.at(x, y);
                s += v;
                sx += v * x;
                sy += v * y;
                sxx += v * x * x;
                syy += v * y * y;
            }
        }
        return new double[] {Math.sqrt(sxx / s - sx * sx / s / s), Math.sqrt(syy / s - sy * sy / s / s)};
    }

    @Test
    void anInvalidKernelIsRefusedWithOneLine() throws Exception {
        Path sim = simulated();
        Path bad = tmp.resolve("even.csv");
        Files.writeString(bad, "1 1\n1 1\n");
        CliRun r = CliRun.of("generate", sim.resolve("blurred.png").toString(), "--out", tmp.resolve("o").toString(), "--kernel", bad.toString());
        assertEquals(ExitCode.USAGE, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("odd"), r.err());
        assertFalse(Files.exists(tmp.resolve("o").resolve("tempora.json")));
    }

    @Test
    void aRegionIsParsedAndRecorded() throws Exception {
        Path sim = simulated();
        Path out = tmp.resolve("reg");
        CliRun r = CliRun.of("generate", sim.resolve("blurred.png").toString(), "--out", out.toString(), "--frames", "3",
                "--region", "10,10,200,150");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("region"), r.err());
        CliRun bad = CliRun.of("generate", sim.resolve("blurred.png").toString(), "--out", tmp.resolve("bad").toString(), "--region", "1,2,3");
        assertEquals(ExitCode.USAGE, bad.code());
        assertTrue(bad.err().contains("X,Y,WIDTH,HEIGHT"), bad.err());
    }

    @Test
    void aBadDetailIsRefusedBeforeAnythingIsWritten() throws Exception {
        Path sim = simulated();
        Path out = tmp.resolve("detail");
        CliRun bad = CliRun.of("generate", sim.resolve("blurred.png").toString(), "--out", out.toString(), "--detail", "lots");
        assertEquals(ExitCode.USAGE, bad.code());
        assertTrue(bad.err().contains("--detail takes megapixels"), bad.err());
        assertFalse(Files.exists(out), "nothing written");
    }

    @Test
    void detailTakesMegapixelsFullOrZeroAndRefusesTheRest() {
        assertEquals(4_000_000L, GenerateCommand.parseDetail("4"));
        assertEquals(2_500_000L, GenerateCommand.parseDetail("2.5"));
        assertEquals(Long.MAX_VALUE, GenerateCommand.parseDetail("FULL"));
        assertEquals(0L, GenerateCommand.parseDetail("0"));
        for (String bad : new String[] {"-1", "lots", "NaN"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GenerateCommand.parseDetail(bad));
            assertTrue(e.getMessage().contains("--detail"), e.getMessage());
        }
    }
}
