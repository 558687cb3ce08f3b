package org.tempora.cli;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tempora.export.Checksums;
import org.tempora.image.Photo;
import org.tempora.image.PhotoReader;
import org.tempora.testutil.DevImages;

class GenerateCommandTest {
    @TempDir Path tmp;

    /** A small blurred photo made by the simulator, so the CLI runs fast. */
    private Path blurredPhoto() {
        Path sim = tmp.resolve("sim");
        Path sharp = DevImages.path("chelsea.png");
        CliRun r = CliRun.of("simulate", sharp.toString(), "--out", sim.toString(), "--frames", "4", "--extent", "10", "--seed", "3");
        assertEquals(0, r.code(), r.err());
        return sim.resolve("blurred.png");
    }

    @Test
    void writesFramesKernelAndRecord() throws Exception {
        Path photo = blurredPhoto();
        Path out = tmp.resolve("out");
        CliRun r = CliRun.of("generate", photo.toString(), "--out", out.toString(), "--frames", "5");
        assertEquals(0, r.code(), r.err());
        Photo in = PhotoReader.read(photo);
        for (int i = 0; i < 5; i++) {
            Photo frame = PhotoReader.read(out.resolve(String.format("frame_%04d.png", i)));
            assertEquals(in.width(), frame.width());
            assertEquals(in.height(), frame.height());
        }
        assertFalse(Files.exists(out.resolve("frame_0005.png")));
        assertTrue(Files.exists(out.resolve("kernel.png")));
        JsonObject rec = JsonParser.parseString(Files.readString(out.resolve("tempora.json"))).getAsJsonObject();
        assertEquals("classical", rec.getAsJsonObject("engine").get("id").getAsString());
        assertEquals(Checksums.sha256(photo), rec.getAsJsonObject("input").get("sha256").getAsString());
        assertEquals(5, rec.getAsJsonArray("frames").size());
        assertEquals(-0.5, rec.getAsJsonArray("frames").get(0).getAsJsonObject().get("start").getAsDouble(), 1e-12);
        assertEquals(0.5, rec.getAsJsonArray("frames").get(4).getAsJsonObject().get("end").getAsDouble(), 1e-12);
        assertTrue(rec.getAsJsonObject("trajectory").getAsJsonArray("samples").size() > 10);
        assertTrue(rec.getAsJsonObject("timingsMs").has("total"));
    }

    @Test
    void pastPresentFutureAndExplicitIntervals() throws Exception {
        Path photo = blurredPhoto();
        CliRun ppf = CliRun.of("generate", photo.toString(), "--out", tmp.resolve("ppf").toString(), "--mode", "past-present-future");
        assertEquals(0, ppf.code(), ppf.err());
        JsonObject rec = JsonParser.parseString(Files.readString(tmp.resolve("ppf/tempora.json"))).getAsJsonObject();
        assertEquals(16, rec.getAsJsonArray("frames").size());
        assertEquals(-1.0, rec.getAsJsonArray("frames").get(0).getAsJsonObject().get("start").getAsDouble(), 1e-12);
        assertEquals("past", rec.getAsJsonArray("frames").get(0).getAsJsonObject().get("part").getAsString());

        CliRun iv = CliRun.of("generate", photo.toString(), "--out", tmp.resolve("iv").toString(),
                "--interval", "-0.5:-0.25", "--interval", "0.25:0.5", "--reverse-time");
        assertEquals(0, iv.code(), iv.err());
        try (Stream<Path> s = Files.list(tmp.resolve("iv"))) {
            assertEquals(4, s.count()); // 2 frames, kernel, record
        }
    }

    @Test
    void refusesNonEmptyOutputAndKeepsIt() throws Exception {
        Path photo = blurredPhoto();
        Path out = Files.createDirectory(tmp.resolve("busy"));
        Files.writeString(out.resolve("notes.txt"), "mine");
        CliRun r = CliRun.of("generate", photo.toString(), "--out", out.toString());
        assertEquals(ExitCode.USAGE, r.code());
        assertTrue(r.err().contains("not empty"), r.err());
        assertEquals("mine", Files.readString(out.resolve("notes.txt")));
        CliRun forced = CliRun.of("generate", photo.toString(), "--out", out.toString(), "--force");
        assertEquals(ExitCode.USAGE, forced.code(), "--force does not replace folders Tempora did not write");
    }

    @Test
    void forceReplacesAnEarlierOutput() throws Exception {
        Path photo = blurredPhoto();
        Path out = tmp.resolve("again");
        assertEquals(0, CliRun.of("generate", photo.toString(), "--out", out.toString(), "--frames", "6").code());
        assertEquals(0, CliRun.of("generate", photo.toString(), "--out", out.toString(), "--frames", "3", "--force").code());
        assertTrue(Files.exists(out.resolve("frame_0002.png")));
        assertFalse(Files.exists(out.resolve("frame_0003.png")), "no stale frames from the earlier run");
    }

    @Test
    void usageErrorsExitWithTwoAndOneLine() {
        Path photo = DevImages.path("chelsea.png");
        String o = tmp.resolve("x").toString();
        for (String[] args : new String[][] {
                {"generate", photo.toString(), "--out", o, "--mode", "sideways"},
                {"generate", photo.toString(), "--out", o, "--interval", "0.3:0.1"},
                {"generate", photo.toString(), "--out", o, "--interval", "a:b"},
                {"generate", photo.toString(), "--out", o, "--frames", "0"},
                {"generate", photo.toString(), "--out", o, "--past", "0.5"},
                {"generate", photo.toString(), "--out", o, "--engine", "magic"},
                {"generate", photo.toString()},
        }) {
            CliRun r = CliRun.of(args);
            assertEquals(ExitCode.USAGE, r.code(), String.join(" ", args) + " -> " + r.err());
            assertTrue(r.err().startsWith("tempora: "), r.err());
            assertFalse(r.err().contains("Exception"), r.err());
            assertFalse(Files.exists(Path.of(o)), "nothing written for " + String.join(" ", args));
        }
    }

    @Test
    void unreadablePhotoExitsWithThreeAndNamesTheFile() throws Exception {
        Path bad = Files.write(tmp.resolve("broken.jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8, 1, 2, 3});
        Path out = tmp.resolve("out");
        CliRun r = CliRun.of("generate", bad.toString(), "--out", out.toString());
        assertEquals(ExitCode.UNREADABLE_INPUT, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("broken.jpg"), r.err());
        assertFalse(Files.exists(out));
        CliRun missing = CliRun.of("generate", tmp.resolve("nope.png").toString(), "--out", out.toString());
        assertEquals(ExitCode.UNREADABLE_INPUT, missing.code());
        assertTrue(missing.err().contains("nope.png"), missing.err());
    }

    @Test
    void everyBadInputLoadsOrFailsWithOneLine() throws Exception {
        // Expected exit code per file: 0 loads and runs; 3 unreadable; 4 readable but too small for the engine.
        java.util.Map<String, Integer> expected = java.util.Map.of(
                "chessboard_GRAY_U16.tif", 0, "chessboard_GRAY_U16B.tif", 0, "truncated.jpg", ExitCode.UNREADABLE_INPUT,
                "foo3x5x4indexed.png", ExitCode.ENGINE_FAILURE, "multipage_rgb.tif", ExitCode.ENGINE_FAILURE,
                "no_time_for_that_tiny.gif", ExitCode.ENGINE_FAILURE, "palette_color.png", ExitCode.ENGINE_FAILURE);
        Path dir = DevImages.path("bad-inputs");
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                String name = f.getFileName().toString();
                assertTrue(expected.containsKey(name), "new bad input " + name + ": add its expected outcome");
                Path out = tmp.resolve("bad-" + name);
                CliRun r = CliRun.of("generate", f.toString(), "--out", out.toString(), "--frames", "2", "--quiet");
                assertEquals(expected.get(name), r.code(), name + ": " + r.err());
                if (r.code() == 0) {
                    assertTrue(Files.exists(out.resolve("frame_0001.png")), name);
                } else {
                    assertEquals(1, r.err().strip().lines().count(), name + ": " + r.err());
                    assertTrue(r.err().contains(name), r.err());
                    assertFalse(r.err().contains("Exception"), r.err());
                    assertFalse(Files.exists(out), "nothing left for " + name);
                }
            }
        }
    }

    @Test
    void impossiblePlanIsAUsageErrorBeforeReadingThePhoto() {
        Path out = tmp.resolve("far");
        CliRun r = CliRun.of("generate", tmp.resolve("not-read-yet.png").toString(), "--out", out.toString(),
                "--mode", "past-present-future", "--past", "5");
        assertEquals(ExitCode.USAGE, r.code(), r.err());
        assertTrue(r.err().contains("past"), r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void versionAndHelp() {
        CliRun v = CliRun.of("--version");
        assertEquals(0, v.code());
        assertTrue(v.out().startsWith("Tempora "), v.out());
        CliRun h = CliRun.of("generate", "--help");
        assertEquals(0, h.code());
        assertTrue(h.out().contains("--reverse-time"));
    }
}
