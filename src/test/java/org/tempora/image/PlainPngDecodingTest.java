package org.tempora.image;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tempora.testutil.DevImages;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.zip.Deflater;
import javax.imageio.ImageIO;
import org.tempora.io.PngChunk;
import org.tempora.io.PngEncoder;
import org.tempora.io.PngLayout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** PhotoReader's own PNG decoder must give exactly what the ImageIO route gives, pixels, notes and facts alike. */
class PlainPngDecodingTest {
    @TempDir Path dir;

    private static void assertSameAsImageIo(Path f) throws IOException {
        Photo fast = PhotoReader.read(f), general = PhotoReader.read(f, false);
        assertEquals(general.pixels(), fast.pixels(), f + " pixels");
        assertEquals(general.bitDepth(), fast.bitDepth());
        assertEquals(general.notes(), fast.notes());
        assertEquals(general.metadata().fields(), fast.metadata().fields());
        assertEquals(general.metadata().xmp(), fast.metadata().xmp());
    }

    @Test
    void devImagesDecodeAsImageIoDecodesThem() throws IOException {
        for (String name : List.of("astronaut.png", "camera.png", "chelsea.png", "coffee.png", "moon.png", "clock_motion.png")) {
            assertSameAsImageIo(DevImages.path(name));
        }
    }

    @Test
    void ourOwnFramesDecodeAsImageIoDecodesThem() throws IOException {
        Random r = new Random(4);
        for (int channels : new int[] {1, 3}) {
            for (int bits : new int[] {8, 16}) {
                LinearImage img = LinearImage.blank(37, 29, channels);
                for (int c = 0; c < channels; c++) for (int i = 0; i < img.pixelCount(); i++) img.plane(c)[i] = r.nextFloat() * (i % 37) / 36f;
                Path f = dir.resolve("f" + channels + "_" + bits + ".png");
                PhotoWriter.writePng(img, f, bits, "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"/>");
                assertSameAsImageIo(f);
            }
        }
    }

    @Test
    void alphaAndGammaFilesDecodeAsImageIoDecodesThem() throws IOException {
        BufferedImage argb = new BufferedImage(19, 11, BufferedImage.TYPE_4BYTE_ABGR);
        Random r = new Random(5);
        for (int y = 0; y < 11; y++) for (int x = 0; x < 19; x++) argb.setRGB(x, y, r.nextInt());
        Path f = dir.resolve("alpha.png");
        ImageIO.write(argb, "png", f.toFile());
        assertSameAsImageIo(f);
        Path gamma = dir.resolve("gamma.png");
        PngLayout l = new PngLayout(13, 7, 3, 8);
        try (OutputStream out = Files.newOutputStream(gamma)) {   // gAMA 0.45455 and no sRGB chunk: a pure power law
            new PngEncoder(PngEncoder.Filter.UP, 6, Deflater.DEFAULT_STRATEGY).write(out, l, List.of(new PngChunk("gAMA", new byte[] {0, 0, (byte) 0xb1, (byte) 0x8f})),
                    (y, row) -> { for (int i = 0; i < row.length; i++) row[i] = (byte) (y * 31 + i * 5); });
        }
        assertSameAsImageIo(gamma);
        assertTrue(PhotoReader.read(gamma).notes().stream().anyMatch(n -> n.contains("gAMA")));
    }

    @Test
    void damagedAndUnusualPngsStillGetImageIosVerdict() throws IOException {
        Path palette = DevImages.path("bad-inputs/palette_color.png");
        assertSameAsImageIo(palette);
        Path indexed = DevImages.path("bad-inputs/foo3x5x4indexed.png");
        assertSameAsImageIo(indexed);
        Path good = dir.resolve("good.png");
        PhotoWriter.writePng(LinearImage.blank(300, 200, 3), good, 16);
        byte[] bytes = Files.readAllBytes(good);
        Path cut = Files.write(dir.resolve("cut.png"), java.util.Arrays.copyOf(bytes, bytes.length * 2 / 3));
        String fast = message(cut, true), general = message(cut, false);
        assertEquals(general, fast, "a truncated PNG fails (or not) the same way");
    }

    private static String message(Path f, boolean plain) {
        try {
            Photo p = PhotoReader.read(f, plain);
            return "read " + p.notes();
        } catch (UnreadablePhotoException e) {
            return e.getMessage();
        }
    }
}
