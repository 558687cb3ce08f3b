package org.tempora.image;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds minimal ICC v2 display profiles (ICC.1:2001-04 layout) for tests: matrix/TRC RGB or grey TRC. */
final class TestProfiles {
    private TestProfiles() {}

    /** Adobe RGB (1998) colorants adapted to D50 (Adobe RGB (1998) Color Image Encoding, Annex; as in Adobe's ICC profile). */
    static final double[] ADOBE_RGB_D50 = {
        0.6097559, 0.2052401, 0.1492240,
        0.3111145, 0.6256560, 0.0632388,
        0.0194702, 0.0608902, 0.7445797 };

    /** Adobe RGB decoding gamma as stored in its profile: 563/256. */
    static final double ADOBE_GAMMA = 563 / 256.0;

    static byte[] rgb(double[] colorants, double gamma, String description) {
        Map<String, byte[]> tags = new LinkedHashMap<>();
        tags.put("desc", desc(description));
        tags.put("wtpt", xyz(0.9642, 1.0, 0.8249));
        tags.put("rXYZ", xyz(colorants[0], colorants[3], colorants[6]));
        tags.put("gXYZ", xyz(colorants[1], colorants[4], colorants[7]));
        tags.put("bXYZ", xyz(colorants[2], colorants[5], colorants[8]));
        byte[] curve = gammaCurve(gamma);
        tags.put("rTRC", curve);
        tags.put("gTRC", curve);
        tags.put("bTRC", curve);
        return profile("RGB ", tags);
    }

    static byte[] grey(byte[] curveTag, String description) {
        Map<String, byte[]> tags = new LinkedHashMap<>();
        tags.put("desc", desc(description));
        tags.put("wtpt", xyz(0.9642, 1.0, 0.8249));
        tags.put("kTRC", curveTag);
        return profile("GRAY", tags);
    }

    static byte[] gammaCurve(double gamma) {
        ByteBuffer b = ByteBuffer.allocate(14);
        b.put("curv".getBytes(StandardCharsets.ISO_8859_1)).putInt(0).putInt(1).putShort((short) Math.round(gamma * 256));
        return b.array();
    }

    /** parametricCurveType function 3 (ICC.1:2010 10.18) with s15Fixed16 parameters g, a, b, c, d. */
    static byte[] parametricType3(double g, double a, double bb, double c, double d) {
        ByteBuffer b = ByteBuffer.allocate(12 + 5 * 4);
        b.put("para".getBytes(StandardCharsets.ISO_8859_1)).putInt(0).putShort((short) 3).putShort((short) 0);
        for (double p : new double[] { g, a, bb, c, d }) b.putInt((int) Math.round(p * 65536));
        return b.array();
    }

    private static byte[] xyz(double x, double y, double z) {
        ByteBuffer b = ByteBuffer.allocate(20);
        b.put("XYZ ".getBytes(StandardCharsets.ISO_8859_1)).putInt(0);
        for (double v : new double[] { x, y, z }) b.putInt((int) Math.round(v * 65536));
        return b.array();
    }

    private static byte[] desc(String text) {
        byte[] ascii = (text + "\0").getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer b = ByteBuffer.allocate(12 + ascii.length + 8 + 3 + 67);
        b.put("desc".getBytes(StandardCharsets.ISO_8859_1)).putInt(0).putInt(ascii.length).put(ascii);
        return b.array();       // Unicode and ScriptCode parts left empty (zero counts)
    }

    private static byte[] profile(String space, Map<String, byte[]> tags) {
        int tableEnd = 128 + 4 + 12 * tags.size();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        ByteBuffer table = ByteBuffer.allocate(4 + 12 * tags.size()).putInt(tags.size());
        int offset = tableEnd;
        for (Map.Entry<String, byte[]> t : tags.entrySet()) {
            byte[] data = t.getValue();
            table.put(t.getKey().getBytes(StandardCharsets.ISO_8859_1)).putInt(offset).putInt(data.length);
            body.writeBytes(data);
            int pad = (4 - data.length % 4) % 4;    // tags start on 4-byte boundaries
            body.writeBytes(new byte[pad]);
            offset += data.length + pad;
        }
        ByteBuffer header = ByteBuffer.allocate(128);
        header.putInt(0, offset);
        header.putInt(8, 0x02100000);
        header.put(12, "mntr".getBytes(StandardCharsets.ISO_8859_1));
        header.put(16, space.getBytes(StandardCharsets.ISO_8859_1));
        header.put(20, "XYZ ".getBytes(StandardCharsets.ISO_8859_1));
        header.put(36, "acsp".getBytes(StandardCharsets.ISO_8859_1));
        header.putInt(68, (int) Math.round(0.9642 * 65536)).putInt(72, 65536).putInt(76, (int) Math.round(0.8249 * 65536));
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.writeBytes(header.array());
        all.writeBytes(table.array());
        all.writeBytes(body.toByteArray());
        return all.toByteArray();
    }
}
