package org.tempora.export;

import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Optional;
import java.util.OptionalDouble;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.tempora.image.PhotoMetadata;

/** The photo's exposure time in seconds from its EXIF ExposureTime tag (33434, a RATIONAL in the Exif IFD; EXIF 2.32 4.6.5). */
public final class ExposureTime {
    private ExposureTime() {}

    static final int EXIF_IFD = 34665, EXPOSURE_TIME = 33434;

    public static OptionalDouble of(PhotoMetadata metadata) {
        Optional<byte[]> exif = metadata.exif();
        return exif.isPresent() ? fromExif(exif.get()) : OptionalDouble.empty();
    }

    /** Reads a TIFF-structured EXIF blob; a damaged blob or a missing, zero or negative value gives empty. */
    public static OptionalDouble fromExif(byte[] exif) {
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(exif))) {
            Directory ifd0 = new TIFFReader().read(in);
            Entry sub = ifd0.getEntryById(EXIF_IFD);
            if (sub == null || !(sub.getValue() instanceof Directory exifIfd)) return OptionalDouble.empty();
            Entry t = exifIfd.getEntryById(EXPOSURE_TIME);
            if (t == null || !(t.getValue() instanceof Number n)) return OptionalDouble.empty();
            double s = n.doubleValue();
            return s > 0 && Double.isFinite(s) ? OptionalDouble.of(s) : OptionalDouble.empty();
        } catch (IOException | RuntimeException damaged) {
            return OptionalDouble.empty();
        }
    }

    /** Parses "1/60", "0.5" or "2" (seconds), as photographers write exposure times. */
    public static double parse(String text) {
        String t = text.trim();
        double v;
        try {
            int slash = t.indexOf('/');
            v = slash < 0 ? Double.parseDouble(t) : Double.parseDouble(t.substring(0, slash)) / Double.parseDouble(t.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("exposure time '" + text + "' is not a number of seconds such as 1/60 or 0.5");
        }
        if (!(v > 0) || !Double.isFinite(v)) throw new IllegalArgumentException("exposure time must be positive, got '" + text + "'");
        return v;
    }
}
