package org.tempora.classical;

import static org.junit.jupiter.api.Assertions.*;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tempora.engine.BlurKernel;
import org.tempora.export.KernelPicture;

class KernelFileTest {
    @TempDir Path tmp;

    @Test
    void readsATextMatrixNormalisedAndCentred() throws Exception {
        Path f = tmp.resolve("k.csv");
        Files.writeString(f, "# a 3 px horizontal stroke\n0,0,0\n1;2 1\n0, 0, 0\n");
        BlurKernel k = KernelFile.read(f);
        assertEquals(3, k.size());
        assertEquals(1.0, k.scale());
        assertArrayEquals(new float[] {0, 0, 0, 0.25f, 0.5f, 0.25f, 0, 0, 0}, k.values(), 1e-7f);
    }

    @Test
    void anOffCentreKernelIsMovedOntoTheCentreWithoutLosingMass() throws Exception {
        Path f = tmp.resolve("k.txt");
        Files.writeString(f, "0 0 0\n0 0 0\n0 0 1\n"); // a delta in the corner
        BlurKernel k = KernelFile.read(f);
        assertEquals(5, k.size()); // grown by one on each side so the corner can reach the centre
        assertEquals(1f, k.at(2, 2), 1e-7f);
    }

    @Test
    void readsAGreyPictureByItsStoredValues() throws Exception {
        BufferedImage img = new BufferedImage(5, 5, BufferedImage.TYPE_BYTE_GRAY);
        img.getRaster().setSample(1, 2, 0, 100);
        img.getRaster().setSample(2, 2, 0, 200);
        img.getRaster().setSample(3, 2, 0, 100);
        Path f = tmp.resolve("k.png");
        ImageIO.write(img, "png", f.toFile());
        BlurKernel k = KernelFile.read(f);
        assertEquals(5, k.size());
        assertEquals(0.5f, k.at(2, 2), 1e-7f);
        assertEquals(0.25f, k.at(1, 2), 1e-7f);
    }

    @Test
    void readsBackTheKernelPictureTemporaWrites() throws Exception {
        int n = 15;
        float[] v = TestPlanes.normalise(TestPlanes.lineKernel(n, 9, 30));
        BlurKernel original = new BlurKernel(n, v, 1);
        Path f = tmp.resolve("kernel.png");
        KernelPicture.write(original, f);
        BlurKernel back = KernelFile.read(f);
        assertEquals(n, back.size());
        float peak = 0;
        for (float x : v) peak = Math.max(peak, x);
        // 8-bit codes of the share of the peak: each weight within half a code of the peak's 1/255
        for (int i = 0; i < v.length; i++) assertEquals(v[i], back.values()[i], peak / 255f, "pixel " + i);
    }

    @Test
    void theWorkingScaleOfAnEarlierRunIsReadFromItsRecord() throws Exception {
        BlurKernel original = new BlurKernel(5, TestPlanes.normalise(TestPlanes.lineKernel(5, 3, 0)), 0.5);
        Path f = tmp.resolve("kernel.png");
        KernelPicture.write(original, f);
        Files.writeString(tmp.resolve("tempora.json"), "{\"kernel\": {\"file\": \"kernel.png\", \"size\": 5, \"workingScale\": 0.5}}");
        assertEquals(0.5, KernelFile.read(f).scale(), 1e-12);
    }

    @Test
    void aPartsKernelPictureTakesItsOwnEntrysWorkingScale() throws Exception {
        BlurKernel original = new BlurKernel(5, TestPlanes.normalise(TestPlanes.lineKernel(5, 3, 0)), 0.25);
        KernelPicture.write(original, tmp.resolve("kernel_B.png"));
        KernelPicture.write(original, tmp.resolve("kernel.png"));
        Files.writeString(tmp.resolve("tempora.json"), "{\"kernel\": {\"file\": \"kernel.png\", \"size\": 5, \"workingScale\": 0.5},"
                + " \"partPaths\": [{\"blur\": 0, \"kernel\": {\"file\": \"kernel_A.png\", \"size\": 5, \"workingScale\": 0.75}},"
                + " {\"blur\": 1, \"kernel\": {\"file\": \"kernel_B.png\", \"size\": 5, \"workingScale\": 0.25}}]}");
        assertEquals(0.25, KernelFile.read(tmp.resolve("kernel_B.png")).scale(), 1e-12);
        assertEquals(0.5, KernelFile.read(tmp.resolve("kernel.png")).scale(), 1e-12);
        // a damaged list of the parts' blurs leaves the whole photo's entry (the parts share its working scale)
        for (String parts : new String[] {"\"oops\"", "[1, {\"kernel\": 2}, {\"kernel\": {\"file\": 3}}]"}) {
            Files.writeString(tmp.resolve("tempora.json"), "{\"kernel\": {\"file\": \"kernel.png\", \"size\": 5, \"workingScale\": 0.5},"
                    + " \"partPaths\": " + parts + "}");
            assertEquals(0.5, KernelFile.read(tmp.resolve("kernel_B.png")).scale(), 1e-12, parts);
        }
    }

    @Test
    void refusesUnusableKernelsWithOneLine() throws Exception {
        assertRefused("zero.csv", "0 0 0\n0 0 0\n0 0 0\n", "all zero");
        assertRefused("wide.csv", "0 1 0\n0 1 0\n", "square");
        assertRefused("even.csv", "1 1\n1 1\n", "odd");
        assertRefused("negative.csv", "0 0 0\n-1 3 0\n0 0 0\n", "negative");
        assertRefused("words.csv", "0 x 0\n", "not a number");
        StringBuilder big = new StringBuilder();
        int n = KernelFile.MAX_SIZE + 2;
        for (int y = 0; y < n; y++) big.append("1 ".repeat(n)).append('\n');
        assertRefused("big.txt", big.toString(), "at most");
        BufferedImage colour = new BufferedImage(3, 3, BufferedImage.TYPE_INT_RGB);
        colour.setRGB(1, 1, 0xff0000);
        Path c = tmp.resolve("colour.png");
        ImageIO.write(colour, "png", c.toFile());
        KernelFileException e = assertThrows(KernelFileException.class, () -> KernelFile.read(c));
        assertTrue(e.getMessage().contains("colour") && !e.getMessage().contains("\n"), e.getMessage());
        assertThrows(KernelFileException.class, () -> KernelFile.read(tmp.resolve("missing.png")));
    }

    private void assertRefused(String name, String text, String reason) throws Exception {
        Path f = tmp.resolve(name);
        Files.writeString(f, text);
        KernelFileException e = assertThrows(KernelFileException.class, () -> KernelFile.read(f));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }
}
