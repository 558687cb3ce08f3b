package org.tempora.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tempora.image.PhotoWriter;

/** The window's 8-bit frames go to the exporter's folder unchanged: code -> linear -> PNG gives the code back. */
class ExportRunFolderTest {
    @Test void everyEightBitCodeSurvivesTheTripThroughLinearLight(@TempDir Path dir) throws Exception {
        int[] argb = new int[256];
        for (int c = 0; c < 256; c++) argb[c] = 0xff000000 | c << 16 | (255 - c) << 8 | (c * 7) % 256;
        PhotoWriter.writePng(RunFolder.linear(new DisplayPixels(256, 1, argb), 3), dir.resolve("colour.png"), 8);
        BufferedImage back = ImageIO.read(dir.resolve("colour.png").toFile());
        for (int c = 0; c < 256; c++) assertEquals(argb[c], back.getRGB(c, 0), "code " + c);
    }

    @Test void aGreyPhotoStaysOneChannelOfTheSameCodes(@TempDir Path dir) throws Exception {
        int[] argb = new int[256];
        for (int c = 0; c < 256; c++) argb[c] = 0xff000000 | c * 0x010101;
        PhotoWriter.writePng(RunFolder.linear(new DisplayPixels(256, 1, argb), 1), dir.resolve("grey.png"), 8);
        BufferedImage back = ImageIO.read(dir.resolve("grey.png").toFile());
        assertEquals(1, back.getRaster().getNumBands());
        for (int c = 0; c < 256; c++) assertEquals(c, back.getRaster().getSample(c, 0, 0), "code " + c);
    }
}
