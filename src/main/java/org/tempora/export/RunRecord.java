package org.tempora.export;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.tempora.engine.BlurKernel;
import org.tempora.engine.BlurPart;
import org.tempora.engine.GenerationResult;
import org.tempora.engine.PartBlur;
import org.tempora.engine.Trajectory;
import org.tempora.image.Photo;
import org.tempora.io.AtomicFiles;
import org.tempora.timeline.Interval;

/**
 * {@code tempora.json}: what produced an output folder, so it can be traced and reproduced:
 * engine and version, input name and SHA-256, seed, options, each frame's interval, the path,
 * timings and warnings.
 */
public final class RunRecord {
    private RunRecord() {}

    public static JsonObject describe(String softwareVersion, String engineId, String engineVersion, Photo photo, String photoSha256,
                                      long seed, Map<String, Object> options, GenerationResult result, List<String> frameFiles) {
        JsonObject root = new JsonObject();
        root.addProperty("format", "tempora-run/1");
        root.addProperty("software", "Tempora " + softwareVersion);
        root.addProperty("created", OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).toString());
        JsonObject engine = new JsonObject();
        engine.addProperty("id", engineId);
        engine.addProperty("version", engineVersion);
        root.add("engine", engine);

        JsonObject input = new JsonObject();
        input.addProperty("name", photo.source().getFileName().toString());
        input.addProperty("sha256", photoSha256);
        input.addProperty("format", photo.format());
        input.addProperty("width", photo.width());
        input.addProperty("height", photo.height());
        input.addProperty("bitDepth", photo.bitDepth());
        input.addProperty("channels", photo.pixels().channels());
        JsonObject meta = new JsonObject();
        photo.metadata().fields().forEach(meta::addProperty);
        input.add("metadata", meta);
        ExposureTime.of(photo.metadata()).ifPresent(seconds -> input.addProperty("exposureSeconds", seconds));
        JsonArray notes = new JsonArray();
        photo.notes().forEach(notes::add);
        input.add("notes", notes);
        root.add("input", input);

        root.addProperty("seed", seed);
        JsonObject opts = new JsonObject();
        options.forEach((k, v) -> opts.addProperty(k, String.valueOf(v)));
        root.add("options", opts);

        JsonArray frames = new JsonArray();
        for (int i = 0; i < result.plan().size(); i++) {
            Interval iv = result.plan().get(i);
            JsonObject f = new JsonObject();
            f.addProperty("file", frameFiles.get(i));
            f.addProperty("start", iv.start());
            f.addProperty("end", iv.end());
            f.addProperty("part", iv.end() <= -0.5 ? "past" : iv.start() >= 0.5 ? "future" : "present");
            result.trajectory().ifPresent(t -> f.addProperty("confidence", round(t.confidence(iv.start(), iv.end()))));
            frames.add(f);
        }
        root.add("frames", frames);

        result.kernel().ifPresent(k -> root.add("kernel", kernelRecord(KernelPicture.FILE, k)));
        result.trajectory().ifPresent(t -> root.add("trajectory", pathRecord(t)));
        JsonObject timings = new JsonObject();
        result.timingsMs().forEach(timings::addProperty);
        root.add("timingsMs", timings);
        JsonArray warnings = new JsonArray();
        result.warnings().forEach(warnings::add);
        root.add("warnings", warnings);
        if (!result.unevenParts().isEmpty()) {
            JsonArray parts = new JsonArray();
            for (BlurPart part : result.unevenParts()) {
                JsonObject o = new JsonObject();
                o.addProperty("x", part.x());
                o.addProperty("y", part.y());
                o.addProperty("width", part.width());
                o.addProperty("height", part.height());
                o.addProperty("blur", part.group()); // parts with the same number share one blur
                parts.add(o);
            }
            root.add("unevenBlurParts", parts);
        }
        if (!result.partBlurs().isEmpty()) {
            JsonArray paths = new JsonArray();
            for (int g = 0; g < result.partBlurs().size(); g++) {
                PartBlur blur = result.partBlurs().get(g);
                JsonObject o = pathRecord(blur.path());
                o.addProperty("blur", g); // the unevenBlurParts of this number were rendered with this path
                o.add("kernel", kernelRecord(KernelPicture.partFile(g), blur.kernel()));
                paths.add(o);
            }
            root.add("partPaths", paths);
        }
        return root;
    }

    /** A kernel picture's file, the kernel's side and its pixels per photo pixel. */
    private static JsonObject kernelRecord(String file, BlurKernel k) {
        JsonObject kernel = new JsonObject();
        kernel.addProperty("file", file);
        kernel.addProperty("size", k.size());
        kernel.addProperty("workingScale", k.scale());
        return kernel;
    }

    /** A camera path as its samples, {t, x, y} each, with the columns named. */
    private static JsonObject pathRecord(Trajectory t) {
        JsonArray path = new JsonArray();
        for (Trajectory.Sample s : t.samples()) {
            JsonArray p = new JsonArray();
            p.add(round(s.t()));
            p.add(round(s.x()));
            p.add(round(s.y()));
            path.add(p);
        }
        JsonObject traj = new JsonObject();
        traj.addProperty("columns", "t (exposure = [-0.5, 0.5]), x (photo px, right), y (photo px, down)");
        traj.add("samples", path);
        return traj;
    }

    /** Writes the record as pretty JSON, atomically. */
    public static void write(JsonObject record, Path file) throws IOException {
        AtomicFiles.write(file, pretty(record).getBytes(StandardCharsets.UTF_8));
    }

    /** The JSON as Tempora writes it: indented, HTML characters as they are, a final newline. */
    static String pretty(JsonObject json) {
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(json) + "\n";
    }

    private static double round(double v) { return Math.round(v * 1e4) / 1e4; }
}
