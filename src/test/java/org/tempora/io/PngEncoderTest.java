package org.tempora.io;

import org.apache.commons.imaging.Imaging;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PngEncoderTest {
    /** A chunk as found in the file, with the CRC it carries. */
    record Chunk(String type, byte[] data, int storedCrc) {
        int computedCrc() {
            CRC32 crc = new CRC32();
            crc.update(type.getBytes(StandardCharsets.US_ASCII));
            crc.update(data);
            return (int) crc.getValue();
        }
    }

    /** Samples of a w x h image: noise with a smooth ramp, so every filter sees both kinds of rows. */
    private static byte[] samples(PngLayout l, long seed) {
        Random r = new Random(seed);
        byte[] raw = new byte[l.rowBytes() * l.height()];
        for (int i = 0; i < raw.length; i++) raw[i] = (byte) (i % 3 == 0 ? r.nextInt(256) : (i / l.rowBytes()) * 7 + i % l.rowBytes());
        if (raw.length > 1) {
            raw[0] = (byte) 0xff;   // extremes, where filter arithmetic wraps
            raw[raw.length - 1] = 0;
        }
        return raw;
    }

    private static byte[] encode(PngEncoder encoder, PngLayout l, byte[] raw, List<PngChunk> chunks) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int n = l.rowBytes();
        encoder.write(out, l, chunks, (y, row) -> System.arraycopy(raw, y * n, row, 0, n));
        return out.toByteArray();
    }

    static List<Chunk> chunks(byte[] png) {
        ByteBuffer b = ByteBuffer.wrap(png);
        byte[] sig = new byte[8];
        b.get(sig);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, sig);
        List<Chunk> list = new ArrayList<>();
        while (b.hasRemaining()) {
            int len = b.getInt();
            byte[] t = new byte[4];
            b.get(t);
            byte[] d = new byte[len];
            b.get(d);
            list.add(new Chunk(new String(t, StandardCharsets.US_ASCII), d, b.getInt()));
        }
        return list;
    }

    /** Every sample as ImageIO decodes it, in PNG order (row-major, interleaved). */
    private static int[] decodedSamples(byte[] png) throws IOException {
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        Raster r = img.getRaster();
        return r.getPixels(0, 0, r.getWidth(), r.getHeight(), (int[]) null);
    }

    private static int[] expectedSamples(PngLayout l, byte[] raw) {
        int[] s = new int[l.width() * l.height() * l.channels()];
        for (int i = 0; i < s.length; i++) s[i] = l.bitDepth() == 8 ? raw[i] & 0xff : ((raw[2 * i] & 0xff) << 8) | (raw[2 * i + 1] & 0xff);
        return s;
    }

    static Stream<Arguments> layoutsAndFilters() {
        return layoutsAndFilters(new int[][] {{1, 1}, {7, 3}, {2, 9}, {33, 17}});
    }

    /** Every channel count, bit depth and filter at each of these sizes {width, height}. */
    static Stream<Arguments> layoutsAndFilters(int[][] sizes) {
        List<Arguments> list = new ArrayList<>();
        for (int[] s : sizes)
            for (int ch = 1; ch <= 4; ch++)
                for (int bits : new int[] {8, 16})
                    for (PngEncoder.Filter f : PngEncoder.Filter.values()) list.add(Arguments.of(new PngLayout(s[0], s[1], ch, bits), f));
        return list.stream();
    }

    @ParameterizedTest
    @MethodSource("layoutsAndFilters")
    void imageIoDecodesExactlyTheSamplesGiven(PngLayout l, PngEncoder.Filter filter) throws IOException {
        byte[] raw = samples(l, l.width() * 31L + l.channels() * 7L + l.bitDepth());
        for (int strategy : new int[] {Deflater.DEFAULT_STRATEGY, Deflater.HUFFMAN_ONLY}) {
            byte[] png = encode(new PngEncoder(filter, 6, strategy), l, raw, List.of());
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
            assertEquals(l.width(), img.getWidth());
            assertEquals(l.height(), img.getHeight());
            assertEquals(l.channels(), img.getRaster().getNumBands());
            assertEquals(l.bitDepth(), img.getSampleModel().getSampleSize(0));
            assertArrayEquals(expectedSamples(l, raw), decodedSamples(png), l + " " + filter);
        }
    }

    @Test
    void everyChunkCarriesItsCrcAndTheyComeInOrder() throws IOException {
        PngLayout l = new PngLayout(300, 200, 3, 16);   // noise: several IDAT chunks and several deflater inputs
        byte[] raw = new byte[l.rowBytes() * l.height()];
        new Random(5).nextBytes(raw);
        byte[] png = encode(new PngEncoder(PngEncoder.Filter.SUB, 1, Deflater.HUFFMAN_ONLY), l, raw,
                List.of(PngChunk.srgb(0), PngChunk.xmp("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"/>")));
        List<Chunk> chunks = chunks(png);
        for (Chunk c : chunks) assertEquals(c.computedCrc(), c.storedCrc(), c.type() + " CRC");
        List<String> types = chunks.stream().map(Chunk::type).distinct().toList();
        assertEquals(List.of("IHDR", "sRGB", "iTXt", "IDAT", "IEND"), types);
        assertTrue(chunks.stream().filter(c -> c.type().equals("IDAT")).count() > 2, "image data split across chunks");
        assertEquals("IEND", chunks.get(chunks.size() - 1).type());
        assertEquals(0, chunks.get(chunks.size() - 1).data().length);
        // IHDR: 300 x 200, depth 16, colour type 2, compression 0, filter 0, interlace 0 (spec 11.2.2)
        assertArrayEquals(new byte[] {0, 0, 1, 44, 0, 0, 0, (byte) 200, 16, 2, 0, 0, 0}, chunks.get(0).data());
        assertArrayEquals(expectedSamples(l, raw), decodedSamples(png));
    }

    @Test
    void imageDataIsOneZlibStreamOfFilteredRows() throws Exception {
        PngLayout l = new PngLayout(7, 3, 3, 8);
        byte[] raw = samples(l, 9);
        byte[] png = encode(new PngEncoder(PngEncoder.Filter.UP, 9, Deflater.DEFAULT_STRATEGY), l, raw, List.of());
        ByteArrayOutputStream z = new ByteArrayOutputStream();
        for (Chunk c : chunks(png)) if (c.type().equals("IDAT")) z.write(c.data());
        Inflater inf = new Inflater();   // zlib wrapper: header and Adler-32 checked by inflate
        inf.setInput(z.toByteArray());
        byte[] rows = new byte[3 * (21 + 1) + 1];
        int n = inf.inflate(rows);
        assertTrue(inf.finished());
        inf.end();
        assertEquals(3 * 22, n);
        for (int y = 0; y < 3; y++) {
            assertEquals(2, rows[y * 22], "Up filter type");
            for (int i = 0; i < 21; i++) {
                int above = y == 0 ? 0 : raw[(y - 1) * 21 + i];
                assertEquals((byte) (raw[y * 21 + i] - above), rows[y * 22 + 1 + i]);
            }
        }
    }

    @Test
    void metadataChunksAreFoundByImageIoAndCommonsImaging() throws Exception {
        String xmp = "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
                + "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" dc:format=\"image/png\"/></rdf:RDF></x:xmpmeta>"
                + " \u00e9\u65e5";   // non-Latin text stays UTF-8
        PngLayout l = new PngLayout(5, 4, 3, 8);
        byte[] png = encode(new PngEncoder(PngEncoder.Filter.ADAPTIVE, 6, Deflater.DEFAULT_STRATEGY), l, samples(l, 3),
                List.of(PngChunk.srgb(0), PngChunk.xmp(xmp)));
        assertEquals(xmp, Imaging.getXmpXml(png));
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(png))) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            reader.setInput(in);
            IIOMetadata meta = reader.getImageMetadata(0);
            Element root = (Element) meta.getAsTree("javax_imageio_png_1.0");
            NodeList srgb = root.getElementsByTagName("sRGB");
            assertEquals(1, srgb.getLength());
            assertEquals("Perceptual", ((Element) srgb.item(0)).getAttribute("renderingIntent"));
            Element entry = (Element) root.getElementsByTagName("iTXtEntry").item(0);
            assertEquals("XML:com.adobe.xmp", entry.getAttribute("keyword"));
            assertEquals("FALSE", entry.getAttribute("compressionFlag"));
            assertEquals(xmp, entry.getAttribute("text"));
            reader.dispose();
        }
    }

    @Test
    void paethMatchesTheSpecificationsPredictorEverywhere() {
        for (int a = 0; a < 256; a++)
            for (int b = 0; b < 256; b++)
                for (int c = 0; c < 256; c++) {
                    int p = a + b - c, pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
                    int spec = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;   // spec 9.4, verbatim
                    if (PngFilters.paeth(a, b, c) != spec) assertEquals(spec, PngFilters.paeth(a, b, c), a + "," + b + "," + c);
                }
    }

    @Test
    void adaptiveChoosesTheRowFilterWithTheSmallestSignedSum() throws Exception {
        // a horizontal ramp: Sub leaves all ones in row 0; a copy of it below makes Up all zeros in row 1
        PngLayout l = new PngLayout(50, 2, 1, 8);
        byte[] raw = new byte[100];
        for (int i = 0; i < 50; i++) raw[i] = raw[50 + i] = (byte) (100 + i);
        byte[] png = encode(new PngEncoder(PngEncoder.Filter.ADAPTIVE, 6, Deflater.DEFAULT_STRATEGY), l, raw, List.of());
        ByteArrayOutputStream z = new ByteArrayOutputStream();
        for (Chunk c : chunks(png)) if (c.type().equals("IDAT")) z.write(c.data());
        Inflater inf = new Inflater();
        inf.setInput(z.toByteArray());
        byte[] rows = new byte[102];
        assertEquals(102, inf.inflate(rows));
        inf.end();
        assertEquals(1, rows[0], "row 0: Sub");
        assertEquals(2, rows[51], "row 1: Up");
    }

    @Test
    void chunksCheckTheirArguments() {
        assertThrows(IllegalArgumentException.class, () -> new PngChunk("ab1d", new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> PngChunk.srgb(4));
        assertThrows(IllegalArgumentException.class, () -> PngChunk.itxt("", "x"));
        assertThrows(IllegalArgumentException.class, () -> PngChunk.itxt("k\u65e5", "x"));
        assertThrows(IllegalArgumentException.class, () -> new PngLayout(0, 1, 3, 8));
        assertThrows(IllegalArgumentException.class, () -> new PngLayout(1, 1, 5, 8));
        assertThrows(IllegalArgumentException.class, () -> new PngLayout(1, 1, 3, 12));
        assertThrows(IllegalArgumentException.class, () -> new PngEncoder(PngEncoder.Filter.SUB, 10, Deflater.DEFAULT_STRATEGY));
        byte[] d = PngChunk.itxt("Title", "\u00e9").data();
        assertArrayEquals(new byte[] {'T', 'i', 't', 'l', 'e', 0, 0, 0, 0, 0, (byte) 0xc3, (byte) 0xa9}, d);
    }

    @Test
    void aFailingRowSourceStopsTheWrite() {
        PngLayout l = new PngLayout(4, 4, 1, 8);
        IOException e = assertThrows(IOException.class, () -> new PngEncoder(PngEncoder.Filter.SUB, 1, Deflater.HUFFMAN_ONLY)
                .write(new ByteArrayOutputStream(), l, List.of(), (y, row) -> { if (y == 2) throw new IOException("disk gone"); }));
        assertEquals("disk gone", e.getMessage());
    }
}
