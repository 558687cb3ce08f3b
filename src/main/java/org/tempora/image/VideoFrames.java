package org.tempora.image;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every frame of a video file, in linear light like {@link PhotoReader}: H.264 in MP4 or MOV (8-bit, progressive;
 * colours converted with the matrix and range the stream signals, R'G'B' read as sRGB) and animated GIF (frames
 * composited with their disposal methods). The track's rotation is applied.
 *
 * <p>All frames are held in memory as float planes (12 bytes a pixel: about 11 MB a frame at 1280x720), so this is
 * meant for the short clips a blurred photo's ground truth is (up to {@value #MAX_FRAMES} frames, and what the heap
 * holds); longer or larger videos are refused with a message saying how to cut them.
 */
public final class VideoFrames {
    private VideoFrames() {}

    /** The most frames one video may have. */
    public static final int MAX_FRAMES = 2000;

    private static final int SNIFF_LENGTH = 16;
    /** Top-level box types an MP4 or QuickTime file may start with (ISO/IEC 14496-12; QuickTime's 'wide' and 'pnot'). */
    private static final Set<String> ISO_LEADING_BOXES = Set.of("ftyp", "moov", "mdat", "wide", "free", "skip", "pnot");

    /** Decodes all frames of {@code file}; failures are one line naming the file and what to do. */
    public static List<LinearImage> read(Path file) throws UnreadablePhotoException {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        byte[] head = new byte[SNIFF_LENGTH];
        int n = PhotoReader.sniff(file, name, head, "this is a folder, not a video; use it as a folder of frames or choose a video file");
        if (n >= 6 && ascii(head, 0, 4).equals("GIF8")) return GifAnimation.read(file, name, MAX_FRAMES);
        if (n >= 8 && ISO_LEADING_BOXES.contains(ascii(head, 4, 4))) {
            if (ascii(head, 4, 4).equals("ftyp") && n >= 12) {
                String brand = ascii(head, 8, 4);
                if (brand.startsWith("hei") || brand.startsWith("mif") || brand.startsWith("avi")) {
                    throw ReadFailure.of(name, "this is a still " + (brand.startsWith("avi") ? "AVIF" : "HEIC/HEIF")
                            + " image, not a video; give a video (MP4, MOV or animated GIF) or a folder of frames");
                }
            }
            return Mp4Video.read(file, name, MAX_FRAMES);
        }
        Optional<ImageFormat> still = ImageFormat.detect(head, n);
        if (still.isPresent()) {
            throw ReadFailure.of(name, "this is a single " + still.get().displayName
                    + " image, not a video; give the folder that holds the frames, or a video (MP4, MOV or animated GIF)");
        }
        Optional<String> other = otherVideo(head, n);
        if (other.isPresent()) {
            throw ReadFailure.of(name, "this is " + other.get() + ", which Tempora cannot read; convert it to H.264 MP4 "
                    + "(ffmpeg -i IN -c:v libx264 -crf 10 -pix_fmt yuv420p OUT.mp4) or export its frames as PNG files into a folder");
        }
        throw ReadFailure.of(name, "not an MP4, MOV or animated GIF video (unknown or damaged format); "
                + "give a video in one of these formats or a folder of frames");
    }

    /** Refuses a clip whose frames would not fit in the free heap, before decoding it. */
    static void checkMemory(String name, long frames, int width, int height) throws UnreadablePhotoException {
        long needed = frames * width * height * 12L + (long) width * height * 24L;   // the frames + one frame's conversion buffers
        Runtime rt = Runtime.getRuntime();
        long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        if (needed > free) {
            throw ReadFailure.of(name, "its " + frames + " frames of " + width + " x " + height + " pixels need about " + (needed >> 20)
                    + " MB but only " + (Math.max(0, free) >> 20) + " MB of memory is free; cut the video shorter or start Tempora with a larger heap (-Xmx)");
        }
    }

    /** Video containers users commonly have that this reader does not open, named by their magic bytes. */
    private static Optional<String> otherVideo(byte[] head, int n) {
        if (n >= 4 && (head[0] & 0xFF) == 0x1A && (head[1] & 0xFF) == 0x45 && (head[2] & 0xFF) == 0xDF && (head[3] & 0xFF) == 0xA3) {
            return Optional.of("a Matroska/WebM video");
        }
        if (n >= 12 && ascii(head, 0, 4).equals("RIFF") && ascii(head, 8, 4).equals("AVI ")) return Optional.of("an AVI video");
        if (n >= 4 && head[0] == 0 && head[1] == 0 && head[2] == 1 && (head[3] & 0xFF) == 0xBA) return Optional.of("an MPEG program stream (VOB/MPG)");
        if (n >= 4 && ascii(head, 0, 3).equals("FLV")) return Optional.of("a Flash video (FLV)");
        if (n >= 4 && ascii(head, 0, 4).equals("OggS")) return Optional.of("an Ogg video");
        return Optional.empty();
    }

    private static String ascii(byte[] b, int off, int len) { return new String(b, off, len, StandardCharsets.ISO_8859_1); }
}
