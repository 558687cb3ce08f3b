package org.tempora.export.video;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayOutputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.tempora.engine.CancellationToken;
import org.tempora.engine.CancelledException;

/**
 * Writes a clip as an animated GIF (GIF89a) through ImageIO: a median-cut palette for the whole clip or for each frame,
 * optional Floyd-Steinberg dithering, the frame delay from the frame rate (in hundredths of a second, at least 2:
 * browsers slow shorter delays to 10) and the loop count in a NETSCAPE2.0 application extension.
 * GIF has no place for XMP that ImageIO can write intact, so provenance goes in the JSON sidecar only.
 */
public final class AnimatedGif {
    private AnimatedGif() {}

    private static final String IMAGE_FORMAT = "javax_imageio_gif_image_1.0";
    /** Every 4th pixel is enough for the histogram of a clip palette and keeps long clips quick. */
    private static final int CLIP_SAMPLE_STEP = 4;

    /** The frame delay in hundredths of a second for a frame rate. */
    public static int delayCentiseconds(double fps) { return (int) Math.max(2, Math.min(65535, Math.round(100 / fps))); }

    public static void write(Clip clip, Path file, GifOptions options, CancellationToken cancel) throws IOException, CancelledException {
        // a stream on a new OutputStream truncates; FileImageOutputStream would keep the old tail of a longer file
        try (OutputStream stream = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
             ImageOutputStream out = new MemoryCacheImageOutputStream(stream)) {
            encode(clip, clip.frames(), options, out, cancel);
        }
    }

    /**
     * The file size the GIF will have, estimated by encoding a few frames spread over the clip (the first, middle and
     * last) and scaling their mean to the frame count; for showing before writing.
     */
    public static long estimateSize(Clip clip, GifOptions options) throws IOException {
        int n = clip.frames();
        int[] sample = n <= 3 ? range(n) : new int[] {0, n / 2, n - 1};
        Clip picked = new Clip() {
            @Override public int width() { return clip.width(); }
            @Override public int height() { return clip.height(); }
            @Override public int frames() { return sample.length; }
            @Override public double fps() { return clip.fps(); }
            @Override public int[] rgb(int index) throws IOException { return clip.rgb(sample[index]); }
        };
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            encode(picked, sample.length, options, out, CancellationToken.none());
        } catch (CancelledException impossible) {
            throw new IllegalStateException(impossible);
        }
        return Math.round((double) bytes.size() * n / sample.length);
    }

    private static void encode(Clip clip, int frames, GifOptions options, ImageOutputStream out, CancellationToken cancel)
            throws IOException, CancelledException {
        int w = clip.width(), h = clip.height();
        PaletteMapper clipMapper = null;
        if (!options.palettePerFrame()) {
            MedianCutPalette.Histogram hist = new MedianCutPalette.Histogram();
            for (int i = 0; i < frames; i++) {
                cancel.throwIfCancelled();
                hist.add(clip.rgb(i), CLIP_SAMPLE_STEP);
            }
            clipMapper = new PaletteMapper(MedianCutPalette.build(hist, 256));
        }
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("gif");
        if (!writers.hasNext()) throw new IOException("no GIF encoder is installed in this Java runtime");
        ImageWriter writer = writers.next();
        try {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            for (int i = 0; i < frames; i++) {
                cancel.throwIfCancelled();
                int[] rgb = clip.rgb(i);
                PaletteMapper mapper = clipMapper;
                if (mapper == null) {
                    MedianCutPalette.Histogram hist = new MedianCutPalette.Histogram();
                    hist.add(rgb, 1);
                    mapper = new PaletteMapper(MedianCutPalette.build(hist, 256));
                }
                BufferedImage image = indexed(mapper, mapper.map(rgb, w, h, options.dither()), w, h);
                ImageWriteParam param = writer.getDefaultWriteParam();
                IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), param);
                meta.mergeTree(IMAGE_FORMAT, frameTree(mapper.palette(), delayCentiseconds(clip.fps()), i == 0 ? options.loops() : -1));
                writer.writeToSequence(new IIOImage(image, null, meta), param);
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
    }

    private static BufferedImage indexed(PaletteMapper mapper, byte[] indices, int w, int h) {
        int[] pal = mapper.palette();
        int size = 256;
        byte[] r = new byte[size], g = new byte[size], b = new byte[size];
        for (int i = 0; i < pal.length; i++) {
            r[i] = (byte) (pal[i] >> 16);
            g[i] = (byte) (pal[i] >> 8);
            b[i] = (byte) pal[i];
        }
        IndexColorModel cm = new IndexColorModel(8, size, r, g, b);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_INDEXED, cm);
        System.arraycopy(indices, 0, ((DataBufferByte) img.getRaster().getDataBuffer()).getData(), 0, indices.length);
        return img;
    }

    /**
     * The frame's colour table, graphic control extension (GIF89a section 23: no disposal, delay) and, on the first frame when the clip repeats,
     * the NETSCAPE2.0 loop extension, whose count is the number of repeats after the first play (0 = forever).
     */
    private static IIOMetadataNode frameTree(int[] palette, int delay, int loops) {
        IIOMetadataNode root = new IIOMetadataNode(IMAGE_FORMAT);
        // an explicit local colour table: without stream metadata ImageIO's writer would index a default global table
        IIOMetadataNode table = new IIOMetadataNode("LocalColorTable");
        table.setAttribute("sizeOfLocalColorTable", "256");
        table.setAttribute("sortFlag", "FALSE");
        for (int i = 0; i < 256; i++) {
            int p = i < palette.length ? palette[i] : 0;
            IIOMetadataNode entry = new IIOMetadataNode("ColorTableEntry");
            entry.setAttribute("index", Integer.toString(i));
            entry.setAttribute("red", Integer.toString((p >> 16) & 0xFF));
            entry.setAttribute("green", Integer.toString((p >> 8) & 0xFF));
            entry.setAttribute("blue", Integer.toString(p & 0xFF));
            table.appendChild(entry);
        }
        root.appendChild(table);
        IIOMetadataNode gce = new IIOMetadataNode("GraphicControlExtension");
        gce.setAttribute("disposalMethod", "none");
        gce.setAttribute("userInputFlag", "FALSE");
        gce.setAttribute("transparentColorFlag", "FALSE");
        gce.setAttribute("delayTime", Integer.toString(delay));
        gce.setAttribute("transparentColorIndex", "0");
        root.appendChild(gce);
        if (loops == 0 || loops > 1) {
            int repeats = loops == 0 ? 0 : loops - 1;
            IIOMetadataNode apps = new IIOMetadataNode("ApplicationExtensions");
            IIOMetadataNode app = new IIOMetadataNode("ApplicationExtension");
            app.setAttribute("applicationID", "NETSCAPE");
            app.setAttribute("authenticationCode", "2.0");
            app.setUserObject(new byte[] {1, (byte) (repeats & 0xFF), (byte) ((repeats >> 8) & 0xFF)});
            apps.appendChild(app);
            root.appendChild(apps);
        }
        return root;
    }

    private static int[] range(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) r[i] = i;
        return r;
    }
}
