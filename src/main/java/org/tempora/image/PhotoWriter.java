package org.tempora.image;

import org.tempora.io.AtomicFiles;

import org.w3c.dom.Node;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.FileImageOutputStream;
import javax.imageio.stream.ImageOutputStream;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferUShort;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;

/**
 * Saves linear-light images as sRGB-encoded PNG (8 or 16 bits per sample, grey stays one channel) with an sRGB
 * chunk, atomically: the file is written beside the target under a temporary name, flushed to disk and renamed,
 * so a crash or a full disk never leaves a half-written photo under the target name.
 */
public final class PhotoWriter {
    private PhotoWriter() {}

    private static final String PNG_FORMAT = "javax_imageio_png_1.0";

    public static void writePng(LinearImage img, Path target, int bitDepth) throws IOException {
        writePng(img, target, bitDepth, null);
    }

    /** As {@link #writePng(LinearImage, Path, int)}, embedding {@code xmp} (when non-null) as an iTXt "XML:com.adobe.xmp" chunk. */
    public static void writePng(LinearImage img, Path target, int bitDepth, String xmp) throws IOException {
        if (bitDepth != 8 && bitDepth != 16) throw new IllegalArgumentException("PNG bit depth must be 8 or 16, got " + bitDepth);
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        String name = abs.getFileName().toString();
        if (Files.isDirectory(abs)) throw new IOException("Cannot save " + name + ": a folder with that name already exists in " + dir + "; choose another name");
        BufferedImage encoded = encode(img, bitDepth);
        try {
            AtomicFiles.write(abs, temp -> writeTo(encoded, temp, xmp));
        } catch (IOException e) {
            throw new IOException(explain(name, dir, e), e);
        }
    }

    /** Linear floats to sRGB codes, rounded to nearest, in a raster the PNG writer stores as-is. */
    static BufferedImage encode(LinearImage img, int bitDepth) {
        int w = img.width(), h = img.height(), ch = img.channels();
        ColorSpace cs = ColorSpace.getInstance(ch == 1 ? ColorSpace.CS_GRAY : ColorSpace.CS_sRGB);
        int type = bitDepth == 16 ? DataBuffer.TYPE_USHORT : DataBuffer.TYPE_BYTE;
        ComponentColorModel cm = new ComponentColorModel(cs, false, false, Transparency.OPAQUE, type);
        WritableRaster raster = cm.createCompatibleWritableRaster(w, h);
        int max = bitDepth == 16 ? 65535 : 255;
        for (int c = 0; c < ch; c++) {
            float[] p = img.plane(c);
            if (bitDepth == 16) {
                short[] d = ((DataBufferUShort) raster.getDataBuffer()).getData();
                for (int i = 0, s = c; i < p.length; i++, s += ch) d[s] = (short) SrgbEncoder.code(p[i], max);
            } else {
                byte[] d = ((DataBufferByte) raster.getDataBuffer()).getData();
                for (int i = 0, s = c; i < p.length; i++, s += ch) d[s] = (byte) SrgbEncoder.code(p[i], max);
            }
        }
        return new BufferedImage(cm, raster, false, null);
    }

    private static void writeTo(BufferedImage image, Path file, String xmp) throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
        if (!writers.hasNext()) throw new IOException("no PNG encoder is installed in this Java runtime");
        ImageWriter writer = writers.next();
        try (ImageOutputStream out = new FileImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), param);
            meta.mergeTree(PNG_FORMAT, chunks(xmp));
            writer.write(null, new IIOImage(image, null, meta), param);
        } finally {
            writer.dispose();
        }
    }

    /** sRGB chunk (PNG spec 11.3.3.5) and, optionally, XMP in iTXt (XMP spec part 3, 1.1.5). */
    private static Node chunks(String xmp) {
        IIOMetadataNode root = new IIOMetadataNode(PNG_FORMAT);
        IIOMetadataNode srgb = new IIOMetadataNode("sRGB");
        srgb.setAttribute("renderingIntent", "Perceptual");
        root.appendChild(srgb);
        if (xmp != null) {
            IIOMetadataNode itxt = new IIOMetadataNode("iTXt");
            IIOMetadataNode entry = new IIOMetadataNode("iTXtEntry");
            entry.setAttribute("keyword", "XML:com.adobe.xmp");
            entry.setAttribute("compressionFlag", "FALSE");
            entry.setAttribute("compressionMethod", "0");
            entry.setAttribute("languageTag", "");
            entry.setAttribute("translatedKeyword", "");
            entry.setAttribute("text", xmp);
            itxt.appendChild(entry);
            root.appendChild(itxt);
        }
        return root;
    }

    /** One line saying what went wrong with the save and what to do about it. */
    private static String explain(String name, Path dir, IOException e) {
        String msg = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
        if (msg.contains("no space left") || msg.contains("disk full") || msg.contains("quota")) {
            return "Cannot save " + name + ": the disk is full; free some space or choose another folder";
        }
        if (e instanceof NoSuchFileException) {
            return "Cannot save " + name + ": the folder " + dir + " does not exist; create it or choose another folder";
        }
        if (e instanceof AccessDeniedException || msg.contains("permission denied") || msg.contains("read-only")) {
            return "Cannot save " + name + ": no permission to write in " + dir + "; choose another folder";
        }
        if (e instanceof FileSystemException && msg.contains("not a directory")) {
            return "Cannot save " + name + ": " + dir + " is a file, not a folder; choose another folder";
        }
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().replaceAll("\\s+", " ").trim();
        return "Cannot save " + name + " in " + dir + " (" + reason + "); check the folder and try again";
    }
}
