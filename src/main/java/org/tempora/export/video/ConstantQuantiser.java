package org.tempora.export.video;

import org.jcodec.codecs.h264.encode.RateControl;
import org.jcodec.codecs.h264.io.model.SliceType;
import org.jcodec.common.model.Size;

/**
 * One H.264 quantiser for every macroblock, so quality is the same in every frame (jcodec's default rate control
 * aims at a bit budget and lands near 27 dB). A macroblock that would need more than {@link #MAX_BITS_PER_MB} bits
 * is coded again 2 steps coarser: jcodec writes each slice into a buffer of one byte per pixel, which noise coded
 * at a fine quantiser would overflow; the next macroblock returns to the chosen quantiser.
 */
final class ConstantQuantiser implements RateControl {
    /** 6 bits a pixel: a frame stays under jcodec's slice buffer of 8 bits a pixel, headers included. */
    static final int MAX_BITS_PER_MB = 16 * 16 * 6;

    private final int qp;
    private int current;

    ConstantQuantiser(int qp) {
        if (qp < 0 || qp > 51) throw new IllegalArgumentException("H.264 quantiser must be 0-51, got " + qp);
        this.qp = qp;
    }

    @Override public int startPicture(Size size, int maxSize, SliceType type) {
        current = qp;
        return qp;
    }

    @Override public int initialQpDelta() {
        int delta = qp - current;   // back to the chosen quantiser after a coarser macroblock
        current = qp;
        return delta;
    }

    @Override public int accept(int bits) {
        if (bits <= MAX_BITS_PER_MB || current >= 50) return 0;
        current += 2;
        return 2;
    }
}
