package org.tempora.image;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Synthetic images with known codes, writers for them, and assertions on decoded linear values. */
final class TestImages {
    private TestImages() {}

    /** Known 8-bit code of channel c at (x, y): varied enough to hit every code path of a look-up table. */
    static int code8(int x, int y, int c) { return (x * 37 + y * 11 + c * 85 + 7) & 0xFF; }

    static int code16(int x, int y, int c) { return (x * 4099 + y * 1031 + c * 21845 + 13) & 0xFFFF; }

    /** Smooth codes for lossy JPEG: a gentle gradient per channel. */
    static int smooth8(int x, int y, int c) { return 30 + x * 2 + y + c * 20; }

    interface CodeFn { int code(int x, int y, int c); }

    static BufferedImage image(int w, int h, int channels, int bits, CodeFn fn) {
        ColorSpace cs = ColorSpace.getInstance(channels == 1 ? ColorSpace.CS_GRAY : ColorSpace.CS_sRGB);
        return image(w, h, cs, channels, bits, fn);
    }

    static BufferedImage image(int w, int h, ColorSpace cs, int channels, int bits, CodeFn fn) {
        ComponentColorModel cm = new ComponentColorModel(cs, false, false, Transparency.OPAQUE, bits == 16 ? DataBuffer.TYPE_USHORT : DataBuffer.TYPE_BYTE);
        WritableRaster r = cm.createCompatibleWritableRaster(w, h);
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) for (int c = 0; c < channels; c++) r.setSample(x, y, c, fn.code(x, y, c));
        return new BufferedImage(cm, r, false, null);
    }

    static Path write(BufferedImage img, String format, Path file) throws IOException {
        if (!ImageIO.write(img, format, file.toFile())) throw new IOException("no " + format + " writer for " + img);
        return file;
    }

    /** Writes with an explicit write param (compression type, progressive mode...) and stream byte order. */
    static Path write(BufferedImage img, String format, Path file, ByteOrder order, java.util.function.Consumer<ImageWriteParam> setup) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
        Files.deleteIfExists(file);
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            out.setByteOrder(order);
            writer.setOutput(out);
            ImageWriteParam p = writer.getDefaultWriteParam();
            setup.accept(p);
            writer.write(null, new IIOImage(img, null, null), p);
        } finally {
            writer.dispose();
        }
        return file;
    }

    /** Asserts every decoded sample equals the sRGB decode of its known code (max = 255 or 65535). */
    static void assertLinear(LinearImage img, CodeFn fn, int max, double tol) {
        for (int c = 0; c < img.channels(); c++)
            for (int y = 0; y < img.height(); y++)
                for (int x = 0; x < img.width(); x++) {
                    double expected = Srgb.toLinear(fn.code(x, y, c) / (double) max);
                    assertEquals(expected, img.get(c, x, y), tol, "channel " + c + " at (" + x + "," + y + ")");
                }
    }

    /** Hand-built PNG (PNG spec section 5): 8/16-bit grey or RGB, unfiltered rows, plus arbitrary extra chunks before IDAT. */
    static byte[] png(int w, int h, int channels, int bits, CodeFn fn, byte[]... extraChunks) throws IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.write(new byte[] { (byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10 });
        ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(ihdr);
        d.writeInt(w);
        d.writeInt(h);
        d.writeByte(bits);
        d.writeByte(channels == 1 ? 0 : 2);
        d.writeByte(0);
        d.writeByte(0);
        d.writeByte(0);
        file.write(chunk("IHDR", ihdr.toByteArray()));
        for (byte[] c : extraChunks) file.write(c);
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        try (DeflaterOutputStream z = new DeflaterOutputStream(raw)) {
            for (int y = 0; y < h; y++) {
                z.write(0);
                for (int x = 0; x < w; x++)
                    for (int c = 0; c < channels; c++) {
                        int v = fn.code(x, y, c);
                        if (bits == 16) z.write(v >> 8);
                        z.write(v & 0xFF);
                    }
            }
        }
        file.write(chunk("IDAT", raw.toByteArray()));
        file.write(chunk("IEND", new byte[0]));
        return file.toByteArray();
    }

    static byte[] chunk(String type, byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(out);
        d.writeInt(data.length);
        byte[] t = type.getBytes(StandardCharsets.ISO_8859_1);
        d.write(t);
        d.write(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        d.writeInt((int) crc.getValue());
        return out.toByteArray();
    }

    static byte[] gamaChunk(double gamma) throws IOException {
        long g = Math.round(gamma * 100000);
        return chunk("gAMA", new byte[] { (byte) (g >> 24), (byte) (g >> 16), (byte) (g >> 8), (byte) g });
    }

    static byte[] iccpChunk(byte[] profile) throws IOException {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        data.write("test profile".getBytes(StandardCharsets.ISO_8859_1));
        data.write(0);
        data.write(0);
        try (DeflaterOutputStream z = new DeflaterOutputStream(data)) {
            z.write(profile);
        }
        return chunk("iCCP", data.toByteArray());
    }
}
