package org.tempora.cli;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.imaging.Imaging;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tempora.export.TestRuns;
import org.tempora.image.PhotoWriter;
import org.tempora.image.VideoFrames;
import org.tempora.testutil.DevImages;

class ExportCommandTest {
    @TempDir Path tmp;

    @Test
    void exportsRefusesAndExplains() throws Exception {
        Path run = tmp.resolve("run");
        TestRuns.write(run, tmp.resolve("photo.png"), 3, 40, 32, "classical");
        Path mp4 = tmp.resolve("a.mp4");
        CliRun ok = CliRun.of("export", run.toString(), "--format", "mp4", "--out", mp4.toString(), "--exposure", "1/60", "--slow-motion", "5");
        assertEquals(0, ok.code(), ok.err());
        assertTrue(ok.out().contains("36 fps (5x slower than real time)"), ok.out());   // 3 frames in 1/60 s = 180 fps
        assertEquals(3, VideoFrames.read(mp4).size());

        CliRun again = CliRun.of("export", run.toString(), "--format", "mp4", "--out", mp4.toString());
        assertEquals(ExitCode.USAGE, again.code());
        assertTrue(again.err().contains("already exists"), again.err());

        CliRun noExposure = CliRun.of("export", run.toString(), "--format", "gif", "--out", tmp.resolve("b.gif").toString(), "--slow-motion", "2");
        assertEquals(ExitCode.USAGE, noExposure.code());
        assertTrue(noExposure.err().contains("exposure time is unknown"), noExposure.err());
        assertFalse(Files.exists(tmp.resolve("b.gif")));

        CliRun bad = CliRun.of("export", run.toString(), "--format", "webm", "--out", tmp.resolve("c").toString());
        assertEquals(ExitCode.USAGE, bad.code());
        CliRun notRun = CliRun.of("export", tmp.toString(), "--format", "gif", "--out", tmp.resolve("d.gif").toString());
        assertEquals(ExitCode.UNREADABLE_INPUT, notRun.code());
        assertTrue(notRun.err().contains("tempora.json"), notRun.err());
    }

    @Test
    void generateWithFormatGifAndEmbeddedXmpInTheFrames() throws Exception {
        Path photo = tmp.resolve("small.png");
        PhotoWriter.writePng(DevImages.crop("chelsea.png", 150, 60, 96, 64), photo, 8);
        Path out = tmp.resolve("out");
        CliRun r = CliRun.of("generate", photo.toString(), "--out", out.toString(), "--frames", "3", "--format", "gif", "-q");
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.size(out.resolve("small.gif")) > 0);
        JsonObject side = JsonParser.parseString(Files.readString(out.resolve("small.gif.json"))).getAsJsonObject();
        assertEquals("http://cv.iptc.org/newscodes/digitalsourcetype/algorithmicMedia", side.getAsJsonObject("digitalSourceType").get("uri").getAsString());
        String xmp = Imaging.getXmpXml(out.resolve("frame_0001.png").toFile());
        assertTrue(xmp.contains("<tempora:FrameIndex>1</tempora:FrameIndex>"), xmp);
        assertTrue(xmp.contains("algorithmicMedia"));
    }
}
