package org.tempora.image;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the file's headers say, gathered before and beside pixel decoding (mutable while a file is scanned). */
final class FileFacts {
    final Map<String, String> fields = new LinkedHashMap<>();
    final List<String> notes = new ArrayList<>();
    byte[] exif;
    String xmp;
    byte[] iptc;
    byte[] icc;
    int orientation = 1;
    /** PNG gAMA as stored (encoding exponent, e.g. 0.45455); null when absent. */
    Double pngGamma;
    /** PNG sRGB chunk present: the pixels are sRGB whatever gAMA says (PNG spec 11.3.3.5). */
    boolean pngSrgb;
    /** Pages (TIFF directories) or frames (GIF); 1 for single-image formats. */
    int pageCount = 1;
    /** False when the file stops before its end marker or points past its own end. */
    boolean complete = true;

    PhotoMetadata toMetadata() {
        return new PhotoMetadata(Map.copyOf(fields), Optional.ofNullable(exif), Optional.ofNullable(xmp), Optional.ofNullable(iptc));
    }
}
