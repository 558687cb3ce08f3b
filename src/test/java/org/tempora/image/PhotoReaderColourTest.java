package org.tempora.image;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Colour interpretation: ICC profiles (TIFF tag, PNG iCCP, JPEG APP2) and PNG gAMA end as the right linear sRGB values. */
class PhotoReaderColourTest {
    @TempDir Path dir;

    private static final int W = 19, H = 7;

    @Test
    void tiffTaggedLinearRgbReadsCodesAsLinearLight() throws IOException {
        // TwelveMonkeys' writer embeds the non-sRGB profile of the image's colour space (tag 34675)
        ColorSpace linear = ColorSpace.getInstance(ColorSpace.CS_LINEAR_RGB);
        Path f = TestImages.write(TestImages.image(W, H, linear, 3, 8, TestImages::code8), "tiff", dir.resolve("lin.tif"));
        assertNotNull(PhotoReaderFormatsTest.ifd0(f).getEntryById(34675), "ICC profile tag written");
        Photo p = PhotoReader.read(f);
        for (int c = 0; c < 3; c++)
            for (int y = 0; y < H; y++)
                for (int x = 0; x < W; x++) assertEquals(TestImages.code8(x, y, c) / 255.0, p.pixels().get(c, x, y), 2e-4);
        assertEquals("linear sRGB", p.metadata().fields().get("ICC profile"));
        assertTrue(p.notes().stream().anyMatch(n -> n.contains("converted from the embedded profile")), p.notes().toString());
    }

    @Test
    void pngWithLinearGreyIccProfileReadsCodesAsLinearLight() throws IOException {
        byte[] grey = ICC_Profile.getInstance(ColorSpace.CS_GRAY).getData();   // Java's grey profile has a gamma-1.0 TRC
        Path f = Files.write(dir.resolve("g.png"), TestImages.png(W, H, 1, 16, TestImages::code16, TestImages.iccpChunk(grey)));
        Photo p = PhotoReader.read(f);
        assertEquals(1, p.pixels().channels());
        for (int y = 0; y < H; y++)
            for (int x = 0; x < W; x++) assertEquals(TestImages.code16(x, y, 0) / 65535.0, p.pixels().get(0, x, y), 1e-5);
    }

    /**
     * Adobe RGB (1998) to linear sRGB, both D65 (IEC 61966-2-1 and Adobe RGB (1998) Color Image Encoding matrices):
     * R = 1.39836 r - 0.39836 g; G = g; B = -0.04293 g + 1.04293 b. The profile goes through D50-adapted colorants, so
     * agreement is to about 2e-3. Out-of-gamut results clip to [0, 1] (pixel 2's red would be -0.044).
     */
    @Test
    void adobeRgbProfileConvertsThroughItsMatrix() throws IOException {
        byte[] adobe = TestProfiles.rgb(TestProfiles.ADOBE_RGB_D50, TestProfiles.ADOBE_GAMMA, "Test Adobe RGB");
        TestImages.CodeFn fn = (x, y, c) -> new int[][] { { 128, 128, 128 }, { 200, 100, 50 }, { 90, 180, 220 } }[x % 3][c];
        Path f = Files.write(dir.resolve("a.png"), TestImages.png(3, 1, 3, 8, fn, TestImages.iccpChunk(adobe)));
        Photo p = PhotoReader.read(f);
        for (int x = 0; x < 3; x++) {
            double r = Math.pow(fn.code(x, 0, 0) / 255.0, TestProfiles.ADOBE_GAMMA);
            double g = Math.pow(fn.code(x, 0, 1) / 255.0, TestProfiles.ADOBE_GAMMA);
            double b = Math.pow(fn.code(x, 0, 2) / 255.0, TestProfiles.ADOBE_GAMMA);
            assertEquals(clip(1.39836 * r - 0.39836 * g), p.pixels().get(0, x, 0), 2e-3, "R of pixel " + x);
            assertEquals(clip(g), p.pixels().get(1, x, 0), 2e-3, "G of pixel " + x);
            assertEquals(clip(-0.04293 * g + 1.04293 * b), p.pixels().get(2, x, 0), 2e-3, "B of pixel " + x);
        }
        assertEquals("Test Adobe RGB", p.metadata().fields().get("ICC profile"));
    }

    private static double clip(double v) { return Math.max(0, Math.min(1, v)); }

    @Test
    void jpegWithEmbeddedAdobeProfileIsConvertedByTheDecoder() throws IOException {
        Path dev = Path.of("..", "shared", "dev-images", "rocket.jpg");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(dev), "dev images not present");
        Photo p = PhotoReader.read(dev);
        assertEquals("Adobe RGB (1998)", p.metadata().fields().get("ICC profile"));
        assertTrue(p.notes().stream().anyMatch(n -> n.contains("Adobe RGB")), p.notes().toString());
    }

    @Test
    void pngGammaOneIsLinearAndGammaPointFourFiveIsAPowerLaw() throws IOException {
        Path lin = Files.write(dir.resolve("g1.png"), TestImages.png(W, H, 3, 16, TestImages::code16, TestImages.gamaChunk(1.0)));
        Photo p = PhotoReader.read(lin);
        for (int c = 0; c < 3; c++)
            for (int y = 0; y < H; y++)
                for (int x = 0; x < W; x++) assertEquals(TestImages.code16(x, y, c) / 65535.0, p.pixels().get(c, x, y), 1e-6);

        Path g45 = Files.write(dir.resolve("g45.png"), TestImages.png(W, H, 1, 8, TestImages::code8, TestImages.gamaChunk(0.45455)));
        Photo q = PhotoReader.read(g45);
        for (int y = 0; y < H; y++)
            for (int x = 0; x < W; x++) assertEquals(Math.pow(TestImages.code8(x, y, 0) / 255.0, 1 / 0.45455), q.pixels().get(0, x, y), 1e-6);
        assertTrue(q.notes().stream().anyMatch(n -> n.contains("gAMA")), q.notes().toString());
    }

    @Test
    void srgbChunkOverridesGamma() throws IOException {
        byte[] srgb = TestImages.chunk("sRGB", new byte[] { 0 });
        Path f = Files.write(dir.resolve("s.png"), TestImages.png(W, H, 3, 8, TestImages::code8, srgb, TestImages.gamaChunk(1.0)));
        TestImages.assertLinear(PhotoReader.read(f).pixels(), TestImages::code8, 255, 1e-6);
    }

    @Test
    void damagedProfileIsIgnoredWithANote() throws IOException {
        Path f = Files.write(dir.resolve("d.png"), TestImages.png(W, H, 3, 8, TestImages::code8, TestImages.iccpChunk(new byte[200])));
        Photo p = PhotoReader.read(f);
        TestImages.assertLinear(p.pixels(), TestImages::code8, 255, 1e-6);
        assertTrue(p.notes().stream().anyMatch(n -> n.contains("damaged")), p.notes().toString());
    }

    /** CMYK goes through the colour management system (TwelveMonkeys' CMYK space), strip by strip. */
    @Test
    void cmykTiffIsConvertedThroughTheCms() throws IOException {
        ColorSpace cmyk = com.twelvemonkeys.imageio.color.ColorSpaces.getColorSpace(com.twelvemonkeys.imageio.color.ColorSpaces.CS_GENERIC_CMYK);
        int[][] inks = { { 0, 0, 0, 0 }, { 255, 0, 0, 0 }, { 0, 0, 0, 255 } };
        java.awt.image.BufferedImage img = TestImages.image(3, 300, cmyk, 4, 8, (x, y, c) -> inks[x][c]);
        Path f = TestImages.write(img, "tiff", dir.resolve("cmyk.tif"));
        Photo p = PhotoReader.read(f);
        assertEquals(3, p.pixels().channels());
        assertEquals("CMYK", p.metadata().fields().get("Colour type"));
        for (int y : new int[] { 0, 299 }) {     // first and last CMS strip
            for (int c = 0; c < 3; c++) assertTrue(p.pixels().get(c, 0, y) > 0.85, "no ink is (near) white");
            assertTrue(p.pixels().get(0, 1, y) < 0.1 && p.pixels().get(2, 1, y) > 0.4, "cyan ink: little red, much blue");
            for (int c = 0; c < 3; c++) assertTrue(p.pixels().get(c, 2, y) < 0.08, "full black ink is (near) black");
        }
    }
}
