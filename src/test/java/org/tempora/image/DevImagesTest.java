package org.tempora.image;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Every shared development image loads with the size and colour type `file(1)` reports for it. */
class DevImagesTest {
    private static Path dev(String name) {
        Path p = Path.of("..", "shared", "dev-images", name);
        assumeTrue(Files.exists(p), "shared dev images not present");
        return p;
    }

    // sizes and types as printed once by `file /work/shared/dev-images/*`
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "astronaut.png, 512, 512, 3, PNG",
        "camera.png, 512, 512, 1, PNG",
        "chelsea.png, 451, 300, 3, PNG",
        "clock_motion.png, 400, 300, 1, PNG",
        "coffee.png, 600, 400, 3, PNG",
        "hubble_deep_field.jpg, 1000, 872, 3, JPEG",
        "moon.png, 512, 512, 1, PNG",
        "rocket.jpg, 640, 427, 3, JPEG" })
    void loadsWithKnownSize(String name, int w, int h, int channels, String format) throws IOException {
        Photo p = PhotoReader.read(dev(name));
        assertEquals(w, p.width());
        assertEquals(h, p.height());
        assertEquals(channels, p.pixels().channels());
        assertEquals(8, p.bitDepth());
        assertEquals(format, p.format());
        assertEquals(w + " x " + h, p.metadata().fields().get("Pixel size"));
        for (int c = 0; c < channels; c++) for (float v : p.pixels().plane(c)) assertTrue(v >= 0 && v <= 1);
    }

    @Test
    void hubbleKeepsExifAndXmp() throws IOException {
        Photo p = PhotoReader.read(dev("hubble_deep_field.jpg"));
        byte[] exif = p.metadata().exif().orElseThrow();
        assertTrue(exif[0] == 'I' && exif[1] == 'I' || exif[0] == 'M' && exif[1] == 'M', "EXIF kept as a TIFF-structured blob");
        assertEquals("1", p.metadata().fields().get("Orientation"));
        assertTrue(p.metadata().xmp().orElseThrow().contains("x:xmpmeta"));
    }

    @Test
    void greyPngDecodesToTheSrgbCurveOfItsCodes() throws IOException {
        Photo p = PhotoReader.read(dev("camera.png"));
        java.awt.image.BufferedImage ref = javax.imageio.ImageIO.read(dev("camera.png").toFile());
        for (int y = 0; y < 512; y += 37)
            for (int x = 0; x < 512; x += 41) assertEquals(Srgb.toLinear(ref.getRaster().getSample(x, y, 0) / 255.0), p.pixels().get(0, x, y), 1e-6);
    }
}
