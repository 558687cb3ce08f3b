package org.tempora.export.video;

import static org.junit.jupiter.api.Assertions.*;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tempora.engine.CancellationToken;
import org.tempora.export.SrgbPixels;
import org.tempora.testutil.DevImages;
import org.w3c.dom.Node;

class AnimatedGifTest {
    @TempDir Path tmp;

    private static List<int[]> frames(int n, int w, int h) throws Exception {
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(SrgbPixels.pack(DevImages.crop("chelsea.png", 4 * i, 10, w, h)));
        return out;
    }

    @Test
    void framesLoopDelayAndColoursReadBack() throws Exception {
        int w = 96, h = 64, n = 4;
        List<int[]> frames = frames(n, w, h);
        Path gif = tmp.resolve("a.gif");
        AnimatedGif.write(H264Mp4Test.clip(frames, w, h, 10), gif, new GifOptions(false, true, 3), CancellationToken.none());
        try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
            reader.setInput(in);
            assertEquals(n, reader.getNumImages(true));
            for (int i = 0; i < n; i++) {
                Node root = reader.getImageMetadata(i).getAsTree("javax_imageio_gif_image_1.0");
                IIOMetadataNode gce = (IIOMetadataNode) ((IIOMetadataNode) root).getElementsByTagName("GraphicControlExtension").item(0);
                assertEquals("10", gce.getAttribute("delayTime"));              // 100 / 10 fps
                BufferedImage img = reader.read(i);
                assertEquals(w, img.getWidth());
                assertEquals(h, img.getHeight());
                // dithered: a 4x4 block average stays within a few codes of the original's
                int[] src = frames.get(i);
                double sum = 0, ref = 0;
                for (int y = 20; y < 24; y++) for (int x = 40; x < 44; x++) {
                    sum += (img.getRGB(x, y) >> 8) & 0xFF;
                    ref += (src[y * w + x] >> 8) & 0xFF;
                }
                assertEquals(ref / 16, sum / 16, 6);
            }
            IIOMetadataNode first = (IIOMetadataNode) reader.getImageMetadata(0).getAsTree("javax_imageio_gif_image_1.0");
            IIOMetadataNode app = (IIOMetadataNode) first.getElementsByTagName("ApplicationExtension").item(0);
            assertEquals("NETSCAPE", app.getAttribute("applicationID"));
            byte[] loop = (byte[]) app.getUserObject();
            assertEquals(2, loop[1] | loop[2] << 8);            // played 3 times = 2 repeats after the first
            reader.dispose();
        }
    }

    @Test
    void estimateIsCloseToTheWrittenSize() throws Exception {
        int w = 120, h = 80, n = 8;
        Clip clip = H264Mp4Test.clip(frames(n, w, h), w, h, 12);
        long estimate = AnimatedGif.estimateSize(clip, GifOptions.defaults());
        Path gif = tmp.resolve("b.gif");
        AnimatedGif.write(clip, gif, GifOptions.defaults(), CancellationToken.none());
        long actual = Files.size(gif);
        assertEquals(actual, estimate, 0.2 * actual);
    }

    @Test
    void delayIsHundredthsOfASecondAtLeastTwo() {
        assertEquals(8, AnimatedGif.delayCentiseconds(12));
        assertEquals(2, AnimatedGif.delayCentiseconds(480));
        assertEquals(200, AnimatedGif.delayCentiseconds(0.5));
    }
}
