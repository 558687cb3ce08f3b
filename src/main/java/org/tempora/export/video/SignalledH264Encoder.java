package org.tempora.export.video;

import org.jcodec.codecs.h264.H264Encoder;
import org.jcodec.codecs.h264.io.model.SeqParameterSet;
import org.jcodec.codecs.h264.io.model.VUIParameters;
import java.nio.ByteBuffer;
import org.jcodec.common.model.Picture;
import org.jcodec.common.model.Size;

/**
 * jcodec's H.264 encoder with a VUI in its sequence parameters saying how to read the samples: BT.709 primaries,
 * transfer and matrix (code 1 each), limited range, chroma between the luma rows and columns (H.264 Annex E.2.1).
 * Without it players guess, and many guess BT.601 for small pictures. Quantisers come from {@link ConstantQuantiser}.
 */
final class SignalledH264Encoder extends H264Encoder {
    private final ConstantQuantiser quantiser;

    SignalledH264Encoder(int qp) {
        this(new ConstantQuantiser(qp));
    }

    private SignalledH264Encoder(ConstantQuantiser quantiser) {
        super(quantiser);
        this.quantiser = quantiser;
    }

    /** Lets the quantiser measure the picture's macroblocks before they are coded. */
    @Override public EncodedFrame encodeFrame(Picture pic, ByteBuffer out) {
        quantiser.prepare(pic);
        return super.encodeFrame(pic, out);
    }

    @Override public SeqParameterSet initSPS(Size size) {
        SeqParameterSet sps = super.initSPS(size);
        VUIParameters vui = new VUIParameters();
        vui.videoSignalTypePresentFlag = true;
        vui.videoFormat = 5;                        // "unspecified video format"
        vui.videoFullRangeFlag = false;
        vui.colourDescriptionPresentFlag = true;
        vui.colourPrimaries = 1;
        vui.transferCharacteristics = 1;
        vui.matrixCoefficients = 1;
        vui.chromaLocInfoPresentFlag = true;
        vui.chromaSampleLocTypeTopField = 1;        // centre of each 2x2 block, as Bt709 averages
        vui.chromaSampleLocTypeBottomField = 1;
        sps.vuiParams = vui;
        return sps;
    }
}
