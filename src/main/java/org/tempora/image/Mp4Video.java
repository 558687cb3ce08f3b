package org.tempora.image;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.jcodec.api.specific.AVCMP4Adaptor;
import org.jcodec.codecs.h264.H264Utils;
import org.jcodec.codecs.h264.io.model.SeqParameterSet;
import org.jcodec.codecs.h264.io.model.VUIParameters;
import org.jcodec.codecs.h264.mp4.AvcCBox;
import org.jcodec.common.io.FileChannelWrapper;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.common.model.ColorSpace;
import org.jcodec.common.model.Packet;
import org.jcodec.common.model.Picture;
import org.jcodec.containers.mp4.boxes.SampleEntry;
import org.jcodec.containers.mp4.boxes.SampleSizesBox;
import org.jcodec.containers.mp4.boxes.TrackHeaderBox;
import org.jcodec.containers.mp4.boxes.VideoSampleEntry;
import org.jcodec.containers.mp4.demuxer.AbstractMP4DemuxerTrack;
import org.jcodec.containers.mp4.demuxer.MP4Demuxer;

/**
 * Every frame of the first video track of an MP4 or QuickTime (MOV) file coded with H.264 (8-bit, progressive), in
 * display order, with the track's rotation applied. Decoding is jcodec's; the colour conversion is {@link YCbCr}'s,
 * following the matrix, range and chroma siting the stream's VUI signals, which jcodec's own RGB path ignores (it
 * always applies BT.601).
 */
final class Mp4Video {
    private Mp4Video() {}

    private static final String CONVERT = "convert it to H.264 MP4 (ffmpeg -i IN -c:v libx264 -crf 10 -pix_fmt yuv420p OUT.mp4) or export its frames as PNG files into a folder";

    static List<LinearImage> read(Path file, String name, int maxFrames) throws UnreadablePhotoException {
        checkBoxes(file, name);
        try (FileChannelWrapper ch = NIOUtils.readableChannel(file.toFile())) {
            AbstractMP4DemuxerTrack track = videoTrack(ch, name);
            SampleEntry[] entries = track.getSampleEntries();
            String fourcc = entries.length == 0 ? "" : entries[0].getFourcc();
            if (!fourcc.equals("avc1") && !fourcc.equals("avc3")) {
                throw ReadFailure.of(name, "the video is coded as " + codecName(fourcc) + ", which Tempora cannot decode; " + CONVERT);
            }
            SeqParameterSet sps = sequenceParameters((VideoSampleEntry) entries[0], name);
            int frames = track.getMeta().getTotalFrames();
            if (frames == 0) throw ReadFailure.of(name, "the video track holds no frames; export the video again");
            if (frames > maxFrames) {
                throw ReadFailure.of(name, "the video has " + frames + " frames, more than the " + maxFrames
                        + " Tempora scores at once; cut it to the frames you need (ffmpeg -i IN -frames:v N OUT.mp4) or export them as PNG files into a folder");
            }
            return decode(track, sps, frames, orientation(track), name);
        } catch (UnreadablePhotoException e) {
            throw e;
        } catch (IOException e) {
            throw ReadFailure.of(name, "the file cannot be read (" + ReadFailure.plainReason(e) + "); check the disk or copy the file again", e);
        } catch (RuntimeException e) {
            // the boxes are complete (checkBoxes), so a demuxer failure means damaged content, not a short file
            throw ReadFailure.of(name, "the MP4/MOV index or stream header is damaged and cannot be read; " + CONVERT, e);
        }
    }

    /**
     * Walks the top-level boxes (ISO/IEC 14496-12 section 4.2: 32-bit size, type, 64-bit size when size is 1) so a
     * truncated or unfinished recording is named as such before the demuxer fails on it in its own words.
     */
    private static void checkBoxes(Path file, String name) throws UnreadablePhotoException {
        boolean hasMovie = false, fragmented = false;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long length = ch.size(), pos = 0;
            ByteBuffer head = ByteBuffer.allocate(16);
            while (pos + 8 <= length) {
                head.clear();
                ch.read(head, pos);
                head.flip();
                if (head.remaining() < 8) break;
                long size = head.getInt() & 0xFFFFFFFFL;
                String type = new String(new byte[] {head.get(), head.get(), head.get(), head.get()}, StandardCharsets.ISO_8859_1);
                if (size == 1) {
                    if (head.remaining() < 8) throw truncated(name);
                    size = head.getLong();
                } else if (size == 0) {
                    size = length - pos;                         // "extends to the end of the file"
                }
                if (size < 8) throw ReadFailure.of(name, "the MP4/MOV structure is damaged (a box of " + size + " bytes); " + CONVERT);
                if (pos + size > length) throw truncated(name);
                if (type.equals("moov")) hasMovie = true;
                if (type.equals("moof")) fragmented = true;
                pos += size;
            }
        } catch (IOException e) {
            if (e instanceof UnreadablePhotoException u) throw u;
            throw ReadFailure.of(name, "the file cannot be read (" + ReadFailure.plainReason(e) + "); check the disk or copy the file again", e);
        }
        if (fragmented) {
            // the frames live in movie fragments, which jcodec's demuxer does not follow
            throw ReadFailure.of(name, "this is a fragmented MP4 (streaming layout), which Tempora cannot read; "
                    + "remux it into a plain MP4 (ffmpeg -i IN -c copy -movflags +faststart OUT.mp4)");
        }
        if (!hasMovie) {
            throw ReadFailure.of(name, "the video has no index ('moov' box): the recording was not finished or the file is cut short; "
                    + "copy it again from the camera, or repair it with a tool such as untrunc");
        }
    }

    private static UnreadablePhotoException truncated(String name) {
        return ReadFailure.of(name, "the video data ends early (file is truncated or damaged); copy or export it again");
    }

    private static AbstractMP4DemuxerTrack videoTrack(FileChannelWrapper ch, String name) throws IOException {
        MP4Demuxer demuxer = MP4Demuxer.createMP4Demuxer(ch);
        if (!(demuxer.getVideoTrack() instanceof AbstractMP4DemuxerTrack track)) {
            throw ReadFailure.of(name, "the file has no video track; choose the video itself or a folder of frames");
        }
        return track;
    }

    /** The stream's sequence parameters from its avcC box (ISO/IEC 14496-15), checked against what jcodec decodes. */
    private static SeqParameterSet sequenceParameters(VideoSampleEntry entry, String name) throws UnreadablePhotoException {
        AvcCBox avcc = H264Utils.parseAVCC(entry);
        if (avcc == null || avcc.getSpsList().isEmpty()) {
            throw ReadFailure.of(name, "the H.264 stream carries no sequence parameters in its header (avcC); " + CONVERT);
        }
        SeqParameterSet sps = H264Utils.readSPS(avcc.getSpsList().get(0).duplicate());
        if (!sps.frameMbsOnlyFlag) throw ReadFailure.of(name, "the video is interlaced H.264, which Tempora cannot decode; deinterlace and " + CONVERT);
        if (sps.bitDepthLumaMinus8 > 0 || sps.bitDepthChromaMinus8 > 0) {
            throw ReadFailure.of(name, "the video is " + (8 + Math.max(sps.bitDepthLumaMinus8, sps.bitDepthChromaMinus8))
                    + "-bit H.264, which Tempora cannot decode; " + CONVERT);
        }
        return sps;
    }

    private record Timed(long pts, int decodeIndex, LinearImage image) {}

    private static List<LinearImage> decode(AbstractMP4DemuxerTrack track, SeqParameterSet sps, int frames, int orientation, String name)
            throws IOException {
        AVCMP4Adaptor adaptor = new AVCMP4Adaptor(track.getMeta());
        byte[][] buffer = adaptor.allocatePicture();
        SampleSizesBox sizes = track.getBox().getStsz();
        List<Timed> decoded = new ArrayList<>(frames);
        YCbCr.Signal signal = null;
        for (int i = 0; i < frames; i++) {
            Packet packet;
            Picture picture;
            try {
                packet = track.nextFrame();
                if (packet == null || packet.getData().remaining() < expectedSize(sizes, i)) throw truncated(name);
                picture = adaptor.decodeFrame(packet, buffer);
            } catch (RuntimeException e) {
                packet = null;      // jcodec reports damaged NAL units and slices as index and buffer errors, which say nothing to a user
                picture = null;
            }
            if (picture == null) {
                throw ReadFailure.of(name, "frame " + (i + 1) + " of " + frames + " cannot be decoded (damaged data, or an H.264 feature jcodec lacks); " + CONVERT);
            }
            YCbCr.Planes planes = planes(picture);
            if (signal == null) {
                signal = signal(sps.vuiParams, planes.width(), planes.height());
                VideoFrames.checkMemory(name, frames, planes.width(), planes.height());
            }
            decoded.add(new Timed(packet.getPts(), i, ExifOrientation.apply(YCbCr.toLinear(planes, signal), orientation)));
        }
        // H.264 may code frames out of display order (B-frames); the container's presentation times restore it
        decoded.sort(Comparator.comparingLong(Timed::pts).thenComparingInt(Timed::decodeIndex));
        List<LinearImage> out = new ArrayList<>(frames);
        for (Timed t : decoded) out.add(t.image());
        return out;
    }

    private static int expectedSize(SampleSizesBox sizes, int sample) {
        if (sizes == null) return 0;
        if (sizes.getDefaultSize() != 0) return sizes.getDefaultSize();
        int[] all = sizes.getSizes();
        return sample < all.length ? all[sample] : 0;
    }

    /** Matrix, range and chroma siting from the VUI (H.264 Annex E); without one the stream is limited range, matrix unspecified. */
    static YCbCr.Signal signal(VUIParameters vui, int width, int height) {
        boolean full = vui != null && vui.videoSignalTypePresentFlag && vui.videoFullRangeFlag;
        int matrix = vui != null && vui.videoSignalTypePresentFlag && vui.colourDescriptionPresentFlag ? vui.matrixCoefficients : 2;
        int loc = vui != null && vui.chromaLocInfoPresentFlag ? vui.chromaSampleLocTypeTopField : 0;
        return YCbCr.signal(matrix, full, loc, width, height);
    }

    /** The visible (cropped) part of a decoded picture as unsigned codes; jcodec stores samples as code - 128. */
    static YCbCr.Planes planes(Picture p) {
        int w = p.getCroppedWidth(), h = p.getCroppedHeight(), x0 = p.getStartX(), y0 = p.getStartY();
        byte[] luma = unsigned(p.getPlaneData(0), p.getPlaneWidth(0), x0, y0, w, h);
        ColorSpace cs = p.getColor();
        if (cs.nComp < 3 || p.getPlaneData(1) == null) return new YCbCr.Planes(w, h, luma, null, null, 0, 0);
        int sx = p.getPlaneWidth(0) / p.getPlaneWidth(1), sy = p.getPlaneHeight(0) / p.getPlaneHeight(1);
        int cw = (w + sx - 1) / sx, ch = (h + sy - 1) / sy;
        byte[] cb = unsigned(p.getPlaneData(1), p.getPlaneWidth(1), x0 / sx, y0 / sy, cw, ch);
        byte[] cr = unsigned(p.getPlaneData(2), p.getPlaneWidth(2), x0 / sx, y0 / sy, cw, ch);
        return new YCbCr.Planes(w, h, luma, cb, cr, cw, ch);
    }

    private static byte[] unsigned(byte[] plane, int stride, int x0, int y0, int w, int h) {
        byte[] out = new byte[w * h];
        for (int y = 0; y < h; y++) {
            int s = (y0 + y) * stride + x0, o = y * w;
            for (int x = 0; x < w; x++) out[o + x] = (byte) (plane[s + x] + 128);
        }
        return out;
    }

    /**
     * The EXIF orientation equal to the track header's display matrix (ISO/IEC 14496-12 8.3.2; a, b, c, d in 16.16
     * fixed point): phones store portrait video landscape and rotate it with this matrix.
     */
    static int orientation(AbstractMP4DemuxerTrack track) {
        TrackHeaderBox tkhd = track.getBox().getTrackHeader();
        int[] m = tkhd == null ? null : tkhd.getMatrix();
        return m == null || m.length < 5 ? 1 : orientation(m[0], m[1], m[3], m[4]);
    }

    /** x' = a x + c y, y' = b x + d y with y pointing down: (0, 1, -1, 0) turns the picture 90 degrees clockwise. */
    static int orientation(int a, int b, int c, int d) {
        int sa = Integer.signum(a), sb = Integer.signum(b), sc = Integer.signum(c), sd = Integer.signum(d);
        if (sa == 0 && sb == 1 && sc == -1 && sd == 0) return 6;
        if (sa == -1 && sb == 0 && sc == 0 && sd == -1) return 3;
        if (sa == 0 && sb == -1 && sc == 1 && sd == 0) return 8;
        return 1;
    }

    static String codecName(String fourcc) {
        return switch (fourcc.toLowerCase(Locale.ROOT)) {
            case "hvc1", "hev1" -> "H.265/HEVC";
            case "apch", "apcn", "apcs", "apco", "ap4h", "ap4x" -> "Apple ProRes";
            case "av01" -> "AV1";
            case "vp09" -> "VP9";
            case "vp08" -> "VP8";
            case "mp4v" -> "MPEG-4 Part 2";
            case "jpeg", "mjpa", "mjpb" -> "Motion JPEG";
            case "dvc ", "dvcp", "dv5n", "dv5p" -> "DV";
            case "" -> "an unknown codec";
            default -> "'" + fourcc.trim() + "'";
        };
    }
}
