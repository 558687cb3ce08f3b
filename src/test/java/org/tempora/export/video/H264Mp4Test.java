package org.tempora.export.video;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jcodec.codecs.h264.H264Utils;
import org.jcodec.codecs.h264.io.model.SeqParameterSet;
import org.jcodec.codecs.h264.mp4.AvcCBox;
import org.jcodec.common.io.FileChannelWrapper;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.containers.mp4.boxes.VideoSampleEntry;
import org.jcodec.containers.mp4.demuxer.MP4Demuxer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tempora.engine.CancellationToken;
import org.tempora.engine.CancelledException;
import org.tempora.export.SrgbPixels;
import org.tempora.image.LinearImage;
import org.tempora.image.Srgb;
import org.tempora.image.VideoFrames;
import org.tempora.metrics.Psnr;
import org.tempora.testutil.DevImages;

class H264Mp4Test {
    @TempDir Path tmp;

    static Clip clip(List<int[]> frames, int w, int h, double fps) {
        return new Clip() {
            @Override public int width() { return w; }
            @Override public int height() { return h; }
            @Override public int frames() { return frames.size(); }
            @Override public double fps() { return fps; }
            @Override public int[] rgb(int i) { return frames.get(i); }
        };
    }

    @Test
    void grey128RoundTripsTo128() throws Exception {
        int w = 48, h = 32;
        int[] grey = new int[w * h];
        java.util.Arrays.fill(grey, 0x808080);
        Path mp4 = tmp.resolve("grey.mp4");
        H264Mp4.write(clip(List.of(grey, grey, grey), w, h, 10), mp4, H264Mp4.DEFAULT_QUANTISER, null, CancellationToken.none());
        List<LinearImage> back = VideoFrames.read(mp4);
        assertEquals(3, back.size());
        for (LinearImage f : back) {
            assertEquals(w, f.width());
            assertEquals(h, f.height());
            for (int c = 0; c < 3; c++) {
                for (float v : f.plane(c)) assertEquals(128, Srgb.fromLinear(v) * 255, 1.0);
            }
        }
    }

    @Test
    void sharpColourClipsKeep40Db() throws Exception {
        for (String image : new String[] {"astronaut.png", "chelsea.png", "coffee.png"}) {
            int w = 192, h = 128, n = 4;
            List<int[]> frames = new ArrayList<>();
            List<LinearImage> originals = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                LinearImage crop = DevImages.crop(image, 120 + 2 * i, 100 + i, w, h); // sharp colour detail, moving
                originals.add(crop);
                frames.add(SrgbPixels.pack(crop));
            }
            Path mp4 = tmp.resolve(image + ".mp4");
            H264Mp4.write(clip(frames, w, h, 12), mp4, H264Mp4.DEFAULT_QUANTISER, null, CancellationToken.none());
            List<LinearImage> back = VideoFrames.read(mp4);
            for (int i = 0; i < n; i++) {
                double psnr = Psnr.between(originals.get(i), back.get(i));
                assertTrue(psnr >= 40, image + " frame " + i + ": " + psnr + " dB");
            }
        }
    }

    @Test
    void devImageClipKeeps40DbAndSignalsBt709LimitedRange() throws Exception {
        int w = 160, h = 96, n = 6;
        List<int[]> frames = new ArrayList<>();
        List<LinearImage> originals = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            LinearImage crop = DevImages.crop("clock_motion.png", 100 + 3 * i, 80, w, h);   // the dev image with real blur
            originals.add(crop);
            frames.add(SrgbPixels.pack(crop));
        }
        Path mp4 = tmp.resolve("clock.mp4");
        H264Mp4.write(clip(frames, w, h, 12), mp4, H264Mp4.DEFAULT_QUANTISER, "<x:xmpmeta>sha-test</x:xmpmeta>", CancellationToken.none());
        List<LinearImage> back = VideoFrames.read(mp4);
        assertEquals(n, back.size());
        for (int i = 0; i < n; i++) {
            LinearImage o = originals.get(i);
            LinearImage rgb = new LinearImage(w, h, new float[][] {o.plane(0), o.plane(0), o.plane(0)});
            double psnr = Psnr.between(rgb, back.get(i));
            assertTrue(psnr >= 40, "frame " + i + ": " + psnr + " dB");
        }
        try (FileChannelWrapper ch = NIOUtils.readableChannel(mp4.toFile())) {
            MP4Demuxer demuxer = MP4Demuxer.createMP4Demuxer(ch);
            VideoSampleEntry entry = (VideoSampleEntry) ((org.jcodec.containers.mp4.demuxer.AbstractMP4DemuxerTrack) demuxer.getVideoTrack()).getSampleEntries()[0];
            AvcCBox avcc = H264Utils.parseAVCC(entry);
            SeqParameterSet sps = H264Utils.readSPS(avcc.getSpsList().get(0).duplicate());
            assertNotNull(sps.vuiParams);
            assertEquals(1, sps.vuiParams.matrixCoefficients);
            assertEquals(1, sps.vuiParams.colourPrimaries);
            assertEquals(1, sps.vuiParams.transferCharacteristics);
            assertFalse(sps.vuiParams.videoFullRangeFlag);
            assertEquals(1, sps.vuiParams.chromaSampleLocTypeTopField);
        }
        byte[] file = Files.readAllBytes(mp4);
        String tail = new String(file, file.length - 60, 60, StandardCharsets.ISO_8859_1);
        assertTrue(tail.contains("sha-test"));
        int box = file.length - ("<x:xmpmeta>sha-test</x:xmpmeta>".length() + 24);
        assertEquals("uuid", new String(file, box + 4, 4, StandardCharsets.ISO_8859_1));
        assertArrayEquals(H264Mp4.XMP_UUID, java.util.Arrays.copyOfRange(file, box + 8, box + 24));
    }

    @Test
    void cancelStopsBeforeTheNextFrame() {
        int[] px = new int[16 * 16];
        CancellationToken cancel = new CancellationToken();
        cancel.cancel();
        assertThrows(CancelledException.class,
                () -> H264Mp4.write(clip(List.of(px, px), 16, 16, 10), tmp.resolve("c.mp4"), 20, null, cancel));
    }
}
