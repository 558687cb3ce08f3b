package org.tempora.export;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import org.tempora.Version;
import org.tempora.engine.CancellationToken;
import org.tempora.engine.CancelledException;
import org.tempora.export.video.AnimatedGif;
import org.tempora.export.video.H264Mp4;
import org.tempora.image.Photo;
import org.tempora.image.PhotoReader;
import org.tempora.image.PhotoWriter;
import org.tempora.image.UnreadablePhotoException;

/**
 * Exports the frames of a Tempora output folder as an MP4 (H.264) or animated GIF file, or as a PNG or 16-bit TIFF
 * sequence, each with its provenance: a JSON sidecar always, and XMP inside the PNG, TIFF and MP4 files. Nothing
 * appears under the target name until it is complete; existing files are replaced only when asked, and never the
 * source photo or the frames being exported.
 */
public final class Exporter {
    private Exporter() {}

    /** The JSON sidecar of a PNG or TIFF sequence; a video's is its file name plus ".json". */
    public static final String SEQUENCE_SIDECAR = "provenance.json";

    /**
     * What was written.
     *
     * @param output the video file or the sequence folder
     * @param sidecar the JSON provenance
     * @param pictures pictures written (a video's frames after ping-pong and loops)
     * @param rate the playing speed (videos); null for sequences
     * @param notes things the user should know (options that did not apply, a side-by-side photo that is not the source)
     */
    public record Result(Path output, Path sidecar, int pictures, PlaybackRate rate, long bytes, List<String> notes) {}

    /**
     * Writes {@code frames} to {@code out} in {@code format}.
     *
     * @param force replace an existing file (or an earlier Tempora output folder); never the source photo or the frames
     * @throws OutputRefusedException when writing would replace something it must not, or force is needed
     * @throws CancelledException when {@code cancel} was set: nothing is left behind
     */
    public static Result export(FrameSet frames, ExportFormat format, Path out, ExportOptions options, boolean force, CancellationToken cancel)
            throws IOException, CancelledException {
        List<String> notes = new ArrayList<>();
        Photo side = sideBySide(options);
        if (side != null && !Checksums.sha256(options.sideBySide().get()).equals(frames.sourceSha256())) {
            notes.add("the side-by-side photo " + options.sideBySide().get().getFileName()
                    + " is not the source the frames were made from (its SHA-256 differs)");
        }
        Provenance provenance = provenance(frames, options, side);
        return format.isSequence()
                ? writeSequence(frames, format, out, options, force, provenance, notes, cancel)
                : writeVideo(frames, format, out, options, force, provenance, side, notes, cancel);
    }

    /** The GIF's size in bytes before writing it, from a few frames encoded in memory (for the export dialog). */
    public static long estimateGifSize(FrameSet frames, ExportOptions options) throws IOException {
        Photo side = sideBySide(options);
        PlaybackRate rate = rate(frames, options, side);
        ClipAssembly clip = new ClipAssembly(frames, ClipAssembly.playOrder(frames.size(), options.pingPong(), 1), rate.fps(),
                side == null ? null : side.pixels(), options.timeline(), false);
        return AnimatedGif.estimateSize(clip, options.gif());
    }

    /** The provenance of an export: the run record's, with the exposure time the user gave or the side-by-side photo's EXIF holds. */
    public static Provenance provenance(FrameSet frames, ExportOptions options, Photo sideBySide) {
        Provenance p = Provenance.fromRunRecord(frames.record(), "Tempora " + Version.get(), Provenance.now());
        OptionalDouble exposure = exposure(p, options, sideBySide);
        return exposure.isPresent() ? p.withExposureSeconds(exposure.getAsDouble()) : p;
    }

    private static OptionalDouble exposure(Provenance p, ExportOptions options, Photo sideBySide) {
        if (options.exposureSeconds().isPresent()) return options.exposureSeconds();
        if (p.exposureSeconds().isPresent()) return p.exposureSeconds();
        return sideBySide == null ? OptionalDouble.empty() : ExposureTime.of(sideBySide.metadata());
    }

    private static PlaybackRate rate(FrameSet frames, ExportOptions options, Photo side) {
        Provenance p = provenance(frames, options, side);
        return PlaybackRate.choose(options.fps(), options.slowMotion(), p.exposureSeconds(), frames.intervals());
    }

    private static Photo sideBySide(ExportOptions options) throws IOException {
        return options.sideBySide().isEmpty() ? null : PhotoReader.read(options.sideBySide().get());
    }

    private static Result writeVideo(FrameSet frames, ExportFormat format, Path out, ExportOptions options, boolean force, Provenance provenance,
                                     Photo side, List<String> notes, CancellationToken cancel) throws IOException, CancelledException {
        Path sidecar = out.resolveSibling(out.getFileName() + ".json");
        OutputGuard.checkFile(out, force, frames, options);
        OutputGuard.checkFile(sidecar, force, frames, options);
        PlaybackRate rate = PlaybackRate.choose(options.fps(), options.slowMotion(), provenance.exposureSeconds(), frames.intervals());
        int loops = options.loops();
        if (format == ExportFormat.MP4 && loops == 0) loops = 1;       // "forever" is the player's setting for a video file
        List<Integer> order = ClipAssembly.playOrder(frames.size(), options.pingPong(), format == ExportFormat.GIF ? 1 : loops);
        ClipAssembly clip = new ClipAssembly(frames, order, rate.fps(), side == null ? null : side.pixels(), options.timeline(),
                format == ExportFormat.MP4);
        if (clip.cropped()) {
            notes.add("cropped to an even size for H.264");
        }
        if (format == ExportFormat.GIF && rate.fps() > 50) {
            notes.add(String.format(Locale.ROOT, "GIF delays are whole hundredths of a second and players slow anything under 2: %.3g fps plays at 50 fps", rate.fps()));
        }
        try (StagedFile video = StagedFile.open(out); StagedFile json = StagedFile.open(sidecar)) {
            try {
                if (format == ExportFormat.MP4) {
                    H264Mp4.write(clip, video.path(), options.quantiser(), provenance.toXmp(format.mimeType(), -1), cancel);
                } else {
                    AnimatedGif.write(clip, video.path(), options.gif(), cancel);
                }
                JsonObject output = videoOutput(out, format, clip, rate, options, loops, side, Files.size(video.path()));
                writeJson(provenance.toJson(output, order), json.path());
            } catch (UnreadablePhotoException e) {
                throw e;                                  // a frame that cannot be read is the input's fault, not the disk's
            } catch (IOException e) {
                throw failed(out, e);
            }
            cancel.throwIfCancelled();
            video.commit();
            json.commit();
            return new Result(out, sidecar, clip.frames(), rate, Files.size(out), notes);
        }
    }

    private static Result writeSequence(FrameSet frames, ExportFormat format, Path out, ExportOptions options, boolean force,
                                        Provenance provenance, List<String> notes, CancellationToken cancel) throws IOException, CancelledException {
        if (options.sideBySide().isPresent() || options.timeline() || options.pingPong()) {
            notes.add("side-by-side, timeline and ping-pong apply to videos; the sequence holds the frames as generated");
        }
        OutputGuard.checkFolder(out, frames);
        int bitDepth = format == ExportFormat.TIFF ? 16 : options.bitDepth() != 0 ? options.bitDepth() : frames.bitDepth() > 8 ? 16 : 8;
        String software = "Tempora " + Version.get();
        String tiffDate = OffsetDateTime.parse(provenance.processed()).format(DateTimeFormatter.ofPattern("yyyy:MM:dd HH:mm:ss"));
        try (StagedDirectory staged = StagedDirectory.open(out, force, frames.dir().resolve(StagedDirectory.MARKER))) {
            JsonObject record = frames.record();
            JsonArray listed = record.getAsJsonArray("frames");
            long bytes = 0;
            try {
                for (int i = 0; i < frames.size(); i++) {
                    cancel.throwIfCancelled();
                    String name = String.format(Locale.ROOT, "frame_%04d.%s", i, format.extension());
                    Path file = staged.path().resolve(name);
                    String xmp = provenance.toXmp(format.mimeType(), i);
                    if (format == ExportFormat.PNG) PhotoWriter.writePng(frames.frame(i).pixels(), file, bitDepth, xmp);
                    else Tiff16.write(frames.frame(i).pixels(), file, software, tiffDate, xmp);
                    bytes += Files.size(file);
                    listed.get(i).getAsJsonObject().addProperty("file", name);
                }
                RunRecord.write(record, staged.path().resolve(StagedDirectory.MARKER));
                JsonObject output = new JsonObject();
                output.addProperty("folder", out.getFileName().toString());
                output.addProperty("format", format.name().toLowerCase(Locale.ROOT));
                output.addProperty("bitDepth", bitDepth);
                output.addProperty("width", frames.width());
                output.addProperty("height", frames.height());
                JsonArray files = new JsonArray();
                for (JsonElement f : listed) files.add(f.getAsJsonObject().get("file").getAsString());
                output.add("files", files);
                writeJson(provenance.toJson(output, null), staged.path().resolve(SEQUENCE_SIDECAR));
            } catch (UnreadablePhotoException e) {
                throw e;                                  // a frame that cannot be read is the input's fault, not the disk's
            } catch (IOException e) {
                throw failed(out, e);
            }
            cancel.throwIfCancelled();
            staged.commit();
            return new Result(out, out.resolve(SEQUENCE_SIDECAR), frames.size(), null, bytes, notes);
        }
    }

    private static JsonObject videoOutput(Path out, ExportFormat format, ClipAssembly clip, PlaybackRate rate, ExportOptions options, int loops,
                                          Photo side, long bytes) {
        JsonObject o = new JsonObject();
        o.addProperty("file", out.getFileName().toString());
        o.addProperty("format", format.name().toLowerCase(Locale.ROOT));
        o.addProperty("width", clip.width());
        o.addProperty("height", clip.height());
        o.addProperty("pictures", clip.frames());
        o.addProperty("fps", rate.fps());
        rate.realTimeFps().ifPresent(r -> o.addProperty("realTimeFps", r));
        rate.slowMotion().ifPresent(s -> o.addProperty("slowMotion", s));
        o.addProperty("bytes", bytes);
        o.addProperty("pingPong", options.pingPong());
        o.addProperty("loops", loops);
        o.addProperty("timeline", options.timeline());
        if (side != null) o.addProperty("sideBySide", side.source().getFileName().toString());
        if (format == ExportFormat.MP4) {
            o.addProperty("codec", "H.264 constrained baseline (jcodec), BT.709 limited range, 4:2:0");
            o.addProperty("quantiser", options.quantiser());
            o.addProperty("xmp", "embedded in a top-level uuid box (BE7ACFCB-97A9-42E8-9C71-999491E3AFAC)");
        } else {
            o.addProperty("palette", options.palettePerFrame() ? "per frame (median cut)" : "whole clip (median cut)");
            o.addProperty("dither", options.dither() ? "Floyd-Steinberg" : "none");
            o.addProperty("delayCentiseconds", AnimatedGif.delayCentiseconds(rate.fps()));
            o.addProperty("xmp", "none: GIF carries provenance in this sidecar only");
        }
        return o;
    }

    private static void writeJson(JsonObject json, Path file) throws IOException {
        Files.writeString(file, RunRecord.pretty(json), StandardCharsets.UTF_8);
    }

    /** One line on why writing failed, saying that nothing was left behind. */
    static IOException failed(Path out, IOException e) {
        String msg = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
        String why;
        if (msg.contains("no space left") || msg.contains("disk full") || msg.contains("quota")) why = "the disk is full";
        else if (e instanceof AccessDeniedException || msg.contains("permission denied") || msg.contains("read-only")) why = "no permission to write there";
        else if (e instanceof NoSuchFileException) why = "the folder does not exist";
        else why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().replaceAll("\\s+", " ").trim();
        return new IOException("cannot write " + out.getFileName() + ": " + why + "; nothing was written (no partial file left)", e);
    }
}
