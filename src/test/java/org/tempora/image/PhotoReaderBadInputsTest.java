package org.tempora.image;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The shared bad-inputs set and synthetic broken files: each loads with checked pixels or fails with one plain line. */
class PhotoReaderBadInputsTest {
    @TempDir Path dir;

    private static final Path BAD = Path.of("..", "shared", "dev-images", "bad-inputs");

    private static Path bad(String name) {
        Path p = BAD.resolve(name);
        assumeTrue(Files.exists(p), "shared dev images not present");
        return p;
    }

    /** One line, starts with the file name, says what to do, and carries no exception class names or stack frames. */
    static void assertPlainMessage(UnreadablePhotoException e, String fileName, String mustContain) {
        String m = e.getMessage();
        assertTrue(m.startsWith(fileName + ": "), m);
        assertTrue(!m.contains("\n") && !m.contains("\r"), "one line: " + m);
        assertTrue(!m.contains("Exception") && !m.contains("\tat ") && !m.contains("java."), "no stack trace text: " + m);
        assertTrue(m.contains(mustContain), "'" + mustContain + "' in: " + m);
        assertTrue(m.contains(";"), "has advice after ';': " + m);
    }

    @Test
    void truncatedJpegFailsWithPlainMessage() {
        UnreadablePhotoException e = assertThrows(UnreadablePhotoException.class, () -> PhotoReader.read(bad("truncated.jpg")));
        assertPlainMessage(e, "truncated.jpg", "ends early");
    }

    /** skimage's chessboard stored as 16-bit: 25-pixel squares of 0 and 255 (of 65535), same pixels in both byte orders. */
    @Test
    void sixteenBitGreyChessboardsAgreeAcrossByteOrders() throws IOException {
        Photo le = PhotoReader.read(bad("chessboard_GRAY_U16.tif"));
        Photo be = PhotoReader.read(bad("chessboard_GRAY_U16B.tif"));
        assertEquals(200, le.width());
        assertEquals(200, le.height());
        assertEquals(1, le.pixels().channels());
        assertEquals(16, le.bitDepth());
        assertArrayEquals(le.pixels().plane(0), be.pixels().plane(0));
        float max = 0, min = 1;
        for (float v : le.pixels().plane(0)) { max = Math.max(max, v); min = Math.min(min, v); }
        double bright = Srgb.toLinear(255 / 65535.0);
        assertEquals(0, min, 0);
        assertEquals(bright, max, 1e-9);
        assertEquals(bright, le.pixels().get(0, 12, 12), 1e-9, "top-left square is the bright one");
        assertEquals(0, le.pixels().get(0, 37, 12), 0, "its right neighbour is dark");
        assertEquals(bright, le.pixels().get(0, 37, 37), 1e-9, "diagonal square is bright again");
        assertTrue(le.notes().stream().anyMatch(n -> n.contains("255 of 65535")), le.notes().toString());
    }

    @Test
    void multipageTiffUsesFirstPageAndSaysSo() throws IOException {
        Photo p = PhotoReader.read(bad("multipage_rgb.tif"));
        assertEquals(10, p.width());
        assertEquals(10, p.height());
        assertEquals(3, p.pixels().channels());
        assertTrue(p.notes().contains("TIFF has 2 pages; using the first."), p.notes().toString());
        // 64-bit float samples of page 1, read as linear light (values from the file, checked with a TIFF dump)
        assertEquals(0.12229198755231552, p.pixels().get(0, 0, 0), 1e-6);
        assertEquals(0.15320348131718375, p.pixels().get(1, 0, 0), 1e-6);
        assertEquals(0.7516385229951965, p.pixels().get(2, 0, 0), 1e-6);
    }

    /** 5x3 palette image: rows of index 2, then 3 3 0 0 0, then 1; entries 0 and 3 are fully transparent. */
    @Test
    void tinyIndexedPngHasItsFourColours() throws IOException {
        Photo p = PhotoReader.read(bad("foo3x5x4indexed.png"));
        assertEquals(5, p.width());
        assertEquals(3, p.height());
        float[] violet = { (float) Srgb.toLinear(127 / 255.0), 0, 1 };   // entry 2: (127, 0, 255), opaque
        float[] white = { 1, 1, 1 };                                        // entries 0 and 3: alpha 0, over white
        float[] blue = { 0, (float) Srgb.toLinear(31 / 255.0), 1 };       // entry 1: (0, 31, 255), opaque
        float[][][] rows = { { violet, violet, violet, violet, violet }, { white, white, white, white, white }, { blue, blue, blue, blue, blue } };
        for (int y = 0; y < 3; y++)
            for (int x = 0; x < 5; x++)
                for (int c = 0; c < 3; c++) assertEquals(rows[y][x][c], p.pixels().get(c, x, y), 1e-6, "(" + x + "," + y + ") c" + c);
        assertTrue(p.notes().stream().anyMatch(n -> n.contains("composited over white")));
    }

    @Test
    void palettePngMatchesIndependentDecode() throws IOException {
        Path f = bad("palette_color.png");
        Photo p = PhotoReader.read(f);
        assertEquals(10, p.width());
        assertReferencePixels(ImageIO.read(f.toFile()), p);
    }

    @Test
    void animatedGifUsesFirstFrameAndSaysSo() throws IOException {
        Path f = bad("no_time_for_that_tiny.gif");
        Photo p = PhotoReader.read(f);
        assertEquals(14, p.width());
        assertEquals(25, p.height());
        assertTrue(p.notes().contains("GIF is animated (24 frames); using the first frame."), p.notes().toString());
        assertReferencePixels(ImageIO.read(f.toFile()), p);     // ImageIO.read returns frame 0
    }

    /** Reference through BufferedImage.getRGB (fine in a test: it is independent of our bulk path). */
    private static void assertReferencePixels(BufferedImage ref, Photo p) {
        for (int y = 0; y < ref.getHeight(); y++)
            for (int x = 0; x < ref.getWidth(); x++) {
                int argb = ref.getRGB(x, y);
                double a = (argb >>> 24) / 255.0;
                int[] codes = { (argb >> 16) & 0xFF, (argb >> 8) & 0xFF, argb & 0xFF };
                for (int c = 0; c < p.pixels().channels(); c++) {
                    double expected = a * Srgb.toLinear(codes[c] / 255.0) + 1 - a;
                    assertEquals(expected, p.pixels().get(c, x, y), 1e-6, "(" + x + "," + y + ") c" + c);
                }
            }
    }

    @Test
    void missingFileDirectoryEmptyAndUnknownFormatFailPlainly() throws IOException {
        assertPlainMessage(assertThrows(UnreadablePhotoException.class, () -> PhotoReader.read(dir.resolve("nope.jpg"))), "nope.jpg", "does not exist");
        Path folder = Files.createDirectory(dir.resolve("scans"));
        assertPlainMessage(assertThrows(UnreadablePhotoException.class, () -> PhotoReader.read(folder)), "scans", "folder");
        Path empty = Files.createFile(dir.resolve("empty.png"));
        assertPlainMessage(assertThrows(UnreadablePhotoException.class, () -> PhotoReader.read(empty)), "empty.png", "empty");
        Path text = Files.writeString(dir.resolve("notes.jpg"), "these are not pixels", StandardCharsets.UTF_8);
        assertPlainMessage(assertThrows(UnreadablePhotoException.class, () -> PhotoReader.read(text)), "notes.jpg", "not a JPEG, PNG, TIFF, BMP or GIF");
        byte[] heic = new byte[32];
        System.arraycopy("\0\0\0\u0018ftypheic".getBytes(StandardCharsets.ISO_8859_1), 0, heic, 0, 12);
        Path h = Files.write(dir.resolve("IMG_0001.HEIC"), heic);
        assertPlainMessage(assertThrows(UnreadablePhotoException.class, () -> PhotoReader.read(h)), "IMG_0001.HEIC", "HEIC");
    }

    @Test
    void truncatedPngTiffAndJpegScanFailAsTruncated() throws IOException {
        byte[] png = TestImages.png(40, 30, 3, 8, TestImages::code8);
        Path p = Files.write(dir.resolve("cut.png"), Arrays.copyOf(png, png.length / 2));
        assertPlainMessage(assertThrows(UnreadablePhotoException.class, () -> PhotoReader.read(p)), "cut.png", "ends early");

        TestTiff t = new TestTiff(40, 30);
        t.rowsPerStrip = 30;
        Path whole = dir.resolve("whole.tif");
        t.write(whole);
        byte[] tif = Files.readAllBytes(whole);
        // strips come before the IFD in TestTiff: keep the header and IFD, drop the second half of the pixel data
        byte[] cut = Arrays.copyOf(tif, tif.length);
        int dataEnd = 8 + 40 * 30 * 3;
        byte[] broken = new byte[tif.length - 1800];
        System.arraycopy(cut, 0, broken, 0, 8 + 1800);
        System.arraycopy(cut, dataEnd, broken, 8 + 1800, tif.length - dataEnd);
        java.nio.ByteBuffer.wrap(broken).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(4, 8 + 1800);   // IFD offset moved
        Path tf = Files.write(dir.resolve("cut.tif"), broken);
        assertPlainMessage(assertThrows(UnreadablePhotoException.class, () -> PhotoReader.read(tf)), "cut.tif", "ends early");

        BufferedImage img = TestImages.image(64, 64, 3, 8, TestImages::smooth8);
        Path full = TestImages.write(img, "jpeg", dir.resolve("full.jpg"));
        byte[] jpg = Files.readAllBytes(full);
        Path jf = Files.write(dir.resolve("cut.jpg"), Arrays.copyOf(jpg, jpg.length * 2 / 3));
        assertPlainMessage(assertThrows(UnreadablePhotoException.class, () -> PhotoReader.read(jf)), "cut.jpg", "ends early");
    }

    @Test
    void unsupportedTiffCompressionIsNamedAsUnsupported() throws IOException {
        TestTiff t = new TestTiff(8, 8);
        t.compression = 50000;      // not a registered TIFF compression scheme
        t.compressionPayloadIsRaw = true;
        Path f = dir.resolve("odd.tif");
        t.write(f);
        UnreadablePhotoException e = assertThrows(UnreadablePhotoException.class, () -> PhotoReader.read(f));
        assertPlainMessage(e, "odd.tif", "not supported");
    }

    @Test
    void everyBadInputEitherLoadsOrFailsWithOneLineNamingTheFile() throws IOException {
        assumeTrue(Files.isDirectory(BAD), "shared dev images not present");
        try (var files = Files.list(BAD)) {
            for (Path f : files.sorted().toList()) {
                try {
                    Photo p = PhotoReader.read(f);
                    assertTrue(p.width() > 0 && p.height() > 0);
                } catch (UnreadablePhotoException e) {
                    assertPlainMessage(e, f.getFileName().toString(), "");
                }
            }
        }
    }
}
