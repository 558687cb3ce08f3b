package org.tempora.export;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.apache.commons.imaging.Imaging;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tempora.engine.CancellationToken;
import org.tempora.engine.CancelledException;
import org.tempora.image.LinearImage;
import org.tempora.image.Photo;
import org.tempora.image.PhotoReader;
import org.tempora.image.VideoFrames;

class ExporterTest {
    @TempDir Path tmp;
    Path run, photo;
    FrameSet frames;

    @BeforeEach
    void writeRun() throws Exception {
        run = tmp.resolve("run");
        photo = tmp.resolve("photo.png");
        TestRuns.write(run, photo, 4, 63, 41, "diffusion");     // odd size: MP4 must crop to even
        frames = FrameSet.open(run);
    }

    private static ExportOptions options(boolean pingPong, Optional<Path> side, boolean timeline, OptionalDouble exposure, OptionalDouble slow) {
        ExportOptions d = ExportOptions.defaults();
        return new ExportOptions(OptionalDouble.empty(), slow, exposure, d.quantiser(), 0, pingPong, side, timeline, false, true, 0);
    }

    private static List<String> leftovers(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).toList();
        }
    }

    @Test
    void mp4WithPingPongSideBySideTimelineAndSidecar() throws Exception {
        Path out = tmp.resolve("clip.mp4");
        Exporter.Result r = Exporter.export(frames, ExportFormat.MP4, out,
                options(true, Optional.of(photo), true, OptionalDouble.of(1 / 30.0), OptionalDouble.of(10)), false, CancellationToken.none());
        assertEquals(6, r.pictures());                         // 0 1 2 3 2 1
        assertEquals(12, r.rate().fps(), 1e-9);                // 4 frames in 1/30 s = 120 fps real time, 10x slower
        List<LinearImage> back = VideoFrames.read(out);
        assertEquals(6, back.size());
        int photoWidth = (int) Math.round(71.0 * 41 / 41);    // the photo is (63 + 2*4) x 41, scaled to the frames' height
        assertEquals((photoWidth + 63) & ~1, back.get(0).width());
        assertEquals((41 + TimelineStrip.height(photoWidth + 63)) & ~1, back.get(0).height());
        JsonObject json = JsonParser.parseString(Files.readString(tmp.resolve("clip.mp4.json"))).getAsJsonObject();
        assertEquals(6, json.getAsJsonObject("output").get("pictures").getAsInt());
        assertEquals(frames.sourceSha256(), json.getAsJsonObject("source").get("sha256").getAsString());
        assertEquals(120, json.getAsJsonObject("output").get("realTimeFps").getAsDouble(), 1e-9);
        String mp4 = new String(Files.readAllBytes(out), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertTrue(mp4.contains(frames.sourceSha256()) && mp4.contains("trainedAlgorithmicMedia"), "XMP in the MP4");
        assertEquals(List.of(), leftovers(tmp));
    }

    @Test
    void aSideBySidePhotoOtherThanTheSourceIsNotedAndTheGifEstimateReadsIt() throws Exception {
        Path other = tmp.resolve("other.png");
        Files.copy(photo, other);
        Files.write(other, new byte[] {0}, java.nio.file.StandardOpenOption.APPEND); // same picture, other bytes
        ExportOptions side = options(false, Optional.of(other), false, OptionalDouble.empty(), OptionalDouble.empty());
        Exporter.Result r = Exporter.export(frames, ExportFormat.GIF, tmp.resolve("clip.gif"), side, false, CancellationToken.none());
        assertTrue(r.notes().stream().anyMatch(n -> n.contains("other.png is not the source") && n.contains("SHA-256 differs")), r.notes().toString());
        Exporter.Result same = Exporter.export(frames, ExportFormat.GIF, tmp.resolve("same.gif"),
                options(false, Optional.of(photo), false, OptionalDouble.empty(), OptionalDouble.empty()), false, CancellationToken.none());
        assertTrue(same.notes().stream().noneMatch(n -> n.contains("SHA-256")), same.notes().toString());
        // the estimate is of the picture that will be written: the side-by-side photo widens it
        assertTrue(Exporter.estimateGifSize(frames, side) > Exporter.estimateGifSize(frames, ExportOptions.defaults()));
    }

    @Test
    void gifRefusesToOverwriteWithoutForceAndNeverTheSourcePhoto() throws Exception {
        Path out = tmp.resolve("clip.gif");
        Exporter.export(frames, ExportFormat.GIF, out, ExportOptions.defaults(), false, CancellationToken.none());
        long size = Files.size(out);
        OutputRefusedException e = assertThrows(OutputRefusedException.class,
                () -> Exporter.export(frames, ExportFormat.GIF, out, ExportOptions.defaults(), false, CancellationToken.none()));
        assertTrue(e.getMessage().contains("--force"), e.getMessage());
        Exporter.export(frames, ExportFormat.GIF, out, ExportOptions.defaults(), true, CancellationToken.none());
        assertEquals(size, Files.size(out), size * 0.05);

        // the source photo, even under another name and with --force, and the frames themselves
        Path copy = Files.copy(photo, tmp.resolve("renamed.gif"));
        byte[] before = Files.readAllBytes(copy);
        assertThrows(OutputRefusedException.class, () -> Exporter.export(frames, ExportFormat.GIF, copy, ExportOptions.defaults(), true, CancellationToken.none()));
        assertArrayEquals(before, Files.readAllBytes(copy));
        assertThrows(OutputRefusedException.class, () -> Exporter.export(frames, ExportFormat.MP4, run.resolve("frame_0001.png"),
                ExportOptions.defaults(), true, CancellationToken.none()));
        assertThrows(OutputRefusedException.class, () -> Exporter.export(frames, ExportFormat.PNG, run, ExportOptions.defaults(), true,
                CancellationToken.none()));
    }

    @Test
    void cancelOrUnwritableFolderLeavesNothing() throws Exception {
        CancellationToken cancel = new CancellationToken();
        cancel.cancel();
        Path out = tmp.resolve("c.mp4");
        assertThrows(CancelledException.class, () -> Exporter.export(frames, ExportFormat.MP4, out, ExportOptions.defaults(), false, cancel));
        assertThrows(CancelledException.class, () -> Exporter.export(frames, ExportFormat.TIFF, tmp.resolve("seq"), ExportOptions.defaults(), false, cancel));
        assertFalse(Files.exists(out));
        assertFalse(Files.exists(tmp.resolve("c.mp4.json")));
        assertFalse(Files.exists(tmp.resolve("seq")));
        assertEquals(List.of(), leftovers(tmp));

        // a failure part way (frame 3 damaged after the folder was opened) leaves no file either
        Files.write(run.resolve("frame_0002.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0});
        for (ExportFormat f : ExportFormat.values()) {
            Path target = tmp.resolve("broken." + f.extension());
            assertThrows(org.tempora.image.UnreadablePhotoException.class,
                    () -> Exporter.export(frames, f, target, ExportOptions.defaults(), false, CancellationToken.none()));
            assertFalse(Files.exists(target), f.name());
        }
        assertEquals(List.of(), leftovers(tmp));
    }

    @Test
    void unwritableFolderLeavesNothing() throws Exception {
        Path locked = Files.createDirectory(tmp.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            Assumptions.assumeFalse(Files.isWritable(locked), "running as a user who can write anywhere");
            Exception e = assertThrows(Exception.class, () -> Exporter.export(frames, ExportFormat.GIF, locked.resolve("x.gif"),
                    ExportOptions.defaults(), false, CancellationToken.none()));
            assertTrue(e.getMessage().contains("x.gif"), e.getMessage());
            try (Stream<Path> s = Files.list(locked)) {
                assertEquals(0, s.count());
            }
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void png16AndTiff16SequencesCarryXmpAndReadBack() throws Exception {
        ExportOptions sixteen = new ExportOptions(OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), 18, 0, false,
                Optional.empty(), false, false, true, 16);
        for (ExportFormat f : List.of(ExportFormat.PNG, ExportFormat.TIFF)) {
            Path out = tmp.resolve(f.name());
            Exporter.Result r = Exporter.export(frames, f, out, sixteen, false, CancellationToken.none());
            assertEquals(4, r.pictures());
            Path second = out.resolve("frame_0001." + f.extension());
            Photo read = PhotoReader.read(second);
            assertEquals(16, read.bitDepth());
            assertEquals(63, read.width());
            assertEquals(41, read.height());
            LinearImage original = frames.frame(1).pixels();
            for (int c = 0; c < 3; c++) {
                for (int i = 0; i < original.pixelCount(); i += 97) assertEquals(original.plane(c)[i], read.pixels().plane(c)[i], 1e-4);
            }
            String xmp = Imaging.getXmpXml(second.toFile());
            assertNotNull(xmp, f + " XMP");
            assertTrue(xmp.contains(frames.sourceSha256()), f + " XMP names the source");
            assertTrue(xmp.contains("http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia"), f + " XMP digital source type");
            assertTrue(Files.exists(out.resolve(Exporter.SEQUENCE_SIDECAR)));
            JsonObject rec = JsonParser.parseString(Files.readString(out.resolve("tempora.json"))).getAsJsonObject();
            assertEquals("frame_0000." + f.extension(), rec.getAsJsonArray("frames").get(0).getAsJsonObject().get("file").getAsString());
        }
        assertEquals(8, PhotoReader.read(run.resolve("frame_0000.png")).bitDepth());
    }

    @Test
    void gifSizeEstimateIsNearTheFile() throws Exception {
        long estimate = Exporter.estimateGifSize(frames, ExportOptions.defaults());
        Path out = tmp.resolve("e.gif");
        Exporter.export(frames, ExportFormat.GIF, out, ExportOptions.defaults(), false, CancellationToken.none());
        assertEquals(Files.size(out), estimate, 0.25 * Files.size(out));
        File f = out.toFile();
        assertTrue(f.length() > 0);
    }
}
