package org.tempora.app;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.tempora.image.Photo;

/** The rows of the metadata panel: size, bit depth and format first, then what the file said about itself. */
public final class PhotoFacts {
    private PhotoFacts() {}

    /** Fields the first three rows already show. */
    private static final Set<String> SHOWN_FIRST = Set.of("Format", "Pixel size", "Bit depth");

    public static Map<String, String> rows(Photo photo) {
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put("File", photo.source() == null ? "" : String.valueOf(photo.source().getFileName()));
        rows.put("Size", photo.width() + " x " + photo.height() + " px");
        rows.put("Bit depth", photo.bitDepth() + " bits per sample");
        rows.put("Format", photo.format());
        photo.metadata().fields().forEach((k, v) -> { if (!SHOWN_FIRST.contains(k)) rows.put(k, v); });
        return rows;
    }
}
