package org.tempora.image;

import org.tempora.io.AtomicFiles;
import org.tempora.io.PngChunk;
import org.tempora.io.PngEncoder;
import org.tempora.io.PngLayout;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.Deflater;

/**
 * Saves linear-light images as sRGB-encoded PNG (8 or 16 bits per sample, grey stays one channel) with an sRGB
 * chunk, atomically: the file is written beside the target under a temporary name, flushed to disk and renamed,
 * so a crash or a full disk never leaves a half-written photo under the target name. Rows are converted and
 * compressed as they stream out, so a frame never exists twice in memory.
 */
public final class PhotoWriter {
    private PhotoWriter() {}

    /** Raw sizes up to this are squeezed hard: such pictures (kernels, masks) are often flat, and it costs milliseconds. */
    private static final long SMALL_RAW_BYTES = 256 * 1024;

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
        PngLayout layout = new PngLayout(img.width(), img.height(), img.channels(), bitDepth);
        List<PngChunk> chunks = new ArrayList<>();
        chunks.add(PngChunk.srgb(0)); // perceptual intent (PNG spec 11.3.3.5)
        if (xmp != null) chunks.add(PngChunk.xmp(xmp));
        try {
            AtomicFiles.write(abs, temp -> {
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16)) {
                    encoderFor(layout).write(out, layout, chunks, rows(img, bitDepth));
                }
            });
        } catch (IOException e) {
            throw new IOException(explain(name, dir, e), e);
        }
    }

    /**
     * Small pictures: best filter per row and full LZ77 search. Photos: LZ77 finds few repeats in filtered photo
     * residuals, so Huffman coding alone gives files as small as zlib level 1 (smaller, measured on frames of the dev
     * images) at twice its speed; Paeth predicts 8-bit photos best, while 16-bit ones take Sub, the fastest filter,
     * since their low bytes are noise to every predictor (Paeth: 6% smaller, 30% slower on a 24 MP frame).
     */
    static PngEncoder encoderFor(PngLayout layout) {
        if ((long) layout.rowBytes() * layout.height() <= SMALL_RAW_BYTES) {
            return new PngEncoder(PngEncoder.Filter.ADAPTIVE, Deflater.BEST_COMPRESSION, Deflater.DEFAULT_STRATEGY);
        }
        return new PngEncoder(layout.bitDepth() == 16 ? PngEncoder.Filter.SUB : PngEncoder.Filter.PAETH, 1, Deflater.HUFFMAN_ONLY);
    }

    /** Linear floats to sRGB codes, rounded to nearest, interleaved and big-endian as PNG stores them. */
    static PngEncoder.RowSource rows(LinearImage img, int bitDepth) {
        int w = img.width(), ch = img.channels();
        float[][] planes = new float[ch][];
        for (int c = 0; c < ch; c++) planes[c] = img.plane(c);
        if (bitDepth == 8) {
            return (y, row) -> {
                for (int c = 0; c < ch; c++) {
                    float[] p = planes[c];
                    for (int x = 0, i = y * w, s = c; x < w; x++, i++, s += ch) row[s] = (byte) SrgbEncoder.code(p[i], 255);
                }
            };
        }
        return (y, row) -> {
            for (int c = 0; c < ch; c++) {
                float[] p = planes[c];
                for (int x = 0, i = y * w, s = 2 * c; x < w; x++, i++, s += 2 * ch) {
                    int v = SrgbEncoder.code(p[i], 65535);
                    row[s] = (byte) (v >>> 8);
                    row[s + 1] = (byte) v;
                }
            }
        };
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
