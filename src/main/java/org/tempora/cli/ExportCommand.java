package org.tempora.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.tempora.engine.CancellationToken;
import org.tempora.export.ExportFormat;
import org.tempora.export.ExportOptions;
import org.tempora.export.ExposureTime;
import org.tempora.export.Exporter;
import org.tempora.export.FrameSet;
import org.tempora.export.video.H264Mp4;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Exports the frames of a 'tempora generate' output as a video (MP4, animated GIF) or an image sequence (PNG 8/16-bit, TIFF 16-bit), with provenance: XMP in PNG, TIFF and MP4, and a JSON sidecar always.",
                "Nothing appears under the target name until it is complete; existing files are kept unless --force."})
final class ExportCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FRAMES_DIR", description = "A folder written by 'tempora generate' (frames and tempora.json).")
    Path frames;

    @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "mp4, gif, png or tiff.")
    String format;

    @Option(names = "--out", required = true, paramLabel = "FILE|DIR", description = "The video file (mp4, gif) or a new folder (png, tiff).")
    Path out;

    @Option(names = "--fps", paramLabel = "N", description = "Frames a second (default: 12, or real time slowed by --slow-motion).")
    Double fps;

    @Option(names = "--slow-motion", paramLabel = "F", description = "Times slower than real time (1 = real time); needs the exposure time (EXIF or --exposure).")
    Double slowMotion;

    @Option(names = "--exposure", paramLabel = "SECONDS", description = "The photo's exposure time, e.g. 1/30, when its EXIF lacks it.")
    String exposure;

    @Option(names = "--quality", paramLabel = "Q", description = "MP4 H.264 quantiser 0-51, lower is better and larger (default: " + H264Mp4.DEFAULT_QUANTISER + ").")
    Integer quality;

    @Option(names = "--loop", paramLabel = "N", defaultValue = "0", description = "Times the clip plays: 0 = forever (GIF; an MP4 then holds it once). Default: 0.")
    int loops;

    @Option(names = "--ping-pong", description = "Play forward, then backward.")
    boolean pingPong;

    @Option(names = "--side-by-side", paramLabel = "PHOTO", description = "Show the original photo left of every frame (videos).")
    Path sideBySide;

    @Option(names = "--timeline", description = "Burn the timeline (past red, present green, future blue, playhead) under every frame (videos).")
    boolean timeline;

    @Option(names = "--palette", paramLabel = "clip|frame", defaultValue = "clip", description = "GIF palette for the whole clip or for each frame. Default: clip.")
    String palette;

    @Option(names = "--dither", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "GIF Floyd-Steinberg dithering (default on; --no-dither turns it off).")
    boolean dither;

    @Option(names = "--bit-depth", paramLabel = "8|16", defaultValue = "0", description = "PNG bits per sample (default: as the frames; TIFF is always 16).")
    int bitDepth;

    @Option(names = "--force", description = "Replace an existing file (or earlier Tempora folder); never the source photo or the frames.")
    boolean force;

    @Option(names = {"-q", "--quiet"}, description = "Print nothing but errors.")
    boolean quiet;

    @Override public Integer call() throws Exception {
        ExportFormat f;
        ExportOptions options;
        try {
            f = ExportFormat.parse(format);
            if (!palette.equals("clip") && !palette.equals("frame")) throw new IllegalArgumentException("--palette must be clip or frame, got '" + palette + "'");
            options = new ExportOptions(optional(fps), optional(slowMotion),
                    exposure == null ? OptionalDouble.empty() : OptionalDouble.of(ExposureTime.parse(exposure)),
                    quality == null ? H264Mp4.DEFAULT_QUANTISER : quality, loops, pingPong, Optional.ofNullable(sideBySide), timeline,
                    palette.equals("frame"), dither, bitDepth);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        PrintWriter stdout = spec.commandLine().getOut(), err = spec.commandLine().getErr();
        FrameSet set = FrameSet.open(frames);
        CancellationToken cancel = new CancellationToken();
        CountDownLatch finished = new CountDownLatch(1);
        // Ctrl-C: ask the export to stop and give it a moment to remove its unfinished files before the JVM exits
        Thread hook = new Thread(() -> {
            cancel.cancel();
            try {
                finished.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "tempora-export-cancel");
        Runtime.getRuntime().addShutdownHook(hook);
        Exporter.Result r;
        try {
            r = Exporter.export(set, f, out, options, force, cancel);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it returns now that the export has finished
            }
        }
        if (!quiet) {
            r.notes().forEach(n -> err.println("note: " + n));
            String speed = r.rate() == null ? "" : ", " + r.rate().describe();
            stdout.printf(Locale.ROOT, "wrote %s (%d %s%s, %.1f MB) and %s%n", r.output(), r.pictures(), f.isSequence() ? "frames" : "pictures", speed,
                    r.bytes() / 1e6, r.sidecar().getFileName());
        }
        return ExitCode.OK;
    }

    private static OptionalDouble optional(Double v) { return v == null ? OptionalDouble.empty() : OptionalDouble.of(v); }
}
