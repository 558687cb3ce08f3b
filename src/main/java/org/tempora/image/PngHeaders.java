package org.tempora.image;

import javax.imageio.stream.ImageInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/** Walks a PNG's chunk list (PNG spec, 3rd ed., section 5) for colour and metadata chunks, skipping image data. */
final class PngHeaders {
    private PngHeaders() {}

    static void read(ImageInputStream in, FileFacts facts) throws IOException {
        long size = in.length();
        in.seek(8);
        while (true) {
            long length;
            String type;
            try {
                length = in.readUnsignedInt();
                byte[] t = new byte[4];
                in.readFully(t);
                type = new String(t, StandardCharsets.ISO_8859_1);
            } catch (EOFException end) {
                facts.complete = false;
                return;
            }
            if (length > Integer.MAX_VALUE || size >= 0 && in.getStreamPosition() + length + 4 > size) {
                facts.complete = false;
                return;
            }
            if (type.equals("IEND")) return;
            switch (type) {
                case "gAMA", "sRGB", "iCCP", "iTXt", "eXIf" -> {
                    byte[] d = new byte[(int) length];
                    in.readFully(d);
                    take(type, d, facts);
                }
                default -> in.skipBytes(length);
            }
            in.skipBytes(4);    // CRC
        }
    }

    private static void take(String type, byte[] d, FileFacts facts) {
        switch (type) {
            case "gAMA" -> {
                long g = ((d[0] & 0xFFL) << 24) | ((d[1] & 0xFF) << 16) | ((d[2] & 0xFF) << 8) | (d[3] & 0xFF);
                if (g > 0) facts.pngGamma = g / 100000.0;
            }
            case "sRGB" -> facts.pngSrgb = true;
            case "iCCP" -> {
                int nul = indexOf(d, 0);
                if (nul > 0 && nul + 2 <= d.length) facts.icc = inflate(d, nul + 2, d.length - nul - 2);
                if (facts.icc == null) facts.notes.add("The embedded colour profile (iCCP) is damaged and was ignored; colours treated as sRGB.");
            }
            case "eXIf" -> {
                facts.exif = d;
                ExifFields.readBlob(d, facts);
            }
            case "iTXt" -> {
                int nul = indexOf(d, 0);
                if (nul < 0 || !new String(d, 0, nul, StandardCharsets.ISO_8859_1).equals("XML:com.adobe.xmp") || nul + 3 > d.length) return;
                boolean compressed = d[nul + 1] == 1;
                int lang = indexOf(d, nul + 3);
                int translated = lang < 0 ? -1 : indexOf(d, lang + 1);
                if (translated < 0) return;
                int start = translated + 1;
                byte[] text = compressed ? inflate(d, start, d.length - start) : Arrays.copyOfRange(d, start, d.length);
                if (text != null) facts.xmp = new String(text, StandardCharsets.UTF_8).trim();
            }
            default -> { }
        }
    }

    private static int indexOf(byte[] d, int from) {
        for (int i = from; i < d.length; i++) if (d[i] == 0) return i;
        return -1;
    }

    private static byte[] inflate(byte[] d, int off, int len) {
        Inflater inf = new Inflater();
        try {
            inf.setInput(d, off, len);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            while (!inf.finished()) {
                int n = inf.inflate(buf);
                if (n == 0 && (inf.needsInput() || inf.needsDictionary())) return null;
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        } catch (DataFormatException damaged) {
            return null;
        } finally {
            inf.end();
        }
    }
}
