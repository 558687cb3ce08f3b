package org.tempora.image;

import java.nio.file.Path;
import java.util.List;

/**
 * A decoded photo: pixels in linear light (sRGB primaries, orientation already applied),
 * what the file was, and notes for the user (first page of a multipage TIFF, etc.).
 *
 * @param bitDepth bits per sample in the file (8 or 16); outputs follow it
 * @param format short format name as shown to users ("JPEG", "PNG", "TIFF"...)
 */
public record Photo(Path source, LinearImage pixels, int bitDepth, String format, PhotoMetadata metadata, List<String> notes) {
    public int width() { return pixels.width(); }
    public int height() { return pixels.height(); }
}
