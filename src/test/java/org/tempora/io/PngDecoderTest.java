package org.tempora.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.Deflater;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PngDecoderTest {
    @TempDir Path dir;

    private static byte[] randomSamples(PngLayout l, long seed) {
        byte[] raw = new byte[l.rowBytes() * l.height()];
        Random r = new Random(seed);
        for (int i = 0; i < raw.length; i++) raw[i] = (byte) (i % 2 == 0 ? r.nextInt(256) : i / 5);
        return raw;
    }

    private static byte[] encode(PngEncoder encoder, PngLayout l, byte[] raw) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int n = l.rowBytes();
        encoder.write(out, l, List.of(PngChunk.srgb(0), PngChunk.xmp("<x/>")), (y, row) -> System.arraycopy(raw, y * n, row, 0, n));
        return out.toByteArray();
    }

    private static Optional<PngDecoder.Samples> decode(byte[] png) throws IOException {
        return PngDecoder.decode(new ByteArrayInputStream(png), l -> { });
    }

    /** The samples as unsigned values, in file order. */
    private static int[] values(PngDecoder.Samples s) {
        if (s.shorts() != null) {
            int[] v = new int[s.shorts().length];
            for (int i = 0; i < v.length; i++) v[i] = s.shorts()[i] & 0xffff;
            return v;
        }
        int[] v = new int[s.bytes().length];
        for (int i = 0; i < v.length; i++) v[i] = s.bytes()[i] & 0xff;
        return v;
    }

    private static int[] imageIoValues(byte[] png) throws IOException {
        Raster r = ImageIO.read(new ByteArrayInputStream(png)).getRaster();
        return r.getPixels(0, 0, r.getWidth(), r.getHeight(), (int[]) null);
    }

    static Stream<Arguments> layoutsAndFilters() {
        return PngEncoderTest.layoutsAndFilters(new int[][] {{1, 1}, {7, 3}, {3, 7}, {40, 9}});
    }

    @ParameterizedTest
    @MethodSource("layoutsAndFilters")
    void givesBackExactlyWhatTheEncoderWasGiven(PngLayout l, PngEncoder.Filter filter) throws IOException {
        byte[] raw = randomSamples(l, l.width() * 13L + l.channels() + l.bitDepth());
        byte[] png = encode(new PngEncoder(filter, 6, Deflater.DEFAULT_STRATEGY), l, raw);
        PngDecoder.Samples s = decode(png).orElseThrow();
        assertEquals(l, s.layout());
        assertArrayEquals(imageIoValues(png), values(s));
    }

    @Test
    void agreesWithImageIoOnFilesImageIoWrote() throws IOException {
        // ImageIO picks its own filters and splits IDAT its own way
        for (int type : new int[] {BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_4BYTE_ABGR, BufferedImage.TYPE_BYTE_GRAY, BufferedImage.TYPE_USHORT_GRAY}) {
            BufferedImage img = new BufferedImage(61, 23, type);
            Random r = new Random(type);
            for (int y = 0; y < 23; y++) for (int x = 0; x < 61; x++) img.setRGB(x, y, r.nextInt() | (x * 4 << 24));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(img, "png", out);
            byte[] png = out.toByteArray();
            assertArrayEquals(imageIoValues(png), values(decode(png).orElseThrow()), "type " + type);
        }
    }

    @Test
    void leavesPalettesLowBitDepthsInterlacingAndTransparencyToImageIo() throws IOException {
        byte[] lut = new byte[4];
        BufferedImage indexed = new BufferedImage(5, 5, BufferedImage.TYPE_BYTE_INDEXED, new IndexColorModel(2, 4, lut, lut, lut));
        assertEquals(Optional.empty(), decode(imageIoPng(indexed, false)), "palette");
        assertEquals(Optional.empty(), decode(imageIoPng(new BufferedImage(9, 4, BufferedImage.TYPE_BYTE_BINARY), false)), "1-bit");
        assertEquals(Optional.empty(), decode(imageIoPng(new BufferedImage(9, 4, BufferedImage.TYPE_3BYTE_BGR), true)), "Adam7");
        PngLayout l = new PngLayout(3, 2, 3, 8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new PngEncoder(PngEncoder.Filter.NONE, 6, Deflater.DEFAULT_STRATEGY)
                .write(out, l, List.of(new PngChunk("tRNS", new byte[6])), (y, row) -> Arrays.fill(row, (byte) 0));
        assertEquals(Optional.empty(), decode(out.toByteArray()), "tRNS");
    }

    private static byte[] imageIoPng(BufferedImage img, boolean interlaced) throws IOException {
        ImageWriter w = ImageIO.getImageWritersByFormatName("png").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            w.setOutput(out);
            ImageWriteParam p = w.getDefaultWriteParam();
            p.setProgressiveMode(interlaced ? ImageWriteParam.MODE_DEFAULT : ImageWriteParam.MODE_DISABLED);
            w.write(null, new IIOImage(img, null, null), p);
        } finally {
            w.dispose();
        }
        return bytes.toByteArray();
    }

    @Test
    void damagedFilesGiveNothingRatherThanWrongPixels() throws IOException {
        PngLayout l = new PngLayout(50, 40, 3, 16);
        byte[] png = encode(new PngEncoder(PngEncoder.Filter.PAETH, 6, Deflater.DEFAULT_STRATEGY), l, randomSamples(l, 1));
        assertTrue(decode(png).isPresent());
        for (int cut : new int[] {4, 20, 60, png.length / 2, png.length - 30}) {
            assertEquals(Optional.empty(), decode(Arrays.copyOf(png, cut)), "cut at " + cut);
        }
        byte[] bad = png.clone();
        int idat = indexOf(bad, "IDAT");
        for (int i = idat + 30; i < idat + 60; i++) bad[i] ^= 0x5a;   // scrambled compressed data
        assertEquals(Optional.empty(), decode(bad));
        byte[] notPng = png.clone();
        notPng[1] = 'Q';
        assertEquals(Optional.empty(), decode(notPng));
    }

    @Test
    void theLayoutCheckRunsBeforeTheSamplesAreRead() throws IOException {
        PngLayout l = new PngLayout(6, 5, 1, 8);
        Path f = Files.write(dir.resolve("a.png"), encode(new PngEncoder(PngEncoder.Filter.SUB, 1, Deflater.HUFFMAN_ONLY), l, randomSamples(l, 2)));
        IOException e = assertThrows(IOException.class, () -> PngDecoder.decode(f, seen -> {
            assertEquals(l, seen);
            throw new IOException("too large");
        }));
        assertEquals("too large", e.getMessage());
        assertEquals(l, PngDecoder.decode(f, seen -> { }).orElseThrow().layout());
    }

    @Test
    void undoingEachFilterRestoresTheRow() {
        Random r = new Random(3);
        for (int bpp : new int[] {1, 3, 6, 8}) {
            byte[] prior = new byte[24], x = new byte[24], out = new byte[25];
            r.nextBytes(prior);
            r.nextBytes(x);
            for (int type = 0; type < 5; type++) {
                PngFilters.apply(type, x, prior, bpp, out);
                byte[] row = Arrays.copyOfRange(out, 1, 25);
                assertTrue(PngFilters.undo(type, row, prior, bpp));
                assertArrayEquals(x, row, "type " + type + ", bpp " + bpp);
            }
            assertEquals(false, PngFilters.undo(5, x.clone(), prior, bpp));
        }
    }

    private static int indexOf(byte[] b, String ascii) {
        outer:
        for (int i = 0; i + 4 <= b.length; i++) {
            for (int k = 0; k < 4; k++) if (b[i + k] != ascii.charAt(k)) continue outer;
            return i;
        }
        return -1;
    }
}
