package org.tempora.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;
import org.tempora.Version;
import org.tempora.diffusion.DiffusionEngine;
import org.tempora.diffusion.ModelBundle;
import org.tempora.engine.CancellationToken;
import org.tempora.engine.CancelledException;
import org.tempora.engine.Engine;
import org.tempora.engine.GenerationRequest;
import org.tempora.engine.GenerationResult;
import org.tempora.export.Checksums;
import org.tempora.export.FrameSet;
import org.tempora.export.KernelPicture;
import org.tempora.export.RunRecord;
import org.tempora.export.StagedDirectory;
import org.tempora.image.LinearImage;
import org.tempora.image.Photo;
import org.tempora.image.PhotoWriter;
import org.tempora.image.Srgb;
import org.tempora.io.AtomicFiles;
import org.tempora.timeline.FramePlan;

/**
 * The window's finished run written as a temporary folder like the one {@code tempora generate} writes (frame PNGs, the
 * kernel picture and the {@code tempora.json} run record), so the exporter reads it exactly as it reads a CLI output and
 * the provenance (engine, seed, steps, intervals, the photo's SHA-256) is the same. For an 8-bit photo the PNGs are the
 * window's 8-bit frames, the codes {@code generate} writes; for a deeper photo they are 16-bit from the engine's own
 * frames. Deleted on {@link #close()}.
 */
public final class RunFolder implements AutoCloseable {
    /** The stage name reported while frames are written. */
    public static final String STAGE = "Preparing frames for export";

    private final Path dir;
    private final FrameSet frames;

    private RunFolder(Path dir, FrameSet frames) {
        this.dir = dir;
        this.frames = frames;
    }

    /** The folder's frames and run record, ready for {@link org.tempora.export.Exporter}. */
    public FrameSet frames() { return frames; }

    public Path dir() { return dir; }

    /**
     * Writes the run's {@code count} frames ({@code frame.apply(i)} is frame i as shown) and its run record into a new
     * folder under {@code parent}. Nothing is left behind on failure or cancel.
     *
     * @param run a finished run: its engine and request name what made the frames
     * @throws IOException when the photo can no longer be read (its SHA-256 goes in the record) or the disk is full
     */
    public static RunFolder write(Photo photo, RunCapture run, int count, IntFunction<DisplayPixels> frame, Path parent,
                                  BackgroundRunner.Reporter reporter, CancellationToken cancel) throws IOException, CancelledException {
        Engine engine = run.engine().orElseThrow(() -> new IllegalStateException("the run has not finished"));
        GenerationRequest request = run.request().orElseThrow(() -> new IllegalStateException("the run has not finished"));
        FramePlan plan = request.plan();
        if (count != plan.size()) throw new IllegalArgumentException(count + " frames for a plan of " + plan.size());
        String sha;
        try {
            sha = Checksums.sha256(photo.source());
        } catch (IOException e) {
            throw new IOException("cannot read the photo " + photo.source().getFileName() + " again for its SHA-256 (moved or deleted?): "
                    + "the export's provenance needs it; open the photo from its new place and generate again", e);
        }
        Path dir = Files.createTempDirectory(parent, "tempora-export-");
        boolean done = false;
        try {
            int channels = photo.pixels().channels();
            List<LinearImage> full = fullDepth(photo, run, count);
            List<String> files = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                cancel.throwIfCancelled();
                reporter.progress(STAGE, i, count);
                String name = String.format(Locale.ROOT, "frame_%04d.png", i);
                if (full != null) PhotoWriter.writePng(full.get(i), dir.resolve(name), 16);
                else PhotoWriter.writePng(linear(frame.apply(i), channels), dir.resolve(name), 8);
                files.add(name);
            }
            GenerationResult result = new GenerationResult(new Unread(count), plan, run.kernel(), run.trajectory(), run.warnings(), run.timingsMs(),
                    run.unevenParts(), run.partBlurs());
            KernelPicture.writeAll(result, dir);
            RunRecord.write(RunRecord.describe(Version.get(), engine.id(), engine.version(), photo, sha, request.seed(), options(engine, request, full != null),
                    result, files), dir.resolve(StagedDirectory.MARKER));
            cancel.throwIfCancelled();
            reporter.progress(STAGE, count, count);
            RunFolder folder = new RunFolder(dir, FrameSet.open(dir));
            done = true;
            return folder;
        } catch (IOException e) {
            String msg = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
            String why = msg.contains("no space left") || msg.contains("disk full") ? "the disk is full" : e.getMessage();
            throw new IOException("cannot prepare the frames for export in " + parent + ": " + why + "; nothing was written", e);
        } finally {
            if (!done) {
                try {
                    AtomicFiles.deleteTree(dir);
                } catch (IOException leftover) {
                    // the failure that brought us here is the one to report; a leftover temporary folder is only clutter
                }
            }
        }
    }

    /** The run's options as {@code generate} records them, so the provenance reads the model and steps the same way. */
    /**
     * The engine's full-precision frames when the photo is deeper than 8 bits and the run kept them, so a 16-bit scan
     * exports 16-bit frames as {@code generate} writes them; null to write the window's 8-bit frames.
     */
    static List<LinearImage> fullDepth(Photo photo, RunCapture run, int count) {
        if (photo.bitDepth() <= 8) return null;
        List<LinearImage> frames = run.fullFrames().orElse(null);
        return frames != null && frames.size() == count ? frames : null;
    }

    static Map<String, Object> options(Engine engine, GenerationRequest request, boolean fullDepth) throws IOException {
        Map<String, Object> opts = new LinkedHashMap<>();
        if (engine instanceof DiffusionEngine diffusion) {
            ModelBundle bundle = diffusion.bundle();
            opts.put("model", bundle.name() + " " + bundle.version());
            opts.put("modelName", bundle.name());
            opts.put("modelVersion", bundle.version());
            opts.put("modelSha256", Checksums.sha256(bundle.folder().resolve(ModelBundle.MANIFEST)));
            opts.put("steps", request.options().steps() == 0 ? bundle.defaultSteps() : request.options().steps());
            opts.put("guidance", request.options().guidance() == 0 ? bundle.guidanceScale() : request.options().guidance());
            opts.put("device", diffusion.deviceDescription().orElse("auto"));
        } else {
            opts.put("reverseTime", request.options().reverseTime());
            opts.put("kernelSize", request.options().kernelSize() == 0 ? "auto" : request.options().kernelSize());
            long detail = request.options().maxDetailPixels();
            if (detail > 0) opts.put("detail", detail == Long.MAX_VALUE ? "full" : detail); // as generate --detail takes it
            request.options().region().ifPresent(r -> opts.put("region", r.x() + "," + r.y() + "," + r.width() + "," + r.height())); // as --region takes it
            request.options().kernel().ifPresent(k -> opts.put("kernel", "given, " + k.size() + " px"));
        }
        FramePlan plan = request.plan();
        opts.put("plan", String.format(Locale.ROOT, "%d frames over [%.3f, %.3f]", plan.size(), plan.span().start(), plan.span().end()));
        opts.put("frames", fullDepth ? "16-bit sRGB from the engine's frames" : "8-bit sRGB, as the window showed them");
        return opts;
    }

    /** 8-bit sRGB codes back to linear light (exact inverse of the codes: re-encoding gives the same codes). */
    static LinearImage linear(DisplayPixels px, int channels) {
        int n = px.width() * px.height();
        float[][] planes = new float[channels][n];
        int[] argb = px.argb();
        for (int i = 0; i < n; i++) {
            int p = argb[i];
            if (channels == 1) {
                planes[0][i] = Srgb.linearFrom8bit(p >> 8);    // grey shows as equal R, G, B: G is the grey code
            } else {
                planes[0][i] = Srgb.linearFrom8bit(p >> 16);
                planes[1][i] = Srgb.linearFrom8bit(p >> 8);
                planes[2][i] = Srgb.linearFrom8bit(p);
            }
        }
        return new LinearImage(px.width(), px.height(), planes);
    }

    /** The result's frame list for the record: the frames are already on disk, and the record never reads them. */
    private static final class Unread extends AbstractList<LinearImage> {
        private final int size;

        Unread(int size) { this.size = size; }

        @Override public int size() { return size; }

        @Override public LinearImage get(int index) { throw new UnsupportedOperationException("frames of an exported run are read from its folder"); }
    }

    /** Deletes the folder. */
    @Override public void close() throws IOException { AtomicFiles.deleteTree(dir); }
}
