package org.tempora.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tempora.image.LinearImage;
import org.tempora.image.PhotoWriter;
import org.tempora.image.Srgb;
import org.tempora.testutil.TestVideos;

/** 'tempora score' against ground truth given as a folder of frames and as a video of the same frames. */
class ScoreCommandTest {
    @TempDir Path tmp;

    private static final Pattern BIDIRECTIONAL = Pattern.compile("bidirectional PSNR\\s+([0-9.]+|Infinity) dB");

    /** The shared test clip's frames as sRGB PNGs in a fresh folder. */
    private Path pngFolder(String name, List<BufferedImage> frames) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(name));
        for (int i = 0; i < frames.size(); i++) PhotoWriter.writePng(linear(frames.get(i)), dir.resolve(String.format(Locale.ROOT, "frame_%04d.png", i)), 8);
        return dir;
    }

    private static LinearImage linear(BufferedImage img) {
        int w = img.getWidth(), h = img.getHeight();
        float[][] planes = new float[3][w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int v = img.getRGB(x, y);
                for (int c = 0; c < 3; c++) planes[c][y * w + x] = Srgb.linearFrom8bit(v >> (16 - 8 * c));
            }
        }
        return new LinearImage(w, h, planes);
    }

    private static double bidirectionalPsnr(CliRun r) {
        Matcher m = BIDIRECTIONAL.matcher(r.out());
        assertTrue(m.find(), r.out());
        return Double.parseDouble(m.group(1));
    }

    @Test
    void videoGroundTruthScoresHighAgainstItsOwnFrames() throws IOException {
        List<BufferedImage> frames = TestVideos.clip(64, 48);
        Path pred = pngFolder("pred", frames);
        Path video = tmp.resolve("truth.mp4");
        TestVideos.writeMp4(frames, video);
        CliRun r = CliRun.of("score", "--pred", pred.toString(), "--truth", video.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("frames               8"), r.out());
        double psnr = bidirectionalPsnr(r);
        assertTrue(psnr > 35, "bidirectional PSNR " + psnr);
    }

    @Test
    void videoWithOtherFrameCountIsAUsageError() throws IOException {
        List<BufferedImage> frames = TestVideos.clip(64, 48);
        Path pred = pngFolder("pred", frames.subList(0, 5));
        Path video = tmp.resolve("truth.mp4");
        TestVideos.writeMp4(frames, video);
        CliRun r = CliRun.of("score", "--pred", pred.toString(), "--truth", video.toString());
        assertEquals(ExitCode.USAGE, r.code(), r.err());
        assertTrue(r.err().contains("has 5 frames but " + video + " has 8: generate with --frames 8"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    @Test
    void unreadableVideoIsExitCode3WithOneLine() throws IOException {
        Path pred = pngFolder("pred", TestVideos.clip(64, 48));
        Path fake = tmp.resolve("truth.mp4");
        Files.writeString(fake, "not a video");
        CliRun r = CliRun.of("score", "--pred", pred.toString(), "--truth", fake.toString());
        assertEquals(ExitCode.UNREADABLE_INPUT, r.code(), r.err());
        assertTrue(r.err().startsWith("tempora: truth.mp4: not an MP4, MOV or animated GIF video"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    @Test
    void folderGroundTruthStillWorks() throws IOException {
        List<BufferedImage> frames = TestVideos.clip(64, 48);
        Path pred = pngFolder("pred", frames);
        Path truth = pngFolder("truth", frames);
        CliRun r = CliRun.of("score", "--pred", pred.toString(), "--truth", truth.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("\"frames\": 8"), r.out());
        CliRun fewer = CliRun.of("score", "--pred", pngFolder("five", frames.subList(0, 5)).toString(), "--truth", truth.toString());
        assertEquals(ExitCode.USAGE, fewer.code(), fewer.err());
        assertTrue(fewer.err().contains("has 8: generate with --frames 8"), fewer.err());
    }
}
