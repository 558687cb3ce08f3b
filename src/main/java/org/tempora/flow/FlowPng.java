package org.tempora.flow;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.tempora.io.AtomicFiles;

/** Saves a rendered view (already display-encoded sRGB) as PNG, atomically. */
public final class FlowPng {
    private FlowPng() {}

    public static void write(BufferedImage image, Path target) throws IOException {
        AtomicFiles.write(target, temp -> {
            if (!ImageIO.write(image, "png", temp.toFile())) throw new IOException("no PNG encoder is installed in this Java runtime");
        });
    }
}
