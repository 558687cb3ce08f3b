package org.tempora.image;

import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;

import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Optional;

/** Pulls the human-readable EXIF fields (TIFF tag numbers per EXIF 2.32 / TIFF 6.0) out of an IFD0 directory. */
final class ExifFields {
    private ExifFields() {}

    static final int MAKE = 271, MODEL = 272, ORIENTATION = 274, DATE_TIME = 306, EXIF_IFD = 34665, DATE_TIME_ORIGINAL = 36867;

    /** Parses a TIFF-structured EXIF blob (the payload of a JPEG APP1 "Exif" segment or a PNG eXIf chunk). */
    static void readBlob(byte[] exif, FileFacts facts) {
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(exif))) {
            readDirectory(new TIFFReader().read(in), facts);
        } catch (IOException | RuntimeException damaged) {
            facts.notes.add("The EXIF block is damaged and was ignored (orientation and camera details unknown).");
        }
    }

    static void readDirectory(Directory ifd0, FileFacts facts) {
        text(ifd0, MAKE).ifPresent(v -> facts.fields.put("Make", v));
        text(ifd0, MODEL).ifPresent(v -> facts.fields.put("Model", v));
        text(ifd0, DATE_TIME).ifPresent(v -> facts.fields.put("DateTime", v));
        Entry orientation = ifd0.getEntryById(ORIENTATION);
        if (orientation != null && orientation.getValue() instanceof Number n) {
            int o = n.intValue();
            if (o >= 1 && o <= 8) facts.orientation = o;
            else facts.notes.add("EXIF orientation " + o + " is not a valid value (1-8) and was ignored.");
            facts.fields.put("Orientation", Integer.toString(o));
        }
        Entry exifIfd = ifd0.getEntryById(EXIF_IFD);
        if (exifIfd != null && exifIfd.getValue() instanceof Directory sub) {
            text(sub, DATE_TIME_ORIGINAL).ifPresent(v -> facts.fields.put("DateTimeOriginal", v));
        }
    }

    private static Optional<String> text(Directory dir, int tag) {
        Entry e = dir.getEntryById(tag);
        if (e == null || e.getValue() == null) return Optional.empty();
        String s = e.getValue() instanceof String str ? str : e.getValueAsString();
        s = s.replace("\0", "").trim();
        return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }
}
