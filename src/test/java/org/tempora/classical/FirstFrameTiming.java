package org.tempora.classical;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tempora.engine.CancellationToken;
import org.tempora.engine.EngineOptions;
import org.tempora.engine.GenerationRequest;
import org.tempora.engine.ProgressListener;
import org.tempora.image.LinearImage;
import org.tempora.image.PhotoReader;
import org.tempora.image.Resampling;
import org.tempora.simulate.BlurSimulator;
import org.tempora.simulate.CameraShake;
import org.tempora.timeline.FramePlans;

/**
 * A measurement, not a test: for 640x360 synthetic blurs of the development images (the same smooth
 * arcs of 8-30 px as the benchmark command), how long the classical engine takes to hand over its
 * first preview frame, its first final frame, and the whole run, as the window would see them.
 * The first run in the JVM is reported as cold; then every item runs once warm.
 *
 * <p>Arguments (optional): images folder (default ../shared/dev-images), frame count (default 16).
 */
public final class FirstFrameTiming {
    private FirstFrameTiming() {}

    private static final int W = 640, H = 360;

    /** Milliseconds from the start of a run to the events the window waits for. */
    record Times(double firstPreview, double firstFinal, double total, int previews) {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "../shared/dev-images");
        int frames = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        List<String> names = new ArrayList<>();
        List<LinearImage> photos = items(dir, names);
        System.out.printf(Locale.ROOT, "%d cores, %d frames per run, photos %dx%d%n",
                Runtime.getRuntime().availableProcessors(), frames, W, H);
        System.out.printf(Locale.ROOT, "%-24s %12s %12s %10s %9s%n", "item", "preview ms", "final ms", "total ms", "previews");
        print(names.get(0) + " (cold)", time(photos.get(0), frames));
        double sumPreview = 0, sumFinal = 0, sumTotal = 0, worstPreview = 0, worstFinal = 0;
        for (int i = 0; i < photos.size(); i++) {
            Times t = time(photos.get(i), frames);
            print(names.get(i), t);
            sumPreview += t.firstPreview();
            sumFinal += t.firstFinal();
            sumTotal += t.total();
            worstPreview = Math.max(worstPreview, t.firstPreview());
            worstFinal = Math.max(worstFinal, t.firstFinal());
        }
        int n = photos.size();
        print("MEAN (warm)", new Times(sumPreview / n, sumFinal / n, sumTotal / n, -1));
        System.out.printf(Locale.ROOT, "worst warm: first preview %.0f ms, first final %.0f ms%n", worstPreview, worstFinal);
    }

    private static void print(String name, Times t) {
        System.out.printf(Locale.ROOT, "%-24s %12.0f %12.0f %10.0f %9s%n", name, t.firstPreview(), t.firstFinal(), t.total(),
                t.previews() < 0 ? "" : String.valueOf(t.previews()));
    }

    /** One run with a listener that wants frames, as the window's. */
    static Times time(LinearImage photo, int frames) throws Exception {
        long[] firstPreview = {-1}, firstFinal = {-1};
        int[] previews = {0};
        long t0 = System.nanoTime();
        ProgressListener listener = new ProgressListener() {
            @Override public void progress(String stage, int done, int total) {}

            @Override public boolean wantsFrames() { return true; }

            @Override public void frame(int index, LinearImage frame, boolean preview) {
                long now = System.nanoTime();
                if (preview) {
                    previews[0]++;
                    if (firstPreview[0] < 0) firstPreview[0] = now;
                } else if (firstFinal[0] < 0) {
                    firstFinal[0] = now;
                }
            }
        };
        new ClassicalEngine().generate(new GenerationRequest(photo, FramePlans.present(frames), 0, EngineOptions.defaults()),
                listener, CancellationToken.none());
        long end = System.nanoTime();
        return new Times(firstPreview[0] < 0 ? Double.NaN : (firstPreview[0] - t0) / 1e6,
                (firstFinal[0] - t0) / 1e6, (end - t0) / 1e6, previews[0]);
    }

    /** The benchmark command's synthetic items: each sharp image covered to size, blurred along an arc. */
    private static List<LinearImage> items(Path dir, List<String> names) throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            for (Path p : s) {
                String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
                if (Files.isRegularFile(p) && name.matches(".*\\.(png|jpe?g|tiff?)$") && !name.contains("motion")) files.add(p);
            }
        }
        files.sort(null);
        if (files.isEmpty()) throw new IOException("no sharp images in " + dir);
        List<LinearImage> out = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            double len = 8 + 22 * ((i * 0.618034) % 1.0);
            java.util.Random rnd = new java.util.Random(i);
            var path = CameraShake.scaledToExtent(CameraShake.arc(len, 360 * rnd.nextDouble(), 120 * rnd.nextDouble() - 60), len);
            int margin = BlurSimulator.margin(path);
            LinearImage sharp = cover(PhotoReader.read(files.get(i)).pixels(), W + 2 * margin, H + 2 * margin);
            LinearImage blurred = BlurSimulator.simulate(sharp, path, 7, 16, 0.002, i).blurred();
            out.add(crop(blurred, W, H));
            names.add(files.get(i).getFileName().toString().replaceFirst("\\.[^.]+$", "")
                    + String.format(Locale.ROOT, " (%.0f px)", len));
        }
        return out;
    }

    private static LinearImage cover(LinearImage img, int w, int h) {
        double s = Math.max((double) w / img.width(), (double) h / img.height());
        int sw = Math.max(w, (int) Math.ceil(img.width() * s)), sh = Math.max(h, (int) Math.ceil(img.height() * s));
        return crop(Resampling.resize(img, sw, sh), w, h);
    }

    private static LinearImage crop(LinearImage img, int w, int h) {
        int x0 = (img.width() - w) / 2, y0 = (img.height() - h) / 2;
        float[][] planes = new float[img.channels()][w * h];
        for (int c = 0; c < img.channels(); c++) {
            for (int y = 0; y < h; y++) System.arraycopy(img.plane(c), (y + y0) * img.width() + x0, planes[c], y * w, w);
        }
        return new LinearImage(w, h, planes);
    }
}
