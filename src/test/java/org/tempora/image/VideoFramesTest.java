package org.tempora.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tempora.image.PhotoReaderBadInputsTest.assertPlainMessage;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tempora.testutil.TestVideos;

/** Synthetic H.264 MP4s and animated GIFs decoded to known codes and positions; broken files fail with one plain line. */
class VideoFramesTest {
    @TempDir Path dir;

    private static final int W = 64, H = 48;

    private Path clip() throws IOException {
        Path mp4 = dir.resolve("clip.mp4");
        TestVideos.writeMp4(TestVideos.clip(W, H), mp4);
        return mp4;
    }

    /** sRGB 8-bit code (unrounded) of channel c at (x, y). */
    private static double code(LinearImage img, int c, int x, int y) { return 255 * Srgb.fromLinear(img.get(c, x, y)); }

    @Test
    void decodesEveryFrameAtItsSize() throws IOException {
        List<LinearImage> frames = VideoFrames.read(clip());
        assertEquals(8, frames.size());
        for (LinearImage f : frames) {
            assertEquals(W, f.width());
            assertEquals(H, f.height());
            assertEquals(3, f.channels());
        }
    }

    /**
     * Mid grey survives encode and decode within half a code everywhere (measured 128.08: Y = 126 read as limited
     * range). jcodec's own RGB encoder would have stored it as 123, which is why the test encodes its own Y'CbCr.
     */
    @Test
    void grey128ComesBackAs128() throws IOException {
        LinearImage grey = VideoFrames.read(clip()).get(0);
        double worst = 0;
        for (int c = 0; c < 3; c++) for (int y = 0; y < H; y++) for (int x = 0; x < W; x++) worst = Math.max(worst, Math.abs(code(grey, c, x, y) - 128));
        assertTrue(worst <= 0.5, "worst deviation from 128: " + worst);
    }

    /** The middle 4 columns of each 8-column bar are within 3 codes of the drawn 0/255 levels (measured worst: 1.98, blue). */
    @Test
    void colourBarsKeepTheirColours() throws IOException {
        LinearImage bars = VideoFrames.read(clip()).get(1);
        double worst = 0;
        for (int bar = 0; bar < TestVideos.BARS.length; bar++) {
            int rgb = TestVideos.BARS[bar];
            int[] expected = {rgb >> 16 & 0xFF, rgb >> 8 & 0xFF, rgb & 0xFF};
            for (int x = bar * 8 + 2; x < bar * 8 + 6; x++) {
                for (int y = 4; y < H - 4; y++) {
                    for (int c = 0; c < 3; c++) worst = Math.max(worst, Math.abs(code(bars, c, x, y) - expected[c]));
                }
            }
        }
        assertTrue(worst <= 3, "worst bar deviation in codes: " + worst);
    }

    /** The bright square's centroid is where it was drawn in every frame, within 0.25 px. */
    @Test
    void movingSquareIsWhereItWasDrawn() throws IOException {
        List<LinearImage> frames = VideoFrames.read(clip());
        for (int k = 0; k < 6; k++) {
            double[] c = brightCentroid(frames.get(2 + k));
            assertEquals(TestVideos.squareX(k) + 5.5, c[0], 0.25, "frame " + (2 + k) + " x");
            assertEquals(TestVideos.squareY(k) + 5.5, c[1], 0.25, "frame " + (2 + k) + " y");
        }
    }

    /** Centroid of the light above the dark ground, on luminance. */
    private static double[] brightCentroid(LinearImage img) {
        float[] lum = img.luminance();
        double ground = Srgb.toLinear(40 / 255.0), sum = 0, sx = 0, sy = 0;
        for (int y = 0; y < img.height(); y++) {
            for (int x = 0; x < img.width(); x++) {
                double v = Math.max(0, lum[y * img.width() + x] - ground);
                sum += v;
                sx += v * x;
                sy += v * y;
            }
        }
        return new double[] {sx / sum, sy / sum};
    }

    /** A track header turned 90 degrees clockwise (as phones store portrait video) comes out 48x64 with the corner moved. */
    @Test
    void trackRotationIsApplied() throws IOException {
        Path mp4 = dir.resolve("portrait.mp4");
        TestVideos.writeMp4(List.of(TestVideos.square(W, H, 0, 0, 12)), mp4);
        setDisplayMatrix(mp4, 0, 0x10000, -0x10000, 0);
        LinearImage f = VideoFrames.read(mp4).get(0);
        assertEquals(H, f.width());
        assertEquals(W, f.height());
        double[] c = brightCentroid(f);
        assertEquals(H - 1 - 5.5, c[0], 0.25);     // the stored top-left corner is now top-right
        assertEquals(5.5, c[1], 0.25);
    }

    @Test
    void displayMatricesMapToExifOrientations() {
        assertEquals(1, Mp4Video.orientation(0x10000, 0, 0, 0x10000));
        assertEquals(6, Mp4Video.orientation(0, 0x10000, -0x10000, 0));
        assertEquals(3, Mp4Video.orientation(-0x10000, 0, 0, -0x10000));
        assertEquals(8, Mp4Video.orientation(0, -0x10000, 0x10000, 0));
    }

    /** Writes a, b, c, d of the tkhd matrix (version 0 layout: 40 bytes after the type, ISO/IEC 14496-12 8.3.2). */
    private static void setDisplayMatrix(Path mp4, int a, int b, int c, int d) throws IOException {
        byte[] bytes = Files.readAllBytes(mp4);
        int at = indexOf(bytes, "tkhd".getBytes(StandardCharsets.ISO_8859_1));
        assertTrue(at > 0 && bytes[at + 4] == 0, "version 0 tkhd");
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        int m = at + 4 + 40;
        buf.putInt(m, a).putInt(m + 4, b).putInt(m + 12, c).putInt(m + 16, d);
        Files.write(mp4, bytes);
    }

    private static int indexOf(byte[] hay, byte[] needle) { return indexOf(hay, needle, 0); }

    private static int indexOf(byte[] hay, byte[] needle, int from) {
        outer:
        for (int i = from; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) if (hay[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }

    /**
     * Four GIF frames exercising every disposal method: red ground; a blue square restored away afterwards
     * (restoreToPrevious); a green square cleared afterwards (restoreToBackgroundColor, so white); a yellow corner.
     */
    @Test
    void animatedGifIsCompositedWithDisposal() throws IOException {
        Path gif = dir.resolve("anim.gif");
        writeGif(gif, 32, 24,
                new GifFrame(TestVideos.flat(32, 24, 0xFF0000), 0, 0, "none"),
                new GifFrame(TestVideos.flat(8, 8, 0x0000FF), 4, 4, "restoreToPrevious"),
                new GifFrame(TestVideos.flat(8, 8, 0x00FF00), 16, 8, "restoreToBackgroundColor"),
                new GifFrame(TestVideos.flat(2, 2, 0xFFFF00), 0, 0, "none"));
        List<LinearImage> f = VideoFrames.read(gif);
        assertEquals(4, f.size());
        for (LinearImage img : f) {
            assertEquals(32, img.width());
            assertEquals(24, img.height());
        }
        assertRgb(f.get(0), 20, 20, 1, 0, 0);
        assertRgb(f.get(1), 5, 5, 0, 0, 1);
        assertRgb(f.get(1), 20, 20, 1, 0, 0);
        assertRgb(f.get(2), 5, 5, 1, 0, 0);          // blue restored away
        assertRgb(f.get(2), 17, 9, 0, 1, 0);
        assertRgb(f.get(3), 1, 1, 1, 1, 0);
        assertRgb(f.get(3), 17, 9, 1, 1, 1);         // cleared to transparent, shown over white
        assertRgb(f.get(3), 5, 5, 1, 0, 0);
    }

    private static void assertRgb(LinearImage img, int x, int y, float r, float g, float b) {
        assertEquals(r, img.get(0, x, y), 1e-6, "red at " + x + "," + y);
        assertEquals(g, img.get(1, x, y), 1e-6, "green at " + x + "," + y);
        assertEquals(b, img.get(2, x, y), 1e-6, "blue at " + x + "," + y);
    }

    private record GifFrame(BufferedImage image, int left, int top, String disposal) {}

    private static void writeGif(Path target, int width, int height, GifFrame... frames) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(target.toFile())) {
            writer.setOutput(out);
            IIOMetadata stream = writer.getDefaultStreamMetadata(null);
            String streamFormat = stream.getNativeMetadataFormatName();
            IIOMetadataNode streamRoot = (IIOMetadataNode) stream.getAsTree(streamFormat);
            IIOMetadataNode screen = child(streamRoot, "LogicalScreenDescriptor");
            screen.setAttribute("logicalScreenWidth", Integer.toString(width));
            screen.setAttribute("logicalScreenHeight", Integer.toString(height));
            stream.setFromTree(streamFormat, streamRoot);
            writer.prepareWriteSequence(stream);
            for (GifFrame f : frames) {
                IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(f.image()), null);
                String format = meta.getNativeMetadataFormatName();
                IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(format);
                IIOMetadataNode descriptor = child(root, "ImageDescriptor");
                descriptor.setAttribute("imageLeftPosition", Integer.toString(f.left()));
                descriptor.setAttribute("imageTopPosition", Integer.toString(f.top()));
                IIOMetadataNode control = child(root, "GraphicControlExtension");
                control.setAttribute("disposalMethod", f.disposal());
                control.setAttribute("delayTime", "4");
                meta.setFromTree(format, root);
                writer.writeToSequence(new IIOImage(f.image(), null, meta), null);
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
    }

    private static IIOMetadataNode child(IIOMetadataNode parent, String name) {
        for (int i = 0; i < parent.getLength(); i++) if (parent.item(i).getNodeName().equals(name)) return (IIOMetadataNode) parent.item(i);
        IIOMetadataNode made = new IIOMetadataNode(name);
        parent.appendChild(made);
        return made;
    }

    @Test
    void truncatedMp4FailsWithPlainMessage() throws IOException {
        byte[] whole = Files.readAllBytes(clip());
        for (int keep : new int[] {whole.length - 10, whole.length * 6 / 10, 200}) {
            Path cut = dir.resolve("cut.mp4");
            Files.write(cut, Arrays.copyOf(whole, keep));
            UnreadablePhotoException e = assertThrows(UnreadablePhotoException.class, () -> VideoFrames.read(cut), "kept " + keep);
            assertPlainMessage(e, "cut.mp4", "ends early");
        }
    }

    /** Bytes scrambled inside the coded frames (the index left intact) stop the read at the first frame that breaks. */
    @Test
    void damagedFrameDataFailsWithPlainMessage() throws IOException {
        byte[] bytes = Files.readAllBytes(clip());
        for (int i = 100; i < bytes.length / 2; i += 7) bytes[i] ^= 0x5A;
        Path damaged = dir.resolve("damaged.mp4");
        Files.write(damaged, bytes);
        assertPlainMessage(assertThrows(UnreadablePhotoException.class, () -> VideoFrames.read(damaged)), "damaged.mp4", "cannot be decoded");
    }

    @Test
    void truncatedGifFailsWithPlainMessage() throws IOException {
        Path gif = dir.resolve("anim.gif");
        writeGif(gif, 16, 16, new GifFrame(TestVideos.flat(16, 16, 0xFF0000), 0, 0, "none"),
                new GifFrame(TestVideos.flat(16, 16, 0x00FF00), 0, 0, "none"));
        byte[] whole = Files.readAllBytes(gif);
        Files.write(gif, Arrays.copyOf(whole, whole.length - 20));
        assertPlainMessage(assertThrows(UnreadablePhotoException.class, () -> VideoFrames.read(gif)), "anim.gif", "ends early");
    }

    @Test
    void textFileNamedMp4IsNotAVideo() throws IOException {
        Path fake = dir.resolve("notes.mp4");
        Files.writeString(fake, "These are my notes about the clip, not a video.\n");
        assertPlainMessage(assertThrows(UnreadablePhotoException.class, () -> VideoFrames.read(fake)), "notes.mp4", "not an MP4, MOV or animated GIF");
    }

    @Test
    void missingFileSaysSo() {
        Path missing = dir.resolve("missing.mp4");
        assertPlainMessage(assertThrows(UnreadablePhotoException.class, () -> VideoFrames.read(missing)), "missing.mp4", "does not exist");
    }

    @Test
    void stillImageIsNotAVideo() throws IOException {
        Path png = dir.resolve("frame.png");
        ImageIO.write(TestVideos.flat(8, 8, 0x808080), "png", png.toFile());
        assertPlainMessage(assertThrows(UnreadablePhotoException.class, () -> VideoFrames.read(png)), "frame.png", "single PNG image, not a video");
    }

    /** A codec other than H.264 is named in the message: the stsd entry of the clip relabelled as H.265 ('hvc1'). */
    @Test
    void unsupportedCodecIsNamed() throws IOException {
        Path mp4 = clip();
        byte[] bytes = Files.readAllBytes(mp4);
        int at = indexOf(bytes, "avc1".getBytes(StandardCharsets.ISO_8859_1), indexOf(bytes, "stsd".getBytes(StandardCharsets.ISO_8859_1)));
        assertTrue(at > 0);
        System.arraycopy("hvc1".getBytes(StandardCharsets.ISO_8859_1), 0, bytes, at, 4);
        Path hevc = dir.resolve("hevc.mp4");
        Files.write(hevc, bytes);
        assertPlainMessage(assertThrows(UnreadablePhotoException.class, () -> VideoFrames.read(hevc)), "hevc.mp4", "H.265/HEVC");
    }

    /** A top-level 'moof' box marks a fragmented (streaming) MP4, whose frames the demuxer would not find. */
    @Test
    void fragmentedMp4IsNamed() throws IOException {
        Path mp4 = clip();
        Files.write(mp4, new byte[] {0, 0, 0, 8, 'm', 'o', 'o', 'f'}, StandardOpenOption.APPEND);
        assertPlainMessage(assertThrows(UnreadablePhotoException.class, () -> VideoFrames.read(mp4)), "clip.mp4", "fragmented MP4");
    }

    /** A recording stopped before its index was written: complete boxes, but no 'moov'. */
    @Test
    void missingIndexIsNamed() throws IOException {
        byte[] whole = Files.readAllBytes(clip());
        int moov = indexOf(whole, "moov".getBytes(StandardCharsets.ISO_8859_1)) - 4;
        Path unfinished = dir.resolve("unfinished.mp4");
        Files.write(unfinished, Arrays.copyOf(whole, moov));
        assertPlainMessage(assertThrows(UnreadablePhotoException.class, () -> VideoFrames.read(unfinished)), "unfinished.mp4", "no index");
    }

    @Test
    void tooManyFramesAreRefused() throws IOException {
        UnreadablePhotoException e = assertThrows(UnreadablePhotoException.class, () -> Mp4Video.read(clip(), "clip.mp4", 5));
        assertPlainMessage(e, "clip.mp4", "8 frames, more than the 5");
    }
}
