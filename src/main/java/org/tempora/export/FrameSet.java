package org.tempora.export;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tempora.image.Photo;
import org.tempora.image.PhotoReader;
import org.tempora.image.UnreadablePhotoException;
import org.tempora.timeline.Interval;

/**
 * A folder written by {@code tempora generate}: the frames its run record ({@code tempora.json}) lists, in order, with
 * each frame's exposure interval. Frames are read one at a time, when needed.
 */
public final class FrameSet {
    private final Path dir;
    private final JsonObject record;
    private final List<Path> files;
    private final List<Interval> intervals;
    private final int width, height, bitDepth;

    private FrameSet(Path dir, JsonObject record, List<Path> files, List<Interval> intervals, Photo first) {
        this.dir = dir;
        this.record = record;
        this.files = List.copyOf(files);
        this.intervals = List.copyOf(intervals);
        this.width = first.width();
        this.height = first.height();
        this.bitDepth = first.bitDepth();
    }

    /**
     * Opens a Tempora output folder; the run record is required, since exports carry its provenance.
     *
     * @throws UnreadablePhotoException when the folder, its record or its first frame cannot be read
     */
    public static FrameSet open(Path dir) throws UnreadablePhotoException {
        if (!Files.isDirectory(dir)) throw new UnreadablePhotoException(dir + ": not a folder; give the folder 'tempora generate' wrote");
        Path recordFile = dir.resolve(StagedDirectory.MARKER);
        if (!Files.isRegularFile(recordFile)) {
            throw new UnreadablePhotoException(dir + ": no " + StagedDirectory.MARKER + " in this folder; exports need the run record "
                    + "'tempora generate' writes beside the frames (it names the source photo, engine and intervals)");
        }
        JsonObject record;
        try {
            record = JsonParser.parseString(Files.readString(recordFile, StandardCharsets.UTF_8)).getAsJsonObject();
        } catch (IOException | JsonParseException | IllegalStateException e) {
            throw new UnreadablePhotoException(recordFile + ": cannot be read as a Tempora run record (" + e.getMessage() + ")");
        }
        if (!record.has("frames") || !record.get("frames").isJsonArray() || record.getAsJsonArray("frames").isEmpty()) {
            throw new UnreadablePhotoException(recordFile + ": the run record lists no frames");
        }
        List<Path> files = new ArrayList<>();
        List<Interval> intervals = new ArrayList<>();
        for (JsonElement e : record.getAsJsonArray("frames")) {
            JsonObject f = e.getAsJsonObject();
            Path p = dir.resolve(f.get("file").getAsString()).normalize();
            if (!p.startsWith(dir.normalize()) || !Files.isRegularFile(p)) {
                throw new UnreadablePhotoException(dir + ": frame " + f.get("file").getAsString() + " listed in the run record is missing");
            }
            files.add(p);
            intervals.add(new Interval(f.get("start").getAsDouble(), f.get("end").getAsDouble()));
        }
        return new FrameSet(dir, record, files, intervals, PhotoReader.read(files.get(0)));
    }

    public Path dir() { return dir; }

    public JsonObject record() { return record.deepCopy(); }

    public List<Path> files() { return files; }

    public List<Interval> intervals() { return intervals; }

    public int size() { return files.size(); }

    public int width() { return width; }

    public int height() { return height; }

    /** Bits per sample of the frame files (8 or 16). */
    public int bitDepth() { return bitDepth; }

    /** Frame {@code i}, decoded; all frames must have the first one's size. */
    public Photo frame(int i) throws UnreadablePhotoException {
        Photo p = PhotoReader.read(files.get(i));
        if (p.width() != width || p.height() != height) {
            throw new UnreadablePhotoException(files.get(i) + ": frame size " + p.width() + "x" + p.height() + " differs from the first frame's "
                    + width + "x" + height);
        }
        return p;
    }

    /** The source photo's SHA-256 as the run record gives it. */
    public String sourceSha256() {
        return record.getAsJsonObject("input").get("sha256").getAsString();
    }
}
