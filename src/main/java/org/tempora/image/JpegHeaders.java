package org.tempora.image;

import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegment;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegmentUtil;

import javax.imageio.stream.ImageInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads the metadata segments in front of a JPEG's image data: EXIF (APP1), XMP (APP1), ICC (APP2), IPTC (APP13). */
final class JpegHeaders {
    private JpegHeaders() {}

    private static final int APP1 = 0xFFE1, APP2 = 0xFFE2, APP13 = 0xFFED;
    private static final String EXIF = "Exif", XMP = "http://ns.adobe.com/xap/1.0/", ICC = "ICC_PROFILE", PHOTOSHOP = "Photoshop 3.0";

    static void read(ImageInputStream in, FileFacts facts) throws IOException {
        List<JPEGSegment> segments = JPEGSegmentUtil.readSegments(in, Map.of(APP1, List.of(EXIF, XMP), APP2, List.of(ICC), APP13, List.of(PHOTOSHOP)));
        TreeMap<Integer, byte[]> iccChunks = new TreeMap<>();
        for (JPEGSegment s : segments) {
            byte[] d = bytes(s.data());
            switch (s.identifier()) {
                case EXIF -> {
                    // "Exif" is followed by two NULs; the segment util strips one
                    int skip = d.length > 0 && d[0] == 0 ? 1 : 0;
                    if (facts.exif == null && d.length > skip + 8) {
                        facts.exif = Arrays.copyOfRange(d, skip, d.length);
                        ExifFields.readBlob(facts.exif, facts);
                    }
                }
                case XMP -> { if (facts.xmp == null) facts.xmp = new String(d, StandardCharsets.UTF_8).trim(); }
                case ICC -> { if (d.length > 2) iccChunks.put(d[0] & 0xFF, Arrays.copyOfRange(d, 2, d.length)); }
                case PHOTOSHOP -> { if (facts.iptc == null) facts.iptc = PhotoshopResources.iptc(d); }
                default -> { }
            }
        }
        if (!iccChunks.isEmpty()) {
            ByteArrayOutputStream icc = new ByteArrayOutputStream();
            for (byte[] chunk : iccChunks.values()) icc.writeBytes(chunk);
            facts.icc = icc.toByteArray();
        }
    }

    private static byte[] bytes(InputStream s) throws IOException {
        try (s) { return s.readAllBytes(); }
    }
}
