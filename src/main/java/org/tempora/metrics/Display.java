package org.tempora.metrics;

import java.util.List;
import org.tempora.image.LinearImage;
import org.tempora.image.Srgb;

/** Display (sRGB-encoded) values, clamped to [0, 1], which is what the blur2vid paper scores. */
final class Display {
    private Display() {}

    /** One display plane per channel; Srgb.fromLinear already clamps to [0, 1]. */
    static float[][] planes(LinearImage image) {
        float[][] out = new float[image.channels()][image.pixelCount()];
        for (int c = 0; c < out.length; c++) {
            float[] src = image.plane(c), dst = out[c];
            for (int i = 0; i < dst.length; i++) dst[i] = (float) Srgb.fromLinear(src[i]);
        }
        return out;
    }

    static void requireSameShape(LinearImage a, LinearImage b, String what) {
        if (a.width() != b.width() || a.height() != b.height() || a.channels() != b.channels()) {
            throw new IllegalArgumentException(what + ": " + a + " and " + b
                    + " differ in size or channels: compare pictures of the same size and the same number of channels");
        }
    }

    /** Both videos non-empty, equally long, and every frame the same shape as the first ground-truth frame. */
    static void requireComparable(List<LinearImage> predicted, List<LinearImage> truth) {
        if (predicted.isEmpty() || truth.isEmpty()) throw new IllegalArgumentException("a video has no frames: give at least one frame of each");
        if (predicted.size() != truth.size()) {
            throw new IllegalArgumentException("the prediction has " + predicted.size() + " frames but the ground truth has " + truth.size()
                    + ": compare videos of the same length");
        }
        LinearImage reference = truth.get(0);
        for (int f = 0; f < truth.size(); f++) {
            requireSameShape(reference, truth.get(f), "ground-truth frame " + (f + 1));
            requireSameShape(reference, predicted.get(f), "predicted frame " + (f + 1));
        }
    }
}
