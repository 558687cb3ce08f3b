package org.tempora.testutil;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jcodec.codecs.h264.H264Encoder;
import org.jcodec.codecs.h264.encode.RateControl;
import org.jcodec.codecs.h264.io.model.SliceType;
import org.jcodec.common.Codec;
import org.jcodec.common.MuxerTrack;
import org.jcodec.common.VideoCodecMeta;
import org.jcodec.common.VideoEncoder;
import org.jcodec.common.io.FileChannelWrapper;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.common.model.ColorSpace;
import org.jcodec.common.model.Packet;
import org.jcodec.common.model.Picture;
import org.jcodec.common.model.Rational;
import org.jcodec.common.model.Size;
import org.jcodec.containers.mp4.Brand;
import org.jcodec.containers.mp4.muxer.MP4Muxer;

/**
 * Short synthetic H.264 MP4 clips written with jcodec's encoder at a fixed low quantiser. The RGB to Y'CbCr step is
 * ours (BT.601, limited range, as a stream without colour signalling is read), so decoded codes can be checked
 * against the sRGB codes drawn here.
 */
public final class TestVideos {
    private TestVideos() {}

    /** Quantiser of every frame: low enough that flat areas come back within a code. */
    public static final int QP = 8;

    /** 8-bit sRGB frames (TYPE_INT_RGB, even sizes) as a 25 fps H.264 MP4. */
    public static void writeMp4(List<BufferedImage> frames, Path target) throws IOException {
        write(frames, target, Brand.MP4);
    }

    /** The same in a QuickTime (MOV) file. */
    public static void writeMov(List<BufferedImage> frames, Path target) throws IOException {
        write(frames, target, Brand.MOV);
    }

    private static void write(List<BufferedImage> frames, Path target, Brand brand) throws IOException {
        H264Encoder encoder = new H264Encoder(new FixedQp(QP));
        try (FileChannelWrapper out = NIOUtils.writableChannel(target.toFile())) {
            MP4Muxer muxer = MP4Muxer.createMP4Muxer(out, brand);
            MuxerTrack track = null;
            for (int i = 0; i < frames.size(); i++) {
                BufferedImage rgb = frames.get(i);
                Picture picture = yuv420(rgb);
                VideoEncoder.EncodedFrame encoded = encoder.encodeFrame(picture, ByteBuffer.allocate(encoder.estimateBufferSize(picture)));
                if (track == null) {
                    track = muxer.addVideoTrack(Codec.H264, VideoCodecMeta.createVideoCodecMeta("avc1", null,
                            new Size(rgb.getWidth(), rgb.getHeight()), Rational.R(1, 1)));
                }
                track.addFrame(Packet.createPacket(encoded.getData(), i, 25, 1, i,
                        encoded.isKeyFrame() ? Packet.FrameType.KEY : Packet.FrameType.INTER, null));
            }
            muxer.finish();
        }
    }

    /**
     * BT.601 limited range (Rec. 601 section 2.5: Y = 16 + 219 Y', C = 128 + 224 P) with 4:2:0 chroma at H.264's default
     * siting (chroma_sample_loc_type 0): [1 2 1]/4 across even columns, mean of each pair of lines.
     */
    static Picture yuv420(BufferedImage rgb) {
        int w = rgb.getWidth(), h = rgb.getHeight();
        double[] y = new double[w * h], pb = new double[w * h], pr = new double[w * h];
        for (int j = 0; j < h; j++) {
            for (int i = 0; i < w; i++) {
                int v = rgb.getRGB(i, j);
                double r = (v >> 16 & 0xFF) / 255.0, g = (v >> 8 & 0xFF) / 255.0, b = (v & 0xFF) / 255.0;
                double ey = 0.299 * r + 0.587 * g + 0.114 * b;
                y[j * w + i] = ey;
                pb[j * w + i] = (b - ey) / 1.772;
                pr[j * w + i] = (r - ey) / 1.402;
            }
        }
        Picture p = Picture.create(w, h, ColorSpace.YUV420J);
        byte[] luma = p.getPlaneData(0), cb = p.getPlaneData(1), cr = p.getPlaneData(2);
        for (int i = 0; i < w * h; i++) luma[i] = stored(16 + 219 * y[i]);
        int cw = w / 2, ch = h / 2;
        for (int j = 0; j < ch; j++) {
            for (int i = 0; i < cw; i++) {
                cb[j * cw + i] = stored(128 + 224 * siteChroma(pb, w, h, i, j));
                cr[j * cw + i] = stored(128 + 224 * siteChroma(pr, w, h, i, j));
            }
        }
        return p;
    }

    private static double siteChroma(double[] plane, int w, int h, int i, int j) {
        double sum = 0;
        for (int dy = 0; dy < 2; dy++) {
            int row = Math.min(2 * j + dy, h - 1) * w;
            sum += 0.25 * plane[row + Math.max(2 * i - 1, 0)] + 0.5 * plane[row + 2 * i] + 0.25 * plane[row + Math.min(2 * i + 1, w - 1)];
        }
        return sum / 2;
    }

    /** jcodec keeps samples as code - 128 in signed bytes. */
    private static byte stored(double code) { return (byte) (Math.max(0, Math.min(255, Math.round(code))) - 128); }

    /** A frame filled with one sRGB colour. */
    public static BufferedImage flat(int w, int h, int rgb) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) img.setRGB(x, y, rgb);
        return img;
    }

    /** 100% colour bars, left to right: white, yellow, cyan, green, magenta, red, blue, black. */
    public static final int[] BARS = {0xFFFFFF, 0xFFFF00, 0x00FFFF, 0x00FF00, 0xFF00FF, 0xFF0000, 0x0000FF, 0x000000};

    public static BufferedImage bars(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) img.setRGB(x, y, BARS[x * BARS.length / w]);
        return img;
    }

    /** A white square of side {@code side} with its top-left corner at (x0, y0) on a dark grey (code 40) ground. */
    public static BufferedImage square(int w, int h, int x0, int y0, int side) {
        BufferedImage img = flat(w, h, 0x282828);
        for (int y = y0; y < y0 + side; y++) for (int x = x0; x < x0 + side; x++) img.setRGB(x, y, 0xFFFFFF);
        return img;
    }

    /** The clip the tests share: grey 128, colour bars, then a 12 px square moving 6 px right and 3 px down a frame. */
    public static List<BufferedImage> clip(int w, int h) {
        List<BufferedImage> frames = new ArrayList<>();
        frames.add(flat(w, h, 0x808080));
        frames.add(bars(w, h));
        for (int k = 0; k < 6; k++) frames.add(square(w, h, squareX(k), squareY(k), 12));
        return frames;
    }

    public static int squareX(int k) { return 4 + 6 * k; }

    public static int squareY(int k) { return 8 + 3 * k; }

    private record FixedQp(int qp) implements RateControl {
        @Override public int startPicture(Size size, int maxSize, SliceType sliceType) { return qp; }
        @Override public int initialQpDelta() { return 0; }
        @Override public int accept(int bits) { return 0; }
    }
}
