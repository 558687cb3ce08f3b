package org.tempora.image;

import java.util.Map;
import java.util.Optional;

/**
 * What the photo file said about itself, kept so outputs can record their source.
 * Raw segments are kept verbatim (EXIF as a TIFF-structured blob, XMP as text, IPTC as bytes).
 *
 * @param fields human-readable facts (camera make/model, date taken, orientation, ICC profile name...)
 */
public record PhotoMetadata(Map<String, String> fields, Optional<byte[]> exif, Optional<String> xmp, Optional<byte[]> iptc) {
    public static PhotoMetadata empty() { return new PhotoMetadata(Map.of(), Optional.empty(), Optional.empty(), Optional.empty()); }
}
