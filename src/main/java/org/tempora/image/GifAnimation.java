package org.tempora.image;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageInputStream;
import org.w3c.dom.Node;

/**
 * The frames of an animated GIF as a viewer shows them: each image drawn at its offset over what the previous
 * frame's disposal method left (GIF89a section 23), transparent areas over white as {@link PhotoReader} does.
 * Frame delays are ignored: every stored image is one frame.
 */
final class GifAnimation {
    private GifAnimation() {}

    private static final String IMAGE_FORMAT = "javax_imageio_gif_image_1.0";
    private static final String STREAM_FORMAT = "javax_imageio_gif_stream_1.0";
    private static final int WHITE = 0xFFFFFFFF;

    /** Placement and disposal of one stored image. */
    record Placement(int left, int top, String disposal) {}

    static List<LinearImage> read(Path file, String name, int maxFrames) throws UnreadablePhotoException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            long length = in.length();
            if (length > 0) {
                in.seek(length - 1);
                // a GIF without its trailer (GIF89a section 27) lost its last frames or part of them
                if (in.read() != 0x3B) throw ReadFailure.truncated(name, "GIF");
                in.seek(0);
            }
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("gif");
            if (!readers.hasNext()) throw ReadFailure.of(name, "no GIF decoder is available in this Java runtime; export the frames as PNG files into a folder");
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, false, false);
                int n = reader.getNumImages(true);
                if (n <= 0) throw ReadFailure.of(name, "the GIF holds no images; export the animation again");
                if (n > maxFrames) {
                    throw ReadFailure.of(name, "the GIF has " + n + " frames, more than the " + maxFrames
                            + " Tempora scores at once; cut it to the frames you need or export them as PNG files into a folder");
                }
                return composite(reader, n, name);
            } finally {
                reader.dispose();
            }
        } catch (UnreadablePhotoException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw ReadFailure.decoding(name, "GIF", e, true);
        }
    }

    private static List<LinearImage> composite(ImageReader reader, int n, String name) throws IOException {
        int[] screen = logicalScreen(reader.getStreamMetadata());
        List<Placement> placements = new ArrayList<>(n);
        int w = screen[0], h = screen[1];
        for (int i = 0; i < n; i++) {
            Placement p = placement(reader.getImageMetadata(i));
            placements.add(p);
            // some encoders write a 0x0 or too small logical screen; the canvas must hold every image
            w = Math.max(w, p.left() + reader.getWidth(i));
            h = Math.max(h, p.top() + reader.getHeight(i));
        }
        VideoFrames.checkMemory(name, n, w, h);
        int[] canvas = new int[w * h];                 // ARGB, 0 = transparent
        List<LinearImage> frames = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            BufferedImage img = reader.read(i);
            Placement p = placements.get(i);
            int iw = img.getWidth(), ih = img.getHeight();
            int[] saved = p.disposal().equals("restoreToPrevious") ? canvas.clone() : null;
            int[] argb = img.getRGB(0, 0, iw, ih, null, 0, iw);
            for (int y = 0; y < ih; y++) {
                for (int x = 0; x < iw; x++) {
                    int v = argb[y * iw + x];
                    if ((v >>> 24) != 0) canvas[(p.top() + y) * w + p.left() + x] = v | 0xFF000000;   // GIF alpha is all or nothing
                }
            }
            frames.add(toLinear(canvas, w, h));
            switch (p.disposal()) {
                case "restoreToBackgroundColor" -> {
                    // browsers clear to transparent rather than to the background colour index
                    for (int y = 0; y < ih; y++) Arrays.fill(canvas, (p.top() + y) * w + p.left(), (p.top() + y) * w + p.left() + iw, 0);
                }
                case "restoreToPrevious" -> System.arraycopy(saved, 0, canvas, 0, canvas.length);
                default -> { }
            }
        }
        return frames;
    }

    /** The canvas in linear light, transparent pixels white. */
    static LinearImage toLinear(int[] canvas, int w, int h) {
        float[][] planes = new float[3][w * h];
        for (int i = 0; i < canvas.length; i++) {
            int v = (canvas[i] >>> 24) == 0 ? WHITE : canvas[i];
            planes[0][i] = Srgb.linearFrom8bit(v >> 16);
            planes[1][i] = Srgb.linearFrom8bit(v >> 8);
            planes[2][i] = Srgb.linearFrom8bit(v);
        }
        return new LinearImage(w, h, planes);
    }

    private static int[] logicalScreen(IIOMetadata stream) {
        Node lsd = stream == null ? null : child(stream.getAsTree(STREAM_FORMAT), "LogicalScreenDescriptor");
        return new int[] {intAttribute(lsd, "logicalScreenWidth"), intAttribute(lsd, "logicalScreenHeight")};
    }

    static Placement placement(IIOMetadata image) {
        Node root = image.getAsTree(IMAGE_FORMAT);
        Node descriptor = child(root, "ImageDescriptor");
        Node control = child(root, "GraphicControlExtension");
        String disposal = control == null ? "none" : control.getAttributes().getNamedItem("disposalMethod").getNodeValue();
        return new Placement(intAttribute(descriptor, "imageLeftPosition"), intAttribute(descriptor, "imageTopPosition"), disposal);
    }

    private static Node child(Node parent, String name) {
        for (Node c = parent.getFirstChild(); c != null; c = c.getNextSibling()) if (c.getNodeName().equals(name)) return c;
        return null;
    }

    private static int intAttribute(Node node, String attribute) {
        if (node == null) return 0;
        Node a = node.getAttributes().getNamedItem(attribute);
        return a == null ? 0 : Integer.parseInt(a.getNodeValue());
    }
}
