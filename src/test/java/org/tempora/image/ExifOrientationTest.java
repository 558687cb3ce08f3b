package org.tempora.image;

import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputDirectory;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExifOrientationTest {
    @TempDir Path dir;

    /**
     * Stored 3x2 image "a b c / d e f" (values 1..6) and how each orientation is displayed, from the EXIF 2.32
     * definitions (e.g. 6: "0th row is the visual right-hand side, 0th column the visual top").
     */
    @Test
    void allEightOrientationsMatchTheExifDefinitions() {
        LinearImage stored = new LinearImage(3, 2, new float[][] { { 1, 2, 3, 4, 5, 6 } });
        float[][] expected = {
            null,
            { 1, 2, 3, 4, 5, 6 },     // 1: as stored (3x2)
            { 3, 2, 1, 6, 5, 4 },     // 2: mirrored left-right
            { 6, 5, 4, 3, 2, 1 },     // 3: rotated 180
            { 4, 5, 6, 1, 2, 3 },     // 4: mirrored top-bottom
            { 1, 4, 2, 5, 3, 6 },     // 5: transposed (2x3)
            { 4, 1, 5, 2, 6, 3 },     // 6: rotated 90 clockwise
            { 6, 3, 5, 2, 4, 1 },     // 7: transverse
            { 3, 6, 2, 5, 1, 4 } };   // 8: rotated 90 counter-clockwise
        for (int o = 1; o <= 8; o++) {
            LinearImage up = ExifOrientation.apply(stored, o);
            assertEquals(o >= 5 ? 2 : 3, up.width(), "width for orientation " + o);
            assertArrayEquals(expected[o], up.plane(0), "orientation " + o);
        }
    }

    /** A 40x20 JPEG with a red block at its stored top-left, tagged orientation 6, must come out 20x40 with red top-right. */
    @ParameterizedTest(name = "orientation {0}")
    @ValueSource(ints = { 6, 8, 3 })
    void jpegOrientationTagFromCommonsImagingIsApplied(int orientation) throws Exception {
        BufferedImage img = new BufferedImage(40, 20, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < 20; y++)
            for (int x = 0; x < 40; x++) {
                boolean red = x < 8 && y < 8;
                img.getRaster().setPixel(x, y, red ? new int[] { 230, 20, 20 } : new int[] { 128, 128, 128 });
            }
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        ImageIO.write(img, "jpeg", plain);
        TiffOutputSet exif = new TiffOutputSet();
        TiffOutputDirectory root = exif.getOrCreateRootDirectory();
        root.add(TiffTagConstants.TIFF_TAG_ORIENTATION, (short) orientation);
        Path f = dir.resolve("o" + orientation + ".jpg");
        try (OutputStream out = Files.newOutputStream(f)) {
            new ExifRewriter().updateExifMetadataLossless(plain.toByteArray(), out, exif);
        }
        Photo p = PhotoReader.read(f);
        int w = orientation == 3 ? 40 : 20, h = orientation == 3 ? 20 : 40;
        assertEquals(w, p.width());
        assertEquals(h, p.height());
        int rx = switch (orientation) { case 6 -> w - 4; case 8 -> 4; default -> w - 4; };
        int ry = switch (orientation) { case 6 -> 4; case 8 -> h - 4; default -> h - 4; };
        assertTrue(p.pixels().get(0, rx, ry) > 0.6 && p.pixels().get(1, rx, ry) < 0.05, "red block at (" + rx + "," + ry + ")");
        assertTrue(Math.abs(p.pixels().get(0, 4, 4) - p.pixels().get(1, 4, 4)) < 0.02, "grey at (4,4)");
        assertEquals(Integer.toString(orientation), p.metadata().fields().get("Orientation"));
        assertTrue(p.metadata().exif().isPresent(), "raw EXIF kept");
        assertTrue(p.notes().stream().anyMatch(n -> n.contains("orientation " + orientation)), p.notes().toString());
    }

    @Test
    void tiffOrientationTagIsApplied() throws IOException {
        TestTiff t = new TestTiff(5, 3);
        t.orientation = 8;
        t.channels = 1;
        t.fn = (x, y, c) -> y * 5 + x;      // codes 0..14, row-major
        Path f = dir.resolve("o.tif");
        t.write(f);
        Photo p = PhotoReader.read(f);
        assertEquals(3, p.width());
        assertEquals(5, p.height());
        // orientation 8: displayed (x, y) is stored (W-1-y, x)
        for (int y = 0; y < 5; y++)
            for (int x = 0; x < 3; x++) assertEquals(Srgb.toLinear((x * 5 + 4 - y) / 255.0), p.pixels().get(0, x, y), 1e-6);
    }
}
