package org.tempora.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tempora.export.ExportFormat;
import org.tempora.export.ExportOptions;
import org.tempora.export.PlaybackRate;
import org.tempora.export.video.H264Mp4;
import org.tempora.timeline.Interval;

/** The export dialog's state: options, playing speed, destinations and what stops an export. */
class ExportSettingsTest {
    /** Four frames tiling the exposure [-0.5, 0.5]. */
    private static final List<Interval> FOUR = List.of(new Interval(-0.5, -0.25), new Interval(-0.25, 0), new Interval(0, 0.25), new Interval(0.25, 0.5));

    @Test void defaultsAreTheExportersWithTwelveFramesASecond(@TempDir Path dir) {
        ExportSettings s = new ExportSettings(dir.resolve("photo.jpg"), OptionalDouble.empty(), FOUR);
        ExportOptions o = s.options();
        assertEquals(OptionalDouble.of(PlaybackRate.DEFAULT_FPS), o.fps());
        assertEquals(H264Mp4.DEFAULT_QUANTISER, o.quantiser());
        assertEquals(0, o.loops());
        assertTrue(o.dither());
        assertEquals(Optional.empty(), o.sideBySide());
        assertEquals("12 fps (real time unknown: the photo has no exposure time)", s.rateProperty().get());
        assertEquals("Choose where to save the export.", s.problemProperty().get());
        s.destinationProperty().set(s.suggestedDestination());
        assertEquals("", s.problemProperty().get());
    }

    @Test void slowMotionIsRealTimeDividedByTheFactor(@TempDir Path dir) {
        // 4 frames over one exposure of 1/30 s play in real time at 4 / (1 x 1/30) = 120 fps; 10x slower is 12 fps.
        ExportSettings s = new ExportSettings(dir.resolve("photo.jpg"), OptionalDouble.of(1 / 30.0), FOUR);
        assertEquals(ExportSettings.Speed.SLOW_MOTION, s.speedProperty().get(), "real time is the natural choice when it is known");
        assertEquals("120 fps (real time)", s.rateProperty().get());
        s.slowMotionProperty().set(10);
        assertEquals("12 fps (10x slower than real time)", s.rateProperty().get());
        assertEquals(OptionalDouble.of(10), s.options().slowMotion());
        assertEquals(OptionalDouble.empty(), s.options().fps());
        s.speedProperty().set(ExportSettings.Speed.FRAMES_PER_SECOND);
        s.fpsProperty().set(24);
        assertEquals("24 fps (5x slower than real time)", s.rateProperty().get());
    }

    @Test void slowMotionWithoutAnExposureTimeIsRefused(@TempDir Path dir) {
        ExportSettings s = new ExportSettings(dir.resolve("photo.jpg"), OptionalDouble.empty(), FOUR);
        s.destinationProperty().set(dir.resolve("clip.mp4"));
        s.speedProperty().set(ExportSettings.Speed.SLOW_MOTION);
        assertEquals("The photo's exposure time is unknown, so real time is too: choose a frame rate.", s.problemProperty().get());
    }

    @Test void suggestsNamesBesideThePhotoAndFollowsTheFormat(@TempDir Path dir) {
        ExportSettings s = new ExportSettings(dir.resolve("photo.jpg"), OptionalDouble.empty(), FOUR);
        assertEquals(dir.resolve("photo.mp4").toAbsolutePath(), s.suggestedDestination());
        s.destinationProperty().set(dir.resolve("mine.mp4"));
        s.formatProperty().set(ExportFormat.GIF);
        assertEquals(dir.resolve("mine.gif"), s.destinationProperty().get(), "the extension follows the format");
        assertEquals(dir.resolve("photo.gif").toAbsolutePath(), s.suggestedDestination());
        s.formatProperty().set(ExportFormat.PNG);
        assertEquals(dir.resolve("photo-png").toAbsolutePath(), s.suggestedDestination());
        s.formatProperty().set(ExportFormat.TIFF);
        assertEquals(dir.resolve("photo-tiff").toAbsolutePath(), s.suggestedDestination());
    }

    @Test void bitDepthAppliesToPngOnly(@TempDir Path dir) {
        ExportSettings s = new ExportSettings(dir.resolve("photo.jpg"), OptionalDouble.empty(), FOUR);
        s.bitDepthProperty().set(16);
        assertEquals(0, s.options().bitDepth());
        s.formatProperty().set(ExportFormat.PNG);
        assertEquals(16, s.options().bitDepth());
        assertEquals("", s.rateProperty().get(), "a sequence has no playing speed");
    }

    @Test void neverTheSourcePhotoNorAFolderHoldingIt(@TempDir Path dir) throws Exception {
        Path photo = Files.writeString(dir.resolve("photo.png"), "pixels");
        assertEquals("That is the source photo: Tempora never overwrites it. Choose another name.",
                ExportSettings.destinationProblem(photo, photo, ExportFormat.MP4));
        assertEquals("That is the source photo: Tempora never overwrites it. Choose another name.",
                ExportSettings.destinationProblem(dir.resolve(".").resolve("photo.png"), photo, ExportFormat.GIF));
        assertEquals("That folder holds the source photo: choose a new folder for the sequence.",
                ExportSettings.destinationProblem(dir, photo, ExportFormat.TIFF));
        assertEquals("photo.png is a file: choose a folder for the sequence.", ExportSettings.destinationProblem(dir.resolve("photo.png/.."
                ).normalize().resolve("photo.png"), dir.resolve("other.png"), ExportFormat.PNG));
        assertTrue(ExportSettings.destinationProblem(dir.resolve("missing").resolve("clip.gif"), photo, ExportFormat.GIF).startsWith("The folder "));
        assertEquals("", ExportSettings.destinationProblem(dir.resolve("clip.gif"), photo, ExportFormat.GIF));
        assertEquals("", ExportSettings.destinationProblem(dir.resolve("frames"), photo, ExportFormat.PNG));
    }

    @Test void describesEstimatesAndWarnsAboutLargeGifs() {
        assertEquals("About 1.2 MB", ExportSettings.describeEstimate(1_234_567));
        assertEquals("About 57 kB", ExportSettings.describeEstimate(56_700));
        assertEquals("About 1 kB", ExportSettings.describeEstimate(10));
        assertEquals("About 25.0 MB: large for a GIF; an MP4 is far smaller", ExportSettings.describeEstimate(25_000_000));
    }
}
