package org.tempora.export;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.tempora.image.LinearImage;
import org.tempora.image.PhotoWriter;
import org.tempora.testutil.DevImages;

/** Small Tempora output folders written without an engine: a source photo, shifted crops of a dev image as frames, a run record. */
public final class TestRuns {
    private TestRuns() {}

    /**
     * Writes {@code n} frames of {@code w x h} (crops of chelsea.png moving 2 px right per frame, tiling the exposure)
     * and tempora.json into {@code dir}; the source photo is {@code photo} (written too).
     */
    public static void write(Path dir, Path photo, int n, int w, int h, String engine) throws IOException {
        java.nio.file.Files.createDirectories(dir);
        PhotoWriter.writePng(DevImages.crop("chelsea.png", 0, 0, w + 2 * n, h), photo, 8);
        JsonObject record = new JsonObject();
        record.addProperty("format", "tempora-run/1");
        record.addProperty("created", "2025-01-02T03:04:05Z");
        JsonObject eng = new JsonObject();
        eng.addProperty("id", engine);
        eng.addProperty("version", "1.0");
        record.add("engine", eng);
        JsonObject input = new JsonObject();
        input.addProperty("name", photo.getFileName().toString());
        input.addProperty("sha256", Checksums.sha256(photo));
        JsonObject meta = new JsonObject();
        meta.addProperty("Make", "Canon");
        meta.addProperty("DateTimeOriginal", "1999:12:31 23:59:59");
        input.add("metadata", meta);
        record.add("input", input);
        record.addProperty("seed", 7);
        JsonObject options = new JsonObject();
        if (!engine.equals("classical")) {
            options.addProperty("modelName", "blur2vid");
            options.addProperty("modelVersion", "2.0");
            options.addProperty("modelSha256", "ab".repeat(32));
            options.addProperty("steps", "50");
        }
        record.add("options", options);
        JsonArray frames = new JsonArray();
        for (int i = 0; i < n; i++) {
            String name = String.format(Locale.ROOT, "frame_%04d.png", i);
            LinearImage crop = DevImages.crop("chelsea.png", 2 * i, 0, w, h);
            PhotoWriter.writePng(crop, dir.resolve(name), 8);
            JsonObject f = new JsonObject();
            f.addProperty("file", name);
            f.addProperty("start", -0.5 + (double) i / n);
            f.addProperty("end", -0.5 + (double) (i + 1) / n);
            frames.add(f);
        }
        record.add("frames", frames);
        RunRecord.write(record, dir.resolve(StagedDirectory.MARKER));
    }
}
