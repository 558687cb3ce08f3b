package org.tempora.image;

import com.twelvemonkeys.imageio.metadata.CompoundDirectory;
import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;

import javax.imageio.stream.ImageInputStream;
import java.io.IOException;
import java.lang.reflect.Array;
import java.nio.charset.StandardCharsets;

/** Reads a TIFF's directories (TIFF 6.0 section 2): page count, EXIF fields, XMP (700), IPTC (33723), ICC (34675). */
final class TiffHeaders {
    private TiffHeaders() {}

    private static final int STRIP_OFFSETS = 273, STRIP_BYTE_COUNTS = 279, TILE_OFFSETS = 324, TILE_BYTE_COUNTS = 325;
    private static final int XMP = 700, IPTC = 33723, ICC = 34675;

    static void read(ImageInputStream in, FileFacts facts) throws IOException {
        Directory all = new TIFFReader().read(in);
        Directory ifd0 = all instanceof CompoundDirectory c ? c.getDirectory(0) : all;
        facts.pageCount = all instanceof CompoundDirectory c ? c.directoryCount() : 1;
        ExifFields.readDirectory(ifd0, facts);
        byte[] xmp = bytes(ifd0.getEntryById(XMP));
        if (xmp != null) facts.xmp = new String(xmp, StandardCharsets.UTF_8).trim();
        facts.iptc = bytes(ifd0.getEntryById(IPTC));
        facts.icc = bytes(ifd0.getEntryById(ICC));
        long size = in.length();
        if (size > 0 && (beyondEnd(ifd0, STRIP_OFFSETS, STRIP_BYTE_COUNTS, size) || beyondEnd(ifd0, TILE_OFFSETS, TILE_BYTE_COUNTS, size))) {
            facts.complete = false;
        }
    }

    /** IPTC is often stored as LONGs; any numeric array is turned back into its bytes. */
    private static byte[] bytes(Entry e) {
        if (e == null || e.getValue() == null) return null;
        Object v = e.getValue();
        if (v instanceof byte[] b) return b;
        if (v instanceof String s) return s.getBytes(StandardCharsets.UTF_8);
        if (v instanceof int[] ints) {
            java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(ints.length * 4);
            for (int i : ints) b.putInt(i);
            return b.array();
        }
        if (v instanceof long[] longs) {
            java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(longs.length * 4);
            for (long l : longs) b.putInt((int) l);
            return b.array();
        }
        return null;
    }

    private static boolean beyondEnd(Directory ifd, int offsetsTag, int countsTag, long size) {
        long[] offsets = numbers(ifd.getEntryById(offsetsTag)), counts = numbers(ifd.getEntryById(countsTag));
        if (offsets == null || counts == null) return false;
        for (int i = 0; i < Math.min(offsets.length, counts.length); i++) if (offsets[i] + counts[i] > size) return true;
        return false;
    }

    private static long[] numbers(Entry e) {
        if (e == null || e.getValue() == null) return null;
        Object v = e.getValue();
        if (v instanceof Number n) return new long[] { n.longValue() };
        if (!v.getClass().isArray()) return null;
        long[] out = new long[Array.getLength(v)];
        for (int i = 0; i < out.length; i++) out[i] = ((Number) Array.get(v, i)).longValue();
        return out;
    }
}
