package org.tempora.testutil;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.tempora.image.LinearImage;
import org.tempora.image.Srgb;

/** The shared CC0 development images, decoded without the code under test. */
public final class DevImages {
    private DevImages() {}

    public static final Path DIR = Path.of("..", "shared", "dev-images");

    public static Path path(String name) {
        Path p = DIR.resolve(name);
        Assumptions.assumeTrue(Files.exists(p), "dev image missing: " + p);
        return p;
    }

    /** A w x h window at (x0, y0) of an 8-bit dev image, in linear light. */
    public static LinearImage crop(String name, int x0, int y0, int w, int h) throws IOException {
        BufferedImage img = ImageIO.read(path(name).toFile());
        Raster r = img.getRaster();
        int bands = Math.min(3, r.getNumBands());
        int channels = bands >= 3 ? 3 : 1;
        float[][] planes = new float[channels][w * h];
        for (int c = 0; c < channels; c++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) planes[c][y * w + x] = Srgb.linearFrom8bit(r.getSample(x0 + x, y0 + y, c));
            }
        }
        return new LinearImage(w, h, planes);
    }
}
