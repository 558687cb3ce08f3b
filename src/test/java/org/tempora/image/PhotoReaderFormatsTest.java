package org.tempora.image;

import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import javax.imageio.ImageWriteParam;
import javax.imageio.stream.FileImageInputStream;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Round trips: a synthetic image with known codes is written by ImageIO/TwelveMonkeys and read back as linear light. */
class PhotoReaderFormatsTest {
    @TempDir Path dir;

    private static final int W = 23, H = 17;    // odd and non-square, to catch stride and axis mix-ups

    @ParameterizedTest(name = "PNG {0}-bit, {1} channel(s)")
    @CsvSource({ "8,1", "8,3", "16,1", "16,3" })
    void pngIsDecodedExactly(int bits, int channels) throws IOException {
        TestImages.CodeFn fn = bits == 8 ? TestImages::code8 : TestImages::code16;
        Path f = TestImages.write(TestImages.image(W, H, channels, bits, fn), "png", dir.resolve("t.png"));
        Photo p = PhotoReader.read(f);
        assertEquals(channels, p.pixels().channels());
        assertEquals(bits, p.bitDepth());
        assertEquals("PNG", p.format());
        TestImages.assertLinear(p.pixels(), fn, bits == 8 ? 255 : 65535, 1e-6);
    }

    @Test
    void palettePngExpandsEntriesAndCompositesTransparencyOverWhite() throws IOException {
        byte[] r = { 0, (byte) 200, 10, 90 }, g = { 0, 50, (byte) 250, 90 }, b = { 0, 25, 100, 90 }, a = { (byte) 255, (byte) 255, (byte) 255, (byte) 128 };
        IndexColorModel icm = new IndexColorModel(8, 4, r, g, b, a);
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_BYTE_INDEXED, icm);
        WritableRaster ras = img.getRaster();
        for (int y = 0; y < H; y++) for (int x = 0; x < W; x++) ras.setSample(x, y, 0, (x + y) % 4);
        Photo p = PhotoReader.read(TestImages.write(img, "png", dir.resolve("pal.png")));
        assertEquals(3, p.pixels().channels());
        assertEquals(8, p.bitDepth());
        assertEquals("Palette", p.metadata().fields().get("Colour type"));
        for (int y = 0; y < H; y++)
            for (int x = 0; x < W; x++) {
                int k = (x + y) % 4;
                double alpha = (a[k] & 0xFF) / 255.0;
                int[] codes = { r[k] & 0xFF, g[k] & 0xFF, b[k] & 0xFF };
                for (int c = 0; c < 3; c++) {
                    double expected = alpha * Srgb.toLinear(codes[c] / 255.0) + (1 - alpha);
                    assertEquals(expected, p.pixels().get(c, x, y), 1e-6);
                }
            }
        assertTrue(p.notes().stream().anyMatch(n -> n.contains("composited over white")), p.notes().toString());
    }

    @Test
    void greyAlphaPngCompositesOverWhiteInLinearLight() throws IOException {
        ComponentColorModel cm = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_GRAY), true, false, Transparency.TRANSLUCENT, DataBuffer.TYPE_BYTE);
        WritableRaster ras = cm.createCompatibleWritableRaster(W, H);
        for (int y = 0; y < H; y++) for (int x = 0; x < W; x++) { ras.setSample(x, y, 0, TestImages.code8(x, y, 0)); ras.setSample(x, y, 1, (x * 11) & 0xFF); }
        Photo p = PhotoReader.read(TestImages.write(new BufferedImage(cm, ras, false, null), "png", dir.resolve("ga.png")));
        assertEquals(1, p.pixels().channels());
        assertEquals("Grey + alpha", p.metadata().fields().get("Colour type"));
        for (int y = 0; y < H; y++)
            for (int x = 0; x < W; x++) {
                double alpha = ((x * 11) & 0xFF) / 255.0;
                assertEquals(alpha * Srgb.toLinear(TestImages.code8(x, y, 0) / 255.0) + 1 - alpha, p.pixels().get(0, x, y), 1e-6);
            }
    }

    @ParameterizedTest(name = "JPEG progressive={0}, {1} channel(s)")
    @CsvSource({ "false,3", "true,3", "false,1", "true,1" })
    void jpegIsDecodedWithinCompressionTolerance(boolean progressive, int channels) throws IOException {
        BufferedImage img = TestImages.image(64, 48, channels, 8, TestImages::smooth8);
        Path f = TestImages.write(img, "jpeg", dir.resolve("t.jpg"), ByteOrder.BIG_ENDIAN, p -> {
            p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(1.0f);
            if (progressive) p.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
        });
        assertEquals(progressive, hasMarker(Files.readAllBytes(f), 0xC2), "SOF2 marker marks a progressive JPEG");
        Photo photo = PhotoReader.read(f);
        assertEquals(channels, photo.pixels().channels());
        assertEquals(8, photo.bitDepth());
        // compare in code space: quality 1.0 with chroma subsampling keeps a smooth gradient within a few codes
        double sumErr = 0;
        int n = 0;
        for (int c = 0; c < channels; c++)
            for (int y = 0; y < 48; y++)
                for (int x = 0; x < 64; x++) {
                    double code = Srgb.fromLinear(photo.pixels().get(c, x, y)) * 255;
                    double err = Math.abs(code - TestImages.smooth8(x, y, c));
                    assertTrue(err <= 8, "code error " + err + " at " + x + "," + y + " c" + c);
                    sumErr += err;
                    n++;
                }
        assertTrue(sumErr / n < 1.5, "mean code error " + sumErr / n);
    }

    /**
     * TwelveMonkeys' writer adds the horizontal-differencing predictor to LZW/Deflate itself. It cannot write 16-bit RGB
     * and writes 16-bit samples big-endian even into little-endian files, so 16-bit cases here are big-endian only.
     */
    @ParameterizedTest(name = "TIFF via TwelveMonkeys {0}-bit {1}ch {2} {3}")
    @CsvSource({ "8,3,LZW,LITTLE_ENDIAN", "8,3,None,BIG_ENDIAN", "16,1,LZW,BIG_ENDIAN", "16,1,Deflate,BIG_ENDIAN", "8,1,Deflate,LITTLE_ENDIAN" })
    void tiffIsDecodedExactly(int bits, int channels, String compression, String order) throws IOException {
        TestImages.CodeFn fn = bits == 8 ? TestImages::code8 : TestImages::code16;
        ByteOrder bo = order.equals("BIG_ENDIAN") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        Path f = TestImages.write(TestImages.image(W, H, channels, bits, fn), "tiff", dir.resolve("t.tif"), bo, p -> {
            p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionType(compression);
        });
        byte[] head = Files.readAllBytes(f);
        assertEquals(bo == ByteOrder.BIG_ENDIAN ? 'M' : 'I', (char) head[0], "byte order mark");
        Directory ifd = ifd0(f);
        if (!compression.equals("None")) {
            assertEquals(2, ((Number) ifd.getEntryById(317).getValue()).intValue(), "horizontal-differencing predictor written");
        }
        Photo p = PhotoReader.read(f);
        assertEquals(channels, p.pixels().channels());
        assertEquals(bits, p.bitDepth());
        assertEquals("TIFF", p.format());
        TestImages.assertLinear(p.pixels(), fn, bits == 8 ? 255 : 65535, 1e-6);
    }

    /** 16-bit RGB and 16-bit predictor files, built by hand in both byte orders. */
    @ParameterizedTest(name = "TIFF hand-built {0}-bit {1}ch compression {2} predictor {3} {4}")
    @CsvSource({ "16,3,8,true,LITTLE_ENDIAN", "16,3,8,true,BIG_ENDIAN", "16,3,1,false,BIG_ENDIAN", "16,1,8,true,BIG_ENDIAN", "8,3,8,true,BIG_ENDIAN" })
    void handBuiltTiffIsDecodedExactly(int bits, int channels, int compression, boolean predictor, String order) throws IOException {
        TestTiff t = new TestTiff(W, H);
        t.bits = bits;
        t.channels = channels;
        t.compression = compression;
        t.predictor = predictor;
        t.order = order.equals("BIG_ENDIAN") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        t.fn = bits == 8 ? TestImages::code8 : TestImages::code16;
        Path f = dir.resolve("h.tif");
        t.write(f);
        Photo p = PhotoReader.read(f);
        assertEquals(channels, p.pixels().channels());
        assertEquals(bits, p.bitDepth());
        TestImages.assertLinear(p.pixels(), t.fn, bits == 8 ? 255 : 65535, 1e-6);
    }

    @Test
    void bmpRgbAndGreyAreDecodedExactly() throws IOException {
        BufferedImage rgb = new BufferedImage(W, H, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < H; y++) for (int x = 0; x < W; x++) for (int c = 0; c < 3; c++) rgb.getRaster().setSample(x, y, c, TestImages.code8(x, y, c));
        Photo p = PhotoReader.read(TestImages.write(rgb, "bmp", dir.resolve("t.bmp")));
        assertEquals("BMP", p.format());
        assertEquals(3, p.pixels().channels());
        TestImages.assertLinear(p.pixels(), TestImages::code8, 255, 1e-6);

        Photo grey = PhotoReader.read(TestImages.write(TestImages.image(W, H, 1, 8, TestImages::code8), "bmp", dir.resolve("g.bmp")));
        assertEquals(1, grey.pixels().channels(), "an all-grey palette decodes to one channel");
        TestImages.assertLinear(grey.pixels(), TestImages::code8, 255, 1e-6);
    }

    @Test
    void gifPaletteIsDecodedExactly() throws IOException {
        byte[] r = new byte[16], g = new byte[16], b = new byte[16];
        for (int i = 0; i < 16; i++) { r[i] = (byte) (i * 17); g[i] = (byte) (255 - i * 13); b[i] = (byte) (i * 7 + 40); }
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_BYTE_INDEXED, new IndexColorModel(8, 16, r, g, b));
        for (int y = 0; y < H; y++) for (int x = 0; x < W; x++) img.getRaster().setSample(x, y, 0, (x * 3 + y) % 16);
        Photo p = PhotoReader.read(TestImages.write(img, "gif", dir.resolve("t.gif")));
        assertEquals("GIF", p.format());
        assertTrue(p.notes().stream().noneMatch(n -> n.contains("frames")), "a still GIF gets no animation note");
        for (int y = 0; y < H; y++)
            for (int x = 0; x < W; x++) {
                int k = (x * 3 + y) % 16;
                assertEquals(Srgb.toLinear((r[k] & 0xFF) / 255.0), p.pixels().get(0, x, y), 1e-6);
                assertEquals(Srgb.toLinear((g[k] & 0xFF) / 255.0), p.pixels().get(1, x, y), 1e-6);
                assertEquals(Srgb.toLinear((b[k] & 0xFF) / 255.0), p.pixels().get(2, x, y), 1e-6);
            }
    }

    static Directory ifd0(Path tiff) throws IOException {
        try (FileImageInputStream in = new FileImageInputStream(tiff.toFile())) {
            Directory d = new TIFFReader().read(in);
            return d instanceof com.twelvemonkeys.imageio.metadata.CompoundDirectory c ? c.getDirectory(0) : d;
        }
    }

    private static boolean hasMarker(byte[] jpeg, int marker) {
        for (int i = 2; i + 1 < jpeg.length; i++) if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == marker) return true;
        return false;
    }
}
