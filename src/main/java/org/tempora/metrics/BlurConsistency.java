package org.tempora.metrics;

import java.util.List;
import org.tempora.image.LinearImage;

/**
 * Blur consistency: how well the generated frames of the exposure re-blur into the input photo. The frames are
 * averaged in linear light (a photo's exposure integrates light), the mean is sRGB-encoded and clamped to [0, 1],
 * and its PSNR against the photo's display values is returned (peak 1.0, capped at {@link Psnr#CAP_DB}).
 * The blur2vid evaluation scripts instead compare the re-blurred ground truth with the re-blurred prediction using a
 * 2.2 gamma; this class compares with the photo itself, which is the only reference an archivist has.
 */
public final class BlurConsistency {
    private BlurConsistency() {}

    /** PSNR in dB between the photo and the linear-light mean of the frames that lie inside its exposure. */
    public static double psnr(LinearImage photo, List<LinearImage> exposureFrames) {
        return Psnr.between(photo, mean(exposureFrames));
    }

    /** The per-pixel mean of equally sized frames, in linear light. */
    public static LinearImage mean(List<LinearImage> frames) {
        if (frames.isEmpty()) throw new IllegalArgumentException("no frames given: give the frames that lie inside the exposure");
        LinearImage first = frames.get(0);
        int channels = first.channels(), pixels = first.pixelCount();
        double[][] sum = new double[channels][pixels];
        for (int f = 0; f < frames.size(); f++) {
            LinearImage frame = frames.get(f);
            Display.requireSameShape(first, frame, "frame " + (f + 1));
            for (int c = 0; c < channels; c++) {
                float[] src = frame.plane(c);
                double[] acc = sum[c];
                for (int i = 0; i < pixels; i++) acc[i] += src[i];
            }
        }
        float[][] planes = new float[channels][pixels];
        for (int c = 0; c < channels; c++) {
            for (int i = 0; i < pixels; i++) planes[c][i] = (float) (sum[c][i] / frames.size());
        }
        return new LinearImage(first.width(), first.height(), planes);
    }
}
