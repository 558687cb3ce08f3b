package org.tempora.export;

import java.util.Locale;

/** What an export writes: a video file, or a folder of images. */
public enum ExportFormat {
    MP4("mp4", "video/mp4"), GIF("gif", "image/gif"), PNG("png", "image/png"), TIFF("tif", "image/tiff");

    private final String extension;
    private final String mimeType;

    ExportFormat(String extension, String mimeType) {
        this.extension = extension;
        this.mimeType = mimeType;
    }

    public String extension() { return extension; }

    public String mimeType() { return mimeType; }

    /** PNG and TIFF write one file per frame into a folder; MP4 and GIF one file. */
    public boolean isSequence() { return this == PNG || this == TIFF; }

    /** "mp4", "gif", "png", "tiff" or "tif", any case. */
    public static ExportFormat parse(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "mp4" -> MP4;
            case "gif" -> GIF;
            case "png" -> PNG;
            case "tif", "tiff" -> TIFF;
            default -> throw new IllegalArgumentException("unknown format '" + name + "': choose mp4, gif, png or tiff");
        };
    }
}
