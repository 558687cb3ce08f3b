package org.tempora.image;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import javax.imageio.stream.FileImageInputStream;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

class PhotoWriterTest {
    @TempDir Path dir;

    private static LinearImage random(int w, int h, int channels, long seed) {
        Random r = new Random(seed);
        LinearImage img = LinearImage.blank(w, h, channels);
        for (int c = 0; c < channels; c++) {
            float[] p = img.plane(c);
            for (int i = 0; i < p.length; i++) p[i] = r.nextFloat();
        }
        img.plane(0)[0] = 0;
        img.plane(0)[1] = 1;
        img.plane(0)[2] = 1e-5f;    // in the linear toe of the sRGB curve
        return img;
    }

    @Test
    void sixteenBitRgbRoundTripsWithinOneCodeAndRoundsToNearest() throws IOException {
        LinearImage img = random(31, 13, 3, 1);
        Path f = dir.resolve("out.png");
        PhotoWriter.writePng(img, f, 16);
        BufferedImage raw = ImageIO.read(f.toFile());
        assertEquals(3, raw.getRaster().getNumBands());
        assertEquals(16, raw.getSampleModel().getSampleSize(0));
        for (int c = 0; c < 3; c++)
            for (int y = 0; y < 13; y++)
                for (int x = 0; x < 31; x++) {
                    double exact = Srgb.fromLinear(img.get(c, x, y)) * 65535;
                    assertEquals(exact, raw.getRaster().getSample(x, y, c), 0.5 + 0.04, "stored code is the nearest one (to interpolation precision)");
                }
        Photo back = PhotoReader.read(f);
        assertEquals(16, back.bitDepth());
        assertWithinCodes(img, back.pixels(), 65535, 1);
        assertEquals(List.of(f), listing());
        Path plain = Files.createFile(dir.resolve("plain"));
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(f), "output gets the usual permissions, not a temp file's 0600");
        Files.delete(plain);
    }

    @Test
    void eightBitGreyStaysOneChannelAndRoundTrips() throws IOException {
        LinearImage img = random(17, 9, 1, 2);
        Path f = dir.resolve("grey.png");
        PhotoWriter.writePng(img, f, 8);
        assertEquals(1, ImageIO.read(f.toFile()).getRaster().getNumBands());
        Photo back = PhotoReader.read(f);
        assertEquals(1, back.pixels().channels());
        assertEquals(8, back.bitDepth());
        assertWithinCodes(img, back.pixels(), 255, 0.5 + 1e-3);
    }

    @Test
    void writesSrgbChunkAndNoGammaAndOptionalXmp() throws IOException {
        Path f = dir.resolve("x.png");
        String xmp = "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"/></x:xmpmeta>";
        PhotoWriter.writePng(random(4, 4, 3, 3), f, 8, xmp);
        FileFacts facts = new FileFacts();
        try (FileImageInputStream in = new FileImageInputStream(f.toFile())) {
            PngHeaders.read(in, facts);
        }
        assertTrue(facts.pngSrgb, "sRGB chunk");
        assertEquals(null, facts.pngGamma);
        assertEquals(xmp, facts.xmp);
        assertEquals(xmp, PhotoReader.read(f).metadata().xmp().orElseThrow());
    }

    @Test
    void replacesAnExistingFileAtomically() throws IOException {
        Path f = dir.resolve("same.png");
        PhotoWriter.writePng(random(5, 5, 3, 4), f, 8);
        LinearImage second = LinearImage.blank(7, 3, 1);
        PhotoWriter.writePng(second, f, 16);
        Photo back = PhotoReader.read(f);
        assertEquals(7, back.width());
        assertEquals(List.of(f), listing(), "no temporary file left behind");
    }

    @Test
    void outOfRangeValuesClampToTheEnds() throws IOException {
        LinearImage img = new LinearImage(4, 1, new float[][] { { -0.5f, Float.NaN, 1.7f, Float.POSITIVE_INFINITY } });
        Path f = dir.resolve("clamp.png");
        PhotoWriter.writePng(img, f, 8);
        int[] codes = ImageIO.read(f.toFile()).getRaster().getSamples(0, 0, 4, 1, 0, (int[]) null);
        assertEquals(List.of(0, 0, 255, 255), Stream.of(codes[0], codes[1], codes[2], codes[3]).toList());
    }

    @Test
    void missingFolderFailsClearlyAndLeavesNothing() throws IOException {
        Path target = dir.resolve("no-such-folder").resolve("out.png");
        IOException e = assertThrows(IOException.class, () -> PhotoWriter.writePng(random(3, 3, 3, 5), target, 16));
        assertTrue(e.getMessage().contains("out.png") && e.getMessage().contains("does not exist"), e.getMessage());
        assertEquals(List.of(), listing());
    }

    @Test
    void parentThatIsAFileFailsClearly() throws IOException {
        Path file = Files.writeString(dir.resolve("plain.txt"), "x");
        IOException e = assertThrows(IOException.class, () -> PhotoWriter.writePng(random(3, 3, 1, 6), file.resolve("out.png"), 8));
        assertTrue(e.getMessage().startsWith("Cannot save out.png"), e.getMessage());
        assertEquals(List.of(file), listing());
    }

    @Test
    void readOnlyFolderFailsClearlyAndLeavesNothing() throws IOException {
        Path ro = Files.createDirectory(dir.resolve("ro"));
        Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assumeFalse(Files.isWritable(ro), "running as root: permissions are not enforced");
            IOException e = assertThrows(IOException.class, () -> PhotoWriter.writePng(random(3, 3, 3, 7), ro.resolve("out.png"), 8));
            assertTrue(e.getMessage().contains("no permission"), e.getMessage());
            try (Stream<Path> s = Files.list(ro)) { assertFalse(s.findAny().isPresent()); }
        } finally {
            Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void rejectsUnsupportedBitDepth() {
        assertThrows(IllegalArgumentException.class, () -> PhotoWriter.writePng(random(2, 2, 1, 8), dir.resolve("x.png"), 12));
    }

    @Test
    void encoderTableMatchesTheExactCurve() {
        for (int i = 0; i <= 100000; i++) {
            float v = i / 100000f;
            assertEquals(Srgb.fromLinear(v), SrgbEncoder.encode(v), 5e-7, "at " + v);
        }
    }

    private List<Path> listing() throws IOException {
        try (Stream<Path> s = Files.list(dir)) { return s.sorted().toList(); }
    }

    private static void assertWithinCodes(LinearImage expected, LinearImage actual, int max, double codes) {
        for (int c = 0; c < expected.channels(); c++)
            for (int i = 0; i < expected.pixelCount(); i++) {
                double e = Srgb.fromLinear(expected.plane(c)[i]) * max, a = Srgb.fromLinear(actual.plane(c)[i]) * max;
                assertEquals(e, a, codes, "sample " + i + " channel " + c);
            }
    }
}
