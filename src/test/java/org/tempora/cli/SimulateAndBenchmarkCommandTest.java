package org.tempora.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tempora.image.FrameFolder;
import org.tempora.image.LinearImage;
import org.tempora.image.PhotoReader;
import org.tempora.metrics.BlurConsistency;
import org.tempora.testutil.DevImages;

class SimulateAndBenchmarkCommandTest {
    @TempDir Path tmp;

    @Test
    void simulateWritesAPhotoWhoseTruthFramesAverageToIt() throws Exception {
        Path out = tmp.resolve("sim");
        CliRun r = CliRun.of("simulate", DevImages.path("coffee.png").toString(), "--out", out.toString(),
                "--frames", "5", "--trajectory", "linear", "--length", "14", "--angle", "30");
        assertEquals(0, r.code(), r.err());
        LinearImage blurred = PhotoReader.read(out.resolve("blurred.png")).pixels();
        var truth = FrameFolder.read(out.resolve("truth"));
        assertEquals(5, truth.size());
        // Both are quantised to 8 bits, so the mean of the truth matches the photo to about half a code.
        assertTrue(BlurConsistency.psnr(blurred, truth) > 45, "consistency " + BlurConsistency.psnr(blurred, truth));
        assertTrue(Files.exists(out.resolve("trajectory.csv")) && Files.exists(out.resolve("kernel.png")));
        // The written path reads back and simulates again.
        CliRun again = CliRun.of("simulate", DevImages.path("coffee.png").toString(), "--out", tmp.resolve("again").toString(),
                "--frames", "5", "--trajectory", out.resolve("trajectory.csv").toString());
        assertEquals(0, again.code(), again.err());
    }

    @Test
    void simulateRefusesBadPathsWithClearMessages() throws Exception {
        Path bad = Files.writeString(tmp.resolve("path.csv"), "t,x,y\n0,1,2\nbanana,3,4\n");
        CliRun r = CliRun.of("simulate", DevImages.path("coffee.png").toString(), "--out", tmp.resolve("o").toString(), "--trajectory", bad.toString());
        assertEquals(ExitCode.UNREADABLE_INPUT, r.code(), r.err());
        assertTrue(r.err().contains("path.csv"), r.err());
        CliRun tooLong = CliRun.of("simulate", DevImages.path("coffee.png").toString(), "--out", tmp.resolve("o").toString(),
                "--trajectory", "linear", "--length", "5000");
        assertEquals(ExitCode.USAGE, tooLong.code(), tooLong.err());
        assertFalse(Files.exists(tmp.resolve("o")));
    }

    @Test
    void benchmarkRunsOnADatasetAndRefusesAMissingOne() throws Exception {
        Path data = Files.createDirectory(tmp.resolve("data"));
        CliRun sim = CliRun.of("simulate", DevImages.path("chelsea.png").toString(), "--out", data.resolve("cat").toString(),
                "--frames", "3", "--trajectory", "linear", "--length", "10");
        assertEquals(0, sim.code(), sim.err());
        CliRun r = CliRun.of("benchmark", "--dataset", data.toString(), "--cold-start");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("cat") && r.out().contains("MEAN (1 items)"), r.out());
        // the fresh JVM ran generate to the end, with this JVM's options (surefire's -Xmx6g among them)
        List<String> options = ManagementFactory.getRuntimeMXBean().getInputArguments();
        assertTrue(options.contains("-Xmx6g"), options.toString());
        assertTrue(r.out().contains("(exit 0; JVM options: " + String.join(" ", options) + ")"), r.out());
        CliRun missing = CliRun.of("benchmark", "--dataset", tmp.resolve("nowhere").toString());
        assertEquals(ExitCode.USAGE, missing.code(), missing.err());
    }

    @Test
    void kernelErrorRunsOnASubsetAndCanBeToldTheTrueSize() throws Exception {
        DevImages.path("camera.png");
        CliRun r = CliRun.of("benchmark", "--kernel-error", "--only", "camera", "--extents", "11", "--true-size");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("1 items"), r.out());
        double ratio = Double.parseDouble(r.out().lines().filter(l -> l.startsWith("camera")).findFirst().orElseThrow().trim().split("\\s+")[4]);
        assertTrue(r.out().contains("ratio <= 2 by blur extent: 11 px " + (ratio <= 2 ? "100" : "0") + "% (1)"), r.out());
        // told the true size, the estimate has it: the row reads "camera  11  N  N  ratio  seconds"
        String row = r.out().lines().filter(l -> l.startsWith("camera")).findFirst().orElseThrow();
        String[] f = row.trim().split("\\s+");
        assertEquals("11", f[1], row);
        assertEquals(f[2], f[3], row);
        CliRun none = CliRun.of("benchmark", "--kernel-error", "--only", "no-such-image");
        assertEquals(ExitCode.USAGE, none.code(), none.err());
        CliRun noExtent = CliRun.of("benchmark", "--kernel-error", "--extents", "12");
        assertEquals(ExitCode.USAGE, noExtent.code(), noExtent.err());
        assertTrue(noExtent.err().contains("--only and --extents left no items"), noExtent.err());
        CliRun notANumber = CliRun.of("benchmark", "--kernel-error", "--extents", "wide");
        assertEquals(ExitCode.USAGE, notANumber.code(), notANumber.err());
        assertTrue(notANumber.err().contains("--extents") && !notANumber.err().contains("Exception"), notANumber.err());
        // From the true kernel: the header says so, and one iteration stays near the truth (ratio 1.0-1.3 on the shake set).
        CliRun fromTruth = CliRun.of("benchmark", "--kernel-error", "--only", "camera", "--extents", "11", "--from-truth", "1");
        assertEquals(0, fromTruth.code(), fromTruth.err());
        assertTrue(fromTruth.out().contains("1 iterations from the true kernel, not blind"), fromTruth.out());
        String[] cells = fromTruth.out().lines().filter(l -> l.startsWith("camera")).findFirst().orElseThrow().trim().split("\\s+");
        assertEquals(cells[2], cells[3], "the true kernel's size is kept");
        assertTrue(Double.parseDouble(cells[4]) < 1.6, "ratio after one iteration from the truth: " + cells[4]);
        CliRun negative = CliRun.of("benchmark", "--kernel-error", "--from-truth", "-1");
        assertEquals(ExitCode.USAGE, negative.code(), negative.err());
        assertTrue(negative.err().contains("--from-truth must be 0 to 50"), negative.err());
    }

    @Test
    void kernelErrorRunsUnderADefectOfOldPhotosAndRefusesOneItCannotApply() throws Exception {
        DevImages.path("camera.png");
        CliRun jpeg = CliRun.of("benchmark", "--kernel-error", "--only", "camera", "--extents", "11", "--motion", "shake", "--degrade", "jpeg:75");
        assertEquals(0, jpeg.code(), jpeg.err());
        assertTrue(jpeg.out().contains("noise sigma 0.005, then JPEG quality 75, seed 7"), jpeg.out());
        String[] cells = jpeg.out().lines().filter(l -> l.startsWith("camera")).findFirst().orElseThrow().trim().split("\\s+");
        assertTrue(Double.parseDouble(cells[4]) < 2, "ratio under JPEG blocks (1.28 when measured): " + cells[4]);
        assertTrue(Double.parseDouble(cells[6]) < 2, "the same kernel before the JPEG round trip: " + cells[6]);
        assertTrue(jpeg.out().contains("the same kernels on the crops before the defect (undegr.): ratio <= 2 on 100%"), jpeg.out());
        CliRun clip = CliRun.of("benchmark", "--kernel-error", "--only", "camera", "--extents", "11", "--degrade", "clip:0.02");
        assertEquals(0, clip.code(), clip.err());
        assertTrue(clip.out().contains("then 2.0% of pixels clipped"), clip.out());
        CliRun alone = CliRun.of("benchmark", "--uniformity", "--degrade", "jpeg:75", "--true-size");
        assertEquals(ExitCode.USAGE, alone.code(), alone.err());
        assertTrue(alone.err().contains("--degrade, --true-size work only with --kernel-error"), alone.err());
        for (String bad : List.of("jpeg:0", "blur:3", "grain:lots", "noise:0.5", "noise:")) {
            CliRun r = CliRun.of("benchmark", "--kernel-error", "--degrade", bad);
            assertEquals(ExitCode.USAGE, r.code(), bad + ": " + r.err());
            assertTrue(r.err().contains("--degrade: ") && !r.err().contains("Exception"), r.err());
        }
    }

    @Test
    void uniformityRunsTheCheckOnUniformAndUnevenCases() throws Exception {
        DevImages.path("camera.png");
        CliRun r = CliRun.of("benchmark", "--uniformity", "--only", "camera", "--size", "320x240");
        assertEquals(0, r.code(), r.err());
        assertEquals(5, r.out().lines().filter(l -> l.startsWith("camera")).count(), r.out());
        // camera.png has texture all over: every case is judged, and the strokes at right angles are told apart
        String across = r.out().lines().filter(l -> l.contains("90 degrees")).findFirst().orElseThrow();
        assertTrue(across.endsWith("named"), across);
        assertTrue(r.out().contains("of the 5 cases judged (0 had too little texture or room): uniform blur flagged on 0 of 2"), r.out());
        CliRun tiny = CliRun.of("benchmark", "--uniformity", "--size", "100x100");
        assertEquals(ExitCode.USAGE, tiny.code(), tiny.err());
        assertTrue(tiny.err().contains("--size must be between 128x128 and 24 megapixels"), tiny.err());
        CliRun badSize = CliRun.of("benchmark", "--uniformity", "--size", "wide");
        assertEquals(ExitCode.USAGE, badSize.code(), badSize.err());
        assertTrue(badSize.err().contains("--size must be WIDTHxHEIGHT"), badSize.err());
        CliRun nobody = CliRun.of("benchmark", "--uniformity", "--only", "no-such-image", "--size", "320x240");
        assertEquals(ExitCode.USAGE, nobody.code(), nobody.err());
        assertTrue(nobody.err().contains("--only left no images") && !nobody.err().contains("Exception"), nobody.err());
    }

    @Test
    void scoreRefusesAPhotoOfAnotherSize() throws Exception {
        Path sim = tmp.resolve("sim");
        assertEquals(0, CliRun.of("simulate", DevImages.path("chelsea.png").toString(), "--out", sim.toString(), "--frames", "3").code());
        CliRun r = CliRun.of("score", "--pred", sim.resolve("truth").toString(), "--truth", sim.resolve("truth").toString(),
                "--photo", DevImages.path("chelsea.png").toString());
        assertEquals(ExitCode.USAGE, r.code(), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        CliRun ok = CliRun.of("score", "--pred", sim.resolve("truth").toString(), "--truth", sim.resolve("truth").toString(),
                "--photo", sim.resolve("blurred.png").toString());
        assertEquals(0, ok.code(), ok.err());
        assertTrue(ok.out().contains("100.00 dB"), ok.out());
    }
}
