package org.tempora.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.tempora.classical.ClassicalEngine;
import org.tempora.classical.KernelErrorRatio;
import org.tempora.classical.UniformityCalibration;
import org.tempora.diffusion.ModelBundle;
import org.tempora.diffusion.runtime.DeviceChoice;
import org.tempora.engine.CancellationToken;
import org.tempora.engine.EngineOptions;
import org.tempora.engine.GenerationRequest;
import org.tempora.engine.GenerationResult;
import org.tempora.engine.ProgressListener;
import org.tempora.engine.Trajectory;
import org.tempora.image.FrameFolder;
import org.tempora.image.LinearImage;
import org.tempora.image.PhotoReader;
import org.tempora.image.PhotoWriter;
import org.tempora.image.Resampling;
import org.tempora.io.AtomicFiles;
import org.tempora.export.StagedDirectory;
import org.tempora.metrics.VideoScore;
import org.tempora.simulate.BlurSimulator;
import org.tempora.simulate.CameraShake;
import org.tempora.simulate.Degradation;
import org.tempora.simulate.SimulatedBlur;
import org.tempora.timeline.FramePlans;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "benchmark", mixinStandardHelpOptions = true,
        description = {"Measures the classical engine's quality and speed, or with --model the diffusion engine's speed.",
                "Bidirectional PSNR, blur consistency and time per photo, on synthetic camera shake over sharp images (default: "
                + "../shared/dev-images) or on a dataset of real blurred photos with ground-truth frames (--dataset). Present "
                + "mode; prints a table."})
final class BenchmarkCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--images", paramLabel = "DIR", defaultValue = "../shared/dev-images",
            description = "Sharp images to blur synthetically (default ${DEFAULT-VALUE}).")
    Path images;

    @Option(names = "--dataset", paramLabel = "DIR",
            description = "Real data instead: one sub-folder per item holding the blurred photo and a truth/ (or gt/) folder of frames.")
    Path dataset;

    @Option(names = "--frames", paramLabel = "N", defaultValue = "7", description = "Frames per photo for synthetic items (default ${DEFAULT-VALUE}).")
    int frames;

    @Option(names = "--size", paramLabel = "WxH", defaultValue = "640x360", description = "Synthetic photo size (default ${DEFAULT-VALUE}).")
    String size;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "7", description = "Seed of the synthetic camera paths (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--save", paramLabel = "DIR", description = "Also write each synthetic item (blurred.png, truth/) here, as a dataset for --dataset.")
    Path save;

    @Option(names = "--motion", paramLabel = "smooth|shake", defaultValue = "smooth",
            description = "Synthetic camera paths: smooth (straight lines and arcs, as in video datasets' short exposures) or shake (random hand shake after Boracchi and Foi 2012, often looping). Default: ${DEFAULT-VALUE}.")
    String motion;

    @Option(names = "--cold-start", description = "Also time one complete 'tempora generate' in a fresh JVM (JVM start included).")
    boolean coldStart;

    @Option(names = "--kernel-error", description = "Measure the blind kernel estimate instead: Levin et al.'s error ratio (deconvolution with the estimate "
            + "over deconvolution with the true kernel) on random camera shake of several sizes over the sharp images.")
    boolean kernelError;

    @Option(names = "--uniformity", description = "Measure the check for parts blurred differently instead: its kernel distances on each sharp image "
            + "(at --size) blurred alike all over and differently by halves, against the threshold it warns at.")
    boolean uniformity;

    @Option(names = "--true-size", description = "With --kernel-error: tell the estimator the true kernel's size (separates sizing errors from shape errors).")
    boolean trueSize;

    @Option(names = "--from-truth", paramLabel = "N", defaultValue = "0",
            description = "With --kernel-error: instead of a blind estimate, N iterations of the estimator's last level started from the true kernel"
                    + " (how far its alternation drifts from the truth; 0, the default, estimates blind).")
    int fromTruth;

    @Option(names = "--degrade", paramLabel = "KIND:AMOUNT",
            description = "With --kernel-error: also put each blurred crop through jpeg:QUALITY (1-100), grain:RMS (film grain, display units,"
                    + " up to 0.2), noise:RMS (white noise, display units, up to 0.2) or clip:SHARE (that share of pixels driven past white,"
                    + " up to 0.5) before estimating; a column 'undegr.' then gives the ratio of the same kernels on the crop before the defect.")
    String degrade;

    @Option(names = "--only", paramLabel = "NAME", split = ",",
            description = "With --kernel-error or --uniformity: only these images (file names without extension, comma-separated).")
    List<String> only;

    @Option(names = "--extents", paramLabel = "PX", split = ",",
            description = "With --kernel-error: only these blur extents of 11, 17, 25, 33 (comma-separated).")
    List<Double> extents;

    /** Blur extents (px) of the kernel-error test: Levin et al.'s recorded kernels span about 10-30 px. */
    static final double[] KERNEL_ERROR_EXTENTS = {11, 17, 25, 33};
    /** Noise of the kernel-error test, linear units (about 1% of a mid-grey in display units). */
    static final double KERNEL_ERROR_NOISE = 0.005;
    /** Most --from-truth iterations: plenty to see the drift level off (shake set, geometric mean 1.27 / 1.73 / 1.77 after 1 / 6 / 12). */
    static final int MAX_FROM_TRUTH = 50;

    @Option(names = "--model", paramLabel = "DIR", description = "Time the diffusion engine on this model bundle instead: load, encode, time per step, decode, peak memory.")
    Path model;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "4", description = "Sampling steps per timed diffusion run (default ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "2", description = "Timed diffusion runs after loading (default ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--device", paramLabel = "DEVICE", defaultValue = "auto", description = "Where the diffusion model runs: auto, cpu or cuda.")
    String device;

    private static final Pattern SHARP = Pattern.compile(".*\\.(png|jpe?g|tiff?)$", Pattern.CASE_INSENSITIVE);

    record Item(String name, LinearImage blurred, List<LinearImage> truth, Path blurredFile) {}

    @Override public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (!kernelError) {
            // options of --kernel-error alone would otherwise be ignored without a word
            List<String> stray = new ArrayList<>();
            if (degrade != null) stray.add("--degrade");
            if (trueSize) stray.add("--true-size");
            if (fromTruth != 0) stray.add("--from-truth");
            if (extents != null) stray.add("--extents");
            if (!stray.isEmpty()) throw new UsageException(String.join(", ", stray) + (stray.size() == 1 ? " works" : " work") + " only with --kernel-error");
        }
        if (model != null) return timeDiffusion(out);
        if (kernelError) return kernelError(out);
        if (uniformity) return uniformity(out);
        List<Item> items = dataset != null ? loadDataset(dataset) : synthesize();
        ClassicalEngine engine = new ClassicalEngine();
        out.printf(Locale.ROOT, "%-28s %9s %7s %9s %9s %9s %8s%n", "item", "size", "kernel", "biPSNR", "repeat", "consist.", "seconds");
        double sumP = 0, sumB = 0, sumC = 0, sumT = 0;
        for (Item item : items) {
            long t0 = System.nanoTime();
            GenerationResult r = engine.generate(new GenerationRequest(item.blurred(), FramePlans.present(item.truth().size()), 0,
                    EngineOptions.defaults()), ProgressListener.NONE, CancellationToken.none());
            List<LinearImage> frames = new ArrayList<>(r.frames());
            double seconds = (System.nanoTime() - t0) / 1e9;
            VideoScore s = VideoScore.of(frames, item.truth(), item.blurred());
            VideoScore base = VideoScore.of(Collections.nCopies(item.truth().size(), item.blurred()), item.truth(), null);
            out.printf(Locale.ROOT, "%-28s %9s %7d %9.2f %9.2f %9.2f %8.2f%n", item.name(),
                    item.blurred().width() + "x" + item.blurred().height(), r.kernel().map(k -> k.size()).orElse(0),
                    s.bidirectionalPsnr(), base.bidirectionalPsnr(), s.consistencyPsnr(), seconds);
            sumP += s.bidirectionalPsnr();
            sumB += base.bidirectionalPsnr();
            sumC += s.consistencyPsnr();
            sumT += seconds;
        }
        int n = items.size();
        out.printf(Locale.ROOT, "%-28s %9s %7s %9.2f %9.2f %9.2f %8.2f%n", "MEAN (" + n + " items)", "", "", sumP / n, sumB / n, sumC / n, sumT / n);
        out.println("biPSNR: bidirectional PSNR of the frames (dB); repeat: the blurred photo repeated as every frame;");
        out.println("consist.: PSNR of the photo against the mean of the frames; seconds: engine time in this warm JVM.");
        if (coldStart && !items.isEmpty()) coldStart(out, items.get(0));
        return ExitCode.OK;
    }

    private int kernelError(PrintWriter out) throws Exception {
        if (fromTruth < 0 || fromTruth > MAX_FROM_TRUTH) throw new UsageException("--from-truth must be 0 to " + MAX_FROM_TRUTH + " iterations, not " + fromTruth);
        Optional<Degradation> degradation;
        try {
            degradation = degrade == null ? Optional.empty() : Optional.of(Degradation.parse(degrade));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--degrade: " + e.getMessage());
        }
        out.printf(Locale.ROOT, "error ratio (Levin et al. 2009) on %dx%d luminance crops, %s, noise sigma %.3f%s, seed %d%s%n",
                KernelErrorRatio.SIDE, KernelErrorRatio.SIDE, motion.equals("shake") ? "random shake (Boracchi-Foi)" : "smooth arcs",
                KERNEL_ERROR_NOISE, degradation.map(d -> ", then " + d).orElse(""), seed,
                fromTruth > 0 ? "; kernels: " + fromTruth + " iterations from the true kernel, not blind" : "");
        boolean degraded = degradation.isPresent();
        out.printf(Locale.ROOT, "%-24s %7s %7s %7s %9s %8s%s%n", "image", "extent", "truth", "kernel", "ratio", "seconds",
                degraded ? String.format(Locale.ROOT, " %9s", "undegr.") : "");
        List<Double> ratios = new ArrayList<>(), undegradedRatios = new ArrayList<>();
        Map<Double, List<Double>> byExtent = new TreeMap<>();
        double seconds = 0;
        List<Path> files = sharpImages();
        for (int i = 0; i < files.size(); i++) {
            String name = stem(files.get(i));
            if (only != null && !only.contains(name)) continue;
            LinearImage img = PhotoReader.read(files.get(i)).pixels();
            for (int j = 0; j < KERNEL_ERROR_EXTENTS.length; j++) {
                Random rnd = new Random(seed * 1000 + i * 10L + j);
                double extent = KERNEL_ERROR_EXTENTS[j];
                if (extents != null && !extents.contains(extent)) continue;
                Trajectory path = switch (motion) {
                    case "smooth" -> CameraShake.scaledToExtent(CameraShake.arc(extent, 360 * rnd.nextDouble(), 120 * rnd.nextDouble() - 60), extent);
                    case "shake" -> CameraShake.randomWithExtent(seed * 1000 + i * 10L + j, extent);
                    default -> throw new UsageException("--motion must be smooth or shake, not " + motion);
                };
                int big = KernelErrorRatio.SIDE + 2 * (2 * BlurSimulator.margin(path) + 1);
                LinearImage sharp = Math.min(img.width(), img.height()) < big ? Resampling.cover(img, big, big) : img;
                KernelErrorRatio.Item r = KernelErrorRatio.measure(name, sharp, path, KERNEL_ERROR_NOISE, seed + i * 10L + j,
                        trueSize, fromTruth, degradation, CancellationToken.none());
                out.printf(Locale.ROOT, "%-24s %7.0f %7d %7d %9.2f %8.2f%s%n", name, r.extent(), r.trueSize(), r.estimatedSize(), r.ratio(), r.seconds(),
                        degraded ? String.format(Locale.ROOT, " %9.2f", r.undegradedRatio()) : "");
                out.flush();
                ratios.add(r.ratio());
                byExtent.computeIfAbsent(extent, e -> new ArrayList<>()).add(r.ratio());
                if (degraded) undegradedRatios.add(r.undegradedRatio());
                seconds += r.seconds();
            }
        }
        int n = ratios.size();
        if (n == 0) throw new UsageException("--only and --extents left no items");
        long under2 = ratios.stream().filter(r -> r <= 2).count(), under3 = ratios.stream().filter(r -> r <= 3).count();
        double mean = ratios.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        double geo = Math.exp(ratios.stream().mapToDouble(Math::log).average().orElse(Double.NaN));
        out.printf(Locale.ROOT, "%d items: ratio <= 2 on %.0f%%, <= 3 on %.0f%%; mean %.2f, geometric mean %.2f; estimation %.2f s per item%n",
                n, 100.0 * under2 / n, 100.0 * under3 / n, mean, geo, seconds / n);
        StringBuilder perExtent = new StringBuilder("ratio <= 2 by blur extent:");
        byExtent.forEach((extent, list) -> perExtent.append(String.format(Locale.ROOT, " %.0f px %.0f%% (%d),", extent,
                100.0 * list.stream().filter(r -> r <= 2).count() / list.size(), list.size())));
        out.println(perExtent.substring(0, perExtent.length() - 1));
        if (degraded) {
            long u2 = undegradedRatios.stream().filter(r -> r <= 2).count();
            double ugeo = Math.exp(undegradedRatios.stream().mapToDouble(Math::log).average().orElse(Double.NaN));
            out.printf(Locale.ROOT, "the same kernels on the crops before the defect (undegr.): ratio <= 2 on %.0f%%, geometric mean %.2f%n",
                    100.0 * u2 / n, ugeo);
        }
        return ExitCode.OK;
    }

    private int uniformity(PrintWriter out) throws Exception {
        int[] wh = parseSize();
        int w = wh[0], h = wh[1];
        int min = UniformityCalibration.MIN_SIDE;
        if (w < min || h < min || (long) w * h > 24_000_000L) {
            throw new UsageException("--size must be between " + min + "x" + min + " and 24 megapixels for --uniformity");
        }
        out.printf(Locale.ROOT, "check for parts blurred differently, on %dx%d luminance crops: blur extent %.0f px, noise sigma %.3f, seed %d%n",
                w, h, UniformityCalibration.EXTENT, UniformityCalibration.NOISE, seed);
        out.printf(Locale.ROOT, "%-24s %-30s %10s %10s  %s%n", "image", "case", "left|right", "top|bottom", "verdict");
        List<UniformityCalibration.Case> all = new ArrayList<>();
        List<Path> files = sharpImages();
        for (int i = 0; i < files.size(); i++) {
            String name = stem(files.get(i));
            if (only != null && !only.contains(name)) continue;
            int m = UniformityCalibration.MARGIN;
            LinearImage sharp = Resampling.cover(PhotoReader.read(files.get(i)).pixels(), w + 2 * m, h + 2 * m);
            for (UniformityCalibration.Case c : UniformityCalibration.run(name, sharp.luminance(), w, h, seed * 1000 + i, CancellationToken.none())) {
                out.printf(Locale.ROOT, "%-24s %-30s %10s %10s  %s%n", name, c.kind().label, UniformityCalibration.figure(c.leftRight()),
                        UniformityCalibration.figure(c.topBottom()), c.verdict());
                out.flush();
                all.add(c);
            }
        }
        if (all.isEmpty()) throw new UsageException("--only left no images");
        out.println(UniformityCalibration.summary(all));
        return ExitCode.OK;
    }

    private int timeDiffusion(PrintWriter out) throws Exception {
        if (steps < 1 || steps > EngineOptions.MAX_STEPS || runs < 1) throw new UsageException("--steps must be 1 to " + EngineOptions.MAX_STEPS + " and --runs at least 1");
        DeviceChoice choice = EngineSelection.device(device);
        ModelBundle bundle = EngineSelection.bundle(model);
        List<Path> sharp = sharpImages();
        LinearImage photo = Resampling.resize(PhotoReader.read(sharp.get(0)).pixels(), bundle.width(), bundle.height());
        DiffusionTiming.run(bundle, choice, steps, runs, photo, out);
        return ExitCode.OK;
    }

    private List<Path> sharpImages() {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(images)) {
            for (Path p : s) {
                String name = p.getFileName().toString();
                if (Files.isRegularFile(p) && SHARP.matcher(name).matches() && !name.contains("motion")) files.add(p);
            }
        } catch (IOException e) {
            throw new UsageException("cannot list --images " + images + ": " + e.getMessage());
        }
        Collections.sort(files);
        if (files.isEmpty()) throw new UsageException("no sharp images in " + images);
        return files;
    }

    /** A file's name without its extension: an image's name in the tables. */
    private static String stem(Path file) { return file.getFileName().toString().replaceFirst("\\.[^.]+$", ""); }

    /** --size as {width, height}. */
    private int[] parseSize() {
        String[] wh = size.toLowerCase(Locale.ROOT).split("x");
        try {
            return new int[] {Integer.parseInt(wh[0]), Integer.parseInt(wh[1])};
        } catch (RuntimeException e) {
            throw new UsageException("--size must be WIDTHxHEIGHT, for example 640x360");
        }
    }

    private List<Item> synthesize() throws IOException {
        int[] wh = parseSize();
        int w = wh[0], h = wh[1];
        List<Path> files = sharpImages();
        List<Item> items = new ArrayList<>();
        try (StagedDirectory staged = save == null ? null : StagedDirectory.open(save, false, null)) {
        for (int i = 0; i < files.size(); i++) {
            Path f = files.get(i);
            double len = 8 + 22 * ((i * 0.618034) % 1.0); // blur widths spread over 8-30 px
            java.util.Random rnd = new java.util.Random(seed * 1000 + i);
            Trajectory path = switch (motion) {
                case "smooth" -> CameraShake.scaledToExtent(CameraShake.arc(len, 360 * rnd.nextDouble(), 120 * rnd.nextDouble() - 60), len);
                case "shake" -> CameraShake.randomWithExtent(seed + i, len);
                default -> throw new UsageException("--motion must be smooth or shake, not " + motion);
            };
            int margin = BlurSimulator.margin(path);
            LinearImage sharp = Resampling.cover(PhotoReader.read(f).pixels(), w + 2 * margin, h + 2 * margin);
            SimulatedBlur sim = BlurSimulator.simulate(sharp, path, frames, 16, 0.002, seed + i);
            LinearImage blurred = centreCrop(sim.blurred(), w, h);
            List<LinearImage> truth = new ArrayList<>();
            for (LinearImage t : sim.truthFrames()) truth.add(centreCrop(t, w, h));
            String name = stem(f) + String.format(Locale.ROOT, " (%.0f px)", len);
            Path blurredFile = null;
            if (staged != null) {
                Path dir = staged.path().resolve(stem(f));
                Files.createDirectories(dir.resolve("truth"));
                blurredFile = dir.resolve("blurred.png");
                PhotoWriter.writePng(blurred, blurredFile, 8);
                for (int k = 0; k < truth.size(); k++) {
                    PhotoWriter.writePng(truth.get(k), dir.resolve("truth").resolve(String.format(Locale.ROOT, "frame_%04d.png", k)), 8);
                }
            }
            items.add(new Item(name, blurred, truth, blurredFile == null ? null : save.resolve(staged.path().relativize(blurredFile))));
        }
        if (staged != null) staged.commit();
        } catch (org.tempora.engine.CancelledException e) {
            throw new UsageException("--save was cancelled; nothing was written");
        }
        return items;
    }

    private static List<Item> loadDataset(Path root) throws IOException {
        if (!Files.isDirectory(root)) throw new UsageException("--dataset " + root + " is not a folder");
        List<Path> dirs = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(root)) {
            for (Path p : s) if (Files.isDirectory(p)) dirs.add(p);
        }
        Collections.sort(dirs);
        List<Item> items = new ArrayList<>();
        for (Path d : dirs) {
            Path truthDir = Files.isDirectory(d.resolve("truth")) ? d.resolve("truth") : d.resolve("gt");
            if (!Files.isDirectory(truthDir)) continue;
            Path blurredFile = blurredPhotoIn(d);
            if (blurredFile == null) continue;
            items.add(new Item(d.getFileName().toString(), PhotoReader.read(blurredFile).pixels(), FrameFolder.read(truthDir), blurredFile));
        }
        if (items.isEmpty()) throw new UsageException("no items in " + root + ": each sub-folder needs a blurred photo and a truth/ folder");
        return items;
    }

    /** The item's blurred photo: blurred.* if present, else its only image that is not a kernel picture (kernel.png, kernel_A.png ...). */
    static Path blurredPhotoIn(Path dir) throws IOException {
        List<Path> candidates = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            for (Path p : s) {
                String name = p.getFileName().toString();
                if (!Files.isRegularFile(p) || !SHARP.matcher(name).matches() || name.startsWith(".")) continue;
                if (name.toLowerCase(Locale.ROOT).startsWith("blurred.")) return p;
                if (!FrameFolder.isNotFrame(name)) candidates.add(p);
            }
        }
        if (candidates.size() > 1) {
            throw new UsageException(dir + " holds several photos: name the blurred one blurred.png (or .jpg, .tif)");
        }
        return candidates.isEmpty() ? null : candidates.get(0);
    }

    /** The centre w x h of {@code img}. */
    static LinearImage centreCrop(LinearImage img, int w, int h) {
        return img.crop((img.width() - w) / 2, (img.height() - h) / 2, w, h);
    }

    private void coldStart(PrintWriter out, Item item) throws IOException, InterruptedException {
        Path tmp = Files.createTempDirectory("tempora-bench");
        try {
            Path photo = item.blurredFile();
            if (photo == null) {
                photo = tmp.resolve("blurred.png");
                PhotoWriter.writePng(item.blurred(), photo, 8);
            }
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            // The fresh JVM gets this one's options, so `java -XX:... -jar` times what a launcher with those options gives.
            List<String> jvmOptions = ManagementFactory.getRuntimeMXBean().getInputArguments();
            List<String> command = new ArrayList<>(List.of(java));
            command.addAll(jvmOptions);
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(), "generate",
                    photo.toString(), "--out", tmp.resolve("out").toString(), "--frames", String.valueOf(item.truth().size()), "--quiet"));
            ProcessBuilder pb = new ProcessBuilder(command);
            pb.inheritIO();
            long t0 = System.nanoTime();
            int rc = pb.start().waitFor();
            out.printf(Locale.ROOT, "cold start: 'tempora generate' on %s, %d frames, JVM start included: %.2f s (exit %d; JVM options: %s)%n",
                    item.name(), item.truth().size(), (System.nanoTime() - t0) / 1e9, rc, jvmOptions.isEmpty() ? "none" : String.join(" ", jvmOptions));
        } finally {
            AtomicFiles.deleteTree(tmp);
        }
    }


}
