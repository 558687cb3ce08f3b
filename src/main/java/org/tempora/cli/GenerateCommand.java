package org.tempora.cli;

import com.google.gson.JsonObject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.tempora.Version;
import org.tempora.classical.KernelFile;
import org.tempora.classical.KernelFileException;
import org.tempora.diffusion.DiffusionEngine;
import org.tempora.diffusion.ModelBundle;
import org.tempora.engine.CancellationToken;
import org.tempora.engine.Engine;
import org.tempora.engine.EngineException;
import org.tempora.engine.EngineOptions;
import org.tempora.engine.GenerationRequest;
import org.tempora.engine.GenerationResult;
import org.tempora.engine.ProgressListener;
import java.util.function.IntFunction;
import org.tempora.export.Checksums;
import org.tempora.export.ExportFormat;
import org.tempora.export.ExportOptions;
import org.tempora.export.Exporter;
import org.tempora.export.FrameSet;
import org.tempora.export.Provenance;
import org.tempora.export.KernelPicture;
import org.tempora.export.RunRecord;
import org.tempora.export.StagedDirectory;
import org.tempora.image.LinearImage;
import org.tempora.image.Photo;
import org.tempora.image.PhotoReader;
import org.tempora.image.PhotoWriter;
import org.tempora.timeline.FramePlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Generates the frames of a blurred photo's exposure (and before/after it).",
                "Writes DIR/frame_0000.png ..., DIR/kernel.png (and DIR/kernel_A.png ... for parts blurred differently) and DIR/tempora.json; "
                + "the folder appears only when complete."})
final class GenerateCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PHOTO", description = "The blurred photo (JPEG, PNG, TIFF, BMP, GIF).")
    Path photoPath;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (must be new or empty, or an earlier output with --force).")
    Path out;

    @Mixin PlanOptions planOptions;

    @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "classical",
            description = "classical (embedded, no download), diffusion (the blur2vid model from a bundle), "
            + "or auto (diffusion when a bundle is given or installed, else classical). Default: ${DEFAULT-VALUE}.")
    String engineName;

    @Option(names = "--model", paramLabel = "DIR", description = "Model bundle folder for the diffusion engine (default: the first one installed in the models folders).")
    Path model;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "0", description = "Diffusion sampling steps; 0 takes the bundle's default (50 for blur2vid).")
    int steps;

    @Option(names = "--guidance", paramLabel = "G", defaultValue = "0", description = "Diffusion guidance scale, 1 = none; 0 takes the bundle's value.")
    double guidance;

    @Option(names = "--device", paramLabel = "DEVICE", defaultValue = "auto", description = "Where the diffusion model runs: auto, cpu or cuda. Default: ${DEFAULT-VALUE}.")
    String device;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0", description = "Seed for engines that sample (recorded; the classical engine is deterministic).")
    long seed;

    @Option(names = "--reverse-time", description = "Play the estimated camera path the other way (a blur does not show which end came first).")
    boolean reverseTime;

    @Option(names = "--kernel-size", paramLabel = "PX", defaultValue = "0",
            description = "Blur kernel size in working pixels, odd; 0 chooses automatically (default).")
    int kernelSize;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "png",
            description = "png (default): the PNG frames only; mp4 or gif: also DIR/<photo>.mp4|gif (see 'tempora export' for options); "
            + "tiff: also a 16-bit TIFF sequence in DIR/tiff. Every output carries its provenance (XMP and JSON).")
    String format;

    @Option(names = "--kernel", paramLabel = "FILE",
            description = "A known blur kernel instead of estimating one: a greyscale picture whose pixel values are the weights, "
            + "a .csv/.txt matrix, or a kernel.png (or a part's kernel_A.png ...) from an earlier run. Odd square side, in photo pixels.")
    Path knownKernel;

    @Option(names = "--region", paramLabel = "X,Y,W,H",
            description = "Estimate the blur from this rectangle of the photo (photo pixels), then apply it to the whole photo.")
    String region;

    @Option(names = "--detail", paramLabel = "MEGAPIXELS", defaultValue = "0",
            description = "Classical engine, photos over about 1.44 megapixels (more than 1.2 times the 1 megapixel working size across): "
            + "remove the blur estimated at reduced resolution again at up to "
            + "this many megapixels, its path drawn thin there; 'full' for the photo's own size. Slower; 0 (default) for none.")
    String detail;

    @Option(names = "--force", description = "Replace DIR if it holds an earlier Tempora output.")
    boolean force;

    @Option(names = {"-q", "--quiet"}, description = "Print nothing but errors.")
    boolean quiet;

    @Override public Integer call() throws Exception {
        FramePlan plan = planOptions.toPlan();
        ExportFormat exportFormat;
        try {
            exportFormat = ExportFormat.parse(format);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        EngineOptions options;
        try {
            options = EngineOptions.defaults().withReverseTime(reverseTime).withKernelSize(kernelSize).withSteps(steps).withGuidance(guidance);
            if (region != null) options = options.withRegion(parseRegion(region));
            options = options.withMaxDetailPixels(parseDetail(detail));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (knownKernel != null) {
            if (region != null) throw new UsageException("--kernel and --region exclude each other: a given kernel is not estimated from any region");
            try {
                options = options.withKernel(KernelFile.read(knownKernel));
            } catch (KernelFileException e) {
                throw new UsageException("--kernel " + e.getMessage());
            }
        }
        PrintWriter out = spec.commandLine().getOut(), err = spec.commandLine().getErr();
        Engine engine = EngineSelection.resolve(engineName, model, device, ModelBundle.DEFAULT_MODELS_FOLDERS,
                note -> { if (!quiet) err.println("note: " + note); });
        try {
            return run(engine, plan, options, exportFormat, out, err);
        } finally {
            if (engine instanceof AutoCloseable closeable) closeable.close();
        }
    }

    private int run(Engine engine, FramePlan plan, EngineOptions options, ExportFormat exportFormat, PrintWriter out, PrintWriter err) throws Exception {
        engine.limits().check(plan);
        Photo photo = PhotoReader.read(photoPath);
        if (!quiet) photo.notes().forEach(n -> err.println("note: " + n));

        CancellationToken cancel = new CancellationToken();
        try (StagedDirectory staged = StagedDirectory.open(this.out, force, photoPath);
             CancelOnInterrupt hook = new CancelOnInterrupt(cancel, staged)) {
            long t0 = System.nanoTime();
            GenerationResult result;
            try {
                result = engine.generate(new GenerationRequest(photo.pixels(), plan, seed, options), progress(err), cancel);
            } catch (EngineException e) {
                throw new EngineException(photoPath.getFileName() + ": " + e.getMessage(), e);
            }
            Map<String, Object> opts = new LinkedHashMap<>();
            if (engine instanceof DiffusionEngine diffusion) {
                opts.put("model", diffusion.bundle().name() + " " + diffusion.bundle().version());
                opts.put("modelName", diffusion.bundle().name());
                opts.put("modelVersion", diffusion.bundle().version());
                opts.put("modelSha256", Checksums.sha256(diffusion.bundle().folder().resolve(ModelBundle.MANIFEST)));
                opts.put("steps", steps == 0 ? diffusion.bundle().defaultSteps() : steps);
                opts.put("guidance", guidance == 0 ? diffusion.bundle().guidanceScale() : guidance);
                opts.put("device", diffusion.deviceDescription().orElse(device));
            } else {
                opts.put("reverseTime", reverseTime);
                opts.put("kernelSize", kernelSize == 0 ? "auto" : kernelSize);
                if (knownKernel != null) opts.put("kernelFile", knownKernel.getFileName());
                if (region != null) opts.put("region", region);
            }
            opts.put("plan", planOptions.describe(plan));
            String photoSha = Checksums.sha256(photoPath);
            Provenance provenance = Provenance.forGeneration("Tempora " + Version.get(), engine.id(), engine.version(), photo, photoSha, seed, opts,
                    result.plan().intervals());
            int bitDepth = photo.bitDepth() > 8 ? 16 : 8;
            List<String> files = writeFrames(result.frames(), 8L * photo.pixels().pixelCount() * photo.pixels().channels(), staged.path(), bitDepth,
                    i -> provenance.toXmp("image/png", i), cancel);
            KernelPicture.writeAll(result, staged.path());
            JsonObject record = RunRecord.describe(Version.get(), engine.id(), engine.version(), photo, photoSha,
                    seed, opts, result, files);
            record.getAsJsonObject("timingsMs").addProperty("generateAndWrite", (System.nanoTime() - t0) / 1_000_000);
            RunRecord.write(record, staged.path().resolve(StagedDirectory.MARKER));
            if (exportFormat != ExportFormat.PNG) exportInto(staged.path(), exportFormat, photoPath, cancel);
            cancel.throwIfCancelled();
            staged.commit();
            if (!quiet) {
                result.warnings().forEach(w -> err.println("warning: " + w));
                out.printf(Locale.ROOT, "wrote %d frames (%s engine, %.1f s) to %s%n", files.size(), engine.id(),
                        (System.nanoTime() - t0) / 1e9, this.out);
            }
        }
        return ExitCode.OK;
    }

    /** Pixels of the finer pass from "--detail": megapixels, "full" (no bound) or 0 (none). */
    static long parseDetail(String text) {
        if (text.trim().equalsIgnoreCase("full")) return Long.MAX_VALUE;
        double megapixels;
        try {
            megapixels = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--detail takes megapixels (for example 4), 'full' or 0, not '" + text + "'");
        }
        if (!(megapixels >= 0) || megapixels > 1e6) {
            throw new IllegalArgumentException("--detail takes megapixels from 0 up, 'full' or 0, not '" + text + "'");
        }
        return Math.round(megapixels * 1e6);
    }

    /** {@code x,y,w,h} in photo pixels. */
    static EngineOptions.Region parseRegion(String text) {
        String[] parts = text.split(",");
        if (parts.length != 4) throw new IllegalArgumentException("--region must be X,Y,WIDTH,HEIGHT in photo pixels, got '" + text + "'");
        int[] v = new int[4];
        for (int i = 0; i < 4; i++) {
            try {
                v[i] = Integer.parseInt(parts[i].strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--region must be X,Y,WIDTH,HEIGHT in whole photo pixels, got '" + text + "'");
            }
        }
        return new EngineOptions.Region(v[0], v[1], v[2], v[3]);
    }

    /** Renders and encodes frames on every core (PNG compression dominates for large scans). */
    static List<String> writeFrames(List<LinearImage> frames, long frameBytes, Path dir, int bitDepth, IntFunction<String> xmp, CancellationToken cancel)
            throws Exception {
        // A rendered frame and its renderer's temporaries per thread must fit beside the engine's data (the PNG encoder streams rows).
        int byMemory = (int) Math.max(1, Runtime.getRuntime().maxMemory() / 4 / frameBytes);
        int threads = Math.max(1, Math.min(Math.min(frames.size(), byMemory), Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<String>> jobs = new ArrayList<>();
            for (int i = 0; i < frames.size(); i++) {
                int index = i;
                jobs.add(pool.submit(() -> {
                    cancel.throwIfCancelled();
                    String name = String.format(Locale.ROOT, "frame_%04d.png", index);
                    PhotoWriter.writePng(frames.get(index), dir.resolve(name), bitDepth, xmp.apply(index));
                    return name;
                }));
            }
            List<String> names = new ArrayList<>();
            for (Future<String> job : jobs) {
                try {
                    names.add(job.get());
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof Exception cause) throw cause;
                    throw e;
                }
            }
            return names;
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(1, TimeUnit.MINUTES); // no writer may still touch the folder when it is removed
        }
    }

    /** Exports the frames just written into the output folder: DIR/<photo>.mp4 or .gif, or the TIFF sequence DIR/tiff. */
    static void exportInto(Path dir, ExportFormat format, Path photo, CancellationToken cancel) throws Exception {
        String stem = photo.getFileName().toString().replaceFirst("\\.[^.]+$", "");
        Path target = format.isSequence() ? dir.resolve("tiff") : dir.resolve(stem + "." + format.extension());
        Exporter.export(FrameSet.open(dir), format, target, ExportOptions.defaults(), false, cancel);
    }

    private ProgressListener progress(PrintWriter err) {
        if (quiet || System.console() == null) return ProgressListener.NONE;
        return (stage, done, total) -> err.printf(Locale.ROOT, "\r%-24s %d/%d\u001b[K%s", stage, done, total, done == total ? "\n" : "");
    }
}
