package org.tempora.export.video;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.tempora.engine.CancellationToken;
import org.tempora.engine.CancelledException;
import org.tempora.export.SrgbPixels;
import org.tempora.image.FrameFolder;
import org.tempora.image.LinearImage;
import org.tempora.image.UnreadablePhotoException;
import org.tempora.image.VideoFrames;
import org.tempora.io.AtomicFiles;
import org.tempora.metrics.Psnr;

/**
 * Encodes the same frames with Tempora (jcodec H.264, constant quantiser) and with ffmpeg's libx264
 * ({@code -crf 18 -preset medium}, BT.709 limited range 4:2:0), and prints encode time (wall clock, reading the PNG
 * frames included for both), file size and PSNR against the frames (display values, {@link Psnr}), and their ratios.
 * Both files are decoded by Tempora's own reader (jcodec, honouring the signalled matrix and range); when it cannot
 * decode x264's High profile stream, by ffmpeg for both. ffmpeg missing: Tempora's figures only, with a note.
 * Run: {@code java -cp target/tempora.jar org.tempora.export.video.EncoderBenchmark FRAMES_DIR [QUANTISER] [FPS]}.
 */
public final class EncoderBenchmark {
    private EncoderBenchmark() {}

    private record Run(String name, double seconds, long bytes, double psnr) {}

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: EncoderBenchmark FRAMES_DIR [QUANTISER] [FPS]");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        int qp = args.length > 1 ? Integer.parseInt(args[1]) : H264Mp4.DEFAULT_QUANTISER;
        double fps = args.length > 2 ? Double.parseDouble(args[2]) : 12;
        List<Path> files = FrameFolder.list(dir);
        List<LinearImage> frames = even(FrameFolder.read(dir));
        int w = frames.get(0).width(), h = frames.get(0).height();
        System.out.printf(Locale.ROOT, "%d frames %dx%d from %s, %d processors%n", frames.size(), w, h, dir, Runtime.getRuntime().availableProcessors());
        Path work = Files.createTempDirectory("tempora-bench");
        try {
            Path ours = work.resolve("tempora.mp4");
            tempora(dir, ours, qp, fps);          // JIT warm-up: the timed run is the second
            long t0 = System.nanoTime();
            tempora(dir, ours, qp, fps);
            double oursSeconds = (System.nanoTime() - t0) / 1e9;
            boolean ff = ffmpegAvailable();
            Path theirs = work.resolve("x264.mp4");
            double theirSeconds = 0;
            if (ff) {
                theirSeconds = x264(files, theirs, fps);
            }
            List<LinearImage> oursBack, theirsBack = null;
            String decoder = "jcodec (Tempora's reader)";
            oursBack = VideoFrames.read(ours);
            if (ff) {
                try {
                    theirsBack = VideoFrames.read(theirs);
                } catch (UnreadablePhotoException e) {
                    decoder = "ffmpeg (jcodec cannot decode x264's stream: " + e.getMessage() + ")";
                    oursBack = ffmpegDecode(ours, w, h, work);
                    theirsBack = ffmpegDecode(theirs, w, h, work);
                }
            }
            Run a = new Run(String.format(Locale.ROOT, "Tempora jcodec qp %d", qp), oursSeconds, Files.size(ours), meanPsnr(frames, oursBack));
            System.out.println("decoded with " + decoder);
            print(a);
            if (!ff) {
                System.out.println("ffmpeg not found on PATH: libx264 comparison skipped (install it, e.g. apt-get install ffmpeg)");
                return;
            }
            Run b = new Run("ffmpeg libx264 crf 18 medium", theirSeconds, Files.size(theirs), meanPsnr(frames, theirsBack));
            print(b);
            System.out.printf(Locale.ROOT, "ratios Tempora / x264: encode time %.2f, size %.2f, PSNR %.3f (%+.2f dB)%n",
                    a.seconds() / b.seconds(), (double) a.bytes() / b.bytes(), a.psnr() / b.psnr(), a.psnr() - b.psnr());
        } finally {
            AtomicFiles.deleteTree(work);
        }
    }

    private static void print(Run r) {
        System.out.printf(Locale.ROOT, "%-30s encode %7.2f s   size %9d bytes   PSNR %.2f dB%n", r.name(), r.seconds(), r.bytes(), r.psnr());
    }

    /** From the PNG files to the MP4, as an export does. */
    private static void tempora(Path dir, Path out, int qp, double fps) throws IOException, CancelledException {
        List<LinearImage> frames = even(FrameFolder.read(dir));
        List<int[]> rgb = new ArrayList<>();
        for (LinearImage f : frames) rgb.add(SrgbPixels.pack(f));
        int w = frames.get(0).width(), h = frames.get(0).height();
        Clip clip = new Clip() {
            @Override public int width() { return w; }
            @Override public int height() { return h; }
            @Override public int frames() { return rgb.size(); }
            @Override public double fps() { return fps; }
            @Override public int[] rgb(int i) { return rgb.get(i); }
        };
        H264Mp4.write(clip, out, qp, null, CancellationToken.none());
    }

    private static double x264(List<Path> files, Path out, double fps) throws IOException, InterruptedException {
        Path list = out.resolveSibling("frames.txt");
        StringBuilder s = new StringBuilder();
        for (Path f : files) s.append("file '").append(f.toAbsolutePath().toString().replace("'", "'\\''")).append("'\nduration ").append(1 / fps).append('\n');
        Files.writeString(list, s.toString());
        long t0 = System.nanoTime();
        run(List.of("ffmpeg", "-v", "error", "-y", "-f", "concat", "-safe", "0", "-i", list.toString(),
                "-vf", "crop=trunc(iw/2)*2:trunc(ih/2)*2,scale=out_color_matrix=bt709:out_range=tv,format=yuv420p",
                "-sws_flags", "accurate_rnd+full_chroma_int", "-fps_mode", "passthrough", "-c:v", "libx264", "-crf", "18", "-preset", "medium",
                "-color_primaries", "bt709", "-color_trc", "bt709", "-colorspace", "bt709", "-color_range", "tv", out.toString()));
        return (System.nanoTime() - t0) / 1e9;
    }

    private static List<LinearImage> ffmpegDecode(Path mp4, int w, int h, Path work) throws IOException, InterruptedException {
        Path raw = work.resolve(mp4.getFileName() + ".rgb");
        run(List.of("ffmpeg", "-v", "error", "-y", "-i", mp4.toString(), "-vf", "scale=in_color_matrix=bt709:in_range=tv,format=rgb24",
                "-sws_flags", "accurate_rnd+full_chroma_int", "-f", "rawvideo", raw.toString()));
        byte[] b = Files.readAllBytes(raw);
        List<LinearImage> out = new ArrayList<>();
        for (int off = 0; off + 3 * w * h <= b.length; off += 3 * w * h) {
            float[][] p = new float[3][w * h];
            for (int i = 0; i < w * h; i++) for (int c = 0; c < 3; c++) p[c][i] = org.tempora.image.Srgb.linearFrom8bit(b[off + 3 * i + c]);
            out.add(new LinearImage(w, h, p));
        }
        return out;
    }

    private static double meanPsnr(List<LinearImage> frames, List<LinearImage> decoded) {
        if (decoded.size() != frames.size()) throw new IllegalStateException("decoded " + decoded.size() + " frames of " + frames.size());
        double sum = 0;
        for (int i = 0; i < frames.size(); i++) sum += Psnr.between(rgb(frames.get(i)), decoded.get(i));
        return sum / frames.size();
    }

    private static LinearImage rgb(LinearImage f) {
        return f.channels() == 3 ? f : new LinearImage(f.width(), f.height(), new float[][] {f.plane(0), f.plane(0), f.plane(0)});
    }

    /** The frames cropped to even width and height, as both encoders code 4:2:0. */
    private static List<LinearImage> even(List<LinearImage> frames) {
        List<LinearImage> out = new ArrayList<>();
        for (LinearImage f : frames) {
            int w = f.width() & ~1, h = f.height() & ~1;
            if (w == f.width() && h == f.height()) {
                out.add(f);
                continue;
            }
            float[][] p = new float[f.channels()][w * h];
            for (int c = 0; c < f.channels(); c++) for (int y = 0; y < h; y++) System.arraycopy(f.plane(c), y * f.width(), p[c], y * w, w);
            out.add(new LinearImage(w, h, p));
        }
        return out;
    }

    private static boolean ffmpegAvailable() {
        try {
            Process p = new ProcessBuilder("ffmpeg", "-version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) throw new IOException(String.join(" ", command.subList(0, 3)) + " failed: " + output.trim());
    }
}
