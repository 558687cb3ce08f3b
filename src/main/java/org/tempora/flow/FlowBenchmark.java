package org.tempora.flow;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.tempora.image.LinearImage;
import org.tempora.image.PhotoReader;
import org.tempora.image.Resampling;
import org.tempora.io.AtomicFiles;

/**
 * Times optical flow and its views on a 1280x720 pair: a sharp image enlarged to cover the frame, the second frame
 * the first moved by (3, -2) px. Prints median and fastest times in milliseconds; asserts nothing.
 * Run: {@code java -cp target/tempora.jar org.tempora.flow.FlowBenchmark [IMAGE] [RUNS]}.
 */
public final class FlowBenchmark {
    private FlowBenchmark() {}

    public static void main(String[] args) throws IOException {
        Path image = Path.of(args.length > 0 ? args[0] : "../shared/dev-images/coffee.png");
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        int w = 1280, h = 720, dx = 3, dy = -2;
        LinearImage sharp = PhotoReader.read(image).pixels();
        double cover = Math.max((w + 16.0) / sharp.width(), (h + 16.0) / sharp.height());
        LinearImage big = Resampling.resize(sharp, (int) Math.ceil(sharp.width() * cover), (int) Math.ceil(sharp.height() * cover));
        int x0 = (big.width() - w) / 2, y0 = (big.height() - h) / 2;
        LinearImage a = big.crop(x0, y0, w, h), b = big.crop(x0 - dx, y0 - dy, w, h); // b(x) = a(x - d): content moves by d
        System.out.printf(Locale.ROOT, "optical flow on %dx%d (%s, moved by (%d, %d) px), %d runs, %d processors, OpenCV threads: default%n",
                w, h, image.getFileName(), dx, dy, runs, Runtime.getRuntime().availableProcessors());
        OpenCvLoader.load();
        boolean[] interior = EndPointError.interior(w, h, 16);
        FlowField truth = FlowField.uniform(w, h, dx, dy);
        for (DisFlow.Preset p : DisFlow.Preset.values()) {
            DisFlow dis = new DisFlow(p);
            FlowField[] last = new FlowField[1];
            String t = time(runs, () -> last[0] = dis.compute(a, b));
            System.out.printf(Locale.ROOT, "DIS %-6s (grey conversion included) %s   EPE %.4f px%n", p.name().toLowerCase(Locale.ROOT), t,
                    EndPointError.of(last[0], truth, interior).mean());
        }
        byte[] ga = Grey8.of(a), gb = Grey8.of(b);
        DisFlow dis = new DisFlow(DisFlow.Preset.MEDIUM);
        System.out.println("DIS medium, calc only        " + time(runs, () -> dis.compute(ga, gb, w, h)));
        System.out.println("grey 8-bit conversion        " + time(runs, () -> Grey8.of(a)));
        FlowField forward = dis.compute(a, b), backward = dis.compute(b, a);
        System.out.println("consistency check            " + time(runs, () -> ConsistencyMask.check(forward, backward)));
        ConsistencyMask mask = ConsistencyMask.check(forward, backward);
        double scale = FlowColorWheel.autoScale(forward);
        BufferedImage backdrop = Backdrop.of(a, 0.5);
        System.out.println("view wheel                   " + time(runs, () -> FlowColorWheel.render(forward, scale)));
        System.out.println("view heat                    " + time(runs, () -> FlowHeatMap.render(forward, scale)));
        System.out.println("view arrows (16 px grid)     " + time(runs, () -> FlowArrows.render(forward, mask, backdrop, 16, 1)));
        System.out.println("view mask                    " + time(runs, () -> MaskPicture.render(mask, backdrop)));
        List<FlowField> steps = new ArrayList<>(List.of(forward, forward, forward, forward, forward, forward, forward));
        List<ConsistencyMask> masks = new ArrayList<>(Collections.nCopies(steps.size(), mask));
        List<PointTracks.Point> grid = PointTracks.grid(w, h, 24);
        System.out.println("tracks follow (8 frames)     " + time(runs, () -> PointTracks.follow(steps, masks, grid)));
        List<PointTracks.Track> tracks = PointTracks.follow(steps, masks, grid);
        System.out.println("view tracks (8 frames)       " + time(runs, () -> PointTracks.render(tracks, backdrop, 8)));
        Path tmp = Files.createTempDirectory("tempora-flow-bench");
        try {
            System.out.println(".flo write                   " + time(runs, () -> {
                try {
                    FloFile.write(forward, tmp.resolve("f.flo"));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return null;
            }));
            System.out.println("PNG write (wheel)            " + time(Math.min(runs, 5), () -> {
                try {
                    FlowPng.write(FlowColorWheel.render(forward, scale), tmp.resolve("w.png"));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return null;
            }));
        } finally {
            AtomicFiles.deleteTree(tmp);
        }
    }

    /** "median M ms (fastest F ms)" after two warm-up runs, which the JIT and OpenCV's thread pool need. */
    private static String time(int runs, Supplier<?> work) {
        for (int i = 0; i < 2; i++) work.get();
        long[] t = new long[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            work.get();
            t[i] = System.nanoTime() - t0;
        }
        Arrays.sort(t);
        return String.format(Locale.ROOT, "median %7.1f ms (fastest %7.1f ms)", t[runs / 2] / 1e6, t[0] / 1e6);
    }
}
