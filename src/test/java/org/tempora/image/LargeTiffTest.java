package org.tempora.image;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A 24-megapixel 16-bit RGB scan (6000 x 4000, 144 MB of samples) must load in the 6 GB test heap. */
@Tag("large")
class LargeTiffTest {
    @TempDir Path dir;

    @Test
    void twentyFourMegapixelSixteenBitRgbLoads() throws IOException {
        TestTiff t = new TestTiff(6000, 4000);
        t.bits = 16;
        t.rowsPerStrip = 64;
        t.fn = (x, y, c) -> (x * 7 + y * 13 + c * 20000) & 0xFFFF;
        Path f = dir.resolve("scan.tif");
        t.write(f);
        long start = System.nanoTime();
        Photo p = PhotoReader.read(f);
        long ms = (System.nanoTime() - start) / 1_000_000;
        System.out.println("24 MP 16-bit RGB TIFF loaded in " + ms + " ms");     // reported, never asserted
        assertEquals(6000, p.width());
        assertEquals(4000, p.height());
        assertEquals(16, p.bitDepth());
        assertEquals(3, p.pixels().channels());
        int[][] probes = { { 0, 0 }, { 5999, 3999 }, { 1234, 2345 }, { 5999, 0 } };
        for (int[] xy : probes)
            for (int c = 0; c < 3; c++)
                assertEquals(Srgb.toLinear(t.fn.code(xy[0], xy[1], c) / 65535.0), p.pixels().get(c, xy[0], xy[1]), 1e-6);
    }
}
