package org.tempora.export.video;

import org.jcodec.codecs.h264.encode.RateControl;
import org.jcodec.codecs.h264.io.model.SliceType;
import org.jcodec.common.model.Picture;
import org.jcodec.common.model.Size;

/**
 * A chosen H.264 quantiser for every picture (jcodec's default rate control aims at a bit budget and lands near
 * 27 dB), lowered in flat macroblocks, as x264's adaptive quantisation does: offset = 3 log2((variance + 1) / 16),
 * between -{@value #MAX_REFINEMENT} and 0, from the variance (codes squared) of the macroblock's flattest plane. jcodec codes 16x16
 * intra prediction only, with a dead zone of 2/3 of a step, so without it a flat area inherits its neighbour's error
 * unchanged macroblock after macroblock (a sky 3 codes off at quantiser 18); flat macroblocks stay cheap when coded finer.
 * A macroblock over {@link #MAX_BITS_PER_MB} bits is coded again 2 steps coarser: jcodec writes each slice into a
 * buffer of one byte per pixel, which noise at a fine quantiser would overflow.
 */
final class ConstantQuantiser implements RateControl {
    /** 6 bits a pixel: a frame stays under jcodec's slice buffer of 8 bits a pixel, headers included. */
    static final int MAX_BITS_PER_MB = 16 * 16 * 6;
    /** How far below the chosen quantiser flat macroblocks may go (4 times finer steps). */
    static final int MAX_REFINEMENT = 12;
    /** Variance (codes squared) from which a macroblock keeps the chosen quantiser: a standard deviation of 4 codes. */
    static final double TEXTURED_VARIANCE = 16;

    private final int qp;
    private int[] offsets = new int[0];
    private int mb;
    private int current;

    ConstantQuantiser(int qp) {
        if (qp < 0 || qp > 51) throw new IllegalArgumentException("H.264 quantiser must be 0-51, got " + qp);
        this.qp = qp;
    }

    /**
     * Measures every macroblock of the next picture (samples stored as code - 128, planes padded to whole macroblocks):
     * the flattest of its luma and its two 8x8 chroma blocks sets the offset, since chroma shares the macroblock's
     * quantiser and suffers the same inherited error (jcodec ignores the PPS chroma offset, which could refine it alone).
     */
    void prepare(Picture p) {
        int mbw = p.getPlaneWidth(0) >> 4, mbh = p.getPlaneHeight(0) >> 4;
        offsets = new int[mbw * mbh];
        for (int my = 0; my < mbh; my++) {
            for (int mx = 0; mx < mbw; mx++) {
                double flattest = variance(p.getPlaneData(0), p.getPlaneWidth(0), mx * 16, my * 16, 16);
                if (p.getPlaneData(1) != null && !neutral(p, mx, my)) {
                    flattest = Math.min(flattest, variance(p.getPlaneData(1), p.getPlaneWidth(1), mx * 8, my * 8, 8));
                    flattest = Math.min(flattest, variance(p.getPlaneData(2), p.getPlaneWidth(2), mx * 8, my * 8, 8));
                }
                offsets[my * mbw + mx] = offset(flattest);
            }
        }
    }

    /** Both 8x8 chroma blocks exactly neutral (grey): the DC prediction's default is right there, nothing to inherit. */
    static boolean neutral(Picture p, int mx, int my) {
        for (int c = 1; c <= 2; c++) {
            byte[] plane = p.getPlaneData(c);
            int stride = p.getPlaneWidth(c);
            for (int y = 0; y < 8; y++) for (int x = 0; x < 8; x++) if (plane[(my * 8 + y) * stride + mx * 8 + x] != 0) return false;
        }
        return true;
    }

    /** Variance of the n x n block at (x0, y0), in codes squared. */
    static double variance(byte[] plane, int stride, int x0, int y0, int n) {
        long sum = 0, sq = 0;
        for (int y = 0; y < n; y++) {
            int row = (y0 + y) * stride + x0;
            for (int x = 0; x < n; x++) {
                int v = plane[row + x];
                sum += v;
                sq += v * v;
            }
        }
        double count = n * n;
        return (sq - sum * (double) sum / count) / count;
    }

    /** 3 log2((variance + 1) / 16), rounded, within [-MAX_REFINEMENT, 0]. */
    static int offset(double variance) {
        long o = Math.round(3 * (Math.log((variance + 1) / TEXTURED_VARIANCE) / Math.log(2)));
        return (int) Math.max(-MAX_REFINEMENT, Math.min(0, o));
    }

    @Override public int startPicture(Size size, int maxSize, SliceType type) {
        mb = 0;
        current = qp;
        return qp;
    }

    @Override public int initialQpDelta() {
        int target = Math.max(0, qp + (mb < offsets.length ? offsets[mb] : 0));   // macroblocks come in raster order
        mb++;
        int delta = target - current;
        current = target;
        return delta;
    }

    @Override public int accept(int bits) {
        if (bits <= MAX_BITS_PER_MB || current >= 50) return 0;
        current += 2;
        return 2;
    }
}
