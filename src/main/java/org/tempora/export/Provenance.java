package org.tempora.export;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.tempora.image.Photo;
import org.tempora.timeline.Interval;

/**
 * Where exported frames came from, for archives: the source photo (name, SHA-256, its own EXIF facts, kept as the
 * source's), the engine, model bundle, seed and steps, every frame's exposure interval, the software and the date of
 * processing, and the IPTC Digital Source Type. One record gives both the JSON sidecar and the XMP packet embedded in
 * PNG, TIFF and MP4 files, so the two never disagree.
 *
 * @param processed when the export ran (UTC, whole seconds)
 * @param generated when the frames were generated, as the run record says; empty when unknown
 * @param sourceMetadata the photo's EXIF and file facts (camera, date taken...): the source's, never claimed for the output
 * @param exposureSeconds the photo's exposure time, when known
 * @param steps diffusion sampling steps; empty for engines that do not sample
 * @param intervals each frame's exposure interval in normalised time (the photo's exposure is [-0.5, 0.5])
 */
public record Provenance(String software, String processed, Optional<String> generated, String engineId, String engineVersion,
                         String sourceName, String sourceSha256, Map<String, String> sourceMetadata, OptionalDouble exposureSeconds,
                         Optional<String> modelName, Optional<String> modelVersion, Optional<String> modelSha256,
                         long seed, OptionalInt steps, List<Interval> intervals) {

    /** Namespace of Tempora's own XMP properties. */
    public static final String TEMPORA_NS = "http://ns.tempora.app/provenance/1.0/";
    static final String IPTC_EXT_NS = "http://iptc.org/std/Iptc4xmpExt/2008-02-29/";

    public Provenance {
        sourceMetadata = Collections.unmodifiableMap(new LinkedHashMap<>(sourceMetadata));
        intervals = List.copyOf(intervals);
    }

    public DigitalSourceType digitalSourceType() { return DigitalSourceType.forEngine(engineId); }

    /** "2025-01-31T12:00:00Z" for now, the date of processing. */
    public static String now() { return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).toString(); }

    /**
     * Reads a run record ({@code tempora.json}, format tempora-run/1, written by {@code generate}).
     *
     * @throws IllegalArgumentException naming the missing part when the record lacks the source or the frames
     */
    public static Provenance fromRunRecord(JsonObject record, String software, String processed) {
        JsonObject input = object(record, "input");
        JsonObject engine = object(record, "engine");
        JsonObject options = record.has("options") ? record.getAsJsonObject("options") : new JsonObject();
        Map<String, String> meta = new LinkedHashMap<>();
        if (input.has("metadata")) input.getAsJsonObject("metadata").entrySet().forEach(e -> meta.put(e.getKey(), e.getValue().getAsString()));
        OptionalDouble exposure = input.has("exposureSeconds") ? OptionalDouble.of(input.get("exposureSeconds").getAsDouble()) : OptionalDouble.empty();
        List<Interval> intervals = new ArrayList<>();
        JsonArray frames = record.has("frames") ? record.getAsJsonArray("frames") : null;
        if (frames == null || frames.isEmpty()) throw new IllegalArgumentException("the run record lists no frames");
        for (JsonElement f : frames) {
            JsonObject o = f.getAsJsonObject();
            intervals.add(new Interval(o.get("start").getAsDouble(), o.get("end").getAsDouble()));
        }
        Optional<String> modelName = text(options, "modelName"), modelVersion = text(options, "modelVersion");
        Optional<String> model = text(options, "model");
        if (modelName.isEmpty() && model.isPresent()) {      // records before modelName: "name version"
            int space = model.get().lastIndexOf(' ');
            modelName = Optional.of(space < 0 ? model.get() : model.get().substring(0, space));
            modelVersion = space < 0 ? Optional.empty() : Optional.of(model.get().substring(space + 1));
        }
        OptionalInt steps = options.has("steps") ? OptionalInt.of(Integer.parseInt(options.get("steps").getAsString())) : OptionalInt.empty();
        return new Provenance(software, processed, text(record, "created"), string(engine, "id"), string(engine, "version"),
                string(input, "name"), string(input, "sha256"), meta, exposure, modelName, modelVersion, text(options, "modelSha256"),
                record.has("seed") ? record.get("seed").getAsLong() : 0, steps, intervals);
    }

    /**
     * The provenance of frames being generated now, before the run record exists (for the XMP of the generated PNG frames).
     *
     * @param options the run record's options (modelName, modelVersion, modelSha256 and steps are read from it)
     */
    public static Provenance forGeneration(String software, String engineId, String engineVersion, Photo photo, String photoSha256,
                                           long seed, Map<String, Object> options, List<Interval> intervals) {
        String now = now();
        Optional<String> modelName = Optional.ofNullable(options.get("modelName")).map(String::valueOf);
        Optional<String> modelVersion = Optional.ofNullable(options.get("modelVersion")).map(String::valueOf);
        Optional<String> modelSha = Optional.ofNullable(options.get("modelSha256")).map(String::valueOf);
        OptionalInt steps = options.containsKey("steps") ? OptionalInt.of(Integer.parseInt(String.valueOf(options.get("steps")))) : OptionalInt.empty();
        return new Provenance(software, now, Optional.of(now), engineId, engineVersion, photo.source().getFileName().toString(), photoSha256,
                photo.metadata().fields(), ExposureTime.of(photo.metadata()), modelName, modelVersion, modelSha, seed, steps, intervals);
    }

    /** The same provenance with a known exposure time (from the photo or the user) replacing or filling the recorded one. */
    public Provenance withExposureSeconds(double seconds) {
        return new Provenance(software, processed, generated, engineId, engineVersion, sourceName, sourceSha256, sourceMetadata,
                OptionalDouble.of(seconds), modelName, modelVersion, modelSha256, seed, steps, intervals);
    }

    /**
     * The JSON sidecar.
     *
     * @param output what was written: file name, format, size, frame rate... (copied in as "output")
     * @param playOrder the source frame shown at each position of the output (ping-pong, loops), or null for 0..n-1
     */
    public JsonObject toJson(JsonObject output, List<Integer> playOrder) {
        JsonObject root = new JsonObject();
        root.addProperty("format", "tempora-export/1");
        root.addProperty("software", software);
        root.addProperty("processed", processed);
        generated.ifPresent(g -> root.addProperty("generated", g));
        root.add("output", output);
        JsonObject dst = new JsonObject();
        dst.addProperty("uri", digitalSourceType().uri());
        dst.addProperty("why", digitalSourceType().reason());
        root.add("digitalSourceType", dst);
        JsonObject engine = new JsonObject();
        engine.addProperty("id", engineId);
        engine.addProperty("version", engineVersion);
        root.add("engine", engine);
        if (modelName.isPresent()) {
            JsonObject model = new JsonObject();
            model.addProperty("name", modelName.get());
            modelVersion.ifPresent(v -> model.addProperty("version", v));
            modelSha256.ifPresent(v -> model.addProperty("sha256", v));
            root.add("model", model);
        }
        root.addProperty("seed", seed);
        steps.ifPresent(s -> root.addProperty("steps", s));
        JsonObject source = new JsonObject();
        source.addProperty("name", sourceName);
        source.addProperty("sha256", sourceSha256);
        exposureSeconds.ifPresent(e -> source.addProperty("exposureSeconds", e));
        JsonObject meta = new JsonObject();
        sourceMetadata.forEach(meta::addProperty);
        source.add("metadata", meta);
        source.addProperty("note", "camera, dates and exposure are the source photograph's; the frames were computed from it, not captured");
        root.add("source", source);
        JsonArray frames = new JsonArray();
        for (int i = 0; i < intervals.size(); i++) {
            JsonObject f = new JsonObject();
            f.addProperty("index", i);
            f.addProperty("start", intervals.get(i).start());
            f.addProperty("end", intervals.get(i).end());
            frames.add(f);
        }
        root.add("frames", frames);
        if (playOrder != null) {
            JsonArray order = new JsonArray();
            playOrder.forEach(order::add);
            root.add("playOrder", order);
        }
        return root;
    }

    /**
     * An XMP packet (ISO 16684-1, RDF/XML) with dc, xmp, Iptc4xmpExt:DigitalSourceType and tempora: properties.
     *
     * @param mimeType dc:format of the file that embeds it
     * @param frame the frame the file holds (image sequences), or -1 for a whole clip: its interval is then the only one listed
     */
    public String toXmp(String mimeType, int frame) {
        StringBuilder s = new StringBuilder(4096);
        s.append("<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n");
        s.append("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n");
        s.append("  <rdf:Description rdf:about=\"\"\n");
        s.append("    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n");
        s.append("    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n");
        s.append("    xmlns:Iptc4xmpExt=\"").append(IPTC_EXT_NS).append("\"\n");
        s.append("    xmlns:tempora=\"").append(TEMPORA_NS).append("\">\n");
        element(s, "dc:format", mimeType);
        s.append("   <dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">").append(escape(description())).append("</rdf:li></rdf:Alt></dc:description>\n");
        element(s, "dc:source", sourceName);
        element(s, "xmp:CreatorTool", software);
        element(s, "xmp:CreateDate", processed);
        element(s, "xmp:MetadataDate", processed);
        element(s, "Iptc4xmpExt:DigitalSourceType", digitalSourceType().uri());
        element(s, "tempora:SourceName", sourceName);
        element(s, "tempora:SourceSHA256", sourceSha256);
        exposureSeconds.ifPresent(e -> element(s, "tempora:SourceExposureSeconds", number(e)));
        generated.ifPresent(g -> element(s, "tempora:GeneratedDate", g));
        element(s, "tempora:Engine", engineId);
        element(s, "tempora:EngineVersion", engineVersion);
        modelName.ifPresent(v -> element(s, "tempora:ModelName", v));
        modelVersion.ifPresent(v -> element(s, "tempora:ModelVersion", v));
        modelSha256.ifPresent(v -> element(s, "tempora:ModelSHA256", v));
        element(s, "tempora:Seed", Long.toString(seed));
        steps.ifPresent(v -> element(s, "tempora:Steps", Integer.toString(v)));
        if (frame >= 0) element(s, "tempora:FrameIndex", Integer.toString(frame));
        s.append("   <tempora:Intervals><rdf:Seq>\n");
        for (int i = 0; i < intervals.size(); i++) {
            if (frame >= 0 && i != frame) continue;
            Interval iv = intervals.get(i);
            s.append("    <rdf:li rdf:parseType=\"Resource\"><tempora:Frame>").append(i).append("</tempora:Frame><tempora:Start>")
                    .append(number(iv.start())).append("</tempora:Start><tempora:End>").append(number(iv.end())).append("</tempora:End></rdf:li>\n");
        }
        s.append("   </rdf:Seq></tempora:Intervals>\n");
        s.append("   <tempora:SourceMetadata><rdf:Bag>\n");
        sourceMetadata.forEach((k, v) -> s.append("    <rdf:li rdf:parseType=\"Resource\"><tempora:Name>").append(escape(k))
                .append("</tempora:Name><tempora:Value>").append(escape(v)).append("</tempora:Value></rdf:li>\n"));
        s.append("   </rdf:Bag></tempora:SourceMetadata>\n");
        s.append("  </rdf:Description>\n </rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>");
        return s.toString();
    }

    /** What a person reading the file's description should know first. */
    String description() {
        String what = digitalSourceType() == DigitalSourceType.TRAINED_ALGORITHMIC_MEDIA ? "generated by a trained model" : "computed by an algorithm";
        return "Frames " + what + " (Tempora, " + engineId + " engine) from the photograph " + sourceName + " (SHA-256 " + sourceSha256
                + "); not a photograph or a recording.";
    }

    private static void element(StringBuilder s, String name, String value) {
        s.append("   <").append(name).append('>').append(escape(value)).append("</").append(name).append(">\n");
    }

    /** XML character escaping; control characters other than tab and newline are not allowed in XML 1.0 and are dropped. */
    static String escape(String v) {
        StringBuilder b = new StringBuilder(v.length());
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                default -> { if (c >= 0x20 || c == '\t' || c == '\n') b.append(c); }
            }
        }
        return b.toString();
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.format(Locale.ROOT, "%.1f", v) : Double.toString(v);
    }

    private static JsonObject object(JsonObject o, String key) {
        if (!o.has(key) || !o.get(key).isJsonObject()) throw new IllegalArgumentException("the run record has no '" + key + "' section");
        return o.getAsJsonObject(key);
    }

    private static String string(JsonObject o, String key) {
        if (!o.has(key)) throw new IllegalArgumentException("the run record has no '" + key + "'");
        return o.get(key).getAsString();
    }

    private static Optional<String> text(JsonObject o, String key) {
        return o.has(key) && !o.get(key).isJsonNull() ? Optional.of(o.get(key).getAsString()) : Optional.empty();
    }
}
