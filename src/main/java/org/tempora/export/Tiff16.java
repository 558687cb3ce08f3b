package org.tempora.export;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.tempora.image.LinearImage;
import org.tempora.image.SrgbEncoder;

/**
 * A 16-bit sRGB (or grey) baseline TIFF (TIFF 6.0), written directly so the tags are exactly what archives need:
 * Deflate compression (code 8) with the horizontal predictor (section 14), an sRGB ICC profile (tag 34675), the
 * software and date, and an XMP packet in tag 700 (XMP Specification Part 3, 1.1.6).
 */
public final class Tiff16 {
    private Tiff16() {}

    private static final short BYTE = 1, ASCII = 2, SHORT = 3, LONG = 4, UNDEFINED = 7;

    private record Tag(int id, short type, int count, byte[] data) {}

    /**
     * Writes {@code img} to {@code file} (created or truncated).
     *
     * @param dateTime "YYYY:MM:DD HH:MM:SS" (TIFF DateTime), the date of processing
     * @param xmp the XMP packet, or null
     */
    public static void write(LinearImage img, Path file, String software, String dateTime, String xmp) throws IOException {
        int w = img.width(), h = img.height(), spp = img.channels();
        byte[] strip = deflate(predicted(samples(img), w, h, spp));
        List<Tag> tags = new ArrayList<>();
        tags.add(new Tag(256, LONG, 1, ints(w)));
        tags.add(new Tag(257, LONG, 1, ints(h)));
        tags.add(new Tag(258, SHORT, spp, shorts(spp, 16)));
        tags.add(new Tag(259, SHORT, 1, shorts(1, 8)));                  // Adobe Deflate
        tags.add(new Tag(262, SHORT, 1, shorts(1, spp == 3 ? 2 : 1)));   // RGB or BlackIsZero
        tags.add(new Tag(273, LONG, 1, null));                           // StripOffsets, filled in below
        tags.add(new Tag(277, SHORT, 1, shorts(1, spp)));
        tags.add(new Tag(278, LONG, 1, ints(h)));
        tags.add(new Tag(279, LONG, 1, ints(strip.length)));
        tags.add(new Tag(284, SHORT, 1, shorts(1, 1)));
        tags.add(new Tag(305, ASCII, 0, ascii(software)));
        tags.add(new Tag(306, ASCII, 0, ascii(dateTime)));
        tags.add(new Tag(317, SHORT, 1, shorts(1, 2)));                  // horizontal differencing
        if (xmp != null) tags.add(new Tag(700, BYTE, 0, xmp.getBytes(StandardCharsets.UTF_8)));
        ICC_Profile icc = ICC_Profile.getInstance(spp == 3 ? ColorSpace.CS_sRGB : ColorSpace.CS_GRAY);
        tags.add(new Tag(34675, UNDEFINED, 0, icc.getData()));

        int ifdSize = 2 + 12 * tags.size() + 4;
        long extra = 8 + ifdSize;                     // values over 4 bytes follow the IFD, word aligned
        List<byte[]> blobs = new ArrayList<>();
        ByteBuffer ifd = ByteBuffer.allocate(ifdSize).order(ByteOrder.LITTLE_ENDIAN);
        ifd.putShort((short) tags.size());
        long stripOffset = extra;
        for (Tag t : tags) if (t.data() != null && t.data().length > 4) stripOffset += t.data().length + (t.data().length & 1);
        for (Tag t : tags) {
            byte[] data = t.id() == 273 ? ints((int) stripOffset) : t.data();
            int count = t.count() > 0 ? t.count() : data.length;
            ifd.putShort((short) t.id()).putShort(t.type()).putInt(count);
            if (data.length <= 4) {
                ifd.put(data);
                for (int i = data.length; i < 4; i++) ifd.put((byte) 0);
            } else {
                ifd.putInt((int) extra);
                blobs.add(data);
                extra += data.length + (data.length & 1);
            }
        }
        ifd.putInt(0);                                // no further IFD
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(new byte[] {'I', 'I', 42, 0, 8, 0, 0, 0});
            out.write(ifd.array());
            for (byte[] b : blobs) {
                out.write(b);
                if ((b.length & 1) == 1) out.write(0);
            }
            out.write(strip);
        }
    }

    /** Linear light to 16-bit sRGB codes, interleaved, rounded to nearest (the table PNG frames use too). */
    static int[] samples(LinearImage img) {
        int n = img.pixelCount(), spp = img.channels();
        int[] out = new int[n * spp];
        for (int c = 0; c < spp; c++) {
            float[] p = img.plane(c);
            for (int i = 0; i < n; i++) out[i * spp + c] = SrgbEncoder.code(p[i], 65535);
        }
        return out;
    }

    /** TIFF predictor 2: each sample minus the same sample of the pixel to its left, modulo 2^16, little-endian. */
    static byte[] predicted(int[] s, int w, int h, int spp) {
        byte[] out = new byte[s.length * 2];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int c = 0; c < spp; c++) {
                    int i = (y * w + x) * spp + c;
                    int v = x == 0 ? s[i] : (s[i] - s[i - spp]) & 0xFFFF;
                    out[2 * i] = (byte) v;
                    out[2 * i + 1] = (byte) (v >> 8);
                }
            }
        }
        return out;
    }

    private static byte[] deflate(byte[] raw) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length / 2);
        Deflater deflater = new Deflater(6);
        try (DeflaterOutputStream z = new DeflaterOutputStream(bytes, deflater)) {
            z.write(raw);
        } finally {
            deflater.end();
        }
        return bytes.toByteArray();
    }

    private static byte[] ints(int v) { return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array(); }

    private static byte[] shorts(int count, int v) {
        ByteBuffer b = ByteBuffer.allocate(2 * count).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < count; i++) b.putShort((short) v);
        return b.array();
    }

    private static byte[] ascii(String s) {
        byte[] t = s.getBytes(StandardCharsets.US_ASCII);
        byte[] z = new byte[t.length + 1];          // NUL-terminated
        System.arraycopy(t, 0, z, 0, t.length);
        return z;
    }
}
