package org.tempora.export.video;

import static org.junit.jupiter.api.Assertions.*;

import org.jcodec.codecs.h264.io.model.SliceType;
import org.jcodec.common.model.ColorSpace;
import org.jcodec.common.model.Picture;
import org.jcodec.common.model.Size;
import org.junit.jupiter.api.Test;

class ConstantQuantiserTest {
    @Test
    void offsetIsThreeLog2OfVarianceOverSixteenWithinLimits() {
        assertEquals(0, ConstantQuantiser.offset(15));             // 3 log2(16/16) = 0
        assertEquals(-3, ConstantQuantiser.offset(7));             // 3 log2(8/16) = -3
        assertEquals(-12, ConstantQuantiser.offset(0));            // 3 log2(1/16) = -12
        assertEquals(0, ConstantQuantiser.offset(400));            // textured: never coarser than chosen
    }

    @Test
    void flatMacroblocksGoFinerTexturedOnesKeepTheQuantiserAndNeutralChromaIsIgnored() {
        Picture p = Picture.create(32, 16, ColorSpace.YUV420J);    // two macroblocks, all samples 0 (grey 128)
        byte[] y = p.getPlaneData(0);
        for (int r = 0; r < 16; r++) for (int c = 16; c < 32; c++) y[r * 32 + c] = (byte) (((r + c) % 2) * 40 - 20);   // right one textured
        ConstantQuantiser q = new ConstantQuantiser(18);
        q.prepare(p);
        assertEquals(18, q.startPicture(new Size(32, 16), 0, SliceType.I));
        assertEquals(-12, q.initialQpDelta());                     // flat left macroblock: 18 - 12 = 6
        assertEquals(0, q.accept(100));
        assertEquals(12, q.initialQpDelta());                      // textured right one: back to 18
        assertEquals(2, q.accept(ConstantQuantiser.MAX_BITS_PER_MB + 1));   // too many bits: 2 coarser
    }
}
